"""Jekyll's log format: a right-aligned topic column, then the message.

Jekyll's LogAdapter pads ``"topic "`` to 20 columns; info goes to stdout,
warnings and errors to stderr. Tests and the conformance runner match these
lines, so the padding is part of the interface.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from enum import IntEnum
from typing import Callable, Iterator, Optional
from typing import TextIO

from .lazy_re import lazy_pattern

# Jekyll squeezes every whitespace run of a message (not of the topic) into one space.
_WHITESPACE = lazy_pattern(r"[ \t\r\n\f\v]+")


def _colour(stream: TextIO) -> bool:
    """Jekyll colours warnings yellow and errors red; liquidsite does on a terminal, unless ``NO_COLOR``."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


class Level(IntEnum):
    DEBUG = 0
    INFO = 1
    WARN = 2
    ERROR = 3


_COLOURS = {Level.WARN: "\x1b[33m", Level.ERROR: "\x1b[31m"}


class Logger:
    """A writer of Jekyll-formatted log lines with a verbosity threshold."""

    def __init__(self) -> None:
        self.level = Level.INFO
        self.messages: list[tuple[Level, str]] = []
        self._status_shown = False
        #: In a render worker (:mod:`liquidsite.pool`): where lines go instead, for the parent to replay.
        self.capture: Optional[Callable[[tuple[int, str, str, str]], None]] = None
        self._held: Optional[list[str]] = None

    def adjust_verbosity(self, quiet: bool = False, verbose: bool = False) -> None:
        if quiet:
            self.level = Level.ERROR
        elif verbose:
            self.level = Level.DEBUG
        else:
            self.level = Level.INFO

    @staticmethod
    def format(topic: str, message: str = "") -> str:
        return f"{(topic + ' ').rjust(20)}{message}"

    @contextmanager
    def silenced(self) -> Iterator[list[str]]:
        """Nothing shown or recorded in the block; yields the lines (info and above) it would have
        logged, for work done ahead of its turn that is dropped when it has anything to say."""
        outer, self._held = self._held, []
        try:
            yield self._held
        finally:
            self._held = outer

    def _emit(self, level: Level, topic: str, message: str, once: str = "") -> None:
        if self.capture is not None and self._held is None:
            self.capture((int(level), topic, message, once))
            return
        line = self.format(topic, _WHITESPACE.sub(" ", message))
        if self._held is not None:
            if level >= Level.INFO:
                self._held.append(line)
            return
        self.messages.append((level, line))
        if level < self.level:
            return
        self.clear_status()
        stream = sys.stdout if level <= Level.INFO else sys.stderr
        if level >= Level.WARN and _colour(stream):
            line = f"{_COLOURS[level]}{line}\x1b[0m"
        print(line, file=stream, flush=True)

    def replay(self, level: Level, topic: str, message: str, once: str = "") -> None:
        """A line a render worker captured, logged here as if it had been logged here."""
        self._emit(level, topic, message, once)

    def on_terminal(self) -> bool:
        """Whether info lines reach a person at a terminal (not a pipe, a log file or ``--quiet``)."""
        return self.level <= Level.INFO and _colour(sys.stdout)

    def status(self, topic: str, message: str) -> None:
        """A transient line on a terminal, replaced by the next one and cleared before any log line."""
        if not self.on_terminal():
            return
        sys.stdout.write(f"\r{self.format(topic, message)}\x1b[K")
        sys.stdout.flush()
        self._status_shown = True

    def clear_status(self) -> None:
        if self._status_shown:
            sys.stdout.write("\r\x1b[K")
            sys.stdout.flush()
            self._status_shown = False

    def debug(self, topic: str, message: str = "") -> None:
        self._emit(Level.DEBUG, topic, message)

    def info(self, topic: str, message: str = "") -> None:
        self._emit(Level.INFO, topic, message)

    def warn(self, topic: str, message: str = "", once: str = "") -> None:
        """*once*: the key of a warning given once per build (``JekyllEnvironment.warn_once``)."""
        self._emit(Level.WARN, topic, message, once)

    def error(self, topic: str, message: str = "") -> None:
        self._emit(Level.ERROR, topic, message)


class Progress:
    """``Rendering: 120/450`` on a terminal once a phase has run for a second.

    Jekyll prints nothing between ``Generating...`` and ``done in``; a long build of a
    large site shows how far it is (on a terminal only: logs and CI output stay Jekyll's).
    """

    def __init__(self, topic: str, total: Callable[[], int], after: float = 1.0) -> None:
        self.topic, self.total, self.count = topic, total, 0
        self.start, self.after, self.shown = time.monotonic(), after, 0.0

    def step(self) -> None:
        self.count += 1
        now = time.monotonic()
        if now - self.start >= self.after and now - self.shown >= 0.1:
            self.shown = now
            logger.status(self.topic, f"{self.count}/{self.total()}")

    def done(self) -> None:
        logger.clear_status()


#: The process-wide logger, as ``Jekyll.logger``.
logger = Logger()
