"""Jekyll's log format: a right-aligned topic column, then the message.

Jekyll's LogAdapter pads ``"topic "`` to 20 columns; info goes to stdout,
warnings and errors to stderr. Tests and the conformance runner match these
lines, so the padding is part of the interface.
"""

from __future__ import annotations

import os
import re
import sys
from enum import IntEnum
from typing import TextIO

# Jekyll squeezes every whitespace run of a message (not of the topic) into one space.
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")


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

    def _emit(self, level: Level, topic: str, message: str) -> None:
        line = self.format(topic, _WHITESPACE.sub(" ", message))
        self.messages.append((level, line))
        if level < self.level:
            return
        stream = sys.stdout if level <= Level.INFO else sys.stderr
        if level >= Level.WARN and _colour(stream):
            line = f"{_COLOURS[level]}{line}\x1b[0m"
        print(line, file=stream, flush=True)

    def debug(self, topic: str, message: str = "") -> None:
        self._emit(Level.DEBUG, topic, message)

    def info(self, topic: str, message: str = "") -> None:
        self._emit(Level.INFO, topic, message)

    def warn(self, topic: str, message: str = "") -> None:
        self._emit(Level.WARN, topic, message)

    def error(self, topic: str, message: str = "") -> None:
        self._emit(Level.ERROR, topic, message)


#: The process-wide logger, as ``Jekyll.logger``.
logger = Logger()
