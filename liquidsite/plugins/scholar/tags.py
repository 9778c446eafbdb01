"""jekyll-scholar's Liquid tags: ``bibliography``, ``bibliography_count``, ``cite``, ``nocite``,
``reference``, ``quote``, ``bibtex``, ``cite_details`` and ``details_link``; what they do is in
:mod:`.utilities` and :mod:`.listing`, as the gem keeps it in ``Utilities``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, TextIO

from liquid.ast import BlockNode, Node
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_TAG

from ...site_plugins import tag_markup
from . import csl
from .bibtex import parse
from .listing import render_groups, render_items, ruby_range
from .options import parse_options, split_arguments
from .sources import ScholarError
from .utilities import Scholar, content_tag

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream
    from liquid.token import Token

    from ...liquid.environment import JekyllEnvironment


class _ScholarNode(Node):
    """A tag's node: its raw markup, and the body of a block tag."""

    __slots__ = ("markup", "body")

    def __init__(self, token: "Token", markup: str, body: Optional[BlockNode] = None) -> None:
        super().__init__(token)
        self.markup = markup
        self.body = body
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        try:
            return buffer.write(self.render_text(context))
        except (csl.StyleError, ScholarError) as err:
            from ...liquid.tag_errors import JekyllTagError

            raise JekyllTagError(str(err)) from None

    def render_text(self, context: "RenderContext") -> str:
        raise NotImplementedError


class BibliographyNode(_ScholarNode):
    def render_text(self, context: "RenderContext") -> str:
        scholar = Scholar.in_context(context, parse_options(self.markup), self)
        items = scholar.cited_entries()
        group_by = scholar.interpolate(scholar.options.group_by) or str(scholar.config.get("group_by"))
        if group_by != "none":
            return render_groups(scholar, items, group_by)
        options = scholar.options
        last = -1 if options.max is None else options.max + options.offset - 1
        return render_items(scholar, ruby_range(items, options.offset, last))


class BibliographyCountNode(_ScholarNode):
    """The gem returns the count as an Integer, which Liquid appends to its output
    String as Ruby's ``String#<<`` does: as the character of that code point."""

    def render_text(self, context: "RenderContext") -> str:
        return chr(len(Scholar.in_context(context, parse_options(self.markup)).cited_entries()))


class _KeysNode(_ScholarNode):
    """A tag of the form ``{% tag key1 key2 --options %}``."""

    def scholar(self, context: "RenderContext") -> tuple[Scholar, list[str]]:
        keys, options = split_arguments(self.markup)
        scholar = Scholar.in_context(context, parse_options(options))
        return scholar, scholar.keys(keys)


class CiteNode(_KeysNode):
    def render_text(self, context: "RenderContext") -> str:
        scholar, keys = self.scholar(context)
        return scholar.cite(keys)


class NoCiteNode(_KeysNode):
    """Under Liquid 5 (Jekyll 4.3's) a ``nocite`` whose keys are all found stops the build: the
    gem returns an Array, which ``output << render(context)`` refuses (Liquid 4 joined it)."""

    def render_text(self, context: "RenderContext") -> str:
        scholar, keys = self.scholar(context)
        text = scholar.nocite(keys)
        if text is not None:
            return text
        from ...liquid.tag_errors import JekyllTagError

        line = self.token.source.count("\n", 0, self.token.start_index) + 1
        raise JekyllTagError(
            "no implicit conversion of Array into String"
            f" (line {line}: jekyll-scholar's nocite returns an Array, which Liquid 5 cannot output)",
            line,
        )


class ReferenceNode(_KeysNode):
    def render_text(self, context: "RenderContext") -> str:
        scholar, keys = self.scholar(context)
        bibliography = scholar.bibliography()
        return "\n".join(scholar.reference_tag(bibliography.entries.get(key)) for key in keys)


class CiteDetailsNode(_KeysNode):
    def render_text(self, context: "RenderContext") -> str:
        scholar, keys = self.scholar(context)
        bibliography = scholar.bibliography()
        links = []
        for key in keys:
            entry = bibliography.entries.get(key)
            if entry is None:
                links.append(str(scholar.config["missing_reference"]))
            else:
                text = scholar.options.text or str(scholar.config.get("details_link"))
                links.append(content_tag("a", text, {"href": scholar.details_link(entry)}))
        return "\n".join(links)


class DetailsLinkNode(_KeysNode):
    def render_text(self, context: "RenderContext") -> str:
        scholar, keys = self.scholar(context)
        entry = scholar.bibliography().entries.get(keys[0]) if keys else None
        if entry is None:
            raise ScholarError(f"Could not find entry for key '{keys[0] if keys else ''}'")
        return scholar.details_link(entry)


class QuoteNode(_KeysNode):
    def render_text(self, context: "RenderContext") -> str:
        scholar, keys = self.scholar(context)
        body = context.get_buffer()
        if self.body is not None:
            self.body.render(context, body)
        text = body.getvalue().strip().replace("\n\n", "</p><p>").replace("\n", "<br/>")
        quote = content_tag("p", text) + content_tag("cite", scholar.cite(keys))
        return content_tag("blockquote", quote)


class BibTeXNode(_ScholarNode):
    """``{% bibtex %}@book{...}{% endbibtex %}``: the entries of the body, each as a ``reference``."""

    def render_text(self, context: "RenderContext") -> str:
        keys, options = split_arguments(self.markup)
        scholar = Scholar.in_context(context, parse_options(options))
        body = context.get_buffer()
        if self.body is not None:
            self.body.render(context, body)
        entries = parse([("bibtex tag", body.getvalue())], replace_strings=False).entries.values()
        return "\n".join(scholar.reference_tag(entry) for entry in entries)


def _tag(name: str, node_class: type[_ScholarNode], block: bool = False) -> type[Tag]:
    end = f"end{name}"

    def parse(self: Tag, stream: "TokenStream") -> Node:
        token, markup = tag_markup(stream)
        if not block:
            return node_class(token, markup)
        next(stream)
        body = get_parser(self.env).parse_block(stream, (end, TOKEN_EOF))
        stream.expect(TOKEN_TAG, value=end)
        return node_class(token, markup, body)

    return type(f"Scholar_{name}", (Tag,), {"name": name, "end": end, "block": block, "parse": parse})


TAGS: dict[str, tuple[type[_ScholarNode], bool]] = {
    "bibliography": (BibliographyNode, False),
    "bibliography_count": (BibliographyCountNode, False),
    "cite": (CiteNode, False),
    "nocite": (NoCiteNode, False),
    "reference": (ReferenceNode, False),
    "cite_details": (CiteDetailsNode, False),
    "details_link": (DetailsLinkNode, False),
    "quote": (QuoteNode, True),
    "bibtex": (BibTeXNode, True),
}


def register_liquid(env: "JekyllEnvironment") -> None:
    for name, (node_class, block) in TAGS.items():
        env.add_tag(_tag(name, node_class, block))
