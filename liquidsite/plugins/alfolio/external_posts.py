"""al-folio's ``_plugins/external-posts.rb``: posts from other sites, listed in ``external_sources:``.

Each source is ``{name, rss_url}`` (an RSS or Atom feed, each entry a post) or
``{name, posts: [{url, published_date}]}`` (web pages, each a post). A post
is a document ``_posts/SLUG.md`` that is never read from disk: ``title``,
``description``, ``date`` (a UTC time), ``feed_content``, ``external_source``
and ``redirect`` (the entry's URL) come from the feed or page, front matter
defaults give only its layout and permalink, and since 2025 its content is the entry's (so it
renders through Markdown and the ``post`` layout). The posts are appended after
the site's own, unsorted, as the plugin appends them.

Versions differ in output, so each has its :class:`Behaviour`: the first read
feeds only; then pages too (their body's HTML); then a slug falling back to
``SOURCE-LASTSEGMENT`` for titles without ASCII letters; then content set and
page text taken from the ``<p>`` elements; lately the source's ``categories``
and ``tags``. Fetching goes through :mod:`liquidsite.net`; a feed or page the
network cannot give (nor the cache) leaves its posts out, with one warning.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Optional, Union

from ...documents import Document
from ...errors import LiquidsiteError
from ...log import logger
from ...timeutil import RUBY_UTC, parse_date
from ..base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ...site import Site

PLUGIN_NAME = "external-posts.rb"
_NON_WORD = re.compile(r"[^\w]", re.A)
_NON_SLUG = re.compile(r"[^\w-]", re.A)
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"


@dataclass(frozen=True)
class Behaviour:
    """What one version of the plugin does."""

    pages: bool = True            # ``posts:`` sources (web pages)
    slug_fallback: bool = True    # SOURCE-LASTSEGMENT when the title gives no slug
    set_content: bool = True      # the post's content is the entry's
    paragraphs: bool = True       # a page's text is its <p> elements' (else the body's HTML)
    source_taxonomy: bool = True  # the source's categories and tags


@dataclass
class Entry:
    url: str
    title: str
    content: Optional[str]
    summary: Optional[str]
    published: Optional[dt.datetime]


# -- feeds ------------------------------------------------------------------------------------


def _text(element: Optional[ElementTree.Element]) -> Optional[str]:
    return None if element is None else "".join(element.itertext())


def _feed_time(text: Optional[str]) -> Optional[dt.datetime]:
    if not text:
        return None
    text = text.strip()
    try:
        return email.utils.parsedate_to_datetime(text).astimezone(RUBY_UTC)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(RUBY_UTC)
    except ValueError:
        return None


def _atom_url(entry: ElementTree.Element) -> str:
    """The ``text/html`` alternate link's ``href``, else the first link's."""
    links = entry.findall(f"{_ATOM}link")
    chosen = next((link for link in links if link.get("type") == "text/html" and link.get("rel") == "alternate"),
                  links[0] if links else None)
    return (chosen.get("href") or "") if chosen is not None else ""


def _atom_title(entry: ElementTree.Element) -> str:
    title = entry.find(f"{_ATOM}title")
    text = _text(title) or ""
    if title is not None and title.get("type") in ("html", "xhtml", "xml"):  # the markup's text, spaces squeezed
        return " ".join(re.sub(r"<[^>]*>", "", html.unescape(text) if title.get("type") == "html" else text).split())
    return text


def _earliest(*texts: Optional[str]) -> Optional[dt.datetime]:
    """Feedjira keeps the oldest of an entry's publication dates."""
    times = [t for t in (_feed_time(text) for text in texts) if t is not None]
    return min(times) if times else None


def _child(item: ElementTree.Element, name: str) -> Optional[ElementTree.Element]:
    """*name* (``link``, ``dc:date``...) under an RSS item, in any namespace the prefix may have."""
    local = name.split(":")[-1]
    for element in item:
        tag = element.tag.split("}")[-1]
        if tag == local and (":" not in name or "}" in element.tag):
            return element
    return None


def _rss_entry(item: ElementTree.Element, feed: bytes) -> Entry:
    url = _text(_child(item, "feedburner:origLink")) if b"feedburner" in feed else None
    url = url or _text(_child(item, "link"))
    guid = _child(item, "guid")
    if not url and guid is not None and guid.get("isPermaLink") != "false":
        url = _text(guid)
    published = _earliest(*(_text(_child(item, name)) for name in ("pubDate", "pubdate", "issued", "dc:date")))
    return Entry(url or "", _text(_child(item, "title")) or "", _text(item.find(_CONTENT_ENCODED)),
                 _text(_child(item, "description")),
                 published or _feed_time(_text(_child(item, "dcterms:modified"))))


def parse_feed(xml: Union[str, bytes]) -> list[Entry]:
    """The entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, as Feedjira reads them: an RSS
    item's URL is its ``link`` (FeedBurner's ``origLink`` first, else a permalink ``guid``), its date
    the oldest given; an Atom
    entry's URL its ``text/html`` alternate link (else its first). ValueError when *xml* is no feed."""
    try:
        root = ElementTree.fromstring(xml if isinstance(xml, bytes) else xml.encode("utf-8"))
    except ElementTree.ParseError as err:
        raise ValueError(f"not XML: {err}") from None
    if root.tag == f"{_ATOM}feed":
        return [
            Entry(_atom_url(e), _atom_title(e), _text(e.find(f"{_ATOM}content")), _text(e.find(f"{_ATOM}summary")),
                  _earliest(*(_text(e.find(f"{_ATOM}{n}")) for n in ("published", "created", "issued")))
                  or _feed_time(_text(e.find(f"{_ATOM}updated"))))
            for e in root.findall(f"{_ATOM}entry")
        ]
    if root.tag != "rss" and not root.tag.endswith("RDF"):
        raise ValueError("No valid parser for XML.")
    items = root.findall("./channel/item") or [e for e in root if e.tag.split("}")[-1] == "item"]
    raw = xml if isinstance(xml, bytes) else xml.encode("utf-8")
    return [_rss_entry(item, raw) for item in items]


# -- web pages --------------------------------------------------------------------------------


class _Page(HTMLParser):
    """What the plugin reads from a page with Nokogiri: title, description, paragraphs, body HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: Optional[str] = None
        self.metas: dict[str, Optional[str]] = {}
        self.paragraphs: list[str] = []
        self.body: list[str] = []
        self._in_head = True
        self._in_title = False
        self._paragraph_depth = 0
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        values = dict(attrs)
        if tag == "body":
            self._in_head, self._in_body = False, True
            return
        if self._in_body:
            self.body.append(self.get_starttag_text() or "")
        if tag == "title" and self._in_head and self.title is None:
            self._in_title, self.title = True, ""
        elif tag == "meta" and self._in_head:
            for key in ("name", "property"):
                if values.get(key):
                    self.metas.setdefault(f"{key}={values[key]}", values.get("content"))
        elif tag == "p":
            self._paragraph_depth += 1
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "p" and self._paragraph_depth:
            self._paragraph_depth -= 1
        elif tag == "body":
            self._in_body = False
            return
        if self._in_body:
            self.body.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._in_title and self.title is not None:
            self.title += data
        if self._paragraph_depth:
            self.paragraphs[-1] += data
        if self._in_body:
            self.body.append(data)


def page_entry(text: str, url: str, published: dt.datetime, behaviour: Behaviour) -> Entry:
    page = _Page()
    page.feed(text)
    page.close()
    title = page.title or ""
    if behaviour.slug_fallback:  # the version that added the fallback also stripped the title
        title = title.strip()
    if behaviour.paragraphs:
        description = next((page.metas[k] for k in ("name=description", "name=og:description",
                                                     "property=og:description") if page.metas.get(k)), None)
        content = "".join(page.paragraphs)
    else:
        description = page.metas.get("name=description") or ""
        content = "".join(page.body)
    return Entry(url, title, content, description, published)


def published_date(value: Any, site: "Site") -> dt.datetime:
    """``Time.parse(string).utc`` or ``date.to_time.utc``; anything else is an error, as in Ruby."""
    if isinstance(value, (str, dt.date)):
        parsed = parse_date(value, site.tz, f"Invalid date format for {value}")
        return parsed.astimezone(RUBY_UTC)
    raise LiquidsiteError(f"{PLUGIN_NAME}: Invalid date format for {value}")


# -- documents --------------------------------------------------------------------------------


def _slug_part(text: str) -> str:
    return _NON_SLUG.sub("", text.lower().strip().replace(" ", "-"))


def _slug(entry: Entry, source_name: str, behaviour: Behaviour) -> str:
    segments = entry.url.split("/")
    while segments and not segments[-1]:
        segments.pop()
    fallback = f"{_slug_part(source_name)}-{segments[-1] if segments else ''}"
    if not behaviour.slug_fallback:
        return _slug_part(entry.title)
    if not _NON_WORD.sub("", entry.title).strip():
        return fallback
    return _slug_part(entry.title) or fallback


def create_document(site: "Site", source: dict[str, Any], entry: Entry, behaviour: Behaviour) -> Document:
    posts = site.posts
    name = str(source.get("name"))
    doc = Document(site, site.in_source_dir(f"_posts/{_slug(entry, name, behaviour)}.md"), posts)
    # Jekyll's defaults reach such a document only where Jekyll reads data[key] itself (the
    # layout, the permalink), not in Liquid: page.author of a default stays empty
    defaults = site.frontmatter_defaults.all(doc.relative_path, doc.kind)
    doc.data.update({k: defaults[k] for k in ("layout", "permalink", "render_with_liquid") if k in defaults})
    doc.data.update({
        "external_source": name, "title": entry.title, "feed_content": entry.content,
        "description": entry.summary, "date": entry.published, "redirect": entry.url,
    })
    if behaviour.source_taxonomy:
        for key in ("categories", "tags"):
            if isinstance(source.get(key), list) and source[key]:
                doc.data[key] = source[key]
    if behaviour.set_content:
        doc.content = entry.content or ""
    posts.docs.append(doc)
    return doc


def _entries(site: "Site", source: dict[str, Any], behaviour: Behaviour) -> list[Entry]:
    if source.get("rss_url"):
        response = site.net.fetch(str(source["rss_url"]), PLUGIN_NAME)
        if response is None:
            return []
        try:
            return parse_feed(response.body)
        except ValueError as err:
            logger.warn(f"{PLUGIN_NAME}:", f"Error parsing RSS feed from {source['rss_url']} - {err}")
            return []
    if not (behaviour.pages and source.get("posts")):
        return []
    found = []
    for post in source["posts"]:
        url = str(post.get("url"))
        response = site.net.fetch(url, PLUGIN_NAME)
        if response is not None:
            found.append(page_entry(response.text(), url, published_date(post.get("published_date"), site),
                                    behaviour))
    return found


def _plugin(behaviour: Behaviour) -> BuiltinPlugin:
    def generate(site: "Site") -> None:
        for source in site.config.get("external_sources") or []:
            if not isinstance(source, dict):
                continue
            logger.debug("External posts:", f"Fetching external posts from {source.get('name')}:")
            for entry in _entries(site, source, behaviour):
                create_document(site, source, entry, behaviour)

    # the posts come from the configured feeds and pages: no page or document is read
    return BuiltinPlugin(PLUGIN_NAME, priority=PRIORITIES["high"], generate=generate, generate_reads=())


PLUGIN = _plugin(Behaviour())
PLUGIN_WITH_CONTENT = _plugin(Behaviour(source_taxonomy=False))
PLUGIN_SLUG_FALLBACK = _plugin(Behaviour(source_taxonomy=False, set_content=False, paragraphs=False))
PLUGIN_PAGE_BODY = _plugin(Behaviour(source_taxonomy=False, set_content=False, paragraphs=False,
                                     slug_fallback=False))
PLUGIN_RSS_ONLY = _plugin(Behaviour(source_taxonomy=False, set_content=False, paragraphs=False,
                                    slug_fallback=False, pages=False))
