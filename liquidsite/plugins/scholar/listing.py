"""The ``bibliography`` tag's output: entries as list items, in groups with headings
(``group_by``, ``group_order``, ``bibliography_group_tag``) as the gem renders them."""

from __future__ import annotations

import functools
import re
from typing import Any, Optional, Sequence

from .bibtex import Entry
from .config import DEFAULTS, split_list
from .utilities import Scholar, content_tag


def ruby_range(items: list[Any], first: int, last: int) -> list[Any]:
    """``items[first..last]`` (negative indexes count from the end)."""
    length = len(items)
    start = first + length if first < 0 else first
    stop = last + length if last < 0 else last
    if start < 0 or start > length:
        return []
    return items[start:stop + 1]


def render_items(scholar: Scholar, items: Sequence[Optional[Entry]]) -> str:
    config = scholar.config
    rendered = []
    for index, entry in enumerate(item for item in items if item is not None):
        reference = scholar.bibliography_tag(entry, index + 1)
        if scholar.generate_details() and config.get("details_link"):
            reference += content_tag("a", str(config.get("details_link")), {
                "class": config.get("details_link_class"), "href": scholar.details_link(entry)})
        rendered.append(content_tag(str(config.get("bibliography_item_tag")), reference,
                                    dict(config.get("bibliography_item_attributes") or {})))
    list_tag = scholar.options.bibliography_list_tag or str(config.get("bibliography_list_tag"))
    attributes = {"class": config.get("bibliography_class"), **dict(config.get("bibliography_list_attributes") or {})}
    return content_tag(list_tag, "\n".join(rendered), attributes)


def _group_value(key: str, entry: Entry, config: dict[str, Any]) -> Any:
    if key == "type":
        aliases = {**DEFAULTS["type_aliases"], **(config.get("type_aliases") or {})}
        return aliases.get(entry.type, entry.type)
    if key in ("year", "date"):
        value = entry.fields.get(key)
        return "" if value is None else str(value)
    if key == "name":
        for name in ("author", "editor", "institution", "organization", "publisher"):
            if name in entry.fields:
                return str(entry.fields[name])
        return ""
    value = entry.fields.get(key)
    if value is None:
        return ""
    return int(value.tokens[0]) if value.is_numeric() else str(value)


def _group_name(key: str, value: Any, config: dict[str, Any]) -> str:
    if key == "type":
        type_names = {**DEFAULTS["type_names"], **(config.get("type_names") or {})}
        return str(type_names.get(value, value))
    if key == "month_numeric":
        month_names = config.get("month_names")
        names = ([None, "January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"] if month_names is None else [None, *month_names])
        found = names[value] if isinstance(value, int) and -len(names) <= value < len(names) else None
        return "(unknown)" if found is None else str(found)
    return str(value)


def render_groups(scholar: Scholar, items: Sequence[Optional[Entry]], group_by: str) -> str:
    config = scholar.config
    keys = ["month_numeric" if key == "month" else key for key in split_list(group_by)]
    order_value = scholar.options.group_order or config.get("group_order")
    orders = split_list(order_value)
    tags = split_list(config.get("bibliography_group_tag"))
    type_order = [str(name) for name in config.get("type_order") or []]

    def compare(key: str, first: Any, second: Any) -> int:
        if key == "type":
            a = type_order.index(first) if first in type_order else None
            b = type_order.index(second) if second in type_order else None
            if a is None or b is None:
                return 0 if a is None and b is None else (1 if a is None else -1)
            return (a > b) - (a < b)
        return (first > second) - (first < second)

    def render(entries: list[Entry], depth: int) -> str:
        if depth == len(keys):
            return render_items(scholar, entries)
        key = keys[depth]
        groups: dict[Any, list[Entry]] = {}
        for entry in entries:
            groups.setdefault(_group_value(key, entry, config), []).append(entry)
        order = orders[depth] if depth < len(orders) else (orders[-1] if orders else "")
        descending = re.match(r"^(desc|reverse)", order, re.I | re.M) is not None

        def by_value(first: tuple[Any, list[Entry]], second: tuple[Any, list[Entry]]) -> int:
            return compare(key, second[0], first[0]) if descending else compare(key, first[0], second[0])

        ordered = sorted(groups.items(), key=functools.cmp_to_key(by_value))
        tag = tags[depth] if depth < len(tags) else (tags[-1] if tags else "h2")
        return "\n".join(
            content_tag(tag, _group_name(key, value, config), {"class": config.get("bibliography_class")})
            + "\n" + render(group, depth + 1)
            for value, group in ordered
        )

    return render([item for item in items if item is not None], 0)
