"""jekyll-scholar's ``BibTeXConverter``: a ``.bib`` (or ``.bibtex``) page is its references in HTML.

A BibTeX file with front matter is a page like any other; the gem's converter (priority
``:highest``, extensions matching ``/bib(tex)?$/i``, output ``.html``) reads its content
after Liquid as bibtex-ruby's strict lexer does with ``meta_content`` kept, renders each
entry through the configured style (``render_bibliography``: no ``<span>``, no number),
keeps the text between objects as it is, drops ``@string``/``@preamble``/``@comment``
(each an empty line), joins the parts with newlines and converts the whole as Markdown.
The lexer takes the whitespace after an entry's closing brace, so text right below an
entry joins its paragraph. Values have their line breaks folded (bibtex-ruby's ``strip``
default) and go through ``bibtex_filters``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...converters import Converter
from .bibtex import object_spans, parse
from .config import merged
from .options import TagOptions
from .utilities import Scholar

if TYPE_CHECKING:
    from ...site import Site

_EXTENSION = re.compile(r"bib(tex)?$", re.I)
_LINE_BREAK = re.compile(r"\n\s*")


class BibTeXConverter(Converter):
    kind = "bibtex"

    def __init__(self, site: "Site") -> None:
        self.site = site

    def matches(self, ext: str) -> bool:
        return _EXTENSION.search(ext) is not None

    def output_ext(self, ext: str) -> str:
        return ".html"

    def convert(self, content: str, origin: str) -> str:
        scholar = Scholar(self.site, merged(self.site.config), TagOptions())
        parts, position = [], 0
        for start, end, _ in object_spans(content):
            parts.append(content[position:start])
            entries = list(parse([(origin, content[start:end])], replace_strings=False))
            parts.append(scholar.bibliography_reference(entries[0].converted(_fold)) if entries else "")
            position = end
        if position < len(content):
            parts.append(content[position:])
        markdown = next(c for c in self.site.converters if c.kind == "markdown")
        return markdown.convert("\n".join(parts), origin)


def _fold(text: str) -> str:
    return _LINE_BREAK.sub(" ", text)


def converter(site: "Site") -> Converter:
    return BibTeXConverter(site)
