"""Watching the source with watchdog: native events, or polling when asked or when they fail.

Editors save in bursts (truncate, write, rename, a swap file...), so events are
collected until the source has been quiet for a moment and handed over as one
set of paths: one rebuild per save.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Optional

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ..log import logger

#: How long the source must stay quiet before a burst of events becomes a rebuild.
QUIET_SECONDS = 0.02
#: A burst never delays its rebuild longer than this.
MAX_DELAY_SECONDS = 0.5
_RELEVANT = {"created", "deleted", "modified", "moved", "closed"}

OnChange = Callable[[set[str], bool], None]


class _Collector(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _RELEVANT:
            return
        if event.is_directory and event.event_type in ("modified", "closed"):
            return
        raw_paths = [p for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        paths = [p.decode() if isinstance(p, bytes) else p for p in raw_paths]
        kept = {p for p in paths if not self.watcher.ignored(p)}
        if kept:
            self.watcher.add(kept, structural=event.is_directory)


class Watcher:
    """Calls ``on_change(paths, structural)`` on a worker thread, one call per burst."""

    def __init__(self, root: str, ignored: Callable[[str], bool], on_change: OnChange,
                 force_polling: bool = False) -> None:
        self.root = root
        self.ignored = ignored
        self.on_change = on_change
        self.force_polling = force_polling
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.paths: set[str] = set()
        self.structural = False
        self.first_event = 0.0
        self.last_event = 0.0
        self.observer: Optional[BaseObserver] = None
        self.worker = threading.Thread(target=self._run, name="liquidsite-rebuild", daemon=True)

    def start(self) -> None:
        self.observer = self._start_observer()
        self.worker.start()

    def _start_observer(self) -> BaseObserver:
        handler = _Collector(self)
        if not self.force_polling:
            try:
                observer = Observer()
                observer.schedule(handler, self.root, recursive=True)
                observer.start()
                return observer
            except OSError as err:
                logger.warn("Auto-regeneration:", f"native file events failed ({err}); polling instead.")
        observer = PollingObserver(timeout=0.25)
        observer.schedule(handler, self.root, recursive=True)
        observer.start()
        return observer

    def add(self, paths: set[str], structural: bool) -> None:
        now = time.monotonic()
        with self.lock:
            if not self.paths and not self.structural:
                self.first_event = now
            self.paths |= paths
            self.structural = self.structural or structural
            self.last_event = now
        self.wake.set()

    def _run(self) -> None:
        while not self.stopping.is_set():
            self.wake.wait()
            self.wake.clear()
            if self.stopping.is_set():
                return
            while True:
                with self.lock:
                    now = time.monotonic()
                    quiet_until = min(self.last_event + QUIET_SECONDS, self.first_event + MAX_DELAY_SECONDS)
                    if now >= quiet_until:
                        paths, structural = self.paths, self.structural
                        self.paths, self.structural = set(), False
                        break
                time.sleep(max(quiet_until - now, 0.001))
            if paths or structural:
                try:
                    self.on_change(paths, structural)
                except Exception as err:  # noqa: BLE001 - the watcher must outlive any build bug
                    logger.error("Error:", f"{type(err).__name__}: {err}")

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=2)
        self.worker.join(timeout=2)
