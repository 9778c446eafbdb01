"""Converters by file extension: Markdown, Sass, and the identity converter.

``Renderer.output_ext`` follows Jekyll: the first (highest-priority) matching
converter decides the output extension; the identity converter keeps the
source extension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

from . import markdown

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
        _warn_math_engine(kramdown.get("math_engine"))

    def matches(self, ext: str) -> bool:
        return ext.lower() in self.extensions

    def output_ext(self, ext: str) -> str:
        return ".html"

    def convert(self, content: str, origin: str) -> str:
        return self.cache.getset(content, lambda: markdown.render(content, self.options))


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
    return [MarkdownConverter(site.config, markdown_cache), SassConverter(site), IdentityConverter()]
