"""Jekyll's ``{% highlight lang [linenos] %}`` block tag.

Jekyll renders the body with Liquid first, then highlights it with Rouge (see
``liquidsite.highlight.highlight_tag_html``). Bad markup fails the build whatever the
Liquid error mode, while the template is parsed (in a branch that never runs too):
Jekyll's tag raises a plain Ruby SyntaxError, which Liquid does not turn into a
warning, so the tag raises :class:`~.tag_errors.JekyllTagError`, which python-liquid
does not catch either.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Iterable, TextIO

from liquid.ast import BlockNode, Node
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from ..lazy_re import lazy_pattern
from ..log import logger
from .tag_errors import JekyllTagError

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from .environment import JekyllEnvironment

TAG_HIGHLIGHT = sys.intern("highlight")
TAG_ENDHIGHLIGHT = sys.intern("endhighlight")
END_HIGHLIGHT_BLOCK = frozenset((TAG_ENDHIGHLIGHT, TOKEN_EOF))

# A language, then options: name, name=value or name="<space-separated numbers>".
SYNTAX = lazy_pattern(r'([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)', re.ASCII)
OPTION = lazy_pattern(r'(?:\w="[^"]*"|\w=\w|\w)+', re.ASCII)


def syntax_error_message(markup: str) -> str:
    """Jekyll's wording for unparsable highlight markup."""
    return (f"Syntax Error in tag 'highlight' while parsing the following markup:\n\n"
            f"{markup}\n\nValid syntax: highlight <lang> [linenos]\n")


def parse_options(text: str) -> dict[str, object]:
    """Options after the language: a bare name is true, a quoted list becomes a list."""
    options: dict[str, object] = {}
    for option in OPTION.findall(text):
        key, _, value = option.partition("=")
        if not _:
            options[key] = True
        elif '"' in value:
            options[key] = value.replace('"', "").split()
        else:
            options[key] = value
    return options


class HighlightNode(Node):
    """A highlight block: the language, its options and the Liquid body."""

    __slots__ = ("lang", "options", "block")

    def __init__(self, token: Token, lang: str, options: dict[str, object], block: BlockNode) -> None:
        super().__init__(token)
        self.blank = False  # Ruby's Tag#blank? is false: an `if` around it keeps its whitespace
        self.lang = lang
        self.options = options
        self.block = block

    def __str__(self) -> str:
        return f"{{% highlight {self.lang} %}}{self.block}{{% endhighlight %}}"

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        body = context.get_buffer(buffer)
        self.block.render(context, body)
        prefix = context.resolve("highlighter_prefix", default=None) or ""
        suffix = context.resolve("highlighter_suffix", default=None) or ""
        highlighted = self._highlight(body.getvalue(), context)
        return buffer.write(f"{prefix}{highlighted}{suffix}")

    def _highlight(self, code: str, context: "RenderContext") -> str:
        from ..highlight import highlight_tag_html, plain_tag_html  # loaded by the first tag rendered

        site = getattr(context.env, "site", None)
        highlighter = site.config.get("highlighter") if site is not None else "rouge"
        if highlighter == "pygments":
            logger.warn("Warning:", "Highlight Tag no longer supports rendering with Pygments.")
            logger.warn("", "Using the default highlighter, Rouge, instead.")
        elif highlighter != "rouge":
            return plain_tag_html(code, self.lang)
        return highlight_tag_html(code, self.lang, linenos=bool(self.options.get("linenos")))

    def children(self, static_context: "RenderContext", *, include_partials: bool = True) -> Iterable[Node]:
        yield self.block


class HighlightTag(Tag):
    """``{% highlight %}``."""

    name = TAG_HIGHLIGHT
    end = TAG_ENDHIGHLIGHT
    block = True

    def parse(self, stream: "TokenStream") -> HighlightNode:
        token = stream.eat(TOKEN_TAG)
        markup = ""
        if stream.current.kind == TOKEN_EXPRESSION:
            markup = stream.current.value
            next(stream)
        block = get_parser(self.env).parse_block(stream, END_HIGHLIGHT_BLOCK)
        if not stream.current.is_tag(TAG_ENDHIGHLIGHT):
            # Liquid reports an unclosed block at the line where the source ends.
            line = token.source.count("\n") + 1
            raise JekyllTagError(f"Liquid syntax error (line {line}): 'highlight' tag was never closed")
        match = SYNTAX.fullmatch(markup.strip())
        if match is None:
            raise JekyllTagError(syntax_error_message(markup))
        return HighlightNode(token, match.group(1).lower(), parse_options(match.group(2)), block)


def register(env: "JekyllEnvironment") -> None:
    """Add Jekyll's highlight tag to *env*."""
    env.add_tag(HighlightTag)
