"""Errors the build reports to the user, each worded as Jekyll words it."""

from __future__ import annotations


class LiquidsiteError(Exception):
    """A fatal build error: the CLI prints its message (no traceback) and exits 1."""


class ConfigError(LiquidsiteError):
    """`_config.yml` (or a `--config` file) is unreadable or invalid."""


class InvalidDateError(LiquidsiteError):
    """A date in front matter, a file name or `time:` cannot be parsed."""


class FrontMatterError(LiquidsiteError):
    """Front matter that cannot be read (raised only with `strict_front_matter`)."""


class ConversionError(LiquidsiteError):
    """A converter (Markdown, Sass) failed on a file."""


class FatalError(LiquidsiteError):
    """Jekyll's `Errors::FatalException`, e.g. a destination that contains the source."""
