"""A failed build as the terminal and the browser overlay show it (the dev server and ``build --watch``)."""

from __future__ import annotations

from ..errors import ErrorReport, report
from ..log import logger


def describe_error(err: BaseException) -> ErrorReport:
    """Log *err* as a watch-mode build does and describe it for the browser overlay.

    Both come from :func:`liquidsite.errors.report`: the overlay's ``file:line`` is
    the file and line the terminal's message names.
    """
    found = report(err)
    logger.error(found.topic, found.message)
    return found
