"""jekyll-relative-links 0.6.1: Markdown links to source files point at their output.

``[text](other.md)`` and ``[text]: other.md`` in Markdown pages (and, with
``relative_links: collections: true``, written documents) are rewritten to
the URL of the page, static file or document whose relative path the link
names, resolved from the linking file's directory, with ``baseurl`` in front.
Fragments are kept; absolute URLs and bare fragments are left alone. Options
under ``relative_links:``: ``enabled``, ``collections``, ``exclude`` (globs).
"""

from __future__ import annotations

import os
import re
from functools import partial
from typing import TYPE_CHECKING, Optional

from ..documents import Document, Page, StaticFile
from ..reader import EntryFilter
from .optional_front_matter import gem_option, markdown_candidates, markdown_converter
from .base import PRIORITIES, BuiltinPlugin
from .common import relative_url

if TYPE_CHECKING:
    from ..site import Site


_INLINE = r"\[(.*?)\]\(([^\)]+?)(#.+?)?\)"
_REFERENCE = r"^\s*?\[(.*?)\]: (.+?)(#.+?)?\s*?$"
LINK_REGEX = re.compile(f"({_INLINE}|{_REFERENCE})", re.M)
_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:")
_ROOT = "/__site_root__"


option = partial(gem_option, "relative_links")


def path_from_root(link: str, base: str) -> str:
    """The site-relative path *link* names from the directory *base* (a leading ``/`` is dropped)."""
    absolute = os.path.normpath(os.path.join(_ROOT, base, link.removeprefix("/")))
    return absolute.removeprefix(_ROOT + "/")


class _Rewriter:
    def __init__(self, site: "Site") -> None:
        self.site = site
        targets: list[Page | StaticFile | Document] = [
            *site.pages, *site.static_files, *(d for d in site.documents if isinstance(d, Document) and d.write)
        ]
        self.urls: dict[str, str] = {}
        for target in targets:
            self.urls.setdefault(target.relative_path.removeprefix("/"), target.url)

    def url_for(self, path: str) -> Optional[str]:
        url = self.urls.get(path)
        return relative_url(self.site, url) if url else None

    def rewrite(self, content: str, relative_path: str) -> str:
        base = os.path.dirname(relative_path)

        def replace(match: re.Match[str]) -> str:
            inline = match.group(2) is not None
            text, link, fragment = match.group(2, 3, 4) if inline else match.group(5, 6, 7)
            if link.startswith("#") or _SCHEME.match(link):
                return match.group(0)
            url = self.url_for(path_from_root(link, base))
            if url is None:
                return match.group(0)
            url += fragment or ""
            return f"[{text}]({url})" if inline else f"\n[{text}]: {url}"

        return LINK_REGEX.sub(replace, content)


def generate(site: "Site") -> None:
    if option(site, "enabled") is False:
        return
    converter = markdown_converter(site)
    items = markdown_candidates(site, option(site, "collections") is True)
    excluded = option(site, "exclude")
    rewriter = _Rewriter(site)
    for item in items:
        if not converter.matches(item.extname) or item.content is None:
            continue
        patterns = excluded if isinstance(excluded, list) else [excluded]
        if excluded and EntryFilter(site)._glob_include(patterns, item.relative_path):
            continue
        item.content = rewriter.rewrite(item.content, item.relative_path)


PLUGIN = BuiltinPlugin("jekyll-relative-links", priority=PRIORITIES["lowest"], generate=generate)
