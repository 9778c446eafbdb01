"""Render Liquid source the way Jekyll's LiquidRenderer does.

Templates are parsed once per build: layouts and includes render for every
page, and parsing dominated render time when it happened per page. The
cache is keyed by path and source, so an edited file (``serve``) parses again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from liquid import BoundTemplate
from liquid.exceptions import LiquidError

from ..errors import LiquidsiteError
from ..log import logger
from .blank_literal import ACTIVE_SUPPORT_BLANK
from .environment import JekyllEnvironment
from .messages import jekyll_message
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
        self.env = JekyllEnvironment(site)
        self._templates: dict[tuple[str, str], BoundTemplate] = {}

    def parse(self, source: str, path: str) -> BoundTemplate:
        """The parsed template for *source* from *path*, parsed once per build."""
        key = (path, source)
        template = self._templates.get(key)
        if template is None:
            self.env.parse_warnings = []
            try:
                template = self.env.from_string(source, name=path, path=path)
            except LiquidError as err:
                self._log_warnings(path, source)
                raise self._error(err, path, source) from None
            except JekyllTagError as err:  # a tag's markup Jekyll rejects while parsing
                self._log_warnings(path, source)
                raise LiquidRenderError(f"{err} in {path}", path) from None
            self._log_warnings(path, source)
            self._templates[key] = template
        return template

    def render(self, source: str, assigns: Mapping[str, Any], path: str) -> str:
        """Render *source* (from the file *path*, relative to the site) with *assigns*."""
        template = self.parse(source, path)
        ACTIVE_SUPPORT_BLANK.set(self.env.active_support)
        try:
            return template.render(**assigns)
        except JekyllTagError as err:  # Jekyll prints a tag's Ruby exception as is
            raise LiquidRenderError(f"{err} in {path}", path) from err
        except LiquidError as err:
            raise self._error(err, path, source) from None
        except LiquidRenderError:
            raise
        except LiquidsiteError as err:
            # Jekyll reports any error raised inside Liquid (an invalid date...) with the file.
            raise LiquidRenderError(f"{err} in {path}", path) from None
        except RecursionError:
            raise LiquidRenderError(f"Liquid error: stack level too deep in {path}", path) from None

    def _log_warnings(self, path: str, source: str) -> None:
        for warning in self.env.parse_warnings:
            logger.warn("Liquid Warning:", jekyll_message(warning, path, source))
        self.env.parse_warnings = []

    def _error(self, err: LiquidError, path: str, source: str = "") -> LiquidRenderError:
        message = jekyll_message(err, path, source)
        return LiquidRenderError(message, path, getattr(err, "jekyll_line", None))
