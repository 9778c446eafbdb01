"""Rendering in worker processes: ``--jobs N`` (``jobs:`` in ``_config.yml``).

``Site.render`` renders its render order (collection documents, then pages) through
:func:`render`. With more than one job, Linux's ``fork`` and enough to render,
forked workers render ahead of the parent, each claiming the next page or document
of the order from a shared counter; the parent takes their results *in the order*
and applies each (output, converted content, excerpts rendered on the way, log
lines replayed), so the site the parent ends with, the files it writes and its log
are those of one process.

A worker's render is only taken when its state could not have differed from the
one-process render at that point. A worker has rendered some earlier documents of
the order (those it claimed) and none of the later ones, so a render that read the
body (``content``, ``output``, ``excerpt``) of an *earlier* page or document may
have seen it unrendered where one process shows it rendered: the drops note those
reads (:mod:`liquidsite.dependencies`), and the parent renders such a page itself,
at its place in the order, in the one-process state (feeds, archives, a post
reading ``page.previous.content``). So it does with everything else a worker cannot
carry back: a render that used the network (the answers and the once-per-build
warnings live in the parent), one that added pages (Sass source maps), one that listed
``site.pages`` after the parent added pages, or one that failed (the parent's render
raises the same error, with the same log before it), and one that would have filled
process-wide state whose first filling the order decides (:func:`parent_only`). A body
that reads what Jekyll's one payload per build leaks from the render before it (``content``,
``layout``, named in its own text or in any include it reaches: :class:`LeakReaders`) is
rendered by the parent too, in order. The documents, the pages and each Sass page onwards are
separate rounds of workers, forked from the parent as it is then.

What stays in one process: ``--jobs 1``, platforms other than Linux, ``--profile``
(its table counts renders), ``--incremental`` (which outputs render depends on the
ones before), a site whose own ``_plugins/*.py`` run code while pages render
(filters, tags, page hooks may keep state across pages) unless they declare
``PARALLEL_SAFE = True``, and sites with fewer pages and documents than the threshold,
where forking costs more than it saves. A watched site's rebuild of what an edit
touches (:func:`render_selection`) goes through the same workers.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Union

from . import cache
from .dependencies import EXCERPT_SUFFIX, SITE_PAGES
from .documents import Page
from .errors import ConfigError
from .log import Level, Progress, logger
from .renderer import UNCHANGED

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.sharedctypes import Synchronized

    from .documents import Document, Excerpt
    from .selection import Selection
    from .site import Site

Renderable = Union["Page", "Document"]

#: Fewer pages and documents to render than this and one process renders them. Workers cost
#: about a tenth more CPU in all (fork, copied pages, templates parsed again in each worker):
#: around 60 renders that is what the second core saves (measured in docs/speed.md).
DEFAULT_THRESHOLD = 64
#: A round (the documents, the pages) with fewer renders than this stays in the parent.
ROUND_MINIMUM = 16
#: Tests force the pool on for small sites with a lower threshold.
THRESHOLD_ENV = "LIQUIDSITE_POOL_THRESHOLD"


_LOST = object()  # what the parent receives from a worker that ended without saying it finished


class ParentOnly(BaseException):
    """Raised in a worker by what only the parent may do (the network): the render is
    abandoned and the parent renders the page. A BaseException, so that no handler for
    a template's or a plugin's errors takes it for one."""


_in_worker = False  # set in a forked worker only
_carry_leaks = False  # set when a page of the order reads the payload's leaked content or layout

#: a bare ``content`` or ``layout`` in Liquid markup: what Jekyll's shared payload leaks into a body
_LEAKED_NAME = re.compile(r"(?:\{\{|\{%)(?:(?!%\}|\}\}).)*?(?<![\w.\-\]])(?:content|layout)\b", re.S)
#: an ``include``/``include_relative`` tag (or jekyll-include-cache's ``include_cached``) and its markup
_INCLUDE_TAG = re.compile(r"\{%-?\s*(include(?:_relative|_cached)?)\s+((?:(?!%\}).)*?)-?%\}", re.S)
#: a ``{% liquid %}`` tag whose lines include a file (``include NAME``): not followed, taken as a reader
_LIQUID_INCLUDE = re.compile(r"\{%-?\s*liquid\b(?:(?!%\}).)*?\binclude", re.S)


class LeakReaders:
    """Which renders read what Jekyll's shared payload leaks into a body (``content``, ``layout``:
    what the render before it left there, so the parent renders them, in order): the body's own
    Liquid naming them, or any include it reaches, transitively; an include whose name is only
    known when the page renders (``{% include {{ x }} %}``, ``{% liquid include ... %}``) may.

    One per build: each include file is read and scanned once, however many bodies include it."""

    def __init__(self, site: "Site") -> None:
        self.site = site
        self._scanned: dict[str, tuple[bool, list[tuple[str, str]]]] = {}
        from .liquid.include_tag import includes_load_paths

        self._include_dirs = includes_load_paths(site)  # where the include tag looks

    def __call__(self, item: Renderable) -> bool:
        source = item.source()
        if not isinstance(source, str) or not item.render_with_liquid:
            return False
        reads, includes = _scan(source)
        if reads:
            return True
        seen: set[str] = set()
        while includes:
            tag, name = includes.pop()
            path = self._locate(tag, name, item)
            if path is None or path in seen:
                continue
            seen.add(path)
            scanned = self._scanned.get(path)
            if scanned is None:
                try:
                    with open(path, encoding="utf-8", errors="replace") as file:
                        scanned = _scan(file.read())
                except OSError:
                    scanned = (False, [])
                self._scanned[path] = scanned
            if scanned[0]:
                return True
            includes.extend(scanned[1])
        return False

    def _locate(self, tag: str, name: str, item: Renderable) -> Optional[str]:
        """The file the include names, as the tag finds it (None: not found, the render fails);
        ``include_relative`` looks in the page's folder, also from an include."""
        dirs = [os.path.dirname(os.path.abspath(item.path))] if tag == "include_relative" else self._include_dirs
        for base in dirs:
            path = base.rstrip("/") + "/" + name.lstrip("/")
            if os.path.isfile(path):
                return path
        return None


def _scan(source: str) -> tuple[bool, list[tuple[str, str]]]:
    """Whether *source* reads the leaked names or may (an include named at render time), and the
    includes it names (tag, file)."""
    if _LEAKED_NAME.search(source) is not None:
        return True, []
    includes: list[tuple[str, str]] = []
    if "include" not in source:  # most bodies: no tag to look for
        return False, includes
    if _LIQUID_INCLUDE.search(source) is not None:
        return True, []
    for match in _INCLUDE_TAG.finditer(source):
        markup = match.group(2).strip()
        if "{{" in markup:
            return True, []
        name = markup.split(None, 1)[0] if markup else ""
        if name:
            includes.append((match.group(1), name))
    return False, includes


def parent_only() -> None:
    """Called by render-time code about to fill process-wide state that the build's log or
    output depends on the order of (a memo whose first filling warns, or decides what later
    readers get): in a worker, the page is left to the parent, which renders it in order."""
    if _in_worker:
        raise ParentOnly()


def configured_jobs(config: dict[str, Any]) -> int:
    """``jobs`` (``--jobs``): worker processes for rendering; unset means every core."""
    value = config.get("jobs")
    if value is None:
        return os.cpu_count() or 1
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit() \
            or int(value) < 1:
        raise ConfigError(f"Invalid jobs in the configuration: {value!r} (expected a number of processes, 1 or more)")
    return int(value)


def _threshold() -> int:
    value = os.environ.get(THRESHOLD_ENV, "")
    return int(value) if value.isdigit() else DEFAULT_THRESHOLD


def _one_process_reason(site: "Site", jobs: int, count: int) -> Optional[str]:
    """Why this render stays in one process, or None when workers render it."""
    if jobs <= 1:
        return "jobs: 1"
    if not sys.platform.startswith("linux"):  # Windows cannot fork; macOS's system libraries are not fork-safe
        return "workers are forked on Linux only"
    if site.config.get("profile"):
        return "--profile counts every render in one process"
    if not site.regenerator.disabled:
        return "--incremental decides each page after the ones before"
    serial = site.site_plugins.serial_files
    if serial:
        return (f"{', '.join(serial)} may keep state from page to page (its filters, tags or hooks run "
                "while pages render; PARALLEL_SAFE = True in the file says they do not)")
    threshold = _threshold()
    if count < threshold:
        return f"{count} pages and documents to render, fewer than {threshold}"
    return None


def render(site: "Site") -> None:
    """Render the site's render order, in workers when it pays (see the module docstring)."""
    order = site.render_order()
    pages = len(site.pages)  # the total grows by the pages rendering adds (Sass source maps)
    progress = Progress("Rendering:", lambda: len(order) + len(site.pages) - pages)
    jobs = site.jobs
    reason = _one_process_reason(site, jobs, len(order))
    if reason is not None:
        if jobs > 1:
            logger.debug("Rendering:", f"in one process ({reason})")
        for doc in (doc for collection in site.collections.values() for doc in collection.docs):
            site.render_item(doc)
            progress.step()
        for page in site.pages:  # the live list: pages added while rendering (Sass source maps) render too
            site.render_item(page)
            progress.step()
        progress.done()
        return
    pages_before, taken, workers = len(site.pages), 0, min(jobs, len(order))
    global _carry_leaks  # noqa: PLW0603 - read by the workers forked below
    reads_leaked_payload = LeakReaders(site)
    leaking = {at for at, item in enumerate(order) if reads_leaked_payload(item)}
    _carry_leaks = bool(leaking)
    for start, stop in _rounds(order, len(order) - len(site.pages)):
        # The first render of a round stays here: what it imports, compiles and parses (Markdown,
        # highlighters, the layouts), every worker then has without doing it again.
        warm = start + 1 if stop - start >= min(_threshold(), ROUND_MINIMUM) else stop
        for item in order[start:warm]:
            site.render_item(item)
            progress.step()
        start = warm
        if start == stop:
            continue
        with _Pool(site, order, list(range(start, stop)), workers) as pool:
            pages_forked = len(site.pages)
            for position in range(start, stop):
                result = pool.result(position)
                if result is not None and SITE_PAGES in result.read and len(site.pages) != pages_forked:
                    result = None  # it listed the pages the workers have, without those added since
                if position in leaking:
                    result = None  # it reads what the render before it left in the payload
                if result is None:
                    site.render_item(order[position])
                else:
                    result.apply(site, order, order[position])
                    taken += 1
                progress.step()
    for page in site.pages[pages_before:]:  # pages the parent's renders added, as one process renders them
        site.render_item(page)
        progress.step()
    progress.done()
    logger.debug("Rendering:", f"{taken} of {len(order)} pages and documents in {workers} worker processes; "
                               f"{_usage()}")


def render_selection(site: "Site", selection: "Selection") -> None:
    """A watched site's selective render (:mod:`liquidsite.selection`), in workers when it pays:
    the selection hands out its outputs in the full build's order (resetting them first, and
    adding later readers of a body that changed); workers render ahead those it holds when the
    first is handed out, the parent takes them in that order or renders what it added since."""
    outputs = iter(selection)
    first = next(outputs, None)
    if first is None:
        return
    site.render_item(first)  # the selection has reset what it renders: workers fork from that
    index = selection.index
    claims = sorted(index.position[item] for item in selection.items if index.position[item] > selection.position)
    if not claims or _one_process_reason(site, site.jobs, len(claims) + 1) is not None:
        for item in outputs:
            site.render_item(item)
        return
    claimed, taken, workers = set(claims), 0, min(site.jobs, len(claims))
    global _carry_leaks  # noqa: PLW0603 - read by the workers forked below
    reads_leaked_payload = LeakReaders(site)
    leaking = {at for at in claims if reads_leaked_payload(index.order[at])}
    _carry_leaks = bool(leaking)
    with _Pool(site, index.order, claims, workers) as pool:
        for item in outputs:
            position = index.position[item]
            result = pool.result(position) if position in claimed and position not in leaking else None
            if result is None:
                site.render_item(item)
            else:
                result.apply(site, index.order, item)
                taken += 1
    logger.debug("Rendering:", f"{taken} of {len(selection.rendered)} selected in {workers} worker processes")


def _rounds(order: list[Renderable], documents: int) -> list[tuple[int, int]]:
    """The documents, then the pages: workers forked for the pages start from every document
    rendered, which pages most often read (feeds, archives, paginated lists). A Sass page
    starts a round of its own (the parent renders a round's first item): the source map page it
    adds is in ``site.pages`` for every page after it, as in one process."""
    starts = [0, documents] + [at for at in range(documents + 1, len(order)) if _adds_pages(order[at])]
    ends = starts[1:] + [len(order)]
    return [(start, stop) for start, stop in zip(starts, ends, strict=True) if stop > start]


def _adds_pages(item: Renderable) -> bool:
    return isinstance(item, Page) and item.is_sass


def _usage() -> str:
    """CPU time and peak memory of this process and of its workers, for ``--verbose``."""
    import resource

    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return (f"CPU {own.ru_utime + own.ru_stime:.2f} s here, {workers.ru_utime + workers.ru_stime:.2f} s in workers; "
            f"peak RSS {own.ru_maxrss // 1024} MB here, {workers.ru_maxrss // 1024} MB in a worker")


@dataclass
class Result:
    """What a worker's render of one page or document carries back to the parent."""

    position: int
    output: Optional[str] = None
    content: str = ""
    read: set[str] = field(default_factory=set)
    logs: list[tuple[int, str, str, str]] = field(default_factory=list)  # level, topic, message, once-key
    excerpts: list[tuple[int, str]] = field(default_factory=list)  # (position of the document, output)
    taken: bool = False  # False: the parent renders the page itself
    #: what the render changed in Jekyll's shared payload (content, layout; each None when unchanged,
    #: else a 1-tuple), carried when a page of the order reads what the one before it left there
    leak: Optional[tuple[Optional[tuple[Any]], Optional[tuple[Any]]]] = None
    #: the cache entries the render added (:data:`.cache.deferred_writes`), written by the parent
    cached: list[tuple[str, bytes, str]] = field(default_factory=list)
    #: the Markdown converter had been set up (it writes into the configuration) by this render's end
    markdown_set_up: bool = False

    def apply(self, site: "Site", order: list[Renderable], item: Renderable) -> None:
        """Make the parent's *item* what the worker's render made of it, log lines included."""
        source = item.source()
        warned = site.renderer.liquid.env.warned_once
        given = set(warned)  # lines given once per build: those the parent gave before are left out
        for level, topic, message, once in self.logs:
            if once and once in given:
                continue
            if once:
                warned.add(once)
            logger.replay(Level(level), topic, message, once)
        item.output, item.content = self.output, self.content
        cache.keep(self.cached)
        if self.leak is not None:
            content, layout = self.leak
            site.renderer.apply_leak((UNCHANGED if content is None else content[0],
                                      UNCHANGED if layout is None else layout[0]))
        for position, output in self.excerpts:
            excerpt = getattr(order[position], "excerpt", None)
            if excerpt is not None and excerpt._output is None:
                excerpt._output = output
        if self.markdown_set_up:
            for converter in site.converters:
                if converter.kind == "markdown":
                    converter.setup(quiet=True)  # its warnings are among the worker's, replayed above
        site.note_rendered(item, source, self.read)


class _Pool:
    """Forked workers rendering ahead of the parent, which reads what they send as it needs it.

    No receiving thread: handing each result from one thread to another costs up to the
    interpreter's switch interval (5 ms) a page. A worker whose pipe is full while the parent
    renders a page itself waits for it.
    """

    def __init__(self, site: "Site", order: list[Renderable], claims: list[int], size: int) -> None:
        """*claims*: the positions of *order* the workers render, ascending."""
        self.size = size
        self.results: dict[int, Result] = {}
        self.lost = False  # a worker ended without finishing: what it claimed may never come
        import multiprocessing  # here: importing it costs every build 20 ms

        context = multiprocessing.get_context("fork")
        self.counter: "Synchronized[int]" = context.Value("i", 0)  # the next index into claims
        self.processes: list[Any] = []
        self.connections: list["Connection"] = []
        gc.freeze()  # the workers' collector leaves the parent's objects (and their pages) alone
        try:
            for _ in range(size):
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_work, args=(site, order, claims, self.counter, sender),
                                          daemon=True)
                process.start()
                sender.close()
                self.processes.append(process)
                self.connections.append(receiver)
        finally:
            gc.unfreeze()
        self.live: list[Any] = list(self.connections)

    def __enter__(self) -> "_Pool":
        return self

    def __exit__(self, *exc: object) -> None:
        """Workers end with the render, however it ends (an error, Ctrl-C): none outlives it."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join()
        for connection in self.connections:
            connection.close()

    def result(self, position: int) -> Optional[Result]:
        """The worker's render at *position* if the parent can take it, else None."""
        from multiprocessing.connection import wait

        while position not in self.results and self.live and not self.lost:
            ready: list[Any] = wait(self.live)
            for connection in ready:
                try:
                    message: Any = connection.recv()
                except Exception:  # noqa: BLE001 - a worker that ended (killed mid-message, crashed)
                    message = _LOST
                if message is None or message is _LOST:
                    self.live.remove(connection)
                    self.lost = self.lost or message is _LOST
                else:
                    self.results[message.position] = message
        found = self.results.pop(position, None)
        return found if found is not None and found.taken else None


def _work(site: "Site", order: list[Renderable], claims: list[int], counter: "Synchronized[int]",
          sender: "Connection") -> None:
    """A worker: claim the next of *claims* (positions in *order*: everything else the parent
    has rendered, or does not render again), render it, send its :class:`Result`, and on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends the workers
    global _in_worker  # noqa: PLW0603 - this process is the worker
    _in_worker = True
    capture = _Capture()
    logger.capture = capture.logs.append
    cache.deferred_writes = capture.cached
    copy: Any = site  # this process's copy of the site: its methods are replaced here only
    copy.net.fetch = copy.net.warn_once = _parent_only
    for converter in copy.converters:
        if converter.kind == "markdown":  # `site.kramdown` before the converter is set up in this process
            converter.unsettled_read = _parent_only
    renderer = copy.renderer
    render_excerpt = renderer.render_excerpt

    def noting_excerpt(excerpt: "Excerpt") -> str:
        output = render_excerpt(excerpt)
        capture.excerpts.append(excerpt)
        return output

    renderer.render_excerpt = noting_excerpt
    positions: dict[int, int] = {id(item): position for position, item in enumerate(order)}
    by_path: dict[str, list[int]] = {}
    for position, item in enumerate(order):
        by_path.setdefault(os.path.abspath(item.path), []).append(position)
    claimed = set(claims)
    selection: Any = site.dependencies.rendering if site.dependencies is not None else None
    try:
        while True:
            with counter.get_lock():
                index = counter.value
                counter.value = index + 1
            if index >= len(claims):
                break
            position = claims[index]
            if selection is not None:  # a watched site's selective render: where it stands
                selection.position = position
            sender.send(_render_one(site, order[position], position, claimed, capture, positions, by_path))
        sender.send(None)
        sender.close()
    except BaseException:  # noqa: B036 - the parent went away, or a result would not pickle
        os._exit(1)  # quietly: the parent renders whatever this worker did not send


def _parent_only(*_args: Any, **_kwargs: Any) -> Any:
    raise ParentOnly()


@dataclass
class _Capture:
    """What one render in a worker logged and which excerpts it rendered."""

    logs: list[tuple[int, str, str, str]] = field(default_factory=list)
    excerpts: list["Excerpt"] = field(default_factory=list)
    cached: list[tuple[str, bytes, str]] = field(default_factory=list)


def _render_one(site: "Site", item: Renderable, position: int, claimed: set[int], capture: _Capture,
                positions: dict[int, int], by_path: dict[str, list[int]]) -> Result:
    """Render *item*, at *position*, as the parent would; *claimed*: the positions workers render."""
    capture.logs.clear()
    capture.excerpts.clear()
    capture.cached.clear()
    pages = len(site.pages)
    result = Result(position)
    if _adds_pages(item):  # it adds its source map: the parent renders it
        return result
    try:
        result.read = site.render_output(item)
        site.site_plugins.hooks.trigger_item(item, "post_render")
    except BaseException:  # noqa: B036 - the parent renders it again and reports what it raises
        _forget_excerpts(capture)
        del site.pages[pages:]
        return result
    excerpts = [(positions.get(id(e.doc), -1), e) for e in capture.excerpts]
    taken = len(site.pages) == pages and _state_independent(result.read, position, claimed, by_path) \
        and not any(at in claimed and at < position for at, _ in excerpts) and all(at >= 0 for at, _ in excerpts)
    if not taken:
        _forget_excerpts(capture)
        del site.pages[pages:]
        return result
    result.taken = True
    result.output, result.content = item.output, item.content
    if _carry_leaks:
        content, layout = site.renderer.leak_update
        result.leak = (None if content is UNCHANGED else (content,), None if layout is UNCHANGED else (layout,))
    result.logs = list(capture.logs)
    result.markdown_set_up = any(converter.kind == "markdown" and converter.set_up for converter in site.converters)
    result.excerpts = [(at, str(e._output)) for at, e in excerpts if e._output is not None]
    result.cached = list(capture.cached)  # the parent takes this render: its cache entries are the build's
    return result


def _forget_excerpts(capture: _Capture) -> None:
    """Excerpts a render the parent does again rendered: forgotten, so that the worker renders
    them again where the parent's order first needs them (with their log lines)."""
    for excerpt in capture.excerpts:
        excerpt._output = None


def _state_independent(read: set[str], position: int, claimed: set[int], by_path: dict[str, list[int]]) -> bool:
    """Whether every body the render read is one the worker holds as the parent does at this
    point: not one the workers render at an earlier position (the worker may not have)."""
    for key in read:
        path = key[: -len(EXCERPT_SUFFIX)] if key.endswith(EXCERPT_SUFFIX) else key
        if any(at < position and at in claimed for at in by_path.get(path, ())):
            return False
    return True
