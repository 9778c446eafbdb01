"""The two places Jekyll's Liquid expressions differ from python-liquid's, kept to Jekyll's environment.

python-liquid 2.3 builds its ``blank`` literal and checks filter-argument tokens
in module-level functions that take no per-environment hook, so liquidsite
neither patches them nor copies the whole parser:

- ``x == blank``: Liquid asks ``x.blank?``, a method only ActiveSupport defines, so
  under Jekyll the comparison is false for every value, unless a gem of the site loads
  ActiveSupport (jemoji through html-pipeline, jekyll-archives-v2 through its
  inflector): then it is ActiveSupport's answer for the whole site (nil, false, empty or
  whitespace strings, empty arrays and hashes are blank). :func:`adopt_jekyll_blanks`
  turns each ``blank`` literal in a tree :class:`JekyllEnvironment` parsed into a
  :class:`JekyllBlank` or :class:`ActiveSupportBlank` (and a comparison with one into
  :class:`BlankEq`/:class:`BlankNe`, since python-liquid compares an undefined value
  before it asks the literal); templates of any other environment keep python-liquid's.
- ``where: "x", empty``: Liquid accepts ``blank`` and ``empty`` as filter arguments.
  :func:`parse_filtered_expression` parses ``{{ }}``, ``echo`` and ``assign`` markup
  with Liquid's argument tokens and returns python-liquid's own expression objects.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable, NoReturn, Union

from liquid import Mode
from liquid.ast import Node
from liquid.builtin.expressions.arguments import KeywordArgument, PositionalArgument
from liquid.builtin.expressions.filtered import (
    FILTER_TOKENS, Filter, FilteredExpression, TernaryFilteredExpression,
)
from liquid.builtin.expressions.logical import (
    ContainsExpression, EqExpression, GeExpression, GtExpression, LeExpression, LtExpression, NeExpression, _contains,
    _le, _lt,
)
from liquid.builtin.expressions.primitive import Blank, parse_primitive
from liquid.exceptions import LiquidSyntaxError, LiquidTypeError
from liquid.expression import Expression
from liquid.undefined import is_undefined
from liquid.token import (
    TOKEN_AND, TOKEN_AS, TOKEN_ASSIGN, TOKEN_BLANK, TOKEN_BY, TOKEN_COLON, TOKEN_COLS, TOKEN_COMMA, TOKEN_CONTAINS,
    TOKEN_CONTINUE, TOKEN_DOT, TOKEN_ELSE, TOKEN_EMPTY, TOKEN_EOF, TOKEN_FALSE, TOKEN_FOR, TOKEN_IF, TOKEN_IN,
    TOKEN_LIMIT, TOKEN_NIL, TOKEN_NOT, TOKEN_NULL, TOKEN_OFFSET, TOKEN_OR, TOKEN_PIPE, TOKEN_REQUIRED,
    TOKEN_REVERSED, TOKEN_TRUE, TOKEN_WITH, TOKEN_WORD,
)

if TYPE_CHECKING:
    from liquid import Environment
    from liquid.context import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token


class JekyllBlank(Blank):
    """Liquid's ``blank`` as Jekyll sees it: equal to nothing, itself included (and hashable)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__


def active_support_blank(value: object) -> bool:
    """ActiveSupport's ``blank?``: nil, false, empty or whitespace-only strings, empty arrays and hashes."""
    if value is None or value is False or is_undefined(value):
        return True
    if isinstance(value, str):
        return not value or value.isspace()
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    return False


class ActiveSupportBlank(Blank):
    """Liquid's ``blank`` where ActiveSupport is loaded: equal to what ``blank?`` calls blank."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Blank) or active_support_blank(other)

    __hash__ = object.__hash__


# python-liquid's errors name an operand's class ("not supported between 'str' and 'Blank'").
JekyllBlank.__name__ = JekyllBlank.__qualname__ = "Blank"
ActiveSupportBlank.__name__ = ActiveSupportBlank.__qualname__ = "Blank"


class BlankEq(EqExpression):
    """``x == blank`` with ActiveSupport: an undefined ``x`` is blank too."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> bool:
        left, right = self.left.evaluate(context), self.right.evaluate(context)
        if is_undefined(left) or is_undefined(right):
            return isinstance(left, ActiveSupportBlank) or isinstance(right, ActiveSupportBlank)
        return bool(super().evaluate(context))


class BlankNe(NeExpression):
    """``x != blank`` with ActiveSupport: the negation of :class:`BlankEq`."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> bool:
        left, right = self.left.evaluate(context), self.right.evaluate(context)
        if is_undefined(left) or is_undefined(right):
            return not (isinstance(left, ActiveSupportBlank) or isinstance(right, ActiveSupportBlank))
        return bool(super().evaluate(context))


def adopt_jekyll_blanks(nodes: list[Node], active_support: bool = False) -> None:
    """Give every ``blank`` literal in the parse tree *nodes* Jekyll's comparison
    (ActiveSupport's where the site loads it).

    Any node or expression type may hold expressions (a site plugin's tag too), so the
    walk follows every attribute rather than the nodes' static-analysis methods.
    """
    blank_class = ActiveSupportBlank if active_support else JekyllBlank
    seen: set[int] = set()
    pending: list[object] = list(nodes)
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if type(item) is Blank:
            item.__class__ = blank_class
        elif active_support and type(item) in (EqExpression, NeExpression) and \
                (isinstance(item.left, Blank) or isinstance(item.right, Blank)):  # type: ignore[attr-defined]
            item.__class__ = BlankEq if type(item) is EqExpression else BlankNe
            pending.extend(_attributes(item))
        elif isinstance(item, (list, tuple)):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, (Node, Expression, Filter, KeywordArgument, PositionalArgument)):
            pending.extend(_attributes(item))


def _attributes(item: object) -> Iterable[object]:
    for cls in type(item).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if hasattr(item, name):
                yield getattr(item, name)
    yield from getattr(item, "__dict__", {}).values()


# Liquid's filter arguments: python-liquid's tokens plus the `blank` and `empty` literals.
_ARGUMENT_TOKENS = frozenset(FILTER_TOKENS | {TOKEN_BLANK, TOKEN_EMPTY})


#: python-liquid's keyword tokens, which Ruby Liquid reads as plain names after a dot
_KEYWORD_KINDS = frozenset((
    TOKEN_AND, TOKEN_AS, TOKEN_BY, TOKEN_COLS, TOKEN_CONTAINS, TOKEN_CONTINUE, TOKEN_ELSE, TOKEN_FALSE, TOKEN_FOR,
    TOKEN_IF, TOKEN_IN, TOKEN_LIMIT, TOKEN_NIL, TOKEN_NOT, TOKEN_NULL, TOKEN_OFFSET, TOKEN_OR, TOKEN_REQUIRED,
    TOKEN_REVERSED, TOKEN_TRUE, TOKEN_WITH,
))


def words_after_dots(stream: "TokenStream") -> "TokenStream":
    """*stream* with a keyword after a dot read as a name: ``{{ locale.post.in }}`` looks up ``in``.

    Ruby Liquid's lexer has no keywords inside a variable path (NexT's ``{{ __.post.in }}``, ``site.data.x.or``);
    python-liquid's makes ``in``, ``and``, ``or``, ``contains`` ... keywords wherever they stand.
    """
    tokens = stream.tokens
    for index in range(1, len(tokens)):
        if tokens[index].kind in _KEYWORD_KINDS and tokens[index - 1].kind == TOKEN_DOT:
            tokens[index] = tokens[index]._replace(kind=TOKEN_WORD)
    return stream


def parse_filtered_expression(env: "Environment", tokens: "TokenStream") -> Union[FilteredExpression,
                                                                                   TernaryFilteredExpression]:
    """``FilteredExpression.parse`` with Liquid's filter-argument tokens."""
    words_after_dots(tokens)
    left = parse_primitive(env, tokens)
    filters = _parse_filters(env, tokens, (TOKEN_PIPE,))
    if tokens.current.kind == TOKEN_IF:
        if not env.ternary_expressions:
            raise LiquidSyntaxError("disallowed ternary expression", token=tokens.current)
        return TernaryFilteredExpression.parse(env, FilteredExpression(left.token, left, filters), tokens)
    tokens.eat(TOKEN_EOF)
    return FilteredExpression(left.token, left, filters)


def _parse_filters(env: "Environment", tokens: "TokenStream", delimiters: tuple[str, ...]) -> list[Filter]:
    """Filters separated by *delimiters*, each ``name`` or ``name: arg, key: arg``, as python-liquid reads them."""
    filters: list[Filter] = []
    separators = (TOKEN_COLON, TOKEN_ASSIGN) if env.keyword_assignment else (TOKEN_COLON,)
    while tokens.current.kind in delimiters:
        next(tokens)
        name = tokens.eat(TOKEN_WORD)
        arguments: list[Union[KeywordArgument, PositionalArgument]] = []
        if tokens.current.kind == TOKEN_COLON:
            next(tokens)
            while True:
                token = tokens.current
                if token.kind == TOKEN_WORD and tokens.peek.kind in separators:
                    next(tokens)
                    next(tokens)
                    arguments.append(KeywordArgument(token, token.value, parse_primitive(env, tokens)))
                elif token.kind in _ARGUMENT_TOKENS:
                    arguments.append(PositionalArgument(parse_primitive(env, tokens)))
                elif token.kind == TOKEN_COMMA:
                    if env.mode == Mode.STRICT and tokens.peek.kind == TOKEN_COMMA:
                        _expected_comma(tokens.peek)
                    next(tokens)
                    continue
                else:
                    break
                if tokens.current.kind in _ARGUMENT_TOKENS:  # two arguments without a comma between
                    _expected_comma(tokens.current)
        filters.append(Filter(name, name.value, arguments))
    return filters


def _expected_comma(found: "Token") -> NoReturn:
    raise LiquidSyntaxError(f"expected a comma separated list of arguments, found {found.kind}", token=found)


def ruby_contains(token: Any, left: object, right: object) -> bool:
    """Liquid's ``contains``: false, not an error, when the left side has no ``include?``.

    Ruby's condition asks ``left.respond_to?(:include?)``; a boolean or a number does not
    (``{% if site.show_frame contains "." %}`` with ``show_frame: true`` in the contrast theme).
    """
    if isinstance(left, Mapping) and not isinstance(right, Hashable):  # Hash#include? of an array: no such key
        return False
    if isinstance(left, (str, Collection)):
        return _contains(token, left, right)
    return False


class RubyContainsExpression(ContainsExpression):
    """``contains`` as Ruby Liquid evaluates it (:func:`ruby_contains`), for the interpreter."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> object:
        return ruby_contains(self.token, self.left.evaluate(context), self.right.evaluate(context))

    async def evaluate_async(self, context: "RenderContext") -> object:
        return ruby_contains(self.token, await self.left.evaluate_async(context),
                             await self.right.evaluate_async(context))


def _orderable(value: object) -> bool:
    """Whether Ruby's value has ``<`` (String, Numeric, Time, Date); Liquid's condition is nil for any other."""
    return isinstance(value, (str, Decimal, date)) or (isinstance(value, (int, float)) and not isinstance(value, bool))


def ruby_lt(token: Any, left: object, right: object, swapped: bool = False) -> bool:
    """Liquid's ``<`` (and ``>``: sides swapped, *swapped* true): false, not an error, unless both sides have
    ``<`` and neither is a hash (an array, a drop, ``nil``, a boolean, ``empty``); times and dates compare
    among themselves (``site.time > page.date``), a date with a number as its Julian day; a string against a
    number stays an error, as in Ruby."""
    return _ruby_order(token, left, right, swapped, _lt)


def ruby_le(token: Any, left: object, right: object, swapped: bool = False) -> bool:
    """Liquid's ``<=`` (and ``>=``), as :func:`ruby_lt`."""
    return _ruby_order(token, left, right, swapped, lambda _token, left, right: _le(left, right))


def _ruby_order(token: Any, left: object, right: object, swapped: bool,
                compare: Callable[[Any, object, object], bool]) -> bool:
    left = left.__liquid__() if hasattr(left, "__liquid__") else left
    right = right.__liquid__() if hasattr(right, "__liquid__") else right
    if not (_orderable(left) and _orderable(right)):
        return False
    if isinstance(left, datetime) and isinstance(right, datetime):  # naive ones are local, as Ruby's Time
        return compare(token, left.timestamp(), right.timestamp())
    receiver, other = (right, left) if swapped else (left, right)
    if type(receiver) is date and isinstance(other, (int, float, Decimal)):  # Date#<=> reads it as a Julian day
        return compare(token, _julian_day(left), _julian_day(right))
    if type(receiver) is date or type(other) is date:
        if type(receiver) is not type(other):
            raise LiquidTypeError(f"comparison of {_ruby_class(receiver)} with {_ruby_class(other)} failed",
                                  token=token)
        return compare(token, _julian_day(left), _julian_day(right))
    return compare(token, left, right)


def _ruby_class(value: object) -> str:
    return {date: "Date", datetime: "Time", str: "String", int: "Integer", float: "Float"}.get(type(value), "Object")


def _julian_day(value: object) -> object:
    """A date as Ruby's ``Date#ajd`` (its Julian day number less a half), anything else as it is."""
    return value.toordinal() + 1721424.5 if type(value) is date else value


class RubyLtExpression(LtExpression):
    """``<`` as Ruby Liquid evaluates it (:func:`ruby_lt`), for the interpreter."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> object:
        return ruby_lt(self.token, self.left.evaluate(context), self.right.evaluate(context))


class RubyGtExpression(GtExpression):
    """``>`` as Ruby Liquid evaluates it (:func:`ruby_lt`), for the interpreter."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> object:
        return ruby_lt(self.token, self.right.evaluate(context), self.left.evaluate(context), True)


class RubyLeExpression(LeExpression):
    """``<=`` as Ruby Liquid evaluates it (:func:`ruby_le`), for the interpreter."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> object:
        return ruby_le(self.token, self.left.evaluate(context), self.right.evaluate(context))


class RubyGeExpression(GeExpression):
    """``>=`` as Ruby Liquid evaluates it (:func:`ruby_le`), for the interpreter."""

    __slots__ = ()

    def evaluate(self, context: "RenderContext") -> object:
        return ruby_le(self.token, self.right.evaluate(context), self.left.evaluate(context), True)


_RUBY_OPERATORS: dict[type, type] = {
    ContainsExpression: RubyContainsExpression, LtExpression: RubyLtExpression, GtExpression: RubyGtExpression,
    LeExpression: RubyLeExpression, GeExpression: RubyGeExpression,
}


def with_ruby_operators(expression: Expression) -> Expression:
    """*expression* with each python-liquid ``contains``, ``<``, ``>``, ``<=``, ``>=`` replaced by its
    Ruby Liquid counterpart (:class:`RubyContainsExpression`, :class:`RubyLtExpression`...)."""
    for name in ("left", "right", "expression"):
        child = getattr(expression, name, None)
        if isinstance(child, Expression):
            setattr(expression, name, with_ruby_operators(child))
    ruby = _RUBY_OPERATORS.get(type(expression))
    if ruby is not None:
        return ruby(expression.token, expression.left, expression.right)  # type: ignore[attr-defined]
    return expression
