"""jekyll-archives 2.2.1: pages listing posts by tag, category, year, month and day.

Configured under ``jekyll-archives:`` (``enabled``: a list of ``tags``,
``categories``, ``year``, ``month``, ``day``, or ``all``/``true``; ``layout``
or ``layouts`` by type; ``permalinks`` by type). Each archive is a page with
no content rendered in its layout, where ``page.posts`` (newest first),
``page.type``, ``page.title`` (tag or category archives) and ``page.date``
(date archives) describe it. ``site.archives`` lists them, as the gem sets it.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any, Optional

from .. import url as urls
from ..documents import Page
from ..utils import deep_merge, slugify
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..documents import Document
    from ..hooks import Hooks
    from ..site import Site

DEFAULTS: dict[str, Any] = {
    "layout": "archive",
    "enabled": [],
    "permalinks": {
        "year": "/:year/",
        "month": "/:year/:month/",
        "day": "/:year/:month/:day/",
        "tag": "/tag/:name/",
        "category": "/category/:name/",
    },
}

class ArchivePage(Page):
    """A generated page (no source file) whose URL a permalink template and placeholders give.

    Both jekyll-archives and jekyll-archives-v2 write their archives as such pages,
    in ``index.html`` when the URL ends with a slash.
    """

    def __init__(self, site: "Site", template: str, placeholders: dict[str, Any], layout: Any) -> None:
        self.site = site
        self.template_string = template
        self.placeholders = placeholders
        self._url: Optional[str] = None
        self.relative_path = self._relative_path()
        self.path = self.relative_path
        self.dir_name = os.path.dirname("/" + self.relative_path)
        self.extname = os.path.splitext(self.relative_path)[1]
        self.name = os.path.basename(self.relative_path)
        self.basename = os.path.splitext(self.name)[0]
        self.output: Optional[str] = None
        self.pager: Any = None
        self.content = ""
        self.body_line = 1
        self.front_matter: dict[str, Any] = {}
        self.data: dict[str, Any] = {"layout": layout}

    def template(self) -> str:
        return self.template_string

    @property
    def url(self) -> str:
        if self._url is None:
            self._url = urls.sanitize_url(urls.from_hash(self.template_string, self.placeholders))
        return self._url

    def _relative_path(self) -> str:
        path = urls.unescape_path(self.url).lstrip("/")
        return os.path.join(path, "index.html") if self.url.endswith("/") else path


def archive_date(title: Any) -> Optional[dt.date]:
    """The date a date archive's title (``{"year": "2024", "month": "05"}``) stands for."""
    if not isinstance(title, dict):
        return None
    parts = [int(value) for value in title.values()]
    return dt.date(*(parts + [1, 1])[:3])


class Archive(ArchivePage):
    """One tag, category or date archive of posts."""

    def __init__(self, site: "Site", config: dict[str, Any], title: Any, kind: str, posts: list["Document"]) -> None:
        self.type = kind
        self.archive_title = title
        self.posts = posts
        self.slug = slugify(title) if isinstance(title, str) else None
        layouts = config.get("layouts")
        layout = layouts[kind] if isinstance(layouts, dict) and layouts.get(kind) else config.get("layout")
        if isinstance(title, dict):
            placeholders: dict[str, Any] = {**title, "type": kind}
        else:
            placeholders = {"name": self.slug, "type": kind}
        super().__init__(site, str(config["permalinks"][kind]), placeholders, layout)
        self.data.update({
            # what the gem's ATTRIBUTES_FOR_LIQUID add to page.*
            "posts": [post.drop for post in posts],
            "type": kind,
            "title": title if isinstance(title, str) else None,
            "date": self.date,
        })

    @property
    def date(self) -> Optional[dt.date]:
        return archive_date(self.archive_title)


def grouped(posts: list["Document"], key: Any) -> dict[Any, list["Document"]]:
    """Posts by key in first-seen order, each group newest first."""
    groups: dict[Any, list["Document"]] = {}
    for post in posts:
        for name in key(post):
            groups.setdefault(name, []).append(post)
    return {name: sorted(group, key=lambda d: d.sort_key(), reverse=True) for name, group in groups.items()}


def _values(post: "Document", attr: str) -> list[Any]:
    value = post.data.get(attr)
    return list(value) if isinstance(value, list) else []


def generate(site: "Site") -> None:
    user = site.config.get("jekyll-archives")
    config = deep_merge(DEFAULTS, user if isinstance(user, dict) else {})
    enabled_setting = config.get("enabled")

    def enabled(kind: str) -> bool:
        if enabled_setting is True or enabled_setting == "all":
            return True
        return isinstance(enabled_setting, list) and kind in enabled_setting

    posts = list(site.posts.docs)
    archives: list[Archive] = []
    if enabled("tags"):
        for name, group in grouped(posts, lambda p: _values(p, "tags")).items():
            archives.append(Archive(site, config, name, "tag", group))
    if enabled("categories"):
        for name, group in grouped(posts, lambda p: _values(p, "categories")).items():
            archives.append(Archive(site, config, name, "category", group))
    for year, year_posts in grouped(posts, lambda p: [p.date.strftime("%Y")]).items():
        if enabled("year"):
            archives.append(Archive(site, config, {"year": year}, "year", year_posts))
        for month, month_posts in grouped(year_posts, lambda p: [p.date.strftime("%m")]).items():
            if enabled("month"):
                archives.append(Archive(site, config, {"year": year, "month": month}, "month", month_posts))
            for day, day_posts in grouped(month_posts, lambda p: [p.date.strftime("%d")]).items():
                if enabled("day"):
                    archives.append(
                        Archive(site, config, {"year": year, "month": month, "day": day}, "day", day_posts)
                    )
    site.config["jekyll-archives"] = config
    site.pages.extend(archives)


def _show_archives(site: "Site", payload: Any) -> None:
    """``site.archives`` while the site renders (every render of a watched site too)."""
    site.config["archives"] = [page.drop for page in site.pages if isinstance(page, Archive)]


def _forget_archives(site: "Site") -> None:
    """Take the archive pages out of the config once written: the next build's config
    fingerprint (which decides whether caches survive) must not see them."""
    site.config.pop("archives", None)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register("site", "pre_render", _show_archives)
    hooks.register("site", "post_write", _forget_archives)


PLUGIN = BuiltinPlugin("jekyll-archives", generate=generate, generate_reads=(), register_hooks=register_hooks)
