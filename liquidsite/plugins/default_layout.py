"""jekyll-default-layout 0.1.5: Markdown pages and posts without a layout get one.

``home`` for the page at ``/``, ``page`` for pages, ``post`` for posts, else
``default`` - the first that exists in ``_layouts``. A ``layout`` key in the
front matter or its defaults (even ``null``) counts as chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ..documents import Page
from .optional_front_matter import markdown_converter
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site



def layout_for(site: "Site", item: Any) -> Optional[str]:
    is_post = not isinstance(item, Page)
    candidates = [
        ("home", item.url == "/"),
        ("page", isinstance(item, Page)),
        ("post", is_post),
        ("default", True),
    ]
    return next((name for name, applies in candidates if applies and name in site.layouts), None)


def generate(site: "Site") -> None:
    converter = markdown_converter(site)
    for item in [*site.pages, *site.posts.docs]:
        if "layout" not in item.data and converter.matches(item.extname):
            item.data["layout"] = layout_for(site, item)


PLUGIN = BuiltinPlugin("jekyll-default-layout", priority=PRIORITIES["lowest"], generate=generate,
                       generate_reads=("layout",))
