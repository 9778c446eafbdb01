"""jekyll-optional-front-matter 0.3.2: Markdown files without front matter become pages.

Each Markdown static file (by ``markdown_ext``) is also read as a page, except
GitHub's community files (README, LICENSE, ...) unless ``include:`` names them.
The static file stays in the site unless ``optional_front_matter:
remove_originals: true`` (or ``require_front_matter``) says otherwise;
``optional_front_matter: enabled: false`` turns the plugin off.
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING, Any

from ..converters import MarkdownConverter
from ..documents import Document, Page, StaticFile
from ..reader import EntryFilter
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site


#: compared with the upper-cased basename
FILENAME_BLACKLIST = frozenset((
    "README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE",
    "PULL_REQUEST_TEMPLATE",
))


def markdown_converter(site: "Site") -> MarkdownConverter:
    return next(c for c in site.converters if isinstance(c, MarkdownConverter))


def gem_option(section: str, site: "Site", key: str) -> Any:
    """``site.config[section][key]``, nil when the section is no mapping: the ``option`` of the
    GitHub Pages gems that read Markdown (bind *section* with :func:`functools.partial`)."""
    settings = site.config.get(section)
    return settings.get(key) if isinstance(settings, dict) else None


def markdown_candidates(site: "Site", with_documents: bool) -> list[Any]:
    """The pages, then the documents that are written when *with_documents* (the gems'
    ``collections: true``): what jekyll-relative-links and jekyll-titles-from-headings go through."""
    items: list[Any] = list(site.pages)
    if with_documents:
        items += [d for d in site.documents if isinstance(d, Document) and d.write]
    return items


option = partial(gem_option, "optional_front_matter")


def readable_as_page(site: "Site", static: StaticFile) -> bool:
    """Whether a page read from the static file's directory and name is that file (not so for
    collection files under ``collections_dir``, which the gem would fail to read)."""
    return os.path.join(site.source, static.dir_name.lstrip("/"), static.name) == static.path


def blacklisted(site: "Site", page: Page) -> bool:
    """A community file, unless the ``include`` list names it."""
    if isinstance(site.config.get("include"), list) and EntryFilter(site).included(page.relative_path):
        return False
    return page.basename.upper() in FILENAME_BLACKLIST


def generate(site: "Site") -> None:
    if option(site, "enabled") is False or site.config.get("require_front_matter"):
        return
    converter = markdown_converter(site)
    markdown_files = [f for f in site.static_files if converter.matches(f.extname) and readable_as_page(site, f)]
    kept: list[StaticFile] = []
    for static in markdown_files:
        page = Page(site, static.dir_name, static.name)
        if not blacklisted(site, page):
            site.pages.append(page)
            kept.append(static)
    site.pages.sort(key=lambda p: p.name)
    if option(site, "remove_originals") is True or site.config.get("require_front_matter"):
        removed = {id(static) for static in kept}
        site.static_files = [s for s in site.static_files if id(s) not in removed]


PLUGIN = BuiltinPlugin("jekyll-optional-front-matter", generate=generate)
