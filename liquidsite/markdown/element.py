"""The document tree kramdown builds: one node type, discriminated by ``type``.

kramdown parses into a tree of generic elements and converts that tree to HTML in a
second pass; several behaviours (IALs applied after the fact, footnote numbering,
TOC, header ids) depend on that two-pass design, so the port keeps it.
"""

from __future__ import annotations

from typing import Any

BLOCK_TYPES = frozenset(
    "blank p header blockquote codeblock ul ol li dl dt dd table td hr".split()
)
SPAN_TYPES = frozenset(
    "text a br img codespan footnote em strong entity typographic_sym smart_quote abbreviation".split()
)


class Element:
    """A node: ``type`` names what it is, ``value`` holds its text (or payload)."""

    __slots__ = ("type", "value", "attr", "options", "children")

    def __init__(
        self,
        type: str,
        value: Any = None,
        attr: dict[str, str] | None = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.type = type
        self.value = value
        self.attr: dict[str, str] = attr if attr is not None else {}
        self.options: dict[str, Any] = options if options is not None else {}
        self.children: list[Element] = []

    def category(self) -> str | None:
        """'block' or 'span' for fixed-category types, else the ``category`` option."""
        if self.type in BLOCK_TYPES:
            return "block"
        if self.type in SPAN_TYPES:
            return "span"
        return self.options.get("category")

    def is_block(self) -> bool:
        return self.category() == "block"

    def deep_copy(self) -> Element:
        """Copy the subtree (the converter mutates footnote and TOC copies)."""
        el = Element(self.type, self.value, dict(self.attr), dict(self.options))
        el.children = [c.deep_copy() for c in self.children]
        return el

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.type} {self.value!r} {self.attr} {self.children}>"
