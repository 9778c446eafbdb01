"""jekyll-minifier 0.2.2: in production (``JEKYLL_ENV=production``), outputs are minified as written.

The gem overrides how pages, documents and static files are written; every
other environment writes them as they are. By the written file's extension:

- ``.json``: json-minify (whitespace and comments between tokens removed);
- ``.js`` (not ``.min.js``) and ``.css`` (not ``.min.css``): terser.js (with
  ``terser_args``, :mod:`liquidsite.terserjs`) and cssminify2, unless
  ``compress_javascript``/``compress_css`` is false;
- anything else a page or document writes, and static ``.xml`` files: the
  HTML compressor (:mod:`.htmlcompressor`) with the options the gem passes
  (comments removed, CSS and JavaScript bodies compressed, plus the
  ``jekyll-minifier:`` settings it maps: ``remove_intertag_spaces``,
  ``simple_doctype``, ``preserve_patterns``, ``preserve_php``, ...);
- files matching an ``exclude`` pattern (``File.fnmatch`` on the path below the
  destination) are written as they are.

JavaScript, in files and ``<script>`` bodies, goes through the same terser.js
as the gem's (QuickJS or Node; without either, it stays as it is, with one
warning). cssminify2 (a Ruby port of the YUI CSS compressor) has no Python
equivalent writing the same bytes, so CSS stays as it is, with one warning per
build. A compressor error keeps the original content with the gem's warning.
"""

from __future__ import annotations

import os
import re
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any, Mapping, Optional

from ..documents import StaticFile
from ..log import logger
from .base import BuiltinPlugin
from .. import cache, terserjs
from .htmlcompressor import Compressor
from .regex_replace import compile_ruby

if TYPE_CHECKING:
    from ..hooks import Hooks
    from ..site import Site

_PHP = re.compile(r"<\?php.*?\?>", re.I | re.S)
#: jekyll-minifier's keys that become HtmlCompressor options of the same meaning
_HTML_KEYS = {
    "remove_spaces_inside_tags": "remove_spaces_inside_tags", "remove_multi_spaces": "remove_multi_spaces",
    "remove_comments": "remove_comments", "remove_intertag_spaces": "remove_intertag_spaces",
    "remove_quotes": "remove_quotes", "compress_css": "compress_css", "compress_javascript": "compress_javascript",
    "simple_doctype": "simple_doctype", "remove_script_attributes": "remove_script_attributes",
    "remove_style_attributes": "remove_style_attributes", "remove_link_attributes": "remove_link_attributes",
    "remove_form_attributes": "remove_form_attributes", "remove_input_attributes": "remove_input_attributes",
    "remove_javascript_protocol": "remove_javascript_protocol", "remove_http_protocol": "remove_http_protocol",
    "remove_https_protocol": "remove_https_protocol", "preserve_line_breaks": "preserve_line_breaks",
    "simple_boolean_attributes": "simple_boolean_attributes", "compress_js_templates": "compress_js_templates",
}
_JSON_TOKEN = re.compile(
    r'(?P<space>\s+)|(?P<keep>[{},:\]\[]|""|(?:".*?[^\\])?"|true|false|null|-?\d+(?:[.]\d+)?(?:[eE][-+]?[0-9]+)?)'
    r"|(?P<line>//)|(?P<block>/[*])"
)


class MinifyError(ValueError):
    """A file the gem's minifier would reject (it then writes the original)."""


def minify_json(text: str) -> str:
    """json-minify 0.0.3's ``JSON.minify``: tokens kept, whitespace and ``//``/``/* */`` comments dropped."""
    out: list[str] = []
    position = 0
    while position < len(text):
        match = _JSON_TOKEN.match(text, position)
        if match is None:
            raise MinifyError(f"Unable to pre-scan string: {text[position:position + 40]}")
        position = match.end()
        if match.group("keep") is not None:
            out.append(match.group("keep"))
        elif match.group("line") is not None:
            newline = re.compile(r"\r?\n|$", re.M).search(text, position)
            position = newline.end() if newline else len(text)
        elif match.group("block") is not None:
            end = text.find("*/", position)
            if end < 0:
                raise MinifyError("Unterminated /*...*/ comment")
            position = end + 2
    return "".join(out)


def _boolean(value: Any) -> Optional[bool]:
    """The gem's ``validate_boolean``: true/false, 'true'/'1'/1, 'false'/'0'/0; anything else is unset."""
    if value is True or value in ("true", "1", 1):
        return True
    if value is False or value in ("false", "0", 0):
        return False
    return None


class Settings:
    """The ``jekyll-minifier:`` configuration as the gem reads it."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        raw = config.get("jekyll-minifier")
        self.raw: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        exclude = self.raw.get("exclude")
        self.exclude = [str(e) for e in (exclude if isinstance(exclude, list) else [exclude] if exclude else [])]

    def flag(self, key: str, default: bool) -> bool:
        value = _boolean(self.raw.get(key))
        return default if value is None else value

    def html_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"remove_comments": True, "compress_css": True, "compress_javascript": True}
        for key, option in _HTML_KEYS.items():
            value = _boolean(self.raw.get(key))
            if value is not None:
                options[option] = value
        patterns = [_PHP] if self.flag("preserve_php", False) else []
        for pattern in self.raw.get("preserve_patterns") or []:
            try:
                patterns.append(compile_ruby(str(pattern)))
            except ValueError:
                logger.warn("Jekyll Minifier:", f"Invalid regex pattern {pattern!r}")
        options["preserve_patterns"] = patterns
        return options

    def terser_args(self) -> dict[str, Any]:
        """``terser_args`` (or the older ``uglifier_args``) as the gem's validation leaves them for ``Terser.new``:
        nested settings (``compress: {...}``) are dropped with a warning, and so is Uglifier's ``harmony``."""
        for key in ("terser_args", "uglifier_args"):
            args = self.raw.get(key)
            if not isinstance(args, Mapping):
                continue
            kept: dict[str, Any] = {}
            for name, value in args.items():
                if isinstance(value, (Mapping, list)):
                    kind = "Hash" if isinstance(value, Mapping) else "Array"
                    logger.warn("Jekyll Minifier:", f"Unsupported value type for '{key}[{name}]': {kind}. Skipping.")
                elif str(name) != "harmony":
                    kept[str(name)] = value
            if kept:
                return kept
        return {}

    def excluded(self, relative: str) -> bool:
        """``exclude.any? { |e| e == file_name || File.fnmatch(e, file_name) }`` (``*`` crosses ``/``)."""
        return any(
            pattern == relative or (fnmatchcase(relative, pattern) and not (relative.startswith(".")
                                                                            and not pattern.startswith(".")))
            for pattern in self.exclude
        )


class _Run:
    """One production build's minification: settings, one compressor, what could not be minified."""

    def __init__(self, site: "Site") -> None:
        self.site = site
        self.settings = Settings(site.config)
        self.compressor = Compressor({**self.settings.html_options(), "javascript_compressor": self.javascript})
        self.unminified: set[str] = set()
        self.terser: Optional[terserjs.Minifier] = None

    def _terser(self) -> terserjs.Minifier:
        """``Terser.new(terser_args)``, made when first needed (ValueError for options it refuses)."""
        if self.terser is None:
            self.terser = terserjs.Minifier(
                self.settings.terser_args(),
                cache.plugin_dir(self.site.cache_root, self.site.source, "jekyll-minifier-terser"),
                bool(self.site.config.get("offline")))
        return self.terser

    def javascript(self, source: str) -> Optional[str]:
        """*source* through terser; None when terser cannot run here (said once, at the end)."""
        try:
            return self._terser().minified_text(source)
        except terserjs.Unavailable:
            return None

    def close(self) -> None:
        if self.terser is not None:
            if self.terser.unavailable is None:
                self.terser.prune()
            self.terser.close()

    def content(self, relative: str, text: str, static: bool) -> str:
        """The gem's ``output_compressed`` (or, for a static file, ``process_static_file``) on *text*."""
        name = os.path.basename(relative)
        extension = os.path.splitext(relative)[1]
        settings = self.settings
        if extension == ".js":
            if name.endswith(".min.js") or not settings.flag("compress_javascript", True):
                return text
            try:
                minified = self.javascript(text)
            except (terserjs.TerserError, ValueError) as err:
                logger.warn("Jekyll Minifier:", f"JavaScript compression failed for {relative}: {err}. "
                            "Using original content.")
                return text
            if minified is None:
                self.unminified.add("JavaScript")
                return text
            return minified
        if extension == ".css":
            if not name.endswith(".min.css") and settings.flag("compress_css", True):
                self.unminified.add("CSS")
            return text
        if extension == ".json":
            if not settings.flag("compress_json", True):
                return text
            try:
                return minify_json(text)
            except MinifyError as err:
                logger.warn("Jekyll Minifier:", f"JSON compression failed for {relative}: {err}. "
                            "Using original content.")
                return text
        if static and extension != ".xml":
            return text
        try:
            compressed = self.compressor.compress(text)
        except (terserjs.TerserError, ValueError) as err:
            logger.warn("Jekyll Minifier:", f"HTML compression failed for {relative}: {err}. Using original content.")
            return text
        if "javascript" in self.compressor.skipped:
            self.unminified.add("inline JavaScript")
        if "css" in self.compressor.skipped:
            self.unminified.add("inline CSS")
        self.compressor.skipped.clear()
        return compressed


class MinifiedStaticFile(StaticFile):
    """A static file written from its minified copy."""

    def __init__(self, original: StaticFile, minified: str) -> None:
        super().__init__(original.site, original.dir_name, original.name, original.collection)
        self.source_path = original.source_path
        self.path = minified


def _relative(site: "Site", item: Any) -> str:
    return os.path.relpath(item.destination(site.dest), site.dest).replace(os.sep, "/")


def minify_site(site: "Site") -> None:
    run = _Run(site)
    for item in site.each_site_file():
        relative = _relative(site, item)
        if run.settings.excluded(relative):
            continue
        if isinstance(item, StaticFile):
            _minify_static(site, run, item, relative)
        elif item.output is not None:
            item.output = run.content(relative, item.output, static=False)
    run.close()
    css = sorted(kind for kind in run.unminified if "CSS" in kind)
    if css:
        logger.warn("Jekyll Minifier:", f"{', '.join(css)} not minified: cssminify2 has no Python equivalent.")
    javascript = sorted(kind for kind in run.unminified if "JavaScript" in kind)
    if javascript and run.terser is not None and run.terser.unavailable is not None:
        logger.warn("Jekyll Minifier:", f"{', '.join(javascript)} not minified: {run.terser.unavailable}.")


def _minify_static(site: "Site", run: _Run, item: StaticFile, relative: str) -> None:
    extension = os.path.splitext(relative)[1]
    if extension not in (".js", ".css", ".json", ".xml") or isinstance(item, MinifiedStaticFile):
        return  # jekyll-terser's files have their own write, which the gem's StaticFile#write does not reach
    with open(item.path, encoding="utf-8", errors="surrogateescape") as handle:
        text = handle.read()
    minified = run.content(relative, text, static=True)
    if minified == text:
        return
    target = os.path.join(cache.plugin_dir(site.cache_root, site.source, "jekyll-minifier"), relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8", errors="surrogateescape") as handle:
        handle.write(minified)
    site.static_files[site.static_files.index(item)] = MinifiedStaticFile(item, target)


def _post_render(site: "Site", _payload: Any = None) -> None:
    if site.environment == "production":
        minify_site(site)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register("site", "post_render", _post_render, priority="low")


PLUGIN = BuiltinPlugin("jekyll-minifier", register_hooks=register_hooks)
