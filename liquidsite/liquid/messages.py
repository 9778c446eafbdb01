"""Liquid errors worded as Liquid 5.4 words them, for Jekyll's ``Liquid Exception``/``Warning`` lines.

Jekyll prints ``<Liquid message> in <path>``, where Liquid's message is
``Liquid syntax error (line N): ...`` or ``Liquid error (line N): ...``.
python-liquid words its errors differently; the common ones are translated
here, others keep python-liquid's text under Liquid's prefix.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from liquid.exceptions import LiquidError, LiquidSyntaxError

_SYNTAX: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"unexpected tag '(?:end)?(\w+)'|unknown tag '(\w+)'"),
     lambda m: f"Unknown tag '{m.group(1) or m.group(2)}'"),
    (re.compile(r"expected tag (?:end)?(\w+)|tag '?(\w+)'? was never closed|unexpected end of template.*'(\w+)'"),
     lambda m: f"'{m.group(1) or m.group(2) or m.group(3)}' tag was never closed"),
    (re.compile(r"expected '}}', found 'eof'|expected '}}'"),
     lambda m: "Variable '{{' was not properly terminated with regexp: /\\}\\}/"),
    (re.compile(r"expected '%}', found 'eof'|expected '%}'"),
     lambda m: "Tag '{%' was not properly terminated with regexp: /\\%\\}/"),
]


def error_line(err: LiquidError) -> Optional[int]:
    """The 1-based line of the token *err* points at."""
    token = getattr(err, "token", None)
    if token is None or getattr(token, "start_index", -1) < 0:
        return None
    return token.source.count("\n", 0, token.start_index) + 1


def jekyll_message(err: LiquidError, path: str) -> str:
    """``Liquid syntax error (line 3): Unknown tag 'foo' in index.html``."""
    text = str(err.args[0]) if err.args else type(err).__name__
    line = error_line(err)
    err.jekyll_line = line  # type: ignore[attr-defined]
    where = f" (line {line})" if line else ""
    if isinstance(err, LiquidSyntaxError):
        for pattern, wording in _SYNTAX:
            match = pattern.search(text)
            if match:
                text = wording(match)
                break
        return f"Liquid syntax error{where}: {text} in {path}"
    return f"Liquid error{where}: {_runtime_text(text)} in {path}"


def _runtime_text(text: str) -> str:
    # python-liquid prefixes filter errors with the filter's name ("divided_by: ...").
    return re.sub(r"^\w+: ", "", text)
