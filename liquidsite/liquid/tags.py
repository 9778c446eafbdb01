"""Jekyll's Liquid tags: include, include_relative, link, post_url, and Liquid's render as Jekyll has it.

``highlight`` is registered by its own module; ``raw`` is python-liquid's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION

from .include_tag import CONTEXT_DEPTH_LIMIT, IncludeFiles, IncludeRelativeTag, IncludeTag
from .link_tags import LinkTag, PostUrlTag

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

    from .environment import JekyllEnvironment


class NoFileSystemRenderNode(Node):
    """``{% render %}`` under Jekyll: Liquid's file system is never configured, so it always fails."""

    __slots__ = ()

    def __init__(self, token: "Token") -> None:
        super().__init__(token)
        self.blank = False

    def __str__(self) -> str:
        return "{% render %}"

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        raise LiquidError("This liquid context does not allow includes.", token=self.token)


class NoFileSystemRenderTag(Tag):
    name = "render"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        token = stream.current
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
        return NoFileSystemRenderNode(token)


def register(env: "JekyllEnvironment") -> None:
    """Add Jekyll's tags to *env*; both include tags share one per-build include cache."""
    env.context_depth_limit = CONTEXT_DEPTH_LIMIT  # type: ignore[misc]
    files = IncludeFiles(env, env.site)
    env.tags[IncludeTag.name] = IncludeTag(env, files)
    env.tags[IncludeRelativeTag.name] = IncludeRelativeTag(env, files)
    env.add_tag(LinkTag)
    env.add_tag(PostUrlTag)
    env.add_tag(NoFileSystemRenderTag)
