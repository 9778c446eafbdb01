"""jekyll-terser (al-folio's revision 0.2.3, terser-ruby 1.2.5 / terser.js 5.37): JS files minified in every build.

The gem's generator replaces each static file whose path ends in ``.js`` (not
``.min.js``) by one written through ``Terser.new(site.config["terser"]).compile``;
al-folio sets ``terser: {compress: {drop_console: true}}``. liquidsite runs the
same terser.js (see :mod:`liquidsite.terserjs`: QuickJS from the ``terser``
extra, the gem's bundle downloaded once), so the bytes are the gem's. Results
are kept in ``<cache_dir>/jekyll-terser``, keyed by source and options.

When terser cannot run (the extra not installed, or the bundle neither cached
nor downloadable, e.g. with ``--offline`` on a fresh machine) the files are
copied unminified, with one warning saying what to do. A source terser rejects
is, as with the gem, not written; the warning names its file, line and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from .. import cache, terserjs
from ..documents import StaticFile
from ..log import logger
from .base import BuiltinPlugin
from .minifier import MinifiedStaticFile

if TYPE_CHECKING:
    from ..site import Site


def minifiable(site: "Site") -> list[StaticFile]:
    """The static files the gem minifies: ``.js`` but not ``.min.js``."""
    return [f for f in site.static_files if f.path.endswith(".js") and not f.path.endswith(".min.js")]


def generate(site: "Site") -> None:
    files = minifiable(site)
    if not files:
        return
    settings = site.config.get("terser")
    try:
        minifier = terserjs.Minifier(settings if isinstance(settings, Mapping) else {},
                                     cache.plugin_dir(site.cache_root, site.source, "jekyll-terser"),
                                     bool(site.config.get("offline")))
    except ValueError as err:  # Terser.new raises ArgumentError: the gem stops the build
        logger.warn("Terser:", f"{len(files)} JavaScript file(s) copied unminified: the terser: settings in "
                    f"_config.yml are invalid ({err}).")
        return
    try:
        for index, item in enumerate(files):
            try:
                replacement = _minified(minifier, item)
            except terserjs.Unavailable as err:
                logger.warn("Terser:", f"{len(files) - index} JavaScript file(s) copied unminified: {err}.")
                return
            site.static_files[site.static_files.index(item)] = replacement
        minifier.prune()
    finally:
        minifier.close()


def _minified(minifier: terserjs.Minifier, item: StaticFile) -> StaticFile:
    """*item* written from its minified copy; or, when terser rejects it, not written (as the gem does)."""
    try:
        with open(item.path, "rb") as handle:
            source = handle.read().decode("utf-8")
        return MinifiedStaticFile(item, minifier.minified_path(source))
    except (UnicodeDecodeError, terserjs.TerserError) as err:
        where = item.relative_path.lstrip("/")
        if isinstance(err, terserjs.TerserError) and err.line is not None:
            where += f":{err.line}:{err.column}"
        reason = "source sequence is illegal/malformed utf-8" if isinstance(err, UnicodeDecodeError) else str(err)
        logger.warn("Terser Exception:", f"{where}: {reason}; not written (as jekyll-terser does).")
        return UnwrittenStaticFile(item.site, item.dir_name, item.name, item.collection)


class UnwrittenStaticFile(StaticFile):
    """A static file the gem failed to write: still listed in ``site.static_files``, absent from the output."""

    @property
    def write(self) -> bool:
        return False


PLUGIN = BuiltinPlugin("jekyll-terser", generate=generate, generate_reads=())
