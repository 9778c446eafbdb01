"""kramdown-compatible Markdown conversion (placeholder until the converter lands)."""

from __future__ import annotations

from typing import Any, Mapping, Optional

import mistune

_markdown = mistune.create_markdown(escape=False, plugins=["strikethrough", "table", "footnotes"])


def render(text: str, options: Optional[Mapping[str, Any]] = None) -> str:
    """Convert Markdown *text* to HTML with kramdown's *options* (as `kramdown:` in _config.yml)."""
    return _markdown(text)


render.honours = []  # type: ignore[attr-defined]
