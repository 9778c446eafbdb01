"""``for`` and ``assign`` markup the strict parser rejects, read as Liquid's lax parser reads it.

Liquid 5 under Jekyll parses tags strictly first; in the default ``warn`` mode a
failure is a ``Liquid Warning`` and the lax grammar takes over (in ``strict`` mode
the error stands). For loops that grammar is a regex anchored only at the start:
``item in collection [reversed]``, then any ``limit:``/``offset:`` attributes found
anywhere in the markup; the rest (``| sort`` in a real academicpages include) is
ignored. An ``assign`` value is a variable read by :mod:`.lax_variables`.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterator, Optional, TextIO

from liquid import Mode
from liquid.builtin.expressions import Identifier, LoopExpression, Nil, StringLiteral, parse_identifier, tokenize
from liquid.builtin.content import ContentNode, Literal
from liquid.builtin.tags.assign_tag import AssignTag
from liquid.builtin.tags.capture_tag import CaptureTag
from liquid.builtin.tags.cycle_tag import CycleTag
from liquid.builtin.tags.tablerow_tag import TablerowNode, TablerowTag
from liquid.builtin.tags.for_tag import (
    ENDFORBLOCK, ENDFORELSEBLOCK, TAG_ELSE, TAG_ENDFOR, BreakTag, ContinueTag, ForTag,
)
from liquid.exceptions import LiquidError, LiquidSyntaxError, LiquidTypeError
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.token import TOKEN_ASSIGN, TOKEN_EXPRESSION, TOKEN_TAG, TOKEN_WORD
from liquid.undefined import is_undefined

from ..lazy_re import lazy_pattern
from .drops import CurrentSiteDrop, Drop, PageDrop
from .expressions import parse_filtered_expression, words_after_dots
from .lax_variables import QUOTED_FRAGMENT, lax_variable_markup
from .lexer import RAW_OPENER

if TYPE_CHECKING:
    from liquid.ast import Node
    from liquid.builtin.tags.assign_tag import AssignNode
    from liquid.builtin.tags.capture_tag import CaptureNode
    from liquid.builtin.tags.cycle_tag import CycleNode
    from liquid.builtin.tags.for_tag import BreakNode, ContinueNode
    from liquid.context import RenderContext
    from liquid.token import Token

_QUOTED_FRAGMENT = QUOTED_FRAGMENT
_LAX_FOR = lazy_pattern(rf"\A\s*([\w-]+)\s+in\s+({_QUOTED_FRAGMENT}+)\s*(reversed)?", re.S)
_TAG_ATTRIBUTE = lazy_pattern(rf"(\w[\w-]*)\s*:\s*({_QUOTED_FRAGMENT})")


def lax_loop_markup(markup: str) -> Optional[str]:
    """The loop markup Liquid's lax parser keeps, or None when it rejects *markup* too."""
    match = _LAX_FOR.match(markup)
    if match is None:
        return None
    parts = [match.group(1), "in", match.group(2)]
    if match.group(3):
        parts.append("reversed")
    attributes = {name: value for name, value in _TAG_ATTRIBUTE.findall(markup) if name in ("limit", "offset")}
    parts.extend(f"{name}: {value}" for name, value in attributes.items())
    return " ".join(parts)


class RubyLoopExpression(LoopExpression):
    """A loop over a Jekyll drop (``site``, a document, a collection) yields its keys, as in Jekyll,
    and ``limit:``/``offset:`` slice as Liquid's ``collection_segment`` does.

    A drop's ``each`` yields a key and a value, and Liquid's one-parameter block keeps the key;
    a hash (data, front matter) still yields ``[key, value]`` pairs.
    """

    def _to_iter(self, obj: object, context: "RenderContext") -> tuple[Iterator[Any], int]:
        if isinstance(obj, (Drop, CurrentSiteDrop)) and not isinstance(obj, PageDrop):  # a page is a hash
            keys = list(obj)
            return iter(keys), len(keys)
        return super()._to_iter(obj, context)

    def evaluate(self, context: "RenderContext") -> tuple[Iterator[object], int]:
        """The items ``offset <= index < offset + limit`` (python-liquid reads ``limit: 0`` as no limit and
        fails on a negative one); a string is one item whatever the two say (``slice_collection``), and
        ``offset: continue`` resumes where the last loop of the same markup stopped (``from + taken``)."""
        key = f"{self.identifier}-{self.iterable}"
        if isinstance(self.offset, StringLiteral) and self.offset.value == "continue":
            start = context.stopindex(key)
        else:
            start = self._integer(self.offset, context) or 0
        collection = self.iterable.evaluate(context)
        it, length = self._to_iter(collection, context)
        limit = self._integer(self.limit, context)
        if not isinstance(collection, str):
            low = min(max(start, 0), length)
            high = length if limit is None else min(max(limit + start, low), length)
            it, length = islice(it, low, high), high - low
        context.stopindex(key=key, index=start + length)
        return (reversed(list(it)) if self.reversed else it), length

    def _integer(self, expression: Optional[Expression], context: "RenderContext") -> Optional[int]:
        """An attribute's integer, None when it is absent or nil (Liquid's ``Utils.to_integer``)."""
        value = None if expression is None else expression.evaluate(context)
        if value is None or is_undefined(value) or expression is None:
            return None
        if isinstance(value, float):  # Ruby's ``Integer("1.5")`` fails
            raise LiquidTypeError("invalid integer", token=expression.token)
        return self._to_int(value, token=expression.token)


def _ruby_loop(expr: LoopExpression) -> RubyLoopExpression:
    return RubyLoopExpression(expr.token, expr.identifier, expr.iterable, limit=expr.limit, offset=expr.offset,
                              reversed_=expr.reversed, cols=expr.cols)


class LaxForTag(ForTag):
    """``for`` parsed strictly, then (outside strict mode) as Liquid's lax parser would."""

    def parse(self, stream: TokenStream) -> "Node":
        token = stream.eat(TOKEN_TAG)
        expr_token = stream.current
        try:
            expr = _ruby_loop(LoopExpression.parse(self.env, words_after_dots(stream.into_inner(tag=token))))
        except LiquidSyntaxError as err:
            lax = lax_loop_markup(expr_token.value) if self.env.mode != Mode.STRICT else None
            if lax is None or expr_token.kind != TOKEN_EXPRESSION:
                raise
            try:
                expr = _ruby_loop(LoopExpression.parse(self.env, TokenStream(tokenize(lax, parent_token=expr_token))))
            except LiquidError:
                raise err from None
            if err.token is None or err.token.start_index < 0:  # an error at the end of the markup
                err.token = expr_token
            self.env.error(err)  # the warning Jekyll prints before falling back
        else:
            loop = _LAX_FOR.match(expr_token.value) if expr.reversed else None
            if loop is not None and not loop.group(3):  # ``reversed`` after an attribute: strict Liquid fails,
                expr.reversed = False  # and the lax grammar takes it only right after the collection
                self.env.error(LiquidSyntaxError(  # worded by ``messages.syntax_text`` as Liquid's
                    "expected 'reversed', 'offset' or 'limit'", token=expr_token._replace(kind=TOKEN_WORD)))
        parse_block = get_parser(self.env).parse_block
        block = parse_block(stream, ENDFORBLOCK)
        default = None
        if stream.current.is_tag(TAG_ELSE):
            next(stream)
            default = parse_block(stream, ENDFORELSEBLOCK)
        stream.expect(TOKEN_TAG, value=TAG_ENDFOR)
        return self.node_class(token, expression=expr, block=block, default=default)


# Liquid's ``Assign::Syntax``, matched anywhere in the markup (``=~``): the name is the first run of
# ``VariableSignature`` characters followed by ``=``, kept as written (``(q)`` names a variable ``(q)``).
_LAX_ASSIGN = lazy_pattern(r"((?:\(?[\w\-.\[\]]\)?)+)\s*=\s*(.*)", re.S)


class LaxAssignTag(AssignTag):
    """``assign`` parsed strictly, then as Liquid reads it: its own regex, the value as a ``Variable``.

    Liquid never parses the name strictly, so markup such as ``= name = value`` (a real
    hydejack include) assigns ``name`` without a warning; only a value the strict parser
    rejects is warned about and read with the lax variable syntax (outside strict mode).
    """

    def parse(self, stream: TokenStream) -> "AssignNode":
        token = stream.eat(TOKEN_TAG)
        expr_token = stream.current
        try:
            tokens = stream.into_inner(tag=token, eat=False)
            name = parse_identifier(self.env, tokens, allow_trailing_question_mark=False)
            tokens.eat(TOKEN_ASSIGN)
            return self.node_class(token, name=name, expression=parse_filtered_expression(self.env, tokens))
        except LiquidSyntaxError as err:
            found = _LAX_ASSIGN.search(expr_token.value) if expr_token.kind == TOKEN_EXPRESSION else None
            if found is None:
                raise
            name_markup, value_markup = found.group(1), found.group(2).strip()
            if not value_markup:
                # Liquid's Variable takes empty markup as nil, in every error mode, without a word.
                return self._assign(token, name_markup, "nil", expr_token)
            try:
                return self._assign(token, name_markup, value_markup, expr_token)
            except LiquidError:
                pass
            lax = lax_variable_markup(value_markup) if self.env.mode != Mode.STRICT else None
            if lax is None:
                raise
            try:
                node = self._assign(token, name_markup, lax, expr_token)
            except LiquidError:
                raise err from None
            if err.token is None or err.token.start_index < 0:  # an error at the end of the markup
                err.token = expr_token
            self.env.error(err)  # the warning Jekyll prints before falling back
            return node

    def _assign(self, token: "Token", name_markup: str, value_markup: str, expr_token: "Token") -> "AssignNode":
        tokens = TokenStream(tokenize(value_markup, parent_token=expr_token))
        name = Identifier(name_markup, token=expr_token)
        return self.node_class(token, name=name, expression=parse_filtered_expression(self.env, tokens))


class RubyBreakTag(BreakTag):
    """``break``, which Ruby Liquid never counts as blank (an ``if`` around it keeps its whitespace)."""

    def parse(self, stream: TokenStream) -> "BreakNode":
        node = super().parse(stream)
        node.blank = False
        return node


class RubyCaptureTag(CaptureTag):
    """``capture``, whose body keeps whitespace-only text (``{% capture newline %}\n{% endcapture %}``).

    Ruby Liquid removes blank strings from ``if``, ``unless``, ``case`` and ``for`` bodies only;
    python-liquid suppresses any blank block, which captured an empty string instead of a newline
    (just-the-docs' ``split: newline`` of its head-nav CSS).
    """

    def parse(self, stream: TokenStream) -> "CaptureNode":
        node = super().parse(stream)
        node.block.blank = False
        return node


class RubyContinueTag(ContinueTag):
    """``continue``, never blank, as :class:`RubyBreakTag`."""

    def parse(self, stream: TokenStream) -> "ContinueNode":
        node = super().parse(stream)
        node.blank = False
        return node


class RubyCycleTag(CycleTag):
    """``cycle``, whose ``nil``/``null`` values Ruby Liquid drops (``variables_from_string`` ends in
    ``compact``): ``{% cycle 'rows': '<div class="row">', nil, nil %}`` writes the ``<div>`` every
    time, as a site that meant one row in three found (AustenLamacraft/al-folio's CV). With no value
    left, one ``nil`` stays: it writes nothing, as Ruby's ``evaluate(nil)`` does."""

    def parse(self, stream: TokenStream) -> "CycleNode":
        node = super().parse(stream)
        node.args = [arg for arg in node.args if not isinstance(arg, Nil)] or node.args[:1]
        return node


class RubyTablerowNode(TablerowNode):
    """``tablerow``, whose empty row Ruby Liquid writes for any collection but ``nil`` and ``false``
    (an empty array, a number: ``<tr class="row1">\\n</tr>\\n``), where python-liquid writes nothing."""

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        collection = self.expression.iterable.evaluate(context)
        if collection is None or collection is False or is_undefined(collection):
            return False
        if self.expression.evaluate(context)[1] == 0:
            buffer.write('<tr class="row1">\n</tr>\n')
            return True
        return super().render_to_output(context, buffer)


class RubyTablerowTag(TablerowTag):
    """``tablerow`` sliced by ``limit:``/``offset:`` as ``for`` is (Liquid's ``slice_collection``), its
    cells keeping whitespace-only text (Ruby Liquid removes blank strings from ``if``, ``unless``,
    ``case`` and ``for`` only)."""

    node_class = RubyTablerowNode

    def parse(self, stream: TokenStream) -> TablerowNode:
        node = super().parse(stream)
        node.expression = _ruby_loop(node.expression)
        node.block.blank = False
        return node


#: Ruby Liquid's ``WhitespaceOrNothing`` (``/\A\s*\z/``): its ``\s`` is ASCII whitespace only.
_RUBY_WHITESPACE = frozenset(" \t\n\v\f\r")


class RubyLiteral(Literal):
    """Template text, blank (dropped from a block tag that holds nothing else) only when Ruby Liquid's
    ASCII ``\\s`` covers it: python-liquid's ``str.isspace`` also takes ``\\u3000``, NBSP, ``\\x85``...
    A ``raw`` block's text (its token starts at the ``raw`` tag) is blank only when empty (``Raw#blank?``)."""

    def parse(self, stream: TokenStream) -> ContentNode:
        token = stream.current
        node = super().parse(stream)
        if node.text and node.blank and (not _RUBY_WHITESPACE.issuperset(node.text)
                                         or RAW_OPENER.match(token.source, token.start_index) is not None):
            node.blank = False
        return node
