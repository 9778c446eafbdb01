"""jekyll-redirect-from 0.16.0: ``redirect_from`` pages, ``redirect_to`` and ``redirects.json``.

For each written document and each page, every ``redirect_from`` path becomes a page
that redirects to it; a ``redirect_to`` turns the item itself into a redirect. Both
render through the ``redirect`` layout (the site's own if it has one, else the gem's),
so they go through the normal pipeline. ``redirects.json`` maps every redirect's
source to its target unless ``redirect_from.json`` is false or the site has its own.
"""

from __future__ import annotations

import json
import os
import re
from typing import TYPE_CHECKING, Any, Union

from ..documents import Document, Layout, Page
from .common import absolute_url
from .generated import GeneratedPage
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site

LAYOUT = """<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="{{ page.redirect.to }}">
  <script>location="{{ page.redirect.to }}"</script>
  <meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="{{ page.redirect.to }}">Click here if you are not redirected.</a>
</html>
"""


def builtin_layout(site: "Site") -> Layout:
    """The gem's ``redirect`` layout, for sites without ``_layouts/redirect.html``."""
    layout = Layout.__new__(Layout)
    layout.site = site
    layout.name = "redirect.html"
    layout.path = os.path.join(os.path.dirname(__file__), "redirect.html")
    layout.relative_path = "_layouts/redirect.html"
    layout.extname = ".html"
    layout.data = {}
    layout.content = LAYOUT
    layout.body_line = 1
    return layout


def redirect_data(site: "Site", source: Any, target: Any) -> dict[str, Any]:
    """The data the gem gives a redirect from *source* to *target*."""
    source = str(source)
    source = source if source.startswith("/") else "/" + source
    target = str(target)
    if not re.match(r"https?://", target):
        target = absolute_url(site, target)
    return {"sitemap": False, "layout": "redirect", "permalink": source, "redirect": {"from": source, "to": target}}


def _redirect_from(data: dict[str, Any]) -> list[Any]:
    value = data.get("redirect_from")
    if isinstance(value, list):
        return [v for v in value if v is not None]
    return [] if value is None else [value]


def _redirect_to(data: dict[str, Any]) -> Any:
    value = data.get("redirect_to")
    if isinstance(value, list):
        return next((v for v in value if v is not None), None)
    return value


def generate(site: "Site") -> None:
    site.layouts.setdefault("redirect", builtin_layout(site))
    redirects: dict[str, str] = {}
    items: list[Union[Document, Page]] = [d for d in site.documents if isinstance(d, Document) and d.write]
    items += list(site.pages)
    for item in items:
        for source in _redirect_from(item.data):
            data = redirect_data(site, source, item.url)
            page = GeneratedPage(site, "", "redirect.html", "", data)
            page.allow_shared_destination = True  # Jekyll's Doctor never reports redirect pages
            site.pages.append(page)
            redirects[data["redirect"]["from"]] = data["redirect"]["to"]
        target = _redirect_to(item.data)
        if target:
            data = redirect_data(site, item.url, target)
            item.data.update(data)
            item.content = ""
            redirects[data["redirect"]["from"]] = data["redirect"]["to"]
    settings = site.config.get("redirect_from")
    if isinstance(settings, dict) and settings.get("json") is False:
        return
    if os.path.exists(site.in_source_dir("redirects.json")):
        return
    text = json.dumps(redirects, ensure_ascii=False, separators=(",", ":"))
    site.pages.append(GeneratedPage(site, "", "redirects.json", text, {"layout": None}))


PLUGIN = BuiltinPlugin("jekyll-redirect-from", generate=generate, generate_reads=("redirect_from", "redirect_to"))
