"""jekyll-readme-index 0.3.0: a directory's README becomes its index when it has none.

A README static file (``README`` + a Markdown extension, any case) is also
rendered as a page at its directory's URL, unless that directory already has
an index. The gem's index test is ``^DIR$|index\\.(html?|xhtml|xml)$``, so any
file whose URL ends in ``index.html`` anywhere in the site counts: kept as is.
Options under ``readme_index:``: ``enabled``, ``remove_originals``,
``with_frontmatter`` (READMEs that are already pages move to their directory).
"""

from __future__ import annotations

import os
import re
from functools import partial
from typing import TYPE_CHECKING

from ..documents import Page
from .optional_front_matter import gem_option, markdown_converter, readable_as_page
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site



option = partial(gem_option, "readme_index")


def readme_regex(site: "Site") -> re.Pattern[str]:
    extensions = "|".join(re.escape(ext) for ext in sorted(markdown_converter(site).extensions))
    return re.compile(rf"/readme({extensions})$", re.I | re.M)


def dir_has_index(site: "Site", directory: str) -> bool:
    if not directory.endswith("/"):
        directory += "/"
    index = re.compile("^" + re.escape(directory) + r"$|index\.(html?|xhtml|xml)$", re.I | re.M)
    return any(index.search(url) for url in [*(p.url for p in site.pages), *(f.url for f in site.static_files)])


def _parent_url(url: str) -> str:
    return os.path.dirname(url) + "/"


def generate(site: "Site") -> None:
    if option(site, "enabled") is False:
        return
    pattern = readme_regex(site)
    for readme in [s for s in site.static_files if pattern.search(s.relative_path) and readable_as_page(site, s)]:
        if dir_has_index(site, os.path.dirname(readme.url)):
            continue
        page = Page(site, readme.dir_name, readme.name)
        page.data["permalink"] = _parent_url(readme.url)
        site.pages.append(page)
        if option(site, "remove_originals") is True:
            site.static_files.remove(readme)
    if option(site, "with_frontmatter") is True:
        for page in [p for p in site.pages if pattern.search("/" + p.page_path)]:
            if dir_has_index(site, os.path.dirname(page.url)):
                continue
            page.data["permalink"] = _parent_url(page.url)
            page._url = None


PLUGIN = BuiltinPlugin("jekyll-readme-index", priority=PRIORITIES["low"], generate=generate)
