"""Errors the build reports to the user, each worded as Jekyll words it, and the one way to report them.

Every error the user is meant to read derives from :class:`LiquidsiteError` and
carries where it happened (``path``, ``line``, ``column``) as constructor fields.
:func:`report` turns any exception into what the terminal prints (Jekyll's topic
and message) and the ``file:line`` the ``serve`` overlay shows; both read the
same fields, so they cannot disagree.
"""

from __future__ import annotations

import dataclasses
from typing import Optional


class LiquidsiteError(Exception):
    """A fatal build error: the CLI prints ``topic`` and its message (no traceback) and exits 1.

    ``line`` is the line Jekyll's message names (for Liquid, counted from the end of
    the front matter, as Liquid counts); ``path`` is the file as the message names it.
    """

    topic = "Error:"

    def __init__(self, message: str, path: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column


class ConfigError(LiquidsiteError):
    """`_config.yml` (or a `--config` file) is unreadable or invalid."""


class YAMLSyntaxError(LiquidsiteError):
    """A YAML file or front matter Psych would reject, worded as Psych words it."""


class InvalidDateError(LiquidsiteError):
    """A date in front matter, a file name or `time:` cannot be parsed."""


class FrontMatterError(LiquidsiteError):
    """Front matter that cannot be read (raised only with `strict_front_matter`)."""


class ConversionError(LiquidsiteError):
    """A converter (Markdown, Sass) failed on a file."""


class FatalError(LiquidsiteError):
    """Jekyll's `Errors::FatalException`, e.g. a destination that contains the source."""


class LiquidRenderError(LiquidsiteError):
    """A Liquid error in a named file, worded as Jekyll prints it.

    ``str(err)`` is the message after ``Liquid Exception:``, e.g.
    ``Liquid syntax error (line 1): Unknown tag 'INVALID' in index.html``.
    """

    topic = "Liquid Exception:"


@dataclasses.dataclass(frozen=True)
class ErrorReport:
    """An error as the user sees it: the terminal's ``topic message`` and the overlay's ``location``."""

    topic: str
    message: str
    path: Optional[str] = None
    line: Optional[int] = None
    column: Optional[int] = None

    @property
    def location(self) -> str:
        """``file:line`` (``file`` alone when the line is unknown, empty when the file is)."""
        if not self.path:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path


def report(err: BaseException) -> ErrorReport:
    """What the terminal and the browser overlay say about *err*; anything else is an internal bug."""
    if isinstance(err, LiquidsiteError):
        return ErrorReport(err.topic, str(err), err.path, err.line, err.column)
    return ErrorReport("Error:", f"{type(err).__name__}: {err}")
