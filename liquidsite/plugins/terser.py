"""jekyll-terser (al-folio's revision 0.2.3, terser-ruby 1.2.5 / terser.js 5.37): JS files minified in every build.

The gem's generator replaces each static file whose path ends in ``.js`` (not
``.min.js``) by one written through ``Terser.new(site.config["terser"]).compile``;
al-folio sets ``terser: {compress: {drop_console: true}}``. liquidsite runs the
same terser.js (see :mod:`liquidsite.terserjs`: QuickJS from the ``terser``
extra, the gem's bundle downloaded once), so the bytes are the gem's. Results
are kept in ``<cache_dir>/jekyll-terser`` and in the user's content cache, keyed
by source and options. Scripts not cached are minified by engine processes (one
per job) while the site renders; each is taken when it is written, which is also
when the gem runs terser (``JSFile#write``).

When terser cannot run (the extra not installed, or the bundle neither cached
nor downloadable, e.g. with ``--offline`` on a fresh machine) the files are
copied unminified, with one warning saying what to do. A source terser rejects
is, as with the gem, not written; the warning, given when the file would be
written, names its file, line and column.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Mapping, Optional

from .. import cache, pool, terserjs
from ..documents import StaticFile
from ..log import logger
from .base import BuiltinPlugin
from .minifier import MinifiedStaticFile

if TYPE_CHECKING:
    from ..hooks import Hooks
    from ..site import Site


def minifiable(site: "Site") -> list[StaticFile]:
    """The static files the gem minifies: ``.js`` but not ``.min.js``."""
    return [f for f in site.static_files if f.path.endswith(".js") and not f.path.endswith(".min.js")]


class _Run:
    """One build's minification: the minifier, and the files whose engine process stopped."""

    def __init__(self, minifier: terserjs.Minifier) -> None:
        self.minifier = minifier
        self.files: list[TerserStaticFile] = []
        self.stopped: Optional[terserjs.Unavailable] = None
        self.unminified = 0

    def finish(self) -> None:
        """Take every result (files not written included), say what stayed unminified, end the engines."""
        try:
            for item in self.files:
                item.resolve()
            if self.stopped is not None:
                logger.warn("Terser:", f"{self.unminified} JavaScript file(s) copied unminified: {self.stopped}.")
            elif self.minifier.unavailable is None:
                self.minifier.prune()
        finally:
            self.minifier.close()


_RUNS: "weakref.WeakKeyDictionary[Site, _Run]" = weakref.WeakKeyDictionary()


def generate(site: "Site") -> None:
    files = minifiable(site)
    if not files:
        return
    settings = site.config.get("terser")
    try:
        minifier = terserjs.Minifier(settings if isinstance(settings, Mapping) else {},
                                     cache.plugin_dir(site.cache_root, site.source, "jekyll-terser"),
                                     bool(site.config.get("offline")), jobs=site.jobs)
    except ValueError as err:  # Terser.new raises ArgumentError: the gem stops the build
        logger.warn("Terser:", f"{len(files)} JavaScript file(s) copied unminified: the terser: settings in "
                    f"_config.yml are invalid ({err}).")
        return
    readable: list[tuple[StaticFile, str]] = []
    for item in files:
        try:
            with open(item.path, "rb") as handle:
                readable.append((item, handle.read().decode("utf-8")))
        except UnicodeDecodeError:
            _not_written(site, item, ": source sequence is illegal/malformed utf-8")
    try:
        jobs = minifier.start([source for _, source in readable])
    except terserjs.Unavailable as err:
        logger.warn("Terser:", f"{len(readable)} JavaScript file(s) copied unminified: {err}.")
        minifier.close()
        return
    run = _RUNS[site] = _Run(minifier)
    origins = [job.cached for job in jobs]
    engines = "/".join(sorted({runner.name for runner in minifier.runners}))
    working = f" by {len(minifier.runners)} {engines} process(es) while the site renders" if engines else ""
    logger.debug("Terser:", f"{len(jobs)} script(s): {origins.count('site')} from the site's cache, "
                 f"{origins.count('user')} from the user's content cache, {origins.count('')} minified{working}")
    for (item, _), job in zip(readable, jobs, strict=True):
        replacement = TerserStaticFile(item, run, job)
        run.files.append(replacement)
        site.static_files[site.static_files.index(item)] = replacement


def _warn_not_written(item: StaticFile, reason: str) -> None:
    """The gem's failure to write *item* (``Terser Exception:`` on its standard error)."""
    logger.warn("Terser Exception:", f"{item.relative_path.lstrip('/')}{reason}; not written (as jekyll-terser does).")


def _not_written(site: "Site", item: StaticFile, reason: str) -> None:
    """*item* warned about and not written (still listed in ``site.static_files``)."""
    _warn_not_written(item, reason)
    site.static_files[site.static_files.index(item)] = UnwrittenStaticFile(
        item.site, item.dir_name, item.name, item.collection)


class TerserStaticFile(MinifiedStaticFile):
    """A script written from terser's output, which an engine process may still be making: taken (waited
    for) when the file's path or ``write`` is first asked, in the process that started it."""

    def __init__(self, original: StaticFile, run: _Run, job: terserjs.Pending) -> None:
        self._job: Optional[terserjs.Pending] = None
        super().__init__(original, original.path)
        self._job, self._run, self._rejected = job, run, False

    @property
    def path(self) -> str:
        self.resolve()
        return self._path

    @path.setter
    def path(self, value: str) -> None:
        self._path = value

    @property
    def write(self) -> bool:
        self.resolve()
        return not self._rejected and super().write

    def resolve(self) -> None:
        """Take the result: the minified file, terser's rejection (warned, not written), or, when the engine
        process stopped, the source (copied unminified, said once at the end of the build)."""
        job = self._job
        if job is None:
            return
        pool.parent_only()  # a render worker cannot wait for the parent's engine processes
        self._job = None
        run = self._run
        try:
            self._path = run.minifier.result(job)
        except terserjs.TerserError as err:
            where = f":{err.line}:{err.column}" if err.line is not None else ""
            _warn_not_written(self, f"{where}: {err}")
            self._rejected = True
        except terserjs.Unavailable as err:
            run.stopped = run.stopped or err
            run.unminified += 1


class UnwrittenStaticFile(StaticFile):
    """A static file the gem failed to write: still listed in ``site.static_files``, absent from the output."""

    @property
    def write(self) -> bool:
        return False


def _post_write(site: "Site") -> None:
    run = _RUNS.pop(site, None)
    if run is not None:
        run.finish()


def register_hooks(hooks: "Hooks") -> None:
    hooks.register("site", "post_write", _post_write)


PLUGIN = BuiltinPlugin("jekyll-terser", generate=generate, register_hooks=register_hooks, generate_reads=())
