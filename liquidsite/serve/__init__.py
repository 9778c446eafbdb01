"""``liquidsite serve`` and ``liquidsite build --watch``: build, watch, rebuild, serve, reload browsers.

``serve`` mirrors ``jekyll serve`` (flags, log lines, ``site.url`` set to the
local address in development) with live reload on by default, delivered over
Server-Sent Events on the server's own port. ``build --watch`` is Jekyll's watch
mode: the same watcher and rebuilds, no server.

| module | holds |
| --- | --- |
| ``rebuild`` | ``Rebuilder``: watcher events to ``Site.process`` (a selection, or a new site) |
| ``watcher`` | watchdog (native or polling) with bursts debounced into one rebuild |
| ``errors`` | a failed build as the terminal and the browser overlay show it |
| ``http`` | the destination served as WEBrick serves it for Jekyll, never outside it |
| ``livereload`` | the browser script, its injection, the event broker |
| ``mime`` | Jekyll's content types and charsets |
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import signal
import threading
import time
import webbrowser
from typing import Any, Callable, Optional

from ..log import logger
from .http import Mount, SiteServer, normalize_baseurl
from .rebuild import BuildResult, Rebuilder
from .livereload import EVENTS_PATH, Broker
from .watcher import Watcher


def serve(args: argparse.Namespace) -> int:
    from ..config import load_config, overrides_from

    overrides = overrides_from(args)
    overrides["serving"] = True
    livereload = args.livereload is not False and not (args.watch is False and args.livereload is None)
    watch = args.watch is not False or livereload  # Jekyll: live reload implies watching
    overrides.update(livereload=livereload, watch=watch)
    for key in ("host", "port", "skip_initial_build", "open_url", "livereload_port", "livereload_ignore"):
        if getattr(args, key, None) is not None:
            overrides[key] = getattr(args, key)
    config = load_config(overrides)
    host = str(config.get("host") or "127.0.0.1")
    try:
        port = int(config.get("port") or 4000)
    except ValueError:
        logger.error("Error:", f"Invalid port: {config.get('port')!r}")
        return 1
    broker = Broker() if livereload else None
    builder = Rebuilder(overrides)
    try:
        server = SiteServer((host, port), lambda: _mount(builder, config), broker,
                            verbose=bool(config.get("verbose")))
    except OSError as err:
        logger.error("Error:", f"Could not listen on {host}:{port}: {err.strerror or err}")
        return 1
    port = server.server_address[1]
    if os.environ.get("JEKYLL_ENV", "development") == "development":
        url = _format_url("localhost" if host == "127.0.0.1" else host, port)
        overrides["url"] = config["url"] = url
    logger.info("Source:", config["source"])
    logger.info("Destination:", config["destination"])
    logger.info("Incremental build:", "enabled (an edit re-renders only what it affects)")
    if config.get("skip_initial_build"):
        logger.warn("Build Warning:", "Skipping the initial build. This may result in an out-of-date site.")
    else:
        logger.info("Generating...")
        _report(builder.full_build(config), broker, config, builder, initial=True)
    watcher: Optional[Watcher] = None
    if watch:
        watcher = Watcher(builder.source, builder.ignored,
                          lambda paths, structural: _rebuild(builder, broker, paths, structural),
                          force_polling=bool(config.get("force_polling")))
        watcher.start()
        logger.info("Auto-regeneration:", f"enabled for '{config['source']}'")
    else:
        logger.info("Auto-regeneration:", "disabled. Use --watch to enable.")
    baseurl = config.get("baseurl")
    address = _format_url(host, port, normalize_baseurl(baseurl) if baseurl is not None else None)
    if broker is not None:
        logger.info("LiveReload address:", _format_url(host, port) + EVENTS_PATH)
    logger.info("Server address:", address)
    return _run(server, watcher, broker, address if config.get("open_url") else None)


def watch(builder: Rebuilder, config: dict[str, Any]) -> int:
    """``build --watch`` after its first build: Jekyll's watch mode, rebuilding on every edit until Ctrl-C."""
    watcher = Watcher(builder.source, builder.ignored,
                      lambda paths, structural: _regenerate(builder, paths, structural),
                      force_polling=bool(config.get("force_polling")))
    watcher.start()
    try:
        _run_until_stopped(lambda: logger.info("Auto-regeneration:", f"enabled for '{config['source']}'"))
    finally:
        watcher.stop()
    logger.info("", "Halting auto-regeneration.")
    return 0


def _regenerate(builder: Rebuilder, paths: set[str], structural: bool) -> None:
    """One burst of edits under ``build --watch``, logged as Jekyll's watcher logs it."""
    started = time.time_ns()
    _regenerating(builder, paths)
    if builder.rebuild(paths, structural).error is not None:
        logger.warn("Error:", "Run jekyll build --trace for more information.")
    else:
        logger.info("", f"...done in {(time.time_ns() - started) / 1e9!r} seconds.")  # as Ruby prints a Float
    logger.info("")


def _run_until_stopped(ready: Callable[[], None]) -> None:
    """Call *ready* (which tells the user how to stop), then block until Ctrl-C or SIGTERM;
    then ignore a second Ctrl-C, so the shutdown completes."""
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        ready()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(server: SiteServer, watcher: Optional[Watcher], broker: Optional[Broker], open_url: Optional[str]) -> int:
    """Serve until Ctrl-C or SIGTERM, then stop everything quietly."""
    def ready() -> None:
        logger.info("Server running...", "press ctrl-c to stop.")
        if open_url:
            webbrowser.open(open_url)

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    try:
        thread.start()
        _run_until_stopped(ready)
    finally:
        if watcher is not None:
            watcher.stop()
        if broker is not None:
            broker.close()
        server.shutdown()
        server.server_close()
    return 0


def _regenerating(builder: Rebuilder, paths: set[str]) -> None:
    """Jekyll's "Regenerating:" lines for one burst of edits."""
    source = builder.source
    shown = sorted(paths) or [source]
    logger.info("Regenerating:", f"{len(shown)} file(s) changed at {time.strftime('%Y-%m-%d %H:%M:%S')}")
    for path in shown:
        logger.info("", os.path.relpath(path, source))


def _rebuild(builder: Rebuilder, broker: Optional[Broker], paths: set[str], structural: bool) -> None:
    """One burst of edits: Jekyll's "Regenerating:" lines, the build, the browsers told."""
    _regenerating(builder, paths)
    result = builder.rebuild(paths, structural)
    _report(result, broker, builder.site.config if builder.site is not None else {}, builder)


def _reloaded(changed: list[str], builder: Rebuilder, config: dict[str, Any]) -> list[str]:
    """The changed outputs browsers reload: Jekyll's ``--livereload-ignore`` leaves out those
    whose source path matches one of its globs."""
    patterns = config.get("livereload_ignore") or []
    if isinstance(patterns, str):
        patterns = [p for p in patterns.split(",") if p]
    if not patterns:
        return changed
    origins = builder.origins()
    return [url for url in changed
            if not any(fnmatch.fnmatch(origins.get(url, url.lstrip("/")), str(p)) for p in patterns)]


def _report(result: BuildResult, broker: Optional[Broker], config: dict[str, Any], builder: Rebuilder,
            initial: bool = False) -> None:
    """Log a build as Jekyll does; tell browsers (not for the initial build: none saw the site yet)."""
    if result.error is not None:
        logger.warn("Error:", "Build failed; the last good site is still served.")
        if broker is not None:
            broker.failed(result.error.message, result.error.location)
        return
    if initial:
        logger.info("", f"done in {result.seconds:.3f} seconds.")
        return
    what = f"{result.rendered} rendered, {len(result.changed)} written"
    logger.info("", f"...done in {result.seconds:.3f} seconds ({result.kind}: {what}).")
    if broker is not None:
        baseurl = normalize_baseurl(config.get("baseurl"))
        broker.built([baseurl + path for path in _reloaded(result.changed, builder, config)])


def _mount(builder: Rebuilder, initial: dict[str, Any]) -> Mount:
    config = builder.site.config if builder.site is not None else initial
    webrick = config.get("webrick") or {}
    headers = webrick.get("headers") if isinstance(webrick, dict) else None
    return Mount(
        root=str(config["destination"]),
        baseurl=normalize_baseurl(config.get("baseurl")),
        encoding=str(config.get("encoding") or "utf-8"),
        headers={str(k): str(v) for k, v in (headers or {}).items()},
        show_dir_listing=bool(config.get("show_dir_listing")),
    )


def _format_url(host: str, port: int, baseurl: Optional[str] = None) -> str:
    """Jekyll's ``format_url``: a baseurl (even empty) gets a trailing slash."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}" + (f"{baseurl}/" if baseurl is not None else "")
