"""``if``, ``elsif`` and ``unless`` conditions the strict parser rejects, read as Liquid's lax parser reads them.

Under Jekyll, Liquid 5 parses a condition strictly first; in the default ``warn``
mode a failure is a ``Liquid Warning`` (in Liquid's strict-parser wording) and
``If#lax_parse`` takes over. That parser splits the markup at ``and``/``or`` and
reads each part with a regex (``left [operator right]``), whose operands are read
by ``Expression.parse``: ``(page.v == 1 or page.v == 2)`` is
``page.v == 1 or page.v == 2)``, where ``2)`` is the variable ``2`` (nil). An
operator Liquid does not know fails only when the condition is evaluated
(``{% if {{ v }} %}`` is ``{{`` with the operator ``v``). The chain is built from the
right, as Liquid builds it: ``a or b and c`` is ``a or (b and c)``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Union, cast

from liquid import Mode
from liquid.ast import BlockNode, ConditionalBlockNode
from liquid.builtin.expressions import BooleanExpression, tokenize
from liquid.builtin.expressions.logical import LogicalAndExpression, LogicalOrExpression
from liquid.builtin.tags.if_tag import IfNode, IfTag
from liquid.builtin.tags.unless_tag import UnlessNode, UnlessTag
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG

from ..lazy_re import lazy_pattern
from .expressions import with_ruby_operators, words_after_dots
from .lax_variables import QUOTED_FRAGMENT, expression
from .messages import ruby_condition_error

if TYPE_CHECKING:
    from liquid.ast import Node
    from liquid.context import RenderContext
    from liquid.environment import Environment
    from liquid.token import Token

    from .environment import JekyllEnvironment

_OPERATORS = frozenset(("==", "!=", "<>", "<", ">", ">=", "<=", "contains"))
_CONDITION = lazy_pattern(rf"({QUOTED_FRAGMENT})\s*([=!<>a-z_]+)?\s*({QUOTED_FRAGMENT})?", re.S)
_AND_OR = r"\b(?:\s?and\s?|\s?or\s?)\b"
_EXPRESSIONS_AND_OPERATORS = lazy_pattern(rf"(?:{_AND_OR}|(?:\s*(?!{_AND_OR})(?:{QUOTED_FRAGMENT}|\S+)\s*)+)", re.S)


#: A ``(`` outside quotes that opens no range: python-liquid groups with it, Liquid's strict parser fails on
#: it (``Expected dotdot``) and its lax one reads ``(a`` and ``b)`` as variables (``(true)`` is nil).
_GROUPING = lazy_pattern(r"""'[^']*'|"[^"]*"|(\((?![^()]*\.\.))""")


def _groups(markup: str) -> bool:
    return "(" in markup and any(found.group(1) for found in _GROUPING.finditer(markup))


class UnknownOperator(Expression):
    """A comparison with an operator Liquid lacks: an error when evaluated, as Liquid's ``Condition``."""

    __slots__ = ("operator",)

    def __init__(self, token: "Token", operator: str) -> None:
        super().__init__(token)
        self.operator = operator

    def __str__(self) -> str:
        return f"<unknown operator {self.operator}>"

    def evaluate(self, context: "RenderContext") -> object:
        raise LiquidError(f"Unknown operator {self.operator}", token=self.token)

    async def evaluate_async(self, context: "RenderContext") -> object:
        return self.evaluate(context)

    def children(self) -> list[Expression]:
        return []


def _comparison(env: "Environment", markup: str, token: "Token") -> Optional[Expression]:
    """One ``left [operator right]`` part, or None when the lax regex finds none in *markup*."""
    found = _CONDITION.search(markup)
    if found is None:
        return None
    left, operator, right = found.groups()
    if operator is not None and operator not in _OPERATORS:
        return UnknownOperator(token, operator)
    source = expression(left) if operator is None else f"{expression(left)} {operator} {expression(right or '')}"
    return BooleanExpression.parse(env, TokenStream(tokenize(source, parent_token=token))).expression


def lax_condition(env: "Environment", markup: str, token: "Token") -> Optional[BooleanExpression]:
    """``If#lax_parse`` of *markup*; None where Liquid raises its fatal ``Syntax Error in tag 'if'``."""
    parts = list(_EXPRESSIONS_AND_OPERATORS.findall(markup))
    condition = _comparison(env, parts.pop(), token) if parts else None
    if condition is None:
        return None
    while parts:
        operator = parts.pop().strip()
        left = _comparison(env, parts.pop() if parts else "", token)
        if left is None or operator not in ("and", "or"):
            return None
        joined = LogicalAndExpression if operator == "and" else LogicalOrExpression
        condition = joined(token, left, condition)
    return BooleanExpression(token, condition)


def parse_condition(env: "JekyllEnvironment", tag: "Token", stream: TokenStream) -> BooleanExpression:
    """The condition of the tag *tag* at *stream*: strict, else (outside strict mode) Liquid's lax reading."""
    markup_token = stream.current if stream.current.kind == TOKEN_EXPRESSION else None
    warned = len(env.parse_warnings)
    try:
        strict = BooleanExpression.parse(env, words_after_dots(stream.into_inner(tag=tag)))
        grouped = env.mode != Mode.STRICT and markup_token is not None and _groups(markup_token.value)
        if len(env.parse_warnings) == warned and not grouped:
            strict.expression = with_ruby_operators(strict.expression)
            return strict
        del env.parse_warnings[warned:]  # python-liquid recovered from an error Liquid does not accept
    except LiquidSyntaxError as err:
        if env.mode == Mode.STRICT and markup_token is not None:
            rejected = ruby_condition_error(markup_token.value)
            if rejected is None:
                raise
            raise LiquidSyntaxError(f'{rejected} in "{markup_token.value}"', token=markup_token) from err
    markup = markup_token.value if markup_token is not None else ""
    where = markup_token or tag
    condition = lax_condition(env, markup, where) if env.mode != Mode.STRICT else None
    if condition is None:
        failure = LiquidSyntaxError("Syntax Error in tag 'if' - Valid syntax: if [expression]", token=tag)
        failure.jekyll_fatal = True  # type: ignore[attr-defined]  # in every error mode
        raise failure
    rejected = ruby_condition_error(markup)
    if rejected is not None:  # the warning Jekyll prints before falling back
        env.error(LiquidSyntaxError(f'{rejected} in "{markup}"', token=where))
    condition.expression = with_ruby_operators(condition.expression)
    return condition


class _LaxConditionalTag(Tag):
    """The parse ``if`` and ``unless`` share: a condition, ``elsif`` branches, an ``else``, the end tag."""

    conditional_node: "type[Union[IfNode, UnlessNode]]"

    def parse(self, stream: TokenStream) -> "Node":
        env = cast("JekyllEnvironment", self.env)
        token = stream.eat(TOKEN_TAG)
        condition = parse_condition(env, token, stream)
        enders = frozenset((self.end, "elsif", "else", TOKEN_EOF))
        parse_block = get_parser(self.env).parse_block
        consequence = parse_block(stream, enders)
        alternatives: list[ConditionalBlockNode] = []
        while stream.current.is_tag("elsif"):
            expression = parse_condition(env, next(stream), stream)
            alternatives.append(ConditionalBlockNode(stream.current, expression=expression,
                                                     block=parse_block(stream, enders)))
        default: Optional[BlockNode] = None
        if stream.current.is_tag("else"):
            next(stream)
            if stream.current.kind == TOKEN_EXPRESSION:  # Liquid ignores markup after `else`
                next(stream)
            default = parse_block(stream, enders)
        while not stream.current.is_tag(self.end) and stream.current.kind != TOKEN_EOF:
            next(stream)  # Liquid ignores `elsif`/`else` after an `else`
        stream.expect(TOKEN_TAG, value=self.end)
        return self.conditional_node(token, condition, consequence, alternatives, default)


class LaxIfTag(_LaxConditionalTag, IfTag):
    """``if`` with Liquid's lax fallback for its conditions."""

    conditional_node = IfNode


class LaxUnlessTag(_LaxConditionalTag, UnlessTag):
    """``unless`` with Liquid's lax fallback for its conditions."""

    conditional_node = UnlessNode
