"""The python-liquid environment configured as Jekyll's Liquid dialect.

Jekyll parses with ``error_mode`` (``liquid: error_mode:``, default ``warn``)
and always renders with ``render!``: markup errors are warnings (``warn``),
ignored (``lax``) or fatal (``strict``), but unknown or unclosed tags and
every error raised while rendering stop the build. python-liquid applies its
tolerance to both phases and reports through Python's ``warnings``, so
:meth:`JekyllEnvironment.error` sorts errors by phase and collects warnings
for the renderer to log Jekyll's way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Optional, Type, Union

from liquid import BoundTemplate, Environment, Mode
from liquid.builtin import FileSystemLoader
from liquid.builtin.expressions.primitive import Blank
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.builtin.expressions.filtered import FILTER_TOKENS
from liquid.builtin.output import Output, OutputNode
from liquid.stream import TokenStream
from liquid.token import TOKEN_BLANK, TOKEN_EMPTY, TOKEN_EXPRESSION, TOKEN_OUTPUT
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.ast import Node
from liquid.token import Token
from liquid.undefined import StrictUndefined, Undefined

from ..timeutil import zone
from . import filters, highlight_tag, standard_filters, tags
from .compiler import compile_template
from .lax_conditions import LaxIfTag, LaxUnlessTag
from .lexer import jekyll_lexer
from .lax_tags import LaxAssignTag, LaxForTag, RubyBreakTag, RubyContinueTag
from .lax_variables import lax_variable_markup
from .messages import lax_tag_failure
from .ruby import to_s
from .tag_errors import JekyllTagError

if TYPE_CHECKING:
    from typing import TextIO

    from liquid.context import RenderContext

    from ..site import Site

_MODES = {"lax": Mode.LAX, "warn": Mode.WARN, "strict": Mode.STRICT}

# Liquid raises these in every error mode: the template's block structure is broken.
_ALWAYS_FATAL = ("unexpected tag", "unknown tag", "expected tag", "was never closed", "unexpected end",
                 "not properly terminated", "expected '%}'", "expected '}}'")


def _blank_never_equal(self: Blank, other: object) -> bool:
    """``x == blank`` under Jekyll: Liquid asks ``x.blank?``, which only ActiveSupport defines,
    so the comparison is false for every value (strings, nil, arrays alike)."""
    return False


# python-liquid's `blank` literal knows no per-environment hook; liquidsite renders only
# Jekyll's dialect, so its comparison is set once for the process.
Blank.__eq__ = _blank_never_equal  # type: ignore[method-assign]
Blank.__hash__ = object.__hash__  # type: ignore[method-assign]


# Jekyll's `where` compares with the `blank`/`empty` literals (`where: "x", empty`); Liquid
# parses them as filter arguments, python-liquid only once they are argument tokens.
FILTER_TOKENS.update((TOKEN_BLANK, TOKEN_EMPTY))


class RubyOutputNode(OutputNode):
    """``{{ value }}`` printed as Ruby prints it (``Array#join``, ``Hash#inspect``, ``1.0e+21``)."""

    __slots__ = ()

    def render_to_output(self, context: "RenderContext", buffer: "TextIO") -> int:
        return buffer.write(to_s(self.expression.evaluate(context), context.env.local_zone()))  # type: ignore[attr-defined]


class RubyOutput(Output):
    """``{{ }}`` parsed strictly, then as Liquid's lax parser would after a warning."""

    node_class = RubyOutputNode

    def parse(self, stream: TokenStream) -> OutputNode:
        token = stream.eat(TOKEN_OUTPUT)
        expr_token = stream.expect(TOKEN_EXPRESSION)
        try:
            expression = FilteredExpression.parse(self.env, TokenStream(tokenize(expr_token.value, expr_token)))
        except LiquidSyntaxError as err:
            if err.token is None or err.token.start_index < 0:  # an error at the end of the markup
                err.token = expr_token
            lax = lax_variable_markup(expr_token.value) if self.env.mode != Mode.STRICT else None
            if lax is None:
                raise
            try:
                expression = FilteredExpression.parse(self.env, TokenStream(tokenize(lax, expr_token)))
            except LiquidError:
                raise err from None
            self.env.error(err)  # the warning Jekyll prints before falling back
        return self.node_class(token, expression)


class RubyEchoNode(EchoNode):
    __slots__ = ()

    def render_to_output(self, context: "RenderContext", buffer: "TextIO") -> int:
        return buffer.write(to_s(self.expression.evaluate(context), context.env.local_zone()))  # type: ignore[attr-defined]


class RubyEchoTag(EchoTag):
    node_class = RubyEchoNode


class JekyllEnvironment(Environment):
    """A Liquid environment bound to one site: filters and tags reach it as ``env.site``."""

    # Resource limits far above what real sites use, so that a template that loops or
    # grows without end stops with a Liquid error naming the file instead of hanging or
    # exhausting memory: nested loops' iterations (their product), the size of the values
    # a template assigns (sys.getsizeof, so a string doubled by ``append`` in a loop stops
    # near 200 MB) and include depth (Ruby Liquid's "Nesting too deep" is at 100 too).
    # python-liquid's output_stream_limit is left off: it encodes every write to count
    # bytes, which costs a fifth of render time; output is bounded by the other two.
    loop_iteration_limit = 10_000_000
    local_namespace_limit = 200_000_000
    context_depth_limit = 100

    def __init__(self, site: "Site") -> None:
        liquid_config = site.config.get("liquid") or {}
        mode = _MODES.get(str(liquid_config.get("error_mode", "warn")), Mode.WARN)
        includes = Path(site.source) / str(site.config.get("includes_dir", "_includes"))
        undefined: Type[Undefined] = StrictUndefined if liquid_config.get("strict_variables") else Undefined
        super().__init__(
            tolerance=mode,
            strict_filters=bool(liquid_config.get("strict_filters", False)),
            loader=FileSystemLoader(str(includes)),
            undefined=undefined,
        )
        self.site = site
        self._zone: Optional[dt.tzinfo] = None
        self.parsing = False
        self.parse_warnings: list[LiquidError] = []
        self.add_tag(RubyOutput)
        self.add_tag(RubyEchoTag)
        self.add_tag(LaxForTag)
        self.add_tag(LaxIfTag)
        self.add_tag(LaxUnlessTag)
        self.add_tag(LaxAssignTag)
        self.add_tag(RubyBreakTag)
        self.add_tag(RubyContinueTag)
        standard_filters.register(self)
        filters.register(self)
        tags.register(self)
        highlight_tag.register(self)
        for plugin in site.builtin_plugins:
            if plugin.register_liquid is not None:
                plugin.register_liquid(self)
        site.site_plugins.register_liquid(self)

    def tokenizer(self) -> Callable[[str], Iterator[Token]]:
        return jekyll_lexer(self.tag_start_string, self.tag_end_string, self.statement_start_string,
                            self.statement_end_string, self.comment_start_string, self.comment_end_string)

    def local_zone(self) -> dt.tzinfo:
        """The zone Ruby's ``Time.now``/``Time.parse`` use: the config's ``timezone``, else TZ."""
        if self._zone is None:
            self._zone = zone(self.site.config.get("timezone"))
        return self._zone

    def _parse(self, source: str) -> list[Node]:
        """Parse *source*; markup errors met meanwhile are handled as parse-time errors."""
        outer = self.parsing
        self.parsing = True
        try:
            return compile_template(self, super()._parse(source))
        finally:
            self.parsing = outer

    def from_string(self, source: str, name: str = "", path: Optional[Union[str, Path]] = None,
                    globals: Optional[Mapping[str, object]] = None,  # noqa: A002
                    matter: Optional[Mapping[str, object]] = None) -> BoundTemplate:
        """python-liquid's ``from_string``, letting a Jekyll tag's parse-time error through as it is.

        python-liquid wraps any exception other than its own syntax errors in
        ``unexpected liquid parsing error``; Jekyll prints a tag's Ruby exception.
        """
        try:
            return super().from_string(source, name, path, globals, matter)
        except LiquidError as err:
            if isinstance(err.__cause__, JekyllTagError):
                raise err.__cause__ from None
            raise

    def error(self, exc: Union[Type[LiquidError], LiquidError], msg: Optional[str] = None,
              token: Optional[Token] = None) -> None:
        """Raise, record or ignore *exc* the way Liquid 5.4 under Jekyll would."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif not exc.token:
            exc.token = token
        if not self.parsing or self.mode == Mode.STRICT or is_structural(exc) or getattr(exc, "jekyll_fatal", False):
            raise exc
        lax_failure = lax_tag_failure(exc)
        rejected_by_lax = lax_failure is not None and lax_failure.startswith("Syntax Error")
        if self.mode == Mode.WARN and not rejected_by_lax:
            self.parse_warnings.append(exc)
        if lax_failure is not None:
            # Liquid falls back to the lax parser, which rejects this markup as well
            # (or, for an unknown comparison operator, fails when the condition renders).
            failure = LiquidSyntaxError(lax_failure, token=exc.token)
            failure.jekyll_fatal = True  # type: ignore[attr-defined]
            failure.jekyll_runtime = not rejected_by_lax  # type: ignore[attr-defined]
            raise failure


def is_structural(exc: LiquidError) -> bool:
    """True for errors Liquid raises in every mode: unknown, stray or unclosed tags."""
    if not isinstance(exc, LiquidSyntaxError):
        return False
    text = str(exc.args[0] if exc.args else exc).lower()
    return any(marker in text for marker in _ALWAYS_FATAL)
