"""Render Liquid source the way Jekyll's LiquidRenderer does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from liquid import Environment, Mode
from liquid.exceptions import LiquidError

from .environment import JekyllEnvironment
from .tag_errors import JekyllTagError

if TYPE_CHECKING:
    from ..site import Site


class LiquidRenderError(Exception):
    """A Liquid error in a named file, worded as Jekyll prints it.

    ``str(err)`` is the message after ``Liquid Exception:``, e.g.
    ``Liquid syntax error (line 1): Unknown tag 'INVALID' in index.html``.
    """

    def __init__(self, message: str, path: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


class LiquidRenderer:
    """Parses and renders templates of one site with Jekyll's Liquid dialect."""

    def __init__(self, site: "Site") -> None:
        self.site = site
        self.env: Environment = JekyllEnvironment(site)

    def render(self, source: str, assigns: Mapping[str, Any], path: str) -> str:
        """Render *source* (from the file *path*, relative to the site) with *assigns*."""
        try:
            template = self.env.from_string(source, name=path, path=path)
            return template.render(**assigns)
        except JekyllTagError as err:  # Jekyll prints a tag's Ruby exception as is
            raise LiquidRenderError(f"{err} in {path}", path) from err
        except LiquidError as err:
            line = err.token.line_number if getattr(err, "token", None) is not None else None
            message = err.message if hasattr(err, "message") else str(err)
            where = f" (line {line})" if line else ""
            raise LiquidRenderError(f"Liquid error{where}: {message} in {path}", path, line) from err

    @property
    def strict(self) -> bool:
        """True when `liquid: error_mode: strict` asks for strict parsing."""
        return self.env.mode == Mode.STRICT
