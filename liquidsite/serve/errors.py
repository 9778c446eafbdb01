"""A failed build as the terminal and the browser overlay show it (the dev server and ``build --watch``)."""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING, Any, Optional

from liquid.exceptions import LiquidError

from ..errors import LiquidsiteError
from ..liquid import LiquidRenderError
from ..log import logger
from ..yamlio import YAMLSyntaxError

if TYPE_CHECKING:
    from ..site import Site


@dataclasses.dataclass
class BuildError:
    """A failed build as the terminal and the browser overlay show it."""

    message: str
    file: Optional[str] = None
    line: Optional[int] = None

    @property
    def location(self) -> str:
        if not self.file:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file


def describe_error(err: BaseException, site: Optional["Site"] = None) -> BuildError:
    """Log *err* as a watch-mode build does and describe it for the browser overlay.

    The overlay's ``file:line`` is a line of the file as the editor shows it: Liquid
    counts lines from the end of the front matter, so the body's offset is added.
    """
    liquid_error = _liquid_cause(err)
    if isinstance(err, LiquidRenderError) or liquid_error is not None:
        message, path, line = _liquid_details(err, liquid_error)
        if site is not None and path is not None and os.path.isabs(path) and _under(path, site.source):
            path = os.path.relpath(path, site.source)
            message = message.replace(f" in {os.path.join(site.source, path)}", f" in {path}")
        logger.error("Liquid Exception:", message)
        return BuildError(message, path, _file_line(site, path, line))
    if isinstance(err, (LiquidsiteError, YAMLSyntaxError)):
        logger.error("Error:", str(err))
        return BuildError(str(err), getattr(err, "path", None), getattr(err, "line", None))
    message = f"{type(err).__name__}: {err}"
    logger.error("Error:", message)
    return BuildError(message)


def _liquid_cause(err: BaseException) -> Optional[LiquidError]:
    """The python-liquid error behind *err*, if any (it may be wrapped or be the context)."""
    seen: set[int] = set()
    current: Optional[BaseException] = err
    while current is not None and id(current) not in seen:
        if isinstance(current, LiquidError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _liquid_details(err: BaseException, cause: Optional[LiquidError]) -> tuple[str, Optional[str], Optional[int]]:
    if isinstance(err, LiquidRenderError):
        return str(err), err.path, err.line
    assert cause is not None
    path = str(cause.template_name) if cause.template_name else None
    context = cause.context()
    line = context[0] if context else None
    where = f" (line {line})" if line else ""
    return f"Liquid error{where}: {cause.message} in {path}", path, line


def _file_line(site: Optional["Site"], path: Optional[str], line: Optional[int]) -> Optional[int]:
    """*line* of a template body as a line of its file (pages, documents and layouts have front matter)."""
    if site is None or path is None or line is None:
        return line
    candidates: list[Any] = [*site.layouts.values(), *site.render_order()]
    for candidate in candidates:
        names = {getattr(candidate, "relative_path", None), getattr(candidate, "page_path", None)}
        if path in names:
            return line + int(getattr(candidate, "body_line", 1)) - 1
    return line


def _under(path: str, directory: str) -> bool:
    return path.startswith(directory.rstrip("/") + "/")
