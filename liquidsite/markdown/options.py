"""kramdown's option model: defaults, value coercion, and Jekyll's defaults on top.

``render(text, options)`` treats a mapping as kramdown options (merged over kramdown's
own defaults, coerced like ``Kramdown::Options.parse``); ``None`` means what Jekyll 4.3
passes (its ``kramdown:`` defaults plus ``KramdownParser#setup``'s highlighter options).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping

from ..config import DEFAULTS as JEKYLL_DEFAULTS

SMART_QUOTES_DEFAULT = ("lsquo", "rsquo", "ldquo", "rdquo")
TOC_LEVELS_DEFAULT = (1, 2, 3, 4, 5, 6)

KRAMDOWN_DEFAULTS: dict[str, Any] = {
    "input": "kramdown",
    "auto_ids": True,
    "auto_id_stripping": False,
    "auto_id_prefix": "",
    "transliterated_header_ids": False,
    "parse_block_html": False,
    "parse_span_html": True,
    "html_to_native": False,
    "link_defs": {},
    "footnote_nr": 1,
    "entity_output": "as_char",
    "toc_levels": TOC_LEVELS_DEFAULT,
    "smart_quotes": SMART_QUOTES_DEFAULT,
    "typographic_symbols": {},
    "header_offset": 0,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {},
    "math_engine": "mathjax",
    "math_engine_opts": {},
    "footnote_backlink": "&#8617;",
    "footnote_backlink_inline": False,
    "footnote_prefix": "",
    "remove_line_breaks_for_cjk": False,
    "forbidden_inline_options": ("template",),
    "template": "",
    # kramdown-parser-gfm
    "hard_wrap": True,
    "gfm_quirks": ("paragraph_end",),
}

#: Jekyll's ``kramdown:`` defaults, kept once with the rest of its configuration defaults.
JEKYLL_KRAMDOWN_CONFIG: Mapping[str, Any] = JEKYLL_DEFAULTS["kramdown"]


class OptionError(ValueError):
    """An option value kramdown would reject."""


def _to_str(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _to_str(value)
    return text.strip().lower() != "false" and text != ""


def _integer(value: Any) -> int:
    if isinstance(value, bool):
        raise OptionError(f"invalid integer {value!r}")
    if isinstance(value, int):
        return value
    try:
        return int(_to_str(value).strip())
    except ValueError as exc:
        raise OptionError(f"invalid integer {value!r}") from exc


def str_to_sym(value: Any) -> str | None:
    text = _to_str(value).strip()
    if text.startswith(":"):
        text = text[1:]
    return None if text in ("", "nil") else text


def _symbol(value: Any) -> str | None:
    return str_to_sym(value)


def _string(value: Any) -> str:
    return _to_str(value)


def _simple_array(value: Any, size: int | None = None) -> list[Any]:
    if isinstance(value, str):
        items: list[Any] = value.split(",")
        while items and items[-1] == "":
            items.pop()
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise OptionError(f"invalid array {value!r}")
    if size is not None and len(items) != size:
        raise OptionError(f"needs exactly {size} values")
    return items


def _simple_hash(value: Any) -> dict[Any, Any]:
    if isinstance(value, str):
        import yaml

        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise OptionError("invalid YAML") from exc
    if not isinstance(value, Mapping):
        raise OptionError(f"invalid hash {value!r}")
    return dict(value)


def _toc_levels(value: Any) -> tuple[int, ...]:
    if isinstance(value, str):
        if m := re.fullmatch(r"(\d)\.\.(\d)", value):
            levels = list(range(int(m.group(1)), int(m.group(2)) + 1))
        elif re.fullmatch(r"\d(?:,\d)*", value):
            levels = list(dict.fromkeys(int(v) for v in value.split(",")))
        else:
            raise OptionError("invalid toc_levels")
    elif isinstance(value, (list, tuple, range)):
        levels = list(dict.fromkeys(int(v) for v in value))
    else:
        raise OptionError("invalid toc_levels")
    if any(not 1 <= level <= 6 for level in levels):
        raise OptionError("toc_levels must be 1..6")
    return tuple(levels)


def _smart_quotes(value: Any) -> tuple[Any, ...]:
    items = _simple_array(value, 4)
    out: list[Any] = []
    for item in items:
        try:
            out.append(int(item))
        except (TypeError, ValueError):
            out.append(str(item).strip() if isinstance(item, str) else item)
    return tuple(out)


def _symbol_keys(value: Any) -> dict[Any, Any]:
    return {(str_to_sym(k) if isinstance(k, str) else k): v for k, v in _simple_hash(value).items()}


def _typographic_symbols(value: Any) -> dict[Any, str]:
    return {(str_to_sym(k) if isinstance(k, str) else k): _to_str(v) for k, v in _simple_hash(value).items()}


def _link_defs(value: Any) -> dict[str, list[Any]]:
    out = {}
    for key, val in _simple_hash(value).items():
        if not isinstance(val, (list, tuple)) or not 1 <= len(val) <= 2:
            raise OptionError("invalid link_defs")
        out[key] = list(val) + [None] * (2 - len(val))
    return out


def _gfm_quirks(value: Any) -> tuple[str, ...]:
    return tuple(str_to_sym(str(v)) or "" for v in _simple_array(value))


def _input(value: Any) -> str:
    return _to_str(value)


COERCERS: dict[str, Callable[[Any], Any]] = {
    "input": _input,
    "template": _string,
    "auto_ids": _boolean,
    "auto_id_stripping": _boolean,
    "auto_id_prefix": _string,
    "transliterated_header_ids": _boolean,
    "parse_block_html": _boolean,
    "parse_span_html": _boolean,
    "html_to_native": _boolean,
    "link_defs": _link_defs,
    "footnote_nr": _integer,
    "entity_output": _symbol,
    "toc_levels": _toc_levels,
    "smart_quotes": _smart_quotes,
    "typographic_symbols": _typographic_symbols,
    "header_offset": _integer,
    "syntax_highlighter": _symbol,
    "syntax_highlighter_opts": _symbol_keys,
    "math_engine": _symbol,
    "math_engine_opts": _symbol_keys,
    "footnote_backlink": _string,
    "footnote_backlink_inline": _boolean,
    "footnote_prefix": _string,
    "remove_line_breaks_for_cjk": _boolean,
    "forbidden_inline_options": lambda v: tuple(str(x) for x in _simple_array(v)),
    "hard_wrap": _boolean,
    "gfm_quirks": _gfm_quirks,
}


def coerce(name: str, value: Any) -> Any:
    """Coerce one option value as kramdown does (``OptionError`` if it would raise)."""
    coercer = COERCERS.get(name)
    return coercer(value) if coercer else value


def merge(options: Mapping[str, Any]) -> dict[str, Any]:
    """kramdown's defaults overlaid with *options* (keys may carry Ruby's leading colon)."""
    merged = dict(KRAMDOWN_DEFAULTS)
    for key, value in options.items():
        name = str(key).lstrip(":")
        merged[name] = coerce(name, value)
    return merged


def jekyll_options(kramdown_config: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The options Jekyll 4.3 hands kramdown for a site whose ``kramdown:`` is *kramdown_config*.

    Mirrors ``Jekyll::Converters::Markdown::KramdownParser#setup``: rouge by default,
    ``default_lang: plaintext`` and ``guess_lang`` copied into the highlighter options.
    """
    config: dict[str, Any] = {**JEKYLL_KRAMDOWN_CONFIG, **(kramdown_config or {})}
    if not config.get("syntax_highlighter"):
        config["syntax_highlighter"] = "coderay" if config.get("enable_coderay") else "rouge"
    hl_opts = dict(config.get("syntax_highlighter_opts") or {})
    if not hl_opts.get("default_lang"):
        hl_opts["default_lang"] = "plaintext"
    hl_opts["guess_lang"] = config.get("guess_lang")
    config["syntax_highlighter_opts"] = hl_opts
    return config
