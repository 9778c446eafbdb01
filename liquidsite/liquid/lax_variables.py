"""Variable markup read as Liquid 5's lax parser reads it, rewritten for python-liquid.

Under Jekyll, Liquid parses ``{{ ... }}`` and ``assign`` values strictly first; in
the default ``warn`` mode a failure is a ``Liquid Warning`` and ``Variable#lax_parse``
takes over. That parser never fails: the first quoted fragment is the value,
``|`` separates filters, and each expression is read by ``Expression.parse``, whose
variable lookups keep only the ``[\\w-]+`` and ``[...]`` parts. A real
academicpages include relies on it: ``assign tag_hashes = (page_tags | split: ',' |
sort:0)`` is ``page_tags | split: ',' | sort: nil``. :func:`lax_variable_markup`
returns the equivalent markup in syntax python-liquid parses strictly.
"""

from __future__ import annotations

import re
from typing import Optional

from ..lazy_re import lazy_pattern

QUOTED_FRAGMENT = r'(?:"[^"]*"|\'[^\']*\'|(?:[^\s,|\'"]|"[^"]*"|\'[^\']*\')+)'
_MARKUP_WITH_QUOTED_FRAGMENT = lazy_pattern(rf"({QUOTED_FRAGMENT})(.*)", re.S)
_FILTER_MARKUP = lazy_pattern(r"\|\s*(.*)", re.S)
_FILTER_PARSER = lazy_pattern(rf"(?:\s+|{QUOTED_FRAGMENT}|,)+")
_FILTER_ARGS = lazy_pattern(rf"(?::|,)\s*((?:\w+\s*:\s*)?{QUOTED_FRAGMENT})")
_KEYWORD_ARG = lazy_pattern(rf"\A(\w[\w-]*)\s*:\s*({QUOTED_FRAGMENT})\Z", re.S)
_INTEGER = lazy_pattern(r"\A(-?\d+)\Z")
_FLOAT = lazy_pattern(r"\A(-?\d[\d.]+)\Z")
_RANGE = lazy_pattern(r"\A\(\s*(\S+?)\s*\.\.\s*(\S+)\s*\)\Z")
_LOOKUP_PART = lazy_pattern(r"\[[^\]]+\]|[\w-]+\??")
_IDENTIFIER = lazy_pattern(r"\A[A-Za-z_][\w-]*\Z")
# Names python-liquid's expression grammar reserves; as variables they are written ``["or"]``.
_KEYWORDS = frozenset(("and", "or", "not", "contains", "in", "with", "for", "as", "if", "else", "reversed",
                       "limit", "offset", "cols", "required"))
_LITERALS = {"nil": "nil", "null": "nil", "": "nil", "true": "true", "false": "false", "blank": '""', "empty": '""'}


def _string(text: str) -> str:
    return f"'{text}'" if '"' in text else f'"{text}"'


def expression(markup: str) -> str:
    """``Liquid::Expression.parse`` of *markup*, as python-liquid expression syntax."""
    markup = markup.strip()
    if len(markup) >= 2 and markup[0] == markup[-1] and markup[0] in "\"'":
        inner = markup[1:-1]
        return _string(inner) if not ('"' in inner and "'" in inner) else "nil"
    if _INTEGER.match(markup):
        return str(int(markup))
    found = _RANGE.match(markup)
    if found:
        return f"({expression(found.group(1))}..{expression(found.group(2))})"
    if _FLOAT.match(markup):
        try:
            return repr(float(markup.rstrip(".")))
        except ValueError:
            pass
    if markup in _LITERALS:
        return _LITERALS[markup]
    return _lookup(markup)


def _lookup(markup: str) -> str:
    """``VariableLookup.parse``: the name and the ``.key`` / ``[expr]`` parts found in *markup*."""
    parts = _LOOKUP_PART.findall(markup)
    if not parts:
        return "nil"
    head, rest = parts[0], parts[1:]
    if head.startswith("["):
        path = f"[{expression(head[1:-1])}]"
    elif head.rstrip("?") in _KEYWORDS or head in _LITERALS:  # `(true)` looks up a variable named true
        path = f'["{head.rstrip("?")}"]'
    elif _IDENTIFIER.match(head.rstrip("?")):
        path = head.rstrip("?")
    else:  # a root name no template can assign, e.g. the `0` of `sort:0)`
        return "nil"
    for part in rest:
        if part.startswith("["):
            path += f"[{expression(part[1:-1])}]"
        elif part.rstrip("?") in _KEYWORDS:  # `.limit` is `["limit"]` to python-liquid
            path += f'["{part.rstrip("?")}"]'
        elif _IDENTIFIER.match(part.rstrip("?")):
            path += "." + part.rstrip("?")
        else:
            path += f"[{_string(part)}]"
    return path


def lax_variable_markup(markup: str) -> Optional[str]:
    """*markup* (a variable with filters) as the lax parser reads it; None when it finds no value."""
    found = _MARKUP_WITH_QUOTED_FRAGMENT.search(markup)
    if found is None:
        return None
    result = expression(found.group(1))
    filters = _FILTER_MARKUP.search(found.group(2))
    if filters is None:
        return result
    for chunk in _FILTER_PARSER.findall(filters.group(1)):
        name = re.search(r"\w+", chunk)
        if name is None:
            continue
        args = []
        for arg in _FILTER_ARGS.findall(chunk):
            keyword = _KEYWORD_ARG.match(arg)
            if keyword:
                args.append(f"{keyword.group(1)}: {expression(keyword.group(2))}")
            else:
                args.append(expression(arg))
        result += f" | {name.group(0)}" + (": " + ", ".join(args) if args else "")
    return result
