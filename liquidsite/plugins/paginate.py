"""jekyll-paginate 1.1.0: the posts split over ``index.html``, ``/page2/``, ``/page3/`` ...

The template is the ``index.html`` page deepest among the directories between
the source and ``paginate_path``'s directory. It keeps pager 1; each further
pager is a copy of it whose URL directory is ``paginate_path`` with ``:num``
filled in. Pages read their pager as ``paginator`` (see the renderer).
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING, Any, Optional

from ..documents import Page
from ..errors import FatalError
from ..log import logger
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ..documents import Document
    from ..site import Site

#: Jekyll's ``priority :lowest``: runs after every other generator.


def _leading_slash(path: str) -> str:
    return path if path.startswith("/") else "/" + path


def per_page(site: "Site") -> int:
    """``paginate`` as Ruby's ``to_i`` reads it; Jekyll crashes on zero, we name the key instead."""
    raw = site.config.get("paginate")
    try:
        count = int(str(raw).strip().split(".")[0] or 0) if not isinstance(raw, (int, float)) else int(raw)
    except ValueError:
        count = 0
    if count <= 0:
        raise FatalError(f"Pagination: 'paginate' must be a positive number of posts per page, got {raw!r}.")
    return count


def _in_hierarchy(source: str, page_dir: str, directory: str) -> bool:
    """Whether *page_dir* is *directory* or one of its ancestors inside the source."""
    while directory != os.path.dirname(directory) and directory != os.path.dirname(source):
        if page_dir == directory:
            return True
        directory = os.path.dirname(directory)
    return False


def is_candidate(site: "Site", page: Page) -> bool:
    """Jekyll's ``pagination_candidate?``: an ``index.html`` in the paginate_path hierarchy."""
    source = site.source
    page_dir = os.path.dirname(os.path.normpath(os.path.join(source, page.page_path.lstrip("/"))))
    paginate_path = os.path.normpath(os.path.join(source, str(site.config.get("paginate_path") or "").lstrip("/")))
    return page.name == "index.html" and _in_hierarchy(source, page_dir, os.path.dirname(paginate_path))


def template_page(site: "Site") -> Optional[Page]:
    """The candidate with the longest path (the deepest one)."""
    candidates = [page for page in site.pages if is_candidate(site, page)]
    return max(candidates, key=lambda page: len(page.page_path), default=None)


def pager_path(site: "Site", template: Page, num: Optional[int]) -> Optional[str]:
    """The URL of pager *num*: the template's own URL for the first one."""
    if num is None:
        return None
    if num <= 1:
        return template.url
    return _leading_slash(str(site.config.get("paginate_path")).replace(":num", str(num), 1))


class Pager:
    """One page of posts and its neighbours, as ``paginator`` shows it."""

    def __init__(self, site: "Site", template: Page, num: int, posts: list["Document"], total_pages: int) -> None:
        size = per_page(site)
        start = (num - 1) * size
        self.page = num
        self.per_page = size
        self.total_pages = total_pages
        self.total_posts = len(posts)
        self.posts = posts[start:start + size]
        self.previous_page = num - 1 if num != 1 else None
        self.previous_page_path = pager_path(site, template, self.previous_page)
        self.next_page = num + 1 if num != total_pages else None
        self.next_page_path = pager_path(site, template, self.next_page)

    @property
    def drop(self) -> dict[str, Any]:
        """Jekyll's ``Pager#to_liquid``: a plain hash, posts as document drops."""
        return {
            "page": self.page,
            "per_page": self.per_page,
            "posts": [post.drop for post in self.posts],
            "total_posts": self.total_posts,
            "total_pages": self.total_pages,
            "previous_page": self.previous_page,
            "previous_page_path": self.previous_page_path,
            "next_page": self.next_page,
            "next_page_path": self.next_page_path,
        }


def read_missing(page: Page) -> None:
    """Jekyll's ``read_yaml`` on a file that is not there: a warning, no content, no data."""
    logger.warn(f"Error reading file {page.path}: No such file or directory @ rb_sysopen - {page.path}")
    page.content = ""
    page.body_line = 1
    page.front_matter = {}


class _MissingPage(Page):
    """A page whose file cannot be read: Jekyll warns and goes on with no content or data."""

    def _read_source(self) -> None:
        read_missing(self)


def _copy_of(site: "Site", template: Page) -> Page:
    """A new page read as the gem reads it: from the template's *URL* directory.

    That is the template's own file unless a permalink moved it; then Jekyll reads
    (or fails to read) ``index.html`` in the permalink's directory.
    """
    url_dir = template.dir.strip("/")
    if url_dir == template.dir_name.strip("/"):
        return Page(site, template.dir_name, template.name)
    directory = "/" + url_dir if url_dir else ""
    if os.path.isfile(os.path.join(site.source, url_dir, template.name)):
        return Page(site, directory, template.name)
    return _MissingPage(site, directory, template.name)


def generate(site: "Site") -> None:
    """Attach pager 1 to the template and add a copy of it for every further pager."""
    if site.config.get("paginate") is None or not site.pages:
        return
    template = template_page(site)
    if template is None:
        logger.warn(
            "Pagination:",
            "Pagination is enabled, but I couldn't find an index.html page to use as the "
            "pagination template. Skipping pagination.",
        )
        return
    newest_first = sorted(site.posts.docs, key=lambda doc: doc.sort_key(), reverse=True)
    posts = [post for post in newest_first if not post.data.get("hidden")]
    total_pages = math.ceil(len(posts) / per_page(site))
    for num in range(1, total_pages + 1):
        pager = Pager(site, template, num, posts, total_pages)
        if num == 1:
            template.pager = pager
            continue
        page = _copy_of(site, template)
        page.pager = pager
        page.dir_name = str(pager_path(site, template, num))
        page._url = None
        site.pages.append(page)


PLUGIN = BuiltinPlugin("jekyll-paginate", priority=PRIORITIES["lowest"], generate=generate, generate_reads=("hidden",))
