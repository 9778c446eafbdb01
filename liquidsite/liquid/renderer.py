"""Render Liquid source the way Jekyll's LiquidRenderer does.

Templates are parsed once per build: layouts and includes render for every
page, and parsing dominated render time when it happened per page. The
cache is keyed by path and source, so an edited file (``serve``) parses again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from liquid import BoundTemplate
from liquid.exceptions import LiquidError

from ..errors import LiquidRenderError, LiquidsiteError
from .environment import JekyllEnvironment
from .messages import jekyll_line, jekyll_message
from .tag_errors import IncludedLiquidError, JekyllTagError

__all__ = ["LiquidRenderError", "LiquidRenderer"]

if TYPE_CHECKING:
    from ..siteview import SiteView


class LiquidRenderer:
    """Parses and renders templates of one site with Jekyll's Liquid dialect."""

    def __init__(self, site: "SiteView") -> None:
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
                raise _tag_error(err, path) from None
            self._log_warnings(path, source)
            self._templates[key] = template
        return template

    def render(self, source: str, assigns: Mapping[str, Any], path: str) -> str:
        """Render *source* (from the file *path*, relative to the site) with *assigns*."""
        template = self.parse(source, path)
        try:
            return template.render(**assigns)
        except JekyllTagError as err:  # Jekyll prints a tag's Ruby exception as is
            raise _tag_error(err, path) from err
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
        """A template's parse warnings, once per build (a render worker may parse it again)."""
        if self.env.parse_warnings:
            lines = [("Liquid Warning:", jekyll_message(w, path, source)) for w in self.env.parse_warnings]
            self.env.warn_once(f"parse\0{path}\0{source}", lines)
        self.env.parse_warnings = []

    def _error(self, err: LiquidError, path: str, source: str = "") -> LiquidRenderError:
        return LiquidRenderError(jekyll_message(err, path, source), path, jekyll_line(err, source))


def _tag_error(err: JekyllTagError, path: str) -> LiquidRenderError:
    """A Jekyll tag's error in *path*; an error inside an included file is located there."""
    if isinstance(err, IncludedLiquidError) and err.include_path:
        return LiquidRenderError(f"{err} in {path}", err.include_path, err.line)
    return LiquidRenderError(f"{err} in {path}", path, err.line)
