"""Built-in equivalents of al-folio's own Ruby plugins (``_plugins/*.rb``).

Each module reproduces one plugin file, version by version where versions
differ in output; ``RUBY_PLUGINS`` in :mod:`liquidsite.plugins` maps the files
to them and :mod:`liquidsite.plugins.ruby` recognises a site's copies.
"""

from __future__ import annotations

from typing import Any


def ruby_chomp(text: str) -> str:
    """Ruby's ``String#chomp``: one trailing ``\\r\\n``, ``\\n`` or ``\\r`` removed."""
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def as_text(value: Any) -> str:
    """A filter's input as the string Ruby would operate on (nil is empty)."""
    return "" if value is None else str(value)
