"""jekyll-scholar's ``DetailsGenerator``: one page per entry, when the ``details_layout`` layout exists.

Each page is the layout file itself (its front matter and its text) at
``details_permalink`` (``/bibliography/KEY.html`` by default), with the entry's
``reference_data`` and its title in the page's data. al-folio has no
``bibtex`` layout, so it gets no details pages, as with the gem.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..generated import GeneratedPage
from .config import merged
from .options import TagOptions
from .utilities import Scholar

if TYPE_CHECKING:
    from ...site import Site


class DetailsPage(GeneratedPage):
    """A details page: a generated page whose text is Liquid, at the URL jekyll-scholar gives it."""

    def __init__(self, site: "Site", name: str, content: str, data: dict[str, Any], url: str) -> None:
        super().__init__(site, "", name, content, data)
        self._url = url

    @property
    def render_with_liquid(self) -> bool:
        return True


def generate(site: "Site") -> None:
    scholar = Scholar(site, merged(site.config), TagOptions())
    if not scholar.generate_details():
        return
    layout = site.layouts[scholar.details_layout()]
    for entry in scholar.entries():
        data, lazy = scholar.reference_data(entry)
        page_data = {**layout.data, "entry": data["entry"], "reference": lazy["reference"](), **data}
        if "title" in page_data["entry"]:
            page_data["title"] = page_data["entry"]["title"]
        name = re.sub(r"[:\s]+", "_", entry.key) + ".html"
        site.pages.append(DetailsPage(site, name, layout.content, page_data, scholar.details_path(entry)))


def generate_inputs(site: "Site") -> list[str]:
    """What the details pages were made from: the bibliography files and the layout copied into each page."""
    scholar = Scholar(site, merged(site.config), TagOptions())
    if not scholar.generate_details():
        return []
    return [*scholar.bibtex_paths(), site.layouts[scholar.details_layout()].path]
