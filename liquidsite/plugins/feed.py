"""jekyll-feed 0.17.0: Atom feeds and the ``{% feed_meta %}`` tag.

Feeds are generated for posts (``/feed.xml`` or ``feed.path``), for each configured
category, for the collections in ``feed.collections`` and, with ``feed.tags``, for each
tag. Each feed is built when it renders (after every post has), byte for byte as the
gem's minified template renders it: posts newest first, ``feed.posts_limit`` (10) of
them, each with its rendered content (unless ``excerpt_only``), author, categories,
tags, summary and image.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, Optional

from .. import JEKYLL_VERSION
from ..dependencies import note_all_of
from ..log import logger
from .common import (
    absolute_url, empty, liquid_truthy, normalize_whitespace, ruby_str, smartify, strip_html, xml_escape, xmlschema,
)
from .generated import GeneratedPage
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..documents import Document
    from ..liquid.environment import JekyllEnvironment
    from ..site import Site
    from ..siteview import SiteView

_RUBY_WHITESPACE = " \t\n\v\f\r\0"


def feed_config(site: "SiteView") -> dict[str, Any]:
    config = site.config.get("feed")
    return config if isinstance(config, dict) else {}


def collections_meta(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``feed.collections`` as name -> meta, posts always included with the top-level path."""
    wanted = config.get("collections")
    if isinstance(wanted, list):
        table: dict[str, dict[str, Any]] = {str(c): {} for c in wanted}
    elif isinstance(wanted, dict):
        table = {str(k): dict(v) if isinstance(v, dict) else {} for k, v in wanted.items()}
    else:
        table = {}
    posts = table.setdefault("posts", {})
    posts["path"] = posts.get("path") or config.get("path")
    posts["categories"] = posts.get("categories") or config.get("categories")
    for meta in table.values():
        meta["categories"] = list(dict.fromkeys(meta.get("categories") or []))
    return table


def feed_path(table: dict[str, dict[str, Any]], collection: str, category: Optional[str]) -> str:
    prefix = "/feed" if collection == "posts" else f"/feed/{collection}"
    if category:
        return f"{prefix}/{category}.xml"
    return str(table.get(collection, {}).get("path") or f"{prefix}.xml")


def generate(site: "Site") -> None:
    config = feed_config(site)
    if config.get("disable_in_development") and site.environment == "development":
        logger.info("Jekyll Feed:", "Skipping feed generation in development")
        return
    table = collections_meta(config)
    for name, meta in table.items():
        logger.info("Jekyll Feed:", f"Generating feed for {name}")
        for category in [*meta["categories"], None]:
            _add_feed(site, feed_path(table, name, category), name, category, None)
    if config.get("tags") and site.post_attr_hash("tags"):
        tags_config = config["tags"] if isinstance(config["tags"], dict) else {}
        only = tags_config.get("only") or list(site.post_attr_hash("tags"))
        excluded = tags_config.get("except") or []
        tags_path = str(tags_config.get("path") or "/feed/by_tag/")
        for tag in [t for t in only if t not in excluded]:
            if re.search(r"[^a-zA-Z0-9_]", str(tag)):
                continue
            logger.info("Jekyll Feed:", f"Generating feed for posts tagged {tag}")
            _add_feed(site, f"{tags_path}{tag}.xml", "posts", None, str(tag))


def _exists_in_source(site: "Site", path: str) -> bool:
    import os

    return os.path.exists(site.in_source_dir(path))


def _add_feed(site: "Site", path: str, collection: str, category: Optional[str], tag: Optional[str]) -> None:
    if _exists_in_source(site, path):
        return
    data = {
        "layout": None, "sitemap": False, "xsl": _exists_in_source(site, "feed.xslt.xml"),
        "collection": collection, "category": category, "tags": tag,
    }
    # Which posts a feed lists depends on dates, categories and tags only, which no rebuild of a
    # watched site changes without generating again: chosen once, when the feed first renders.
    posts: list[list["Document"]] = []

    def content() -> str:
        if not posts:
            posts.append(_select_posts(site, data))
        return render_feed(site, page, posts[0])

    page = GeneratedPage(site, "", path, content, data)
    site.pages.append(page)


# -- the feed ------------------------------------------------------------------------------


def _default(value: Any, fallback: Any) -> Any:
    """Liquid's ``default``: the fallback for nil, false and empty strings/lists/hashes."""
    return fallback if not liquid_truthy(value) or empty(value) else value


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _capitalize(value: Any) -> str:
    text = ruby_str(value)
    return text[:1].upper() + text[1:].lower()


def _select_posts(site: "Site", data: dict[str, Any]) -> list["Document"]:
    if liquid_truthy(data.get("tags")):
        posts = [d.doc for d in site.post_attr_hash("tags").get(data["tags"], [])]
    elif data["collection"] == "posts":
        posts = sorted(site.posts.docs, key=lambda d: d.sort_key(), reverse=True)
    elif data["collection"] in site.collections:
        posts = list(site.collections[data["collection"]].docs)
    else:
        posts = []
    if liquid_truthy(data.get("category")):
        wanted = ruby_str(data["category"])
        posts = [p for p in posts if wanted in [ruby_str(c) for c in _as_list(p.data.get("categories"))]]
    if not site.config.get("show_drafts"):
        posts = [p for p in posts if p.data.get("draft") is not True]
    posts = list(reversed(sorted(posts, key=lambda p: p.date)))  # noqa: C413 - ties in Ruby's sort.reverse order
    limit = _default(_get(site.config.get("feed"), "posts_limit"), 10)
    return posts[: int(limit)]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def render_feed(site: "Site", page: GeneratedPage, posts: list["Document"]) -> str:
    data = page.data
    url = page.url
    lang = site.config.get("lang")
    out = ['<?xml version="1.0" encoding="utf-8"?>']
    if liquid_truthy(data.get("xsl")):
        out.append(f'<?xml-stylesheet type="text/xml" href="{absolute_url(site, "/feed.xslt.xml")}"?>')
    out.append('<feed xmlns="http://www.w3.org/2005/Atom" ')
    if liquid_truthy(lang):
        out.append(f'xml:lang="{ruby_str(lang)}"')
    out.append(f'><generator uri="https://jekyllrb.com/" version="{JEKYLL_VERSION}">Jekyll</generator>')
    out.append(f'<link href="{absolute_url(site, url)}" rel="self" type="application/atom+xml" />')
    out.append(f'<link href="{absolute_url(site, "/")}" rel="alternate" type="text/html" ')
    if liquid_truthy(lang):
        out.append(f'hreflang="{ruby_str(lang)}" ')
    out.append(f"/><updated>{xmlschema(site, site.time)}</updated>")
    out.append(f"<id>{xml_escape(absolute_url(site, url))}</id>")
    out.append(_feed_head(site, data))
    for post in posts:
        out.append(_entry(site, post))
    out.append("</feed>")
    return "".join(out)


def _feed_head(site: "Site", data: dict[str, Any]) -> str:
    out = []
    title = _default(site.config.get("title"), site.config.get("name"))
    if data["collection"] != "posts":
        title = f"{ruby_str(title)} | {_capitalize(data['collection'])}"
    if liquid_truthy(data.get("category")):
        title = f"{ruby_str(title)} | {_capitalize(data['category'])}"
    if liquid_truthy(title):
        out.append(f'<title type="html">{xml_escape(smartify(site, title))}</title>')
    description = site.config.get("description")
    if liquid_truthy(description):
        out.append(f"<subtitle>{xml_escape(description)}</subtitle>")
    author = site.config.get("author")
    if liquid_truthy(author):
        out.append(f"<author><name>{xml_escape(_default(_get(author, 'name'), author))}</name>")
        out.append(_author_details(author))
        out.append("</author>")
    return "".join(out)


def _author_details(author: Any) -> str:
    out = []
    for key in ("email", "uri"):
        value = _get(author, key)
        if liquid_truthy(value):
            out.append(f"<{key}>{xml_escape(value)}</{key}>")
    return "".join(out)


def _entry(site: "Site", post: "Document") -> str:
    note_all_of(post)
    data = post.data
    out = ["<entry"]
    if liquid_truthy(data.get("lang")):
        out.append(f' xml:lang="{ruby_str(data["lang"])}"')
    title = xml_escape(normalize_whitespace(strip_html(smartify(site, data.get("title")))))
    post_url = absolute_url(site, post.url)
    out.append(f'><title type="html">{title}</title>')
    out.append(f'<link href="{post_url}" rel="alternate" type="text/html" title="{title}" />')
    out.append(f"<published>{xmlschema(site, post.date)}</published>")
    out.append(f"<updated>{xmlschema(site, _default(data.get('last_modified_at'), post.date))}</updated>")
    out.append(f"<id>{xml_escape(absolute_url(site, post.id))}</id>")
    excerpt_only = _default(_get(data.get("feed"), "excerpt_only"), _get(site.config.get("feed"), "excerpt_only"))
    if not liquid_truthy(excerpt_only):
        content = ruby_str(post.content).strip(_RUBY_WHITESPACE)
        out.append(f'<content type="html" xml:base="{xml_escape(post_url)}"><![CDATA[{content}]]></content>')
    out.append(_entry_author(site, data))
    out.append(_entry_categories(data))
    summary = _default(data.get("description"), post.drop["excerpt"])
    if liquid_truthy(summary) and not empty(summary):
        out.append(f'<summary type="html"><![CDATA[{normalize_whitespace(strip_html(summary))}]]></summary>')
    out.append(_entry_image(site, data))
    out.append("</entry>")
    return "".join(out)


def _entry_author(site: "Site", data: dict[str, Any]) -> str:
    authors = data.get("authors")
    first = authors[0] if isinstance(authors, list) and authors else None
    author = _default(_default(data.get("author"), first), site.config.get("author"))
    known = site.data.get("authors") if isinstance(site.data, dict) else None
    if isinstance(known, dict) and not isinstance(author, (dict, list)):
        author = _default(known.get(author), author)
    name = _default(_get(author, "name"), author)
    return f"<author><name>{xml_escape(_default(name, ''))}</name>{_author_details(author)}</author>"


def _entry_categories(data: dict[str, Any]) -> str:
    terms: list[Any] = []
    if liquid_truthy(data.get("category")):
        terms.append(data["category"])
    elif liquid_truthy(data.get("categories")):
        terms.extend(_as_list(data["categories"]))
    terms.extend(_as_list(data.get("tags")))
    return "".join(f'<category term="{xml_escape(term)}" />' for term in terms)


def _entry_image(site: "Site", data: dict[str, Any]) -> str:
    image = _default(_get(data.get("image"), "path"), data.get("image"))
    if not liquid_truthy(image):
        return ""
    if "://" not in ruby_str(image):
        image = absolute_url(site, image)
    url = xml_escape(image)
    return (
        f'<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="{url}" />'
        f'<media:content medium="image" url="{url}" xmlns:media="http://search.yahoo.com/mrss/" />'
    )


# -- {% feed_meta %} -----------------------------------------------------------------------


def feed_meta(site: "SiteView") -> str:
    """The ``<link>`` to the posts feed, attributes in the gem's order."""
    config = feed_config(site)
    path = config.get("path") or collections_meta(config)["posts"].get("path") or "feed.xml"
    title = site.config.get("title")
    if not liquid_truthy(title):  # Ruby's ||: only nil and false fall through
        title = site.config.get("name")
    attrs = {"type": "application/atom+xml", "rel": "alternate", "href": absolute_url(site, path)}
    if liquid_truthy(title):
        attrs["title"] = ruby_str(title)
    return "<link " + " ".join(f'{k}="{xml_escape(v)}"' for k, v in attrs.items()) + " />"


def register_liquid(env: "JekyllEnvironment") -> None:
    from liquid import ast
    from liquid.tag import Tag
    from liquid.token import TOKEN_TAG

    class FeedMetaNode(ast.Node):
        def __init__(self, token: Any) -> None:
            super().__init__(token)
            self.blank = False  # Ruby's Tag#blank? is false: an `if` around it keeps its whitespace

        def render_to_output(self, context: "RenderContext", buffer: Any) -> int:
            return buffer.write(feed_meta(env.site))

    class FeedMetaTag(Tag):
        name = sys.intern("feed_meta")
        block = False

        def parse(self, stream: "TokenStream") -> ast.Node:
            stream.expect(TOKEN_TAG, value=self.name)
            return FeedMetaNode(stream.current)

    env.add_tag(FeedMetaTag)


PLUGIN = BuiltinPlugin("jekyll-feed", priority=PRIORITIES["lowest"], register_liquid=register_liquid, generate=generate,
                       generate_reads=())
