"""YAML as Jekyll reads it: YAML 1.1 (Psych), errors worded as Psych words them."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import YAMLSyntaxError

__all__ = ["YAMLSyntaxError", "load"]

try:  # the C loader is several times faster on large _data files
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def load(text: str, origin: str = "<unknown>", line_offset: int = 0) -> Any:
    """Parse *text*; on error raise :class:`YAMLSyntaxError` naming *origin* and the line.

    *line_offset* is added to the reported line, so front matter errors point at
    the line in the whole file, not in the YAML block.
    """
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        problem = err.problem or err.context or "syntax error"
        where = f" at line {line} column {column}" if mark else ""
        context = f" while {err.context}" if err.context and err.problem else ""
        raise YAMLSyntaxError(f"({origin}): {problem}{context}{where}", origin, line, column) from None
    except yaml.YAMLError as err:
        raise YAMLSyntaxError(f"({origin}): {err}", origin) from None
