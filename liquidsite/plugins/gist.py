"""jekyll-gist 1.5.0: ``{% gist user/id [file] %}`` embeds a gist's script tag.

jekyll-gist also fetches the gist's raw code over the network for a
``<noscript>`` fallback. Builds here never touch the network, so they behave
as ``gist: {noscript: false}`` always: the script tag alone, no warning.
Either argument may name a Liquid variable (``{% gist page.gist %}``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Optional, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.tag import Tag

from ..site_plugins import tag_markup
from .base import BuiltinPlugin
from .common import liquid_lookup

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..liquid.environment import JekyllEnvironment

_ARGUMENTS = re.compile(r"\A(\S+|.*(?=/).+)\s?(\S*)\Z")
_SYNTAX_HELP = (
    "Syntax error in tag 'gist' while parsing the following markup: {markup} Valid syntax: "
    "{{% gist user/1234567 %}} {{% gist user/1234567 foo.js %}} {{% gist 28949e1d5ee2273f9fd3 %}} "
    "{{% gist 28949e1d5ee2273f9fd3 best.md %}}"
)


def arguments(markup: str) -> Optional[tuple[str, str]]:
    """jekyll-gist's ``determine_arguments``: (gist id, file name) or None."""
    match = _ARGUMENTS.match(markup.strip())
    return (match.group(1).strip(), match.group(2).strip()) if match else None


def script_tag(gist_id: str, filename: str) -> str:
    url = f"https://gist.github.com/{gist_id}.js"
    if filename:
        url += f"?file={filename}"
    return f'<script src="{url}"> </script>'


class GistNode(Node):
    __slots__ = ("markup",)

    def __init__(self, token: Any, markup: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        parsed = arguments(self.markup)
        if parsed is None:
            raise LiquidError(_SYNTAX_HELP.format(markup=self.markup), token=self.token)
        gist_id, filename = parsed
        resolved_id = liquid_lookup(context, gist_id)
        resolved_file = liquid_lookup(context, filename) if filename else None
        text = script_tag(
            gist_id if resolved_id is None else str(resolved_id),
            filename if resolved_file is None else str(resolved_file),
        )
        buffer.write(text)
        return len(text)


class GistTag(Tag):
    name = "gist"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        return GistNode(*tag_markup(stream))


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(GistTag)


PLUGIN = BuiltinPlugin("jekyll-gist", register_liquid=register_liquid)
