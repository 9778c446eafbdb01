"""Jekyll's SmartyPants converter (behind the ``smartify`` filter) on liquidsite's kramdown.

Jekyll's parser is kramdown's, cut down to block HTML and plain lines, with the span
parsers for smart quotes, entities, typographic symbols and span HTML only.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from .converter import HtmlConverter
from .parser import KramdownParser

_LINE = re.compile(r".*\n")


class SmartyPantsParser(KramdownParser):
    BLOCK_PARSER_NAMES = ("block_html", "content")
    SPAN_PARSER_NAMES = ("smart_quotes", "html_entity", "typographic_syms", "span_html")
    CONTENT_START = re.compile(r"")

    def parse_content(self) -> bool:
        line = self.src.scan(_LINE)
        if line is None:  # a last line without its newline
            line = self.src.rest()
            self.src.terminate()
        self.add_text(line)
        return True


def render_smartypants(text: str, options: Mapping[str, Any]) -> str:
    from . import options as kd_options

    opts = kd_options.merge(dict(options))
    root = SmartyPantsParser(text, opts).parse()
    html = HtmlConverter(root, {**opts, **root.options.get("options", {})}).convert(root)
    return html[:-1] if html.endswith("\n") else html
