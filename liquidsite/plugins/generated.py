"""Pages a plugin makes without a source file (Jekyll's ``PageWithoutAFile``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..documents import Page
from ..errors import InvalidDateError

if TYPE_CHECKING:
    from ..site import Site


class GeneratedPage(Page):
    """Jekyll's ``PageWithoutAFile``: a page at *dir*/*name* whose content a plugin supplies.

    *content* may be a callable: it is called when the page renders, so a sitemap or a
    feed sees every page generated and every post rendered before it (and again when
    a watched site renders the page again). Front matter defaults apply under the
    plugin's own data, as they do to any Jekyll page.
    """

    ruby_class_name = "Jekyll::PageWithoutAFile"

    #: Set on redirect pages, which Jekyll's Doctor never reports as sharing a destination.
    allow_shared_destination = False

    def __init__(
        self, site: "Site", dir: str, name: str, content: "str | Callable[[], str]", data: dict[str, Any]
    ) -> None:  # noqa: D107 - no file to read, unlike Page
        self._locate(site, dir, name)
        self._source = self._content = content
        self.body_line = 1
        self.front_matter = dict(data)
        # Jekyll's default_proc: defaults fill only the keys the plugin did not set (even to nil)
        self.data = {**site.frontmatter_defaults.all(self.relative_path, "pages"), **data}

    @property
    def content(self) -> str:
        if callable(self._content):
            try:
                self._content = self._content()
            except InvalidDateError as err:  # as Jekyll's Liquid Exception names the page
                raise InvalidDateError(f"{err} in {self.page_path}") from None
        return self._content

    @content.setter
    def content(self, value: "str | Callable[[], str]") -> None:
        self._source = self._content = value

    def source(self) -> "str | Callable[[], str]":
        return self._source

    @property
    def render_with_liquid(self) -> bool:
        return False

