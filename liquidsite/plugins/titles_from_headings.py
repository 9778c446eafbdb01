"""jekyll-titles-from-headings 0.5.3: a Markdown page's first heading becomes its title.

Only pages without a ``title`` (and, with ``titles_from_headings:
collections: true``, every written collection document: the gem counts their
file-name titles as unset) whose content starts with an ATX (``#``..``###``) or
Setext heading. The heading text goes through markdownify, strip_html and
normalize_whitespace, as in the gem; ``strip_title: true`` (config or front
matter) removes the heading from the content.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any

from ..documents import Document, Excerpt
from .optional_front_matter import gem_option, markdown_candidates, markdown_converter
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site


# The gem's regex: Ruby's `$` is an end of line, `.` stops at newlines.
TITLE_REGEX = re.compile(r"\A\s*(?:\#{1,3}\s+(.*)(?:\s+\#{1,3})?|(.*)\r?\n[-=]+\s*)$", re.M | re.ASCII)
_EXTRA_MARKUP = re.compile(r"\[\^[^\]]*\]")
_HTML_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_HTML_TAGS = re.compile(r"<.*?>", re.S)


option = partial(gem_option, "titles_from_headings")


def strip_markup(site: "Site", text: str) -> str:
    """markdownify | strip_html | normalize_whitespace, then footnote markers removed."""
    html = site.markdownify(text)
    plain = _HTML_TAGS.sub("", _HTML_BLOCKS.sub("", html))
    return _EXTRA_MARKUP.sub("", re.sub(r"\s+", " ", plain, flags=re.ASCII).strip())


def has_title(item: Any) -> bool:
    """Documents' titles are inferred from file names, so the gem treats them as unset."""
    return not isinstance(item, Document) and item.data.get("title") is not None


def strip_title(site: "Site", item: Any) -> bool:
    if "strip_title" in item.data:
        return item.data["strip_title"] is True
    return option(site, "strip_title") is True


def generate(site: "Site") -> None:
    if option(site, "enabled") is False:
        return
    converter = markdown_converter(site)
    items = markdown_candidates(site, option(site, "collections") is True)
    for item in items:
        if not converter.matches(item.extname) or has_title(item):
            continue
        match = TITLE_REGEX.search(item.content or "")
        if match:
            item.data["title"] = strip_markup(site, match.group(1) if match.group(1) is not None else match.group(2))
        if strip_title(site, item) and item.content:
            item.content = TITLE_REGEX.sub("", item.content).strip()
            if isinstance(item, Document) and item.collection.label == "posts" and item.excerpt_separator:
                item.data["excerpt"] = Excerpt(item)


PLUGIN = BuiltinPlugin("jekyll-titles-from-headings", priority=PRIORITIES["lowest"], generate=generate)
