"""``bibtex_filters``: the BibTeX filters jekyll-scholar applies to field values.

Each filter turns one string token into another. ``latex`` is latex-decode;
the others are jekyll-scholar's own, which replace a LaTeX macro and its
brace-balanced argument (the gem matches it with a recursive regular
expression) by HTML. Filters run in the configured order, so with al-folio's
``[latex, smallcaps, superscript]`` the latex filter has already stripped the
braces that ``\\textsc{...}`` needed.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable, Optional

from ...log import logger
from ...pool import parent_only
from . import latex

Filter = Callable[[str], str]


def _argument_end(text: str, start: int) -> Optional[int]:
    """The index after the brace group opening at *start*, or None when unbalanced."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def macro_filter(macro: str, render: Callable[[str], str]) -> Filter:
    """A filter replacing ``\\MACRO{argument}`` (nested braces allowed) by ``render(argument)``."""
    opening = "\\" + macro + "{"

    def apply(text: str) -> str:
        out: list[str] = []
        position = 0
        while True:
            found = text.find(opening, position)
            if found < 0:
                break
            end = _argument_end(text, found + len(opening) - 1)
            if end is None:
                out.append(text[position:found + 1])
                position = found + 1
                continue
            out.append(text[position:found])
            out.append(render(text[found + len(opening):end - 1]))
            position = end
        out.append(text[position:])
        return "".join(out)

    return apply


#: ``URI.regexp(['http', 'https', 'ftp'])``, as far as BibTeX values hold URIs (RFC 2396 characters)
_URI = re.compile(r"(?:https?|ftp):[A-Za-z0-9\-_.!~*'();/?:@&=+$,%#]+", re.I)


def markdown_links(text: str) -> str:
    """jekyll-scholar's ``markdown`` filter: each URL as ``[url](url)``. (Its ``\\href`` pattern
    asks for backslashes before the braces too, so ``\\href{...}{...}`` is left as it is.)"""
    return _URI.sub(lambda match: f"[{match.group(0)}]({match.group(0)})", text)


#: filter name (matched case-insensitively, as ``BibTeX::Filters.resolve`` does) -> filter
FILTERS: dict[str, Filter] = {
    "linebreaks": lambda text: re.sub(r"\n\s*", " ", text),
    "latex": latex.decode,
    "superscript": macro_filter("textsuperscript", lambda arg: f"<sup>{arg}</sup>"),
    "smallcaps": macro_filter("textsc", lambda arg: f'<font style="font-variant: small-caps">{arg}</font>'),
    "italics": macro_filter("emph", lambda arg: f"<i>{arg}</i>"),
    "textit": macro_filter("textit", lambda arg: f"<i>{arg}</i>"),
    "lowercase": macro_filter("lowercase", lambda arg: arg.lower()),
    "textregistered": lambda text: text.replace("\\textregistered", "&#0174"),
    "tiny": macro_filter("tiny", lambda arg: f'<span class="tiny">{arg}</span>'),
    "markdown": markdown_links,
}


def chain(names: Iterable[object]) -> Optional[Filter]:
    """One function applying the named filters in order; None when there are none.

    An unknown name is reported once and skipped (jekyll-scholar stops the build).
    """
    return _chain(tuple(str(name) for name in names))


@functools.lru_cache(maxsize=32)
def _chain(names: tuple[str, ...]) -> Optional[Filter]:
    found: list[Filter] = []
    for name in names:
        apply = FILTERS.get(name.lower())
        if apply is None:
            parent_only()  # warned once per process: by the parent, in the render order
            logger.warn("Jekyll-scholar:", f"unknown bibtex filter '{name}' is ignored.")
            continue
        found.append(apply)
    if not found:
        return None

    def apply_all(text: str) -> str:
        for apply in found:
            text = apply(text)
        return text

    return apply_all
