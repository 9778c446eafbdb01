"""Permalinks: Jekyll's URL class (templates, placeholders, escaping, sanitising)."""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping
from urllib.parse import quote, unquote

from .lazy_re import lazy_pattern
from .errors import LiquidsiteError

_PLACEHOLDER = lazy_pattern(r":([a-z_]+)")
_SAFE_PATH = lazy_pattern(r"^[a-zA-Z0-9./-]+$")
# Addressable::URI.encode keeps the unreserved and reserved characters as they are.
_ADDRESSABLE_SAFE = "!$&'()*+,;=:@/?#[]~-._"


class PermalinkError(LiquidsiteError):
    """A permalink template names a placeholder the document does not have."""


def escape_path(path: str) -> str:
    """``URL.escape_path``: percent-encode what a URL path cannot hold; ``#`` becomes ``%23``."""
    if not path or _SAFE_PATH.match(path):
        return path
    return quote(path, safe=_ADDRESSABLE_SAFE).replace("#", "%23", 1)


def unescape_path(path: str) -> str:
    return unquote(path) if "%" in path else path


def sanitize_url(url: str) -> str:
    """Leading slash, no ``..`` or ``./`` segments, no doubled slashes."""
    url = ("/" + url).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", url)


def from_hash(template: str, placeholders: Mapping[str, Any]) -> str:
    """Fill a page's template: a nil value drops ``/:key`` entirely."""
    result = template
    for key, value in placeholders.items():
        if ":" not in result:
            break
        if value is None:
            result = result.replace(f"/:{key}", "")
        else:
            result = result.replace(f":{key}", escape_path(str(value)))
    return result


def from_lookup(template: str, lookup: Callable[[str], Any], has: Callable[[str], bool]) -> str:
    """Fill a document's template from its URL drop (``:name_`` may also mean ``:name``)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        pool = [name, name[:-1]] if name.endswith("_") else [name]
        winner = next((key for key in pool if has(key)), None)
        if winner is None:
            raise PermalinkError(
                f"The URL template doesn't have {' or '.join(pool)} keys. Check your permalink template!"
            )
        value = lookup(winner)
        replacement = escape_path("" if value is None else str(value))
        return match.group(0).replace(f":{winner}", replacement, 1)

    return _PLACEHOLDER.sub(replace, template)


def generate(template: str, permalink: Any, fill: Callable[[str], str]) -> str:
    """The URL of a page or document: its permalink if set, else the template, filled and sanitised."""
    return sanitize_url(fill(str(permalink)) if permalink else fill(template))
