"""Converters by file extension: Markdown, Sass, and the identity converter.

``Renderer.output_ext`` follows Jekyll: the first (highest-priority) matching
converter decides the output extension; the identity converter keeps the
source extension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional

from . import markdown
from .errors import ConversionError
from .log import logger

if TYPE_CHECKING:
    from .cache import Cache
    from .site import Site


class Converter:
    """Base: converts text of matching extensions; ``output_ext`` names the result type.

    ``kind`` names what it converts, so that Liquid's ``markdownify`` and ``sassify``
    find their converter in ``site.converters`` without importing this module.
    """

    kind = "identity"

    #: what ``{% highlight %}`` writes around its output in this converter's sources
    #: (Jekyll's ``highlighter_prefix``/``highlighter_suffix`` class settings)
    highlighter_prefix: Optional[str] = None
    highlighter_suffix: Optional[str] = None

    def matches(self, ext: str) -> bool:
        raise NotImplementedError

    def output_ext(self, ext: str) -> str:
        return ext

    def convert(self, content: str, origin: str) -> str:
        return content

    #: whether :meth:`setup` ran (Jekyll sets a converter up on its first conversion)
    set_up = False

    def setup(self, quiet: bool = False) -> None:
        """What the first conversion does before converting (Jekyll's ``Converter#setup``);
        *quiet*: without the warnings it gives (a render worker gave them)."""

    def before_config_read(self) -> None:
        """Liquid is about to read this converter's settings in the configuration (``site.kramdown``)."""


def _log_once(key: str, lines: list[tuple[str, str]]) -> None:
    from .log import logger

    for topic, message in lines:
        logger.warn(topic, message, once=key)


class MarkdownConverter(Converter):
    # Jekyll's Markdown converter sets both to a newline, so a highlighted block always
    # stands apart from the Markdown around it.
    highlighter_prefix = "\n"
    highlighter_suffix = "\n"
    """kramdown-compatible Markdown for the site's ``markdown_ext`` extensions."""

    kind = "markdown"

    def __init__(self, config: Mapping[str, Any], cache: "Cache") -> None:
        self.extensions = {
            f".{ext.strip().lower()}" for ext in str(config.get("markdown_ext", "")).split(",") if ext.strip()
        }
        kramdown = dict(config.get("kramdown") or {})
        # Jekyll's KramdownParser#setup: the site's `highlighter` when kramdown names none,
        # then rouge with `default_lang: plaintext`.
        if not kramdown.get("syntax_highlighter") and config.get("highlighter"):
            kramdown["syntax_highlighter"] = config["highlighter"]
        self.options = markdown.jekyll_options(kramdown)
        self.cache = cache
        self.config = config
        self.set_up = False
        _warn_math_engine(kramdown.get("math_engine"))

    #: what a read of ``site.kramdown`` does before the converter is set up; a render worker
    #: (:mod:`liquidsite.pool`) leaves the page to the parent, which has seen every conversion
    #: of the render order before it, as one process has
    unsettled_read: Callable[[], None] = staticmethod(lambda: None)

    #: how the converter's warnings are given: each line once per build (``JekyllEnvironment.warn_once``)
    warn_once: Callable[[str, list[tuple[str, str]]], None] = staticmethod(_log_once)

    def setup(self, quiet: bool = False) -> None:
        """Jekyll's ``KramdownParser#setup``, run by the first conversion (``Markdown#convert``):
        it writes its defaults into the site's ``kramdown`` configuration, which ``site.kramdown``
        and ``{{ site | jsonify }}`` show from then on, and warns of legacy CodeRay settings."""
        if not self.set_up:
            self.set_up = True
            kramdown_setup(self.config, _no_warning if quiet else self._deprecation)

    def _deprecation(self, message: str) -> None:
        self.warn_once(f"kramdown setup\0{message}", [("Deprecation:", message)])

    def before_config_read(self) -> None:
        if not self.set_up:
            self.unsettled_read()

    def matches(self, ext: str) -> bool:
        return ext.lower() in self.extensions

    def output_ext(self, ext: str) -> str:
        return ".html"

    def convert(self, content: str, origin: str) -> str:
        self.setup()
        try:
            return self.cache.getset(content, lambda: markdown.render(content, self.options))
        except markdown.GemError as err:  # Jekyll's lines for the gem's Ruby exception
            logger.error("Conversion error:",
                         f"Jekyll::Converters::Markdown encountered an error while converting '{origin}':")
            logger.error("", str(err))
            raise ConversionError(f"{origin}: {err}", origin) from err


#: ``KramdownParser::CODERAY_DEFAULTS``
_CODERAY_DEFAULTS = {"css": "style", "bold_every": 10, "line_numbers": "inline", "line_number_start": 1,
                     "tab_width": 4, "wrap": "div"}


def kramdown_setup(config: Any, warn: Callable[[str], None]) -> None:
    """What ``KramdownParser#setup`` writes into ``config["kramdown"]`` (in place, key order
    kept): ``syntax_highlighter``, ``syntax_highlighter_opts`` (``default_lang``, ``guess_lang``),
    ``coderay``, and the legacy ``coderay`` options merged into the highlighter's; *warn* gives
    its deprecation messages."""
    kramdown = config.get("kramdown")
    if not isinstance(kramdown, dict):  # `config["kramdown"] || {}`: a hash the configuration does not hold
        return
    if _nil_or_false(kramdown.get("syntax_highlighter")):
        coderay = kramdown.get("enable_coderay")
        if not _nil_or_false(coderay):
            warn("You are using 'enable_coderay', use syntax_highlighter: coderay in your configuration file.")
        kramdown["syntax_highlighter"] = "coderay" if not _nil_or_false(coderay) else (
            "rouge" if _nil_or_false(config.get("highlighter")) else config["highlighter"])
    if _nil_or_false(kramdown.get("syntax_highlighter_opts")):
        kramdown["syntax_highlighter_opts"] = {}
    opts = kramdown["syntax_highlighter_opts"]
    if not isinstance(opts, dict):
        return
    if _nil_or_false(opts.get("default_lang")):
        opts["default_lang"] = "plaintext"
    opts["guess_lang"] = kramdown.get("guess_lang")
    if _nil_or_false(kramdown.get("coderay")):
        kramdown["coderay"] = {}
    coderay = kramdown["coderay"]
    if isinstance(coderay, dict) and coderay:
        warn("You are using 'kramdown.coderay' in your configuration, please use 'syntax_highlighter_opts' instead.")
        merged = {**opts, **_CODERAY_DEFAULTS, **coderay}
        stripped: dict[Any, Any] = {}
        for key, value in merged.items():
            text = str(key)
            cleaned = text[len("coderay_"):] if text.startswith("coderay_") else text
            if cleaned != text:
                warn(f"You are using '{text}'. Normalizing to {cleaned}.")
            stripped[cleaned] = value
        kramdown["syntax_highlighter_opts"] = stripped


def _no_warning(message: str) -> None:
    pass


def _nil_or_false(value: Any) -> bool:
    """What Ruby's ``||=`` replaces."""
    return value is None or value is False


def _warn_math_engine(engine: Any) -> None:
    """Jekyll 4 requires ``kramdown-math-ENGINE`` for a ``math_engine`` other than mathjax and stops
    when that gem is missing (``math_engine: nil`` of Jekyll 3 sites names a gem that does not
    exist). liquidsite has none of them: it says so once and writes math as kramdown does without
    an engine (``<span class="kdmath">$x$</span>``)."""
    if engine is None or engine is False or engine == "mathjax":
        return
    from .log import logger

    logger.warn("Dependency Warning:", f"kramdown's math_engine '{engine}' needs the gem kramdown-math-{engine}, "
                "which is not built into liquidsite; math is written as kramdown writes it without an engine.")


class SassConverter(Converter):
    """``.scss``/``.sass`` pages (with front matter) compiled to CSS."""

    kind = "sass"

    def __init__(self, site: "Site") -> None:
        self.site = site

    def matches(self, ext: str) -> bool:
        return ext.lower() in (".scss", ".sass")

    def output_ext(self, ext: str) -> str:
        return ".css"

    def convert(self, content: str, origin: str) -> str:
        from .sass import compile_sass

        return compile_sass(self.site, content, origin)


class IdentityConverter(Converter):
    def matches(self, ext: str) -> bool:
        return True


def build_converters(site: "Site") -> list[Converter]:
    """The site's converters, highest priority first."""
    from .cache import Cache

    markdown_cache = Cache(site.cache_root, "Jekyll::Converters::Markdown")
    markdown_converter = MarkdownConverter(site.config, markdown_cache)
    # once per build, also when render workers set their own converters up (see liquidsite.pool)
    markdown_converter.warn_once = lambda key, lines: site.renderer.liquid.env.warn_once(key, lines)
    return [markdown_converter, SassConverter(site), IdentityConverter()]
