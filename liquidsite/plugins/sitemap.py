"""jekyll-sitemap 1.4.0: ``sitemap.xml`` and ``robots.txt``, unless the site has its own.

The sitemap lists, in the gem's order: documents of collections that output (by label),
then HTML pages (not ``/404.html``), then static HTML and PDF files; anything with
``sitemap: false`` is left out. It is built when it renders, so it sees every page
other generators added. The bytes are those of the gem's minified template.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..dependencies import DATA_SUFFIX, STATIC_FILES, note
from .generated import GeneratedPage
from .common import absolute_url, empty, liquid_truthy, xml_escape, xmlschema
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ..documents import StaticFile
    from ..site import Site

INCLUDED_EXTENSIONS = (".htm", ".html", ".xhtml", ".pdf")
URLSET = (
    '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
    'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


def generate(site: "Site") -> None:
    existing = {*(p.url for p in site.pages), *(f.url for f in site.static_files)}
    if "/sitemap.xml" not in existing:
        static_files = [f for f in site.static_files if f.extname in INCLUDED_EXTENSIONS]
        xsl = "/sitemap.xsl" in existing
        site.pages.append(GeneratedPage(
            site, "", "sitemap.xml", lambda: render_sitemap(site, static_files, xsl),
            {"layout": None, "xsl": xsl},
        ))
    if "/robots.txt" not in existing:
        robots = f"Sitemap: {absolute_url(site, 'sitemap.xml')}\n"
        site.pages.append(GeneratedPage(site, "", "robots.txt", robots, {"layout": None}))


def _loc(site: "Site", url: str) -> str:
    return f"<loc>{xml_escape(absolute_url(site, url.replace('/index.html', '/')))}</loc>\n"


def _listed(data: Any) -> bool:
    return data.get("sitemap") is not False


def render_sitemap(site: "Site", static_files: list["StaticFile"], xsl: bool) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if xsl:
        out.append(f'<?xml-stylesheet type="text/xsl" href="{absolute_url(site, "/sitemap.xsl")}"?>\n')
    out.append(URLSET)
    for label in sorted(site.collections):
        collection = site.collections[label]
        if collection.write is False:
            continue
        for doc in collection.docs:
            note(os.path.abspath(doc.path) + DATA_SUFFIX)
            if not _listed(doc.data):
                continue
            out.append("<url>\n" + _loc(site, doc.url))
            modified = doc.data.get("last_modified_at")
            if not liquid_truthy(modified) or empty(modified):
                modified = doc.date
            out.append(f"<lastmod>{xmlschema(site, modified)}</lastmod>\n</url>\n")
    note(STATIC_FILES)
    for page in site.pages:
        note(os.path.abspath(page.path) + DATA_SUFFIX)
        if not (page.html or page.url.endswith("/")) or not _listed(page.data) or page.url == "/404.html":
            continue
        out.append("<url>\n" + _loc(site, page.url))
        modified = page.data.get("last_modified_at")
        if liquid_truthy(modified):
            out.append(f"<lastmod>{xmlschema(site, modified)}</lastmod>\n")
        out.append("</url>\n")
    for static in static_files:
        if not _listed(static.data) or static.name == "404.html":
            continue
        out.append("<url>\n" + _loc(site, static.relative_path))
        out.append(f"<lastmod>{xmlschema(site, static.modified_time)}</lastmod>\n</url>\n")
    out.append("</urlset>\n")
    return "".join(out)


PLUGIN = BuiltinPlugin("jekyll-sitemap", priority=PRIORITIES["lowest"], generate=generate, generate_reads=())
