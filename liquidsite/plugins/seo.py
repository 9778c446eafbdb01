"""jekyll-seo-tag 2.8.0: the ``{% seo %}`` tag.

The gem renders a minified Liquid template over a drop of derived values (title with
the site's name, description from the page or its excerpt, canonical URL, author,
image, JSON-LD). This module derives the same values and writes the same bytes:
one element a line, the JSON-LD with its keys sorted and nils left out.
``{% seo title=false %}`` leaves out the ``<title>`` element.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import quote

from .. import JEKYLL_VERSION
from .common import absolute_url, liquid_truthy, normalize_whitespace, ruby_str, strip_html, xmlschema
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..liquid.environment import JekyllEnvironment
    from ..siteview import SiteView

VERSION = "2.8.0"
TITLE_SEPARATOR = " | "
HOMEPAGE_OR_ABOUT = re.compile(r"^/(about/)?(index.html?)?$", re.M)
_ESCAPE_ONCE = re.compile(r"[\"><']|&(?!([a-zA-Z]+|(#\d+));)")
_ESCAPES = {"&": "&amp;", ">": "&gt;", "<": "&lt;", '"': "&quot;", "'": "&#39;"}


def _lookup(mapping: Any, key: str) -> Any:
    """``hash[key]`` as Liquid sees it: nil for a missing key or a non-hash."""
    if not isinstance(mapping, Mapping):
        return None
    try:
        return mapping[key]
    except KeyError:
        return None


def _ruby_or(*values: Any) -> Any:
    """Ruby's ``a || b``: the first value that is neither nil nor false."""
    return next((v for v in values if liquid_truthy(v)), values[-1] if values else None)


def _is_absolute(url: Any) -> bool:
    return isinstance(url, str) and bool(re.match(r"\A[A-Za-z][A-Za-z0-9+.-]*:", url))


def uri_escape(text: str) -> str:
    """Addressable's ``normalize_component``: characters a URI cannot hold, percent-encoded."""
    return quote(text, safe="!#$%&'()*+,-./:;=?@[]_~")


class SeoData:
    """The gem's ``seo_tag`` drop for one page: every value derived once, on demand."""

    def __init__(self, site: "SiteView", page: Any, paginator: Any, markup: str) -> None:
        self.site = site
        self.config = site.config
        self.page = page
        self.paginator = paginator
        self.markup = markup

    def page_get(self, key: str) -> Any:
        return _lookup(self.page, key)

    def format_string(self, value: Any) -> Optional[str]:
        """markdownify, strip_html, normalize_whitespace, escape_once; nil when empty."""
        text = self.site.markdownify(ruby_str(value))
        text = normalize_whitespace(strip_html(text))
        text = _ESCAPE_ONCE.sub(lambda m: _ESCAPES[m.group(0)[0]], text)
        return text or None

    # -- titles ------------------------------------------------------------------------

    @functools.cached_property
    def site_title(self) -> Optional[str]:
        return self.format_string(_ruby_or(self.config.get("title"), self.config.get("name")))

    @functools.cached_property
    def site_description(self) -> Optional[str]:
        return self.format_string(self.config.get("description"))

    @functools.cached_property
    def site_tagline_or_description(self) -> Optional[str]:
        return self.format_string(self.config.get("tagline")) or self.site_description

    @functools.cached_property
    def page_title(self) -> Optional[str]:
        return self.format_string(self.page_get("title")) or self.site_title

    @functools.cached_property
    def title(self) -> Optional[str]:
        site_title, page_title = self.site_title, self.page_title
        if site_title and page_title != site_title:
            title: Optional[str] = f"{page_title}{TITLE_SEPARATOR}{site_title}"
        elif self.site_description and site_title:
            title = f"{site_title}{TITLE_SEPARATOR}{self.site_tagline_or_description}"
        else:
            title = page_title or site_title
        number = self.page_number()
        return number + title if number and title is not None else title

    def page_number(self) -> Optional[str]:
        current = _lookup(self.paginator, "page")
        if not liquid_truthy(current):
            return None
        total = _lookup(self.paginator, "total_pages")
        message = str(self.config.get("seo_paginator_message") or "Page %<current>s of %<total>s for ")
        if int(current) <= 1:
            return None
        return message.replace("%<current>s", ruby_str(current)).replace("%<total>s", ruby_str(total))

    def show_title(self) -> bool:
        return bool(self.title) and not re.search(r"title=false", self.markup, re.I)

    # -- page facts --------------------------------------------------------------------

    @functools.cached_property
    def homepage_or_about(self) -> bool:
        return bool(HOMEPAGE_OR_ABOUT.search(ruby_str(self.page_get("url"))))

    @functools.cached_property
    def page_seo(self) -> Mapping[str, Any]:
        seo = self.page_get("seo")
        return seo if isinstance(seo, Mapping) else {}

    @functools.cached_property
    def site_social(self) -> Mapping[str, Any]:
        social = self.config.get("social")
        return social if isinstance(social, Mapping) else {}

    @functools.cached_property
    def name(self) -> Optional[str]:
        if self.page_seo.get("name"):
            return self.format_string(self.page_seo["name"])
        if not self.homepage_or_about:
            return None
        if self.site_social.get("name"):
            return self.format_string(self.site_social["name"])
        return self.site_title

    @functools.cached_property
    def description(self) -> Optional[str]:
        text = self.format_string(_ruby_or(self.page_get("description"), self.page_get("excerpt")))
        return text or self.site_description

    @functools.cached_property
    def canonical_url(self) -> str:
        canonical = self.page_get("canonical_url")
        if ruby_str(canonical) == "":
            return re.sub(r"/index\.html$", "/", absolute_url(self.site, self.page_get("url")), flags=re.M)
        return ruby_str(canonical)

    @functools.cached_property
    def page_locale(self) -> str:
        lang = _ruby_or(self.page_get("lang"), self.config.get("lang"), "en_US")
        return ruby_str(_ruby_or(self.page_get("locale"), self.config.get("locale"), lang)).replace("-", "_")

    @functools.cached_property
    def date_modified(self) -> Optional[str]:
        date = _ruby_or(self.page_seo.get("date_modified"), self.page_get("last_modified_at"), self.page_get("date"))
        return xmlschema(self.site, date) if liquid_truthy(date) else None

    @functools.cached_property
    def date_published(self) -> Optional[str]:
        date = self.page_get("date")
        return xmlschema(self.site, date) if liquid_truthy(date) else None

    @functools.cached_property
    def type(self) -> str:
        if self.page_seo.get("type"):
            return str(self.page_seo["type"])
        if self.homepage_or_about:
            return "WebSite"
        return "BlogPosting" if liquid_truthy(self.page_get("date")) else "WebPage"

    @functools.cached_property
    def links(self) -> Any:
        if self.page_seo.get("links"):
            return self.page_seo["links"]
        if self.homepage_or_about and self.site_social.get("links"):
            return self.site_social["links"]
        return None

    @functools.cached_property
    def logo(self) -> Optional[str]:
        logo = self.config.get("logo")
        if not liquid_truthy(logo):
            return None
        return uri_escape(ruby_str(logo) if _is_absolute(logo) else absolute_url(self.site, logo))

    # -- author and image --------------------------------------------------------------

    @functools.cached_property
    def author(self) -> Mapping[str, Any]:
        """The gem's AuthorDrop as a hash: page author, first of authors, or the site's."""
        sources = [self.page_get("author")]
        authors = self.page_get("authors")
        if isinstance(authors, list):
            sources.append(authors[0] if authors else None)
        sources.append(self.config.get("author"))
        resolved = next((s for s in sources if ruby_str(s) != ""), None)
        if isinstance(resolved, Mapping):
            return resolved
        if isinstance(resolved, str):
            known = self.site.data.get("authors") if isinstance(self.site.data, dict) else None
            extra = known.get(resolved) if isinstance(known, dict) else None
            return {"name": resolved, **(extra if isinstance(extra, dict) else {})}
        return {}

    @functools.cached_property
    def author_twitter(self) -> Optional[str]:
        twitter = _ruby_or(self.author.get("twitter"), self.author.get("name"))
        return re.sub(r"^@", "", twitter) if isinstance(twitter, str) else None

    @functools.cached_property
    def image(self) -> Optional[dict[str, Any]]:
        """The image hash with ``path`` made an escaped absolute URL; None without a path."""
        meta = self.page_get("image")
        if isinstance(meta, Mapping):
            image: dict[str, Any] = {"path": None, **meta}
        elif isinstance(meta, str):
            image = {"path": meta}
        else:
            return None
        raw = _ruby_or(image.get("path"), image.get("facebook"), image.get("twitter"))
        if not liquid_truthy(raw):
            return None
        url = absolute_url(self.site, raw) if isinstance(raw, str) and not _is_absolute(raw) else raw
        image["path"] = uri_escape(ruby_str(url))
        return image

    # -- JSON-LD -----------------------------------------------------------------------

    def json_ld(self) -> dict[str, Any]:
        author = None
        if self.author.get("name"):
            kind = self.author.get("type")
            if not kind or kind in ("Organization", "Person"):
                author = {"@type": kind or "Person", "name": self.author["name"]}
                if self.author.get("url"):
                    author["url"] = self.author["url"]
        image: Any = self.image
        if image is not None:
            if len(image) == 1:
                image = image["path"]
            else:
                image = {k: v for k, v in image.items() if k != "path"}
                image["url"] = self.image["path"]  # type: ignore[index]
                image["@type"] = "imageObject"
        publisher = None
        if self.logo:
            publisher = {"@type": "Organization", "logo": {"@type": "ImageObject", "url": self.logo}}
            if self.author.get("name"):
                publisher["name"] = self.author["name"]
        is_article = self.type in ("BlogPosting", "CreativeWork")
        entity = {"@type": "WebPage", "@id": self.canonical_url} if is_article else None
        values = {
            "@context": "https://schema.org", "@type": self.type, "author": author,
            "dateModified": self.date_modified, "datePublished": self.date_published,
            "description": self.description, "headline": self.page_title, "image": image,
            "mainEntityOfPage": entity, "name": self.name, "publisher": publisher,
            "sameAs": self.links, "url": self.canonical_url,
        }
        return {k: values[k] for k in sorted(values) if values[k] is not None}


def _line(text: str) -> str:
    return text + "\n"


def render_seo(site: "SiteView", page: Any, paginator: Any, markup: str) -> str:
    """The tag's output for *page*, as the gem's minified template renders it."""
    seo = SeoData(site, page, paginator, markup)
    config = site.config
    out = [_line(f"<!-- Begin Jekyll SEO tag v{VERSION} -->")]
    if seo.show_title():
        out.append(_line(f"<title>{seo.title}</title>"))
    out.append(_line(f'<meta name="generator" content="Jekyll v{JEKYLL_VERSION}" />'))
    page_title = seo.page_title
    if page_title:
        out.append(_line(f'<meta property="og:title" content="{page_title}" />'))
    if liquid_truthy(seo.author.get("name")):
        out.append(_line(f'<meta name="author" content="{ruby_str(seo.author["name"])}" />'))
    out.append(_line(f'<meta property="og:locale" content="{seo.page_locale}" />'))
    description = seo.description
    if description:
        out.append(_line(f'<meta name="description" content="{description}" />'))
        out.append(_line(f'<meta property="og:description" content="{description}" />'))
    if liquid_truthy(config.get("url")):
        out.append(_line(f'<link rel="canonical" href="{seo.canonical_url}" />'))
        out.append(_line(f'<meta property="og:url" content="{seo.canonical_url}" />'))
    if seo.site_title:
        out.append(_line(f'<meta property="og:site_name" content="{seo.site_title}" />'))
    image = seo.image
    if image is not None:
        out.append(_line(f'<meta property="og:image" content="{image["path"]}" />'))
        for key in ("height", "width", "alt"):
            if liquid_truthy(image.get(key)):
                out.append(_line(f'<meta property="og:image:{key}" content="{ruby_str(image[key])}" />'))
    date = seo.page_get("date")
    if liquid_truthy(date):
        out.append(_line('<meta property="og:type" content="article" />'))
        out.append(_line(f'<meta property="article:published_time" content="{xmlschema(site, date)}" />'))
    else:
        out.append(_line('<meta property="og:type" content="website" />'))
    out.extend(_pagination_links(site, paginator))
    out.extend(_twitter(seo, image))
    out.extend(_facebook_and_verifications(config))
    json_ld = json.dumps(seo.json_ld(), ensure_ascii=False, separators=(",", ":"))
    out.append(_line('<script type="application/ld+json">') + json_ld + _line("</script>"))
    out.append(_line("<!-- End Jekyll SEO tag -->"))
    return "".join(out)


def _pagination_links(site: "SiteView", paginator: Any) -> list[str]:
    out = []
    for rel, key in (("prev", "previous_page"), ("next", "next_page")):
        if liquid_truthy(_lookup(paginator, key)):
            href = absolute_url(site, _lookup(paginator, f"{key}_path"))
            out.append(_line(f'<link rel="{rel}" href="{href}" />'))
    return out


def _default(*values: Any) -> Any:
    """Chained Liquid ``default``: the first value that is not nil, false or empty."""
    return next((v for v in values if liquid_truthy(v) and v != "" and v != [] and v != {}), values[-1])


def _twitter(seo: SeoData, image: Optional[dict[str, Any]]) -> list[str]:
    config = seo.config
    out = []
    if image is not None:
        card = _default(_lookup(seo.page_get("twitter"), "card"), _lookup(config.get("twitter"), "card"),
                        "summary_large_image")
        out.append(_line(f'<meta name="twitter:card" content="{ruby_str(card)}" />'))
        out.append(_line(f'<meta property="twitter:image" content="{image["path"]}" />'))
    else:
        out.append(_line('<meta name="twitter:card" content="summary" />'))
    if image is not None and liquid_truthy(image.get("alt")):
        out.append(_line(f'<meta name="twitter:image:alt" content="{ruby_str(image["alt"])}" />'))
    if seo.page_title:
        out.append(_line(f'<meta property="twitter:title" content="{seo.page_title}" />'))
    if liquid_truthy(config.get("twitter")):
        username = ruby_str(_lookup(config["twitter"], "username")).replace("@", "")
        out.append(_line(f'<meta name="twitter:site" content="@{username}" />'))
        creator = seo.author_twitter
        if creator:
            out.append(_line(f'<meta name="twitter:creator" content="@{creator.replace("@", "")}" />'))
    return out


_FACEBOOK = (("admins", 'property="fb:admins"'), ("publisher", 'property="article:publisher"'),
             ("app_id", 'property="fb:app_id"'))
_VERIFICATIONS = (
    ("google", "google-site-verification"), ("bing", "msvalidate.01"), ("alexa", "alexaVerifyID"),
    ("yandex", "yandex-verification"), ("baidu", "baidu-site-verification"),
    ("facebook", "facebook-domain-verification"),
)


def _facebook_and_verifications(config: Mapping[str, Any]) -> list[str]:
    out = []
    facebook = config.get("facebook")
    if liquid_truthy(facebook):
        for key, attribute in _FACEBOOK:
            value = _lookup(facebook, key)
            if liquid_truthy(value):
                out.append(_line(f'<meta {attribute} content="{ruby_str(value)}" />'))
    verifications = config.get("webmaster_verifications")
    if liquid_truthy(verifications):
        for key, name in _VERIFICATIONS:
            value = _lookup(verifications, key)
            if liquid_truthy(value):
                out.append(_line(f'<meta name="{name}" content="{ruby_str(value)}" />'))
    elif liquid_truthy(config.get("google_site_verification")):
        value = ruby_str(config["google_site_verification"])
        out.append(_line(f'<meta name="google-site-verification" content="{value}" />'))
    return out


def register_liquid(env: "JekyllEnvironment") -> None:
    from liquid import ast
    from liquid.tag import Tag
    from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG

    class SeoNode(ast.Node):
        __slots__ = ("markup",)

        def __init__(self, token: Any, markup: str) -> None:
            super().__init__(token)
            self.markup = markup
            self.blank = False

        def render_to_output(self, context: "RenderContext", buffer: Any) -> int:
            page = context.resolve("page", default=None)
            paginator = context.resolve("paginator", default=None)
            return buffer.write(render_seo(env.site, page, paginator, self.markup))

    class SeoTag(Tag):
        name = sys.intern("seo")
        block = False

        def parse(self, stream: "TokenStream") -> ast.Node:
            token = stream.expect(TOKEN_TAG, value=self.name)
            markup = ""
            if stream.peek.kind == TOKEN_EXPRESSION:
                next(stream)
                markup = stream.current.value
            return SeoNode(token, markup)

    env.add_tag(SeoTag)


PLUGIN = BuiltinPlugin("jekyll-seo-tag", register_liquid=register_liquid)
