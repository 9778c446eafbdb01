"""Jekyll's ``link`` and ``post_url`` tags: a site file's URL, with ``relative_url`` applied."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, TextIO

from liquid.ast import Node
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, Token

from ..lazy_re import lazy_pattern
from ..errors import InvalidDateError
from ..log import logger
from ..timeutil import parse_date
from .include_tag import join_path
from .tag_errors import JekyllTagError
from . import uri

if TYPE_CHECKING:
    from liquid import BoundTemplate
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..documents import Document
    from ..siteview import SiteView

def relative_url(site: "SiteView", url: str) -> str:
    """Jekyll's ``relative_url``: *url* under ``baseurl``, normalised as Addressable does."""
    baseurl = site.config.get("baseurl")
    return uri.relative_url("" if baseurl is None else str(baseurl), url)


def _markup(stream: "TokenStream") -> tuple[Token, str]:
    """The tag token and its markup, leaving the stream on the tag's last token."""
    token = stream.current
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value
    return token, ""


class LinkNode(Node):
    """``{% link PATH %}``: the URL of the page, document or static file at PATH."""

    __slots__ = ("path_markup", "site", "path_template")

    def __init__(self, token: Token, path_markup: str, site: "SiteView") -> None:
        super().__init__(token)
        self.path_markup = path_markup
        self.site = site
        self.path_template: Optional["BoundTemplate"] = None
        self.blank = False

    def __str__(self) -> str:
        return f"{{% link {self.path_markup} %}}"

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        # Jekyll renders the markup as Liquid, so `{% link {{ page.doc }} %}` works.
        if self.path_template is None:
            self.path_template = context.env.from_string(self.path_markup)
        rendered = context.get_buffer()
        for node in self.path_template.nodes:
            node.render(context, rendered)
        relative_path = rendered.getvalue()
        with_leading_slash = join_path("", relative_path)
        for item in self.site.each_site_file():
            if item.relative_path in (relative_path, with_leading_slash):
                return buffer.write(relative_url(self.site, item.url))
        raise JekyllTagError(
            f"Could not find document '{relative_path}' in tag 'link'.\n\n"
            "Make sure the document exists and the path is correct.\n"
        )


class LinkTag(Tag):
    name = "link"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        token, markup = _markup(stream)
        return LinkNode(token, markup.strip(), self.env.site)  # type: ignore[attr-defined]


_POST_NAME = lazy_pattern(r"^(.+/)*(\d+-\d+-\d+)-(.*)$", re.MULTILINE | re.ASCII)


class PostName:
    """Jekyll's ``PostComparer``: a post named ``[DIR/]YYYY-MM-DD-slug`` without extension."""

    def __init__(self, name: str) -> None:
        self.name = name
        match = _POST_NAME.search(re.sub(r"^/", "", name, count=1, flags=re.MULTILINE))
        if match is None:
            raise ValueError(f"'{name}' does not contain valid date and/or title.")
        self.path, self.date, self.slug = match.group(1) or "", match.group(2), match.group(3)
        basename = f"{self.date}-{re.escape(self.slug)}\\.[^.]+"
        try:
            self.pattern = re.compile(
                f"^_posts/{self.path}{basename}|^{self.path}_posts/?{basename}", re.MULTILINE
            )
        except re.error:
            path = re.escape(self.path)
            self.pattern = re.compile(f"^_posts/{path}{basename}|^{path}_posts/?{basename}", re.MULTILINE)

    def matches(self, post: "Document") -> bool:
        """The current rule: the post's path relative to the collections directory."""
        return self.pattern.search(post.relative_path) is not None

    def matches_deprecated(self, post: "Document", site: "SiteView") -> bool:
        """The old rule: same slug and same day, whatever directory the post is in."""
        if self.slug != post.data.get("slug"):
            return False
        message = f"'{self.date}' does not contain valid date and/or title."
        try:
            day = parse_date(self.date, site.tz, message)
        except InvalidDateError as err:
            raise JekyllTagError(str(err)) from None
        return (day.year, day.month, day.day) == (post.date.year, post.date.month, post.date.day)


class PostUrlNode(Node):
    """``{% post_url NAME %}``: the URL of the post NAME, found as Jekyll 4.3 finds it."""

    __slots__ = ("original", "post_name", "error", "site")

    def __init__(self, token: Token, original: str, site: "SiteView") -> None:
        super().__init__(token)
        self.original = original
        self.site = site
        self.blank = False
        self.post_name: Optional[PostName] = None
        self.error: Optional[str] = None
        try:
            self.post_name = PostName(original)
        except ValueError as err:
            # Jekyll raises this while parsing; it is raised when the tag renders.
            self.error = (
                f'Could not parse name of post "{original}" in tag \'post_url\'.\n'
                " Make sure the post exists and the name is correct.\n"
                f" Jekyll::Errors::InvalidPostNameError: {err}\n"
            )

    def __str__(self) -> str:
        return f"{{% post_url {self.original} %}}"

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        if self.post_name is None:
            raise JekyllTagError(self.error or "")
        post = self.find()
        return buffer.write(relative_url(self.site, post.url))

    def find(self) -> "Document":
        name = self.post_name
        assert name is not None
        posts = self.site.posts.docs
        for post in posts:
            if name.matches(post):
                return post
        for post in posts:
            if name.matches_deprecated(post, self.site):
                logger.warn(
                    "Deprecation:",
                    f"A call to '{{% post_url {name.name} %}}' did not match a post using the new "
                    "matching method of checking name (path-date-slug) equality. Please make sure "
                    "that you change this tag to match the post's name exactly.",
                )
                return post
        raise JekyllTagError(
            f'Could not find post "{self.original}" in tag \'post_url\'.\n'
            "Make sure the post exists and the name is correct.\n"
        )


class PostUrlTag(Tag):
    name = "post_url"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        token, markup = _markup(stream)
        return PostUrlNode(token, markup.strip(), self.env.site)  # type: ignore[attr-defined]

