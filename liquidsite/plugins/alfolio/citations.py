"""al-folio's citation-count tags: ``{% google_scholar_citations SCHOLAR_ID ARTICLE_ID %}``
(``_plugins/google-scholar-citations.rb``) and ``{% inspirehep_citations RECID %}``
(``_plugins/inspirehep-citations.rb``).

The arguments are Liquid expressions (``site.data.socials.scholar_userid``,
``entry.google_scholar_id``). Google Scholar's article page gives the count in
its ``description`` meta tag (``Cited by 1,234``), INSPIRE's literature API in
JSON; either is written as ActiveSupport's ``number_to_human`` writes it with
two significant digits (``15``, ``160``, ``1.2K``, ``3M``), or ``N/A`` when the
answer cannot be read. Each article is asked for once per build; the requests
go through :mod:`liquidsite.net` (cached, offline-safe; the plugin's random
1.5–3.5 s pause before each Google request is left out).
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Callable, Optional

from ...site_plugins import TagContext, tag_class
from ..base import BuiltinPlugin

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment
    from ...siteview import SiteView

SCHOLAR_URL = "https://scholar.google.com/citations"
INSPIRE_URL = "https://inspirehep.net/api/literature/"
_CITED_BY = re.compile(r"Cited by (\d+[,\d]*)")
_LEADING_INT = re.compile(r"^\s*[-+]?\d+")
_UNITS = ((9, "B"), (6, "M"), (3, "K"))


def number_to_human(count: int) -> str:
    """``number_to_human(count, format: '%n%u', precision: 2, units: {thousand: 'K', million: 'M', billion: 'B'})``."""
    if count == 0:
        return "0"
    number = Decimal(count)
    rounded = number.quantize(Decimal(1).scaleb(number.adjusted() - 1), rounding=ROUND_HALF_UP)
    exponent, unit = next(((e, u) for e, u in _UNITS if rounded.adjusted() >= e), (0, ""))
    shown = rounded.scaleb(-exponent)
    shown = shown.quantize(Decimal(1).scaleb(min(shown.adjusted() - 1, 0)), rounding=ROUND_HALF_UP)
    text = format(shown, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit}"


def ruby_to_i(text: str) -> int:
    """Ruby's ``String#to_i``: the leading integer, or 0."""
    found = _LEADING_INT.match(text)
    return int(found.group(0)) if found else 0


class _Metas(HTMLParser):
    """The ``content`` of the first ``meta[name=description]`` and ``meta[property=og:description]``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, Optional[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag != "meta":
            return
        values = dict(attrs)
        for key, wanted in (("name", "description"), ("property", "og:description")):
            if values.get(key) == wanted:
                self.found.setdefault(f"{key}={wanted}", values.get("content"))


def scholar_count(html: str, strip_first_comma: bool = True) -> Optional[int]:
    """The count in an article page (0 when it says none); None where the plugin's Ruby raised."""
    metas = _Metas()
    metas.feed(html)
    metas.close()
    if "name=description" in metas.found:
        text = metas.found["name=description"]
    elif "property=og:description" in metas.found:
        text = metas.found["property=og:description"]
    else:
        return 0
    if text is None:
        return None
    found = _CITED_BY.search(text)
    if not found:
        return 0
    digits = found.group(1).replace(",", "", 1) if strip_first_comma else found.group(1)
    return ruby_to_i(digits)


def inspire_count(body: str) -> Optional[int]:
    """``data["hits"]["hits"][0]["metadata"]["citation_count"].to_i``, None where Ruby raised."""
    try:
        metadata: Any = json.loads(body)["hits"]["hits"][0]["metadata"]
        value: Any = metadata.get("citation_count")  # a missing key is nil, and nil.to_i is 0
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    return int(value) if not isinstance(value, str) else ruby_to_i(value)


def _google_tag(strip_first_comma: bool) -> Callable[["JekyllEnvironment"], None]:
    def register_liquid(env: "JekyllEnvironment") -> None:
        counts: dict[str, str] = {}

        def render(markup: str, context: TagContext) -> str:
            parts = markup.split()
            scholar_id = context.evaluate_to_s(parts[0]) if parts else ""
            article_id = context.evaluate_to_s(parts[1]) if len(parts) > 1 else ""
            if article_id not in counts:
                url = (f"{SCHOLAR_URL}?view_op=view_citation&hl=en&user={scholar_id}"
                       f"&citation_for_view={scholar_id}:{article_id}")
                count = _fetched(context.site, url, "google-scholar-citations.rb",
                                 lambda body: scholar_count(body, strip_first_comma))
                counts[article_id] = "N/A" if count is None else number_to_human(count)
            return counts[article_id]

        env.add_tag(tag_class("google_scholar_citations", render, env.site, block=False))

    return register_liquid


def _fetched(site: "SiteView", url: str, plugin: str, count_in: Callable[[str], Optional[int]]) -> Optional[int]:
    response = site.net.fetch(url, plugin, {"User-Agent": "Ruby/3.1.2"})
    if response is None or not response.ok:
        return None
    return count_in(response.text())


def _inspire_liquid(env: "JekyllEnvironment") -> None:
    counts: dict[str, str] = {}

    def render(markup: str, context: TagContext) -> str:
        recid = context.evaluate_to_s(markup.strip())
        if recid not in counts:
            url = f"{INSPIRE_URL}?fields=citation_count&q=recid:{recid}"
            response = context.site.net.fetch(url, "inspirehep-citations.rb")
            count = inspire_count(response.text()) if response is not None else None
            counts[recid] = "N/A" if count is None else number_to_human(count)
        return counts[recid]

    env.add_tag(tag_class("inspirehep_citations", render, env.site, block=False))


GOOGLE_SCHOLAR = BuiltinPlugin("google-scholar-citations.rb", register_liquid=_google_tag(strip_first_comma=True))
#: the first version (February 2024) read "1,234" as 1
GOOGLE_SCHOLAR_FIRST_GROUP = BuiltinPlugin("google-scholar-citations.rb",
                                           register_liquid=_google_tag(strip_first_comma=False))
INSPIREHEP = BuiltinPlugin("inspirehep-citations.rb", register_liquid=_inspire_liquid)
