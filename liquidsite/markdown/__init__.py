"""kramdown-compatible Markdown conversion (kramdown 2.4 + kramdown-parser-gfm 1.1).

``render(text, options)`` converts like Jekyll 4.3's kramdown converter. *options* are
kramdown options as a site's ``_config.yml`` ``kramdown:`` section spells them, merged
over kramdown's own defaults; ``None`` means Jekyll's defaults (``input: GFM``,
``auto_ids``, rouge with ``default_lang: plaintext``...), see :func:`options.jekyll_options`.
The converter keeps no state between calls.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any, Mapping, Optional

from . import options as kd_options
from .errors import GemError

__all__ = ["GemError", "render", "jekyll_options"]

jekyll_options = kd_options.jekyll_options


@lru_cache(maxsize=64)
def _resolved_options(key: str) -> tuple[tuple[str, Any], ...]:
    raw = json.loads(key) if key else kd_options.jekyll_options()
    return tuple(kd_options.merge(raw).items())


def _options_key(options: Optional[Mapping[str, Any]]) -> str:
    if options is None:
        return ""
    return json.dumps(options, sort_keys=True, default=list)


#: the options last resolved: the object, a deep copy of it as it was, its resolution
_last_resolved: list[Any] = [None, None, ()]


def _resolved_for(options: Optional[Mapping[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """:func:`_resolved_options` of *options*; the converter passes the same mapping for every
    document of a build, and spelling it as JSON each time cost a sixth of converting a title."""
    if options is None:
        return _resolved_options("")
    last, as_it_was, resolved = _last_resolved
    if last is not options or as_it_was != options:
        resolved = _resolved_options(_options_key(options))
        _last_resolved[:] = [options, copy.deepcopy(options), resolved]
    return resolved


#: the parser classes (kramdown's, GFM's) and the converter class, once the first document loaded them
_classes: list[Any] = []


def render(text: str, options: Optional[Mapping[str, Any]] = None) -> str:
    """Convert Markdown *text* to HTML the way kramdown (as configured by *options*) does."""
    if not _classes:
        # The parser and converter load with the first document: a site without Markdown never needs
        # them. Not an import statement in each call: that cost a twentieth of converting a title.
        from .converter import HtmlConverter
        from .gfm import GFMParser
        from .parser import KramdownParser

        _classes[:] = [KramdownParser, GFMParser, HtmlConverter]
    kramdown_parser, gfm_parser, converter = _classes
    opts = dict(_resolved_for(options))
    parser_class = gfm_parser if str(opts.get("input") or "").lower() == "gfm" else kramdown_parser
    root = parser_class(text, opts).parse()
    converter_options = {**opts, **root.options.get("options", {})}
    return converter(root, converter_options).convert(root)


render.honours = [  # type: ignore[attr-defined]
    "input", "auto_ids", "auto_id_prefix", "auto_id_stripping", "parse_block_html",
    "parse_span_html", "link_defs", "footnote_nr", "entity_output", "toc_levels",
    "smart_quotes", "typographic_symbols", "header_offset", "syntax_highlighter",
    "syntax_highlighter_opts", "math_engine", "footnote_backlink", "footnote_backlink_inline",
    "footnote_prefix", "remove_line_breaks_for_cjk", "hard_wrap", "gfm_quirks", "html_to_native",
]
