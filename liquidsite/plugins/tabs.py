"""jekyll-tabs 1.2.1: ``{% tabs NAME %}{% tab NAME LABEL %}...{% endtab %}{% endtabs %}``.

Each ``tab`` renders its body, converts it with the Markdown converter and
files it under its group; ``tabs`` discards its own body's output and writes
the group as two lists, the labels and the contents, tied by a random UUID
(``SecureRandom.uuid``; ``uuid.uuid4()`` here). Group names are sanitised
(trimmed, lower-cased, every character but ``0-9a-z`` a dash); a tab's label
is the rest of its markup, trailing spaces included, as Ruby Liquid hands the
markup over.

The gem files the groups in Jekyll's site-wide Liquid payload, so a group
name reused on a later page still holds the earlier page's tabs there;
liquidsite keeps them per page, where each page's tabs stand alone.
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Optional, TextIO

from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidSyntaxError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..liquid.environment import JekyllEnvironment
    from ..site import Site

_NAMESPACE = "jekyll-tabs"
_ACTIVE = ' class="active"'
_NOT_NAME = re.compile(r"[^0-9a-z]")


def sanitize(name: str) -> str:
    return _NOT_NAME.sub("-", name.strip().lower())


def raw_markup(stream: "TokenStream") -> tuple[Token, str]:
    """The tag token and its markup as Ruby Liquid hands it over: trailing whitespace kept.

    python-liquid trims the expression; the template source still has it.
    """
    token = stream.current
    if stream.peek.kind != TOKEN_EXPRESSION:
        return token, ""
    next(stream)
    expression = stream.current
    source = expression.source
    start = expression.start_index
    end = source.find("%}", start + len(expression.value))
    if end < 0:
        return token, expression.value
    if source[end - 1] == "-":
        end -= 1
    return token, source[start:end]


def groups(context: "RenderContext") -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = context.tag_namespace.setdefault(_NAMESPACE, {})
    return found


def tabs_html(name: str, tabs: dict[str, str], group_id: str) -> str:
    """The gem's ``template.erb`` result (an ERB template without trim mode)."""
    active = [_ACTIVE if index == 0 else "" for index in range(len(tabs))]
    labels = "".join(
        f'\n      <li{active[index]} id="{name}-{sanitize(key)}">\n          <a href="#">{key}</a>\n      </li>\n  '
        for index, key in enumerate(tabs)
    )
    contents = "".join(f"\n      <li{active[index]}>{value}</li>\n  " for index, value in enumerate(tabs.values()))
    return (
        f'<ul id="{name}" class="tab" data-tab="{group_id}" data-name="{name}">\n  {labels}\n</ul>\n'
        f'<ul class="tab-content" id="{group_id}" data-name="{name}">\n  {contents}\n</ul>\n'
    )


class TabsNode(Node):
    __slots__ = ("name", "body")

    def __init__(self, token: Token, name: str, body: BlockNode) -> None:
        super().__init__(token)
        self.name = name
        self.body = body
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        self.body.render(context, context.get_buffer(buffer))
        tabs = groups(context).get(self.name)
        if tabs is None:
            from ..liquid.tag_errors import JekyllTagError

            raise JekyllTagError(f"undefined method `each_with_index' for nil:NilClass (no tab in group '{self.name}')")
        return buffer.write(tabs_html(self.name, tabs, str(uuid.uuid4())))


class TabNode(Node):
    __slots__ = ("group", "label", "body", "site")

    def __init__(self, token: Token, group: str, label: str, body: BlockNode, site: "Site") -> None:
        super().__init__(token)
        self.group = group
        self.label = label
        self.body = body
        self.site = site
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        from ..converters import MarkdownConverter

        inner = context.get_buffer(buffer)
        self.body.render(context, inner)
        converter = next(c for c in self.site.converters if isinstance(c, MarkdownConverter))
        converted = converter.convert(inner.getvalue(), "jekyll-tabs")
        groups(context).setdefault(self.group, {})[self.label] = converted
        return buffer.write(converted)


def _parse_body(tag: Tag, stream: "TokenStream", end: str) -> BlockNode:
    next(stream)
    body = get_parser(tag.env).parse_block(stream, (end, TOKEN_EOF))
    stream.expect(TOKEN_TAG, value=end)
    return body


class TabsTag(Tag):
    name = "tabs"
    end = "endtabs"
    block = True

    def parse(self, stream: "TokenStream") -> Node:
        token, markup = raw_markup(stream)
        if markup == "":
            raise LiquidSyntaxError("Block tabs requires 1 attribute", token=token)
        return TabsNode(token, sanitize(markup), _parse_body(self, stream, self.end))


class TabTag(Tag):
    name = "tab"
    end = "endtab"
    block = True

    def parse(self, stream: "TokenStream") -> Node:
        token, markup = raw_markup(stream)
        parts: Optional[list[str]] = _ruby_split_two(markup)
        if parts is None:
            raise LiquidSyntaxError("Block tab requires 2 attributes", token=token)
        body = _parse_body(self, stream, self.end)
        return TabNode(token, sanitize(parts[0]), parts[1], body, self.env.site)  # type: ignore[attr-defined]


def _ruby_split_two(markup: str) -> Optional[list[str]]:
    """Ruby's ``markup.split(' ', 2)`` when it gives two parts: leading whitespace skipped, the rest kept whole."""
    stripped = markup.lstrip(" \t\n\v\f\r")
    match = re.match(r"(\S+)[ \t\n\v\f\r]+(.*)\Z", stripped, re.S)
    return [match.group(1), match.group(2)] if match else None


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(TabsTag)
    env.add_tag(TabTag)


PLUGIN = BuiltinPlugin("jekyll-tabs", register_liquid=register_liquid)
