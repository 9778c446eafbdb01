"""Exceptions raised by Jekyll's tags, worded as Jekyll prints them.

Jekyll's tags raise plain Ruby exceptions (``ArgumentError``, ``IOError``,
``PostURLError``), which Liquid never turns into warnings, whatever the
error mode: they stop the build and Jekyll prints ``Liquid Exception: MESSAGE
in PATH``, PATH being the page or layout whose rendering failed. They are not
``LiquidError`` subclasses for the same reason: python-liquid would otherwise
downgrade them to warnings. :class:`~liquidsite.liquid.renderer.LiquidRenderer`
appends `` in PATH``.
"""

from __future__ import annotations

from liquid.exceptions import LiquidError, LiquidSyntaxError

from .standard_filters import RubyError


class JekyllTagError(Exception):
    """A fatal error of a Jekyll tag; ``str(err)`` is Jekyll's message without `` in PATH``.

    ``line`` is the failing tag's line in the rendered file, when the tag knows it (Jekyll does
    not print it; the terminal's location and the error overlay do)."""

    def __init__(self, message: object = "", line: int | None = None) -> None:
        super().__init__(message)
        self._line = line

    @property
    def line(self) -> int | None:
        return self._line


class IncludedLiquidError(JekyllTagError):
    """A Liquid error inside an included file, named as Ruby Liquid names it.

    Ruby Liquid prints ``Liquid error (FILE line N): MESSAGE included``: FILE
    is the absolute path of the outermost include the error passed through
    (each enclosing include renames it), N the line in the file that failed.
    """

    def __init__(self, error: LiquidError, include_path: str, source: str = "") -> None:
        super().__init__(error)
        self.error = error
        self.include_path = include_path
        self.source = source

    @property
    def line(self) -> int | None:
        token = self.error.token
        if token is None:
            return None
        if token.start_index < 0:  # the end of the file, e.g. a block never closed
            return (self.source or token.source).count("\n") + 1
        return token.source.count("\n", 0, token.start_index) + 1

    def __str__(self) -> str:
        if isinstance(self.error, RubyError):
            return str(self.error.message)
        kind = "Liquid syntax error" if isinstance(self.error, LiquidSyntaxError) else "Liquid error"
        where = f" ({self.include_path} line {self.line})" if self.line is not None else ""
        message = self.error.message
        if isinstance(self.error, LiquidSyntaxError):
            from .messages import syntax_text  # Ruby's wording: "Unknown tag 'x'", "'for' tag was never closed"

            message = syntax_text(self.error, str(message))
        return f"{kind}{where}: {message} included"
