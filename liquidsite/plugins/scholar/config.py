"""jekyll-scholar 7.3's configuration: ``Jekyll::Scholar.defaults`` under ``scholar:``, then the page's."""

from __future__ import annotations

import copy
from typing import Any, Mapping

DEFAULTS: dict[str, Any] = {
    "style": "apa",
    "locale": "en",
    "sort_by": "none",
    "order": "ascending",
    "group_by": "none",
    "group_order": "ascending",
    "bibliography_group_tag": "h2,h3,h4,h5",
    "bibliography_list_tag": "ol",
    "bibliography_item_tag": "li",
    "bibliography_list_attributes": {},
    "bibliography_item_attributes": {},
    "source": "./_bibliography",
    "bibliography": "references.bib",
    "repository": None,
    "repository_file_delimiter": ".",
    "bibtex_filters": ["smallcaps", "superscript", "italics", "textit", "lowercase", "textregistered", "tiny",
                       "latex"],
    "raw_bibtex_filters": [],
    "bibtex_skip_fields": ["abstract", "month_numeric"],
    "bibtex_quotes": ["{", "}"],
    "replace_strings": True,
    "join_strings": True,
    "remove_duplicates": False,
    "details_dir": "bibliography",
    "details_layout": "bibtex.html",
    "details_link": "Details",
    "details_permalink": "/:details_dir/:key:extension",
    "bibliography_class": "bibliography",
    "bibliography_template": "{{reference}}",
    "reference_tagname": "span",
    "missing_reference": "(missing reference)",
    "details_link_class": "details",
    "query": "@*",
    "cite_class": "citation",
    "separate_links": False,
    "type_names": {
        "article": "Journal Articles", "book": "Books", "incollection": "Book Chapters",
        "inproceedings": "Conference Articles", "thesis": "Theses", "mastersthesis": "Master's Theses",
        "phdthesis": "PhD Theses", "manual": "Manuals", "techreport": "Technical Reports",
        "misc": "Miscellaneous", "unpublished": "Unpublished",
    },
    "type_aliases": {"phdthesis": "thesis", "mastersthesis": "thesis"},
    "type_order": [],
    "month_names": None,
}


def merged(site_config: Mapping[str, Any], page: Any = None) -> dict[str, Any]:
    """The defaults merged with ``scholar:`` of the site, then of the page (``set_context_to``)."""
    config = copy.deepcopy(DEFAULTS)
    for layer in (site_config.get("scholar"), _page_scholar(page)):
        if isinstance(layer, Mapping):
            config.update(layer)
    return config


def _page_scholar(page: Any) -> Any:
    try:
        return page["scholar"] if page is not None and "scholar" in page else None
    except (KeyError, TypeError):
        return None


def split_list(value: Any) -> list[str]:
    """``Array(value).map { split(/\\s*,\\s*/) }.flatten``: a list or comma-separated names."""
    items = value if isinstance(value, list) else ([] if value is None else [value])
    return [part for item in items for part in _split_commas(str(item))]


def _split_commas(text: str) -> list[str]:
    import re

    parts = re.split(r"\s*,\s*", text)
    while parts and parts[-1] == "":
        parts.pop()
    return parts
