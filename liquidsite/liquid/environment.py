"""The python-liquid environment configured as Jekyll's Liquid dialect.

Jekyll parses with ``error_mode`` (``liquid: error_mode:``, default ``warn``)
and always renders with ``render!``: markup errors are warnings (``warn``),
ignored (``lax``) or fatal (``strict``), but unknown or unclosed tags and
every error raised while rendering stop the build. python-liquid applies its
tolerance to both phases and reports through Python's ``warnings``, so
:meth:`JekyllEnvironment.error` sorts errors by phase and collects warnings
for the renderer to log Jekyll's way.

Everything Jekyll-specific is registered on this environment or done to the
templates it parses (see :mod:`.expressions`); python-liquid itself is left as
it is, for any other ``Environment`` in the process.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Optional, Type, Union

import sys
from liquid import BoundTemplate, Environment, Mode
from liquid.builtin import FileSystemLoader
from liquid.context import RenderContext
from liquid.exceptions import LocalNamespaceLimitError
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.ast import Node
from liquid.token import Token
from liquid.undefined import StrictUndefined, Undefined

from ..log import logger
from ..timeutil import zone
from . import filters, highlight_tag, standard_filters, tags
from .blank import apply_tag_blankness
from .compiler import compile_template
from .expressions import adopt_jekyll_blanks
from .lax_conditions import LaxIfTag, LaxUnlessTag
from .lexer import jekyll_lexer
from .lax_tags import (
    LaxAssignTag, LaxForTag, RubyBreakTag, RubyCaptureTag, RubyContinueTag, RubyCycleTag, RubyLiteral,
    RubyTablerowTag,
)
from .messages import lax_tag_failure
from .output import RubyEchoTag, RubyOutput
from .template_cache import TemplateCache
from .tag_errors import JekyllTagError

if TYPE_CHECKING:
    from ..siteview import SiteView

_MODES = {"lax": Mode.LAX, "warn": Mode.WARN, "strict": Mode.STRICT}

# Liquid raises these in every error mode: the template's block structure is broken. python-liquid
# raises one LiquidSyntaxError type for them all, with tokens that do not tell them apart from
# other markup errors (see DEVELOPERS.md, "python-liquid boundary"), so its message is read.
_ALWAYS_FATAL = ("unexpected tag", "unknown tag", "expected tag", "was never closed", "unexpected end",
                 "not properly terminated", "expected '%}'", "expected '}}'")


class JekyllRenderContext(RenderContext):
    """python-liquid's context with a cheaper check of the local namespace limit.

    python-liquid sums ``sys.getsizeof`` over every local at each ``assign``: quadratic in the
    number of locals, and a few per cent of render time on real layouts. An upper bound (the
    last exact sum plus the size of each value assigned since) is kept instead, and the exact
    sum is taken only when the bound passes the limit, so the error comes exactly when
    python-liquid's would (``assign`` is the only writer of the locals)."""

    __slots__ = ("_locals_bound",)
    _locals_bound: int

    def assign(self, key: str, val: object) -> None:
        self.locals[key] = val
        limit = self.env.local_namespace_limit
        if not limit:
            return
        try:
            bound = self._locals_bound + sys.getsizeof(val, 1)
        except AttributeError:  # the first assign of this context
            bound = self.get_size_of_locals()
        if bound > limit:
            bound = self.get_size_of_locals()
            if bound > limit:
                raise LocalNamespaceLimitError("local namespace limit reached", token=None)
        self._locals_bound = bound


class JekyllTemplate(BoundTemplate):
    """Templates of a :class:`JekyllEnvironment` render with a :class:`JekyllRenderContext`."""

    context_class = JekyllRenderContext


class JekyllEnvironment(Environment):
    """A Liquid environment bound to one site: filters and tags reach it as ``env.site``."""

    # Resource limits far above what real sites use, so that a template that loops or
    # grows without end stops with a Liquid error naming the file instead of hanging or
    # exhausting memory: nested loops' iterations (their product), the size of the values
    # a template assigns (sys.getsizeof, so a string doubled by ``append`` in a loop stops
    # near 200 MB) and include depth (Ruby Liquid's "Nesting too deep" is at 100 too).
    # python-liquid's output_stream_limit is left off: it encodes every write to count
    # bytes, which costs a fifth of render time; output is bounded by the other two.
    template_class = JekyllTemplate
    loop_iteration_limit = 10_000_000
    local_namespace_limit = 200_000_000
    context_depth_limit = 100

    def __init__(self, site: "SiteView") -> None:
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
        self.template_cache = TemplateCache(self, site.cache_root)
        self.active_support = any(plugin.loads_active_support for plugin in site.builtin_plugins)
        self._zone: Optional[dt.tzinfo] = None
        self.parsing = False
        self.parse_warnings: list[LiquidError] = []
        #: keys of the warnings given once per build (:meth:`warn_once`)
        self.warned_once: set[str] = set()
        self.add_tag(RubyLiteral)
        self.add_tag(RubyOutput)
        self.add_tag(RubyEchoTag)
        self.add_tag(LaxForTag)
        self.add_tag(LaxIfTag)
        self.add_tag(LaxUnlessTag)
        self.add_tag(LaxAssignTag)
        self.add_tag(RubyBreakTag)
        self.add_tag(RubyContinueTag)
        self.add_tag(RubyCaptureTag)
        self.add_tag(RubyTablerowTag)
        self.add_tag(RubyCycleTag)
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
        """Parse *source* (see :meth:`parse_tree`) and compile the tree, or take both from the
        site's cache (a template whose parse warns is parsed every time, so it warns every time)."""
        kept = self.template_cache.load(source)
        if kept is not None:
            return kept
        outer = self.parsing
        self.parsing = True
        warnings = len(self.parse_warnings)
        try:
            nodes = compile_template(self, self.parse_tree(source))
        finally:
            self.parsing = outer
        if len(self.parse_warnings) == warnings:
            self.template_cache.store(source, nodes)
        return nodes

    def parse_tree(self, source: str) -> list[Node]:
        """*source* as python-liquid's parse tree in Jekyll's dialect, not compiled.

        Markup errors met meanwhile are handled as parse-time errors; the tree's
        ``blank`` literals get Jekyll's comparison (only a source naming ``blank``
        can hold one).
        """
        outer = self.parsing
        self.parsing = True
        try:
            nodes = super()._parse(source)
            apply_tag_blankness(nodes)
            if "blank" in source:
                adopt_jekyll_blanks(nodes, self.active_support)
            return nodes
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

    def warn_once(self, key: str, lines: list[tuple[str, str]]) -> None:
        """Log *lines* (topic, message) unless lines of *key* were logged in this build: a
        template's parse warnings, a filter's one warning. The key travels with the lines
        from a render worker, so the parent logs them once too (:mod:`liquidsite.pool`)."""
        if key in self.warned_once:
            return
        self.warned_once.add(key)
        for topic, message in lines:
            logger.warn(topic, message, once=key)

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
