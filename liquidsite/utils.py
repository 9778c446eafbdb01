"""Small helpers with Jekyll::Utils' exact semantics (slugs, merges, file sniffing)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Mapping

from .lazy_re import lazy_pattern

SLUGIFY_MODES = ("raw", "default", "pretty", "ascii", "latin")

# Characters `pretty` mode keeps besides Unicode marks, letters and decimal digits.
_PRETTY_EXTRA = set("._~!$&'()+,;=@")
_ASCII_ALNUM = lazy_pattern(r"[^A-Za-z0-9]+")
#: Ruby's ``\s`` and the separators of ``String#split(" ")``: ASCII whitespace only, never
#: U+00A0, U+3000 and the other Unicode spaces Python's ``\s`` and ``str.split()`` take.
RUBY_SPACE = " \t\n\v\f\r"
_WHITESPACE = lazy_pattern(f"[{RUBY_SPACE}]+")
_WORD = lazy_pattern(f"[^{RUBY_SPACE}]+")
#: what Python's ``str.split()`` also splits on (``str.isspace``) and Ruby's does not
_PYTHON_ONLY_SPACE = lazy_pattern("[\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def awk_split(text: str, limit: int = 0) -> list[str]:
    """Ruby's ``text.split(" ", limit)``: words between runs of ASCII whitespace, leading
    whitespace skipped; with a *limit*, the last field is the untouched rest (``"a "`` gives
    ``["a", ""]`` for 2), without one there are no empty fields."""
    if not limit:  # str.split() is C and 2.5 times faster, where it agrees (number_of_words on every post)
        return text.split() if _PYTHON_ONLY_SPACE.search(text) is None else _WORD.findall(text)
    parts: list[str] = []
    pos = len(text) - len(text.lstrip(RUBY_SPACE))
    while pos < len(text):
        if limit and len(parts) == limit - 1:
            parts.append(text[pos:])
            return parts
        run = _WHITESPACE.search(text, pos)
        if run is None:
            parts.append(text[pos:])
            return parts
        parts.append(text[pos:run.start()])
        pos = run.end()
    if limit and text:  # the empty rest after trailing whitespace (Ruby: "  ".split(" ", 2) == [""])
        parts.append("")
    return parts


def ruby_downcase(text: str) -> str:
    """``String#downcase``: full Unicode lowercase mapping per character, without Python's
    context rule that makes a word-final capital sigma ``ς`` (Ruby gives ``ΣΑΣ`` → ``σασ``)."""
    return "".join(char.lower() for char in text) if "Σ" in text else text.lower()


def ruby_capitalize(text: str) -> str:
    """``String#capitalize``: the first character in titlecase (``ǆ`` → ``ǅ``), the rest down."""
    return text[:1].title() + ruby_downcase(text[1:])


def _is_word_char(ch: str) -> bool:
    """Ruby's ``[\\p{M}\\p{L}\\p{Nd}]``: marks, letters, decimal digits."""
    cat = unicodedata.category(ch)
    return cat[0] in "ML" or cat == "Nd"


def _hyphenate(text: str, keep: Any) -> str:
    out: list[str] = []
    in_run = False
    for ch in text:
        if keep(ch):
            out.append(ch)
            in_run = False
        elif not in_run:
            out.append("-")
            in_run = True
    return "".join(out)


def _transliterate(text: str) -> str:
    """``I18n.transliterate`` with its default approximations: the Latin-1 and Latin
    Extended-A letters (U+00C0 to U+017E) lose their accents, every other non-ASCII
    character becomes ``?``."""
    return "".join(ch if ch.isascii() else _approximate(ch) for ch in text)


def _approximate(ch: str) -> str:
    if not "\u00c0" <= ch <= "\u017e":
        return "?"
    if ch in _LATIN_EXTRA:
        return _LATIN_EXTRA[ch]
    base = "".join(part for part in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(part))
    return base if base.isascii() else "?"


# The approximations that are not the letter without its accents.
_LATIN_EXTRA = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
                "×": "x", "Ħ": "H", "ħ": "h", "ı": "i", "ĸ": "k", "Ŀ": "L", "ŀ": "l", "ŉ": "'n",
                "Ŋ": "NG", "ŋ": "ng", "Ŧ": "T", "ŧ": "t"}


def slugify(text: Any, mode: str | None = None, cased: bool = False) -> str | None:
    """Jekyll's ``Utils.slugify``: used for permalinks (``:slug``, ``:title``) and the filter."""
    if text is None:
        return None
    text = str(text)
    mode = mode or "default"
    if mode not in SLUGIFY_MODES:
        return text if cased else ruby_downcase(text)
    if mode == "latin":
        text = _transliterate(text)
    if mode == "raw":
        slug = _WHITESPACE.sub("-", text)
    elif mode == "ascii":
        slug = _ASCII_ALNUM.sub("-", text)
    elif mode == "pretty":
        slug = _hyphenate(text, lambda ch: ch in _PRETTY_EXTRA or _is_word_char(ch))
    else:
        slug = _hyphenate(text, _is_word_char)
    slug = re.sub(r"^-|-$", "", slug, flags=re.MULTILINE)
    return slug if cased else ruby_downcase(slug)


def titleize_slug(slug: str) -> str:
    """``my-first-post`` to ``My First Post`` (Ruby's capitalize lowercases the rest)."""
    return " ".join(ruby_capitalize(part) for part in slug.split("-"))


def deep_merge(master: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Any]:
    """Jekyll's ``deep_merge_hashes``: *other* wins, nested hashes merge, nil never overwrites."""
    result = dict(master)
    for key, new in other.items():
        old = result.get(key)
        if new is None and key in result:
            continue
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            result[key] = deep_merge(old, new)
        else:
            result[key] = new
    return result


def has_yaml_header(path: str) -> bool:
    """True when the file's first line is ``---`` (Jekyll's test for "this is a page")."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline()
    except OSError:
        return False
    return re.match(rb"---[ \t\r\f\v]*\r?\n", first) is not None


def pluralized_array(data: Mapping[str, Any], singular: str, plural: str) -> list[Any]:
    """``category``/``categories`` style fields: singular wins, plural strings split on spaces."""
    value: Any = data.get(singular)
    if value is None:
        plural_value = data.get(plural)
        if isinstance(plural_value, str):
            value = plural_value.split()
        elif isinstance(plural_value, list):
            value = [v for v in plural_value if v is not None]
    return [v for v in flatten([value]) if v is not None]


def flatten(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def add_permalink_suffix(template: str, style: str) -> str:
    """Append ``/`` or ``:output_ext`` to *template* as the site's permalink style asks."""
    if style == "pretty":
        return template + "/"
    if style in ("date", "ordinal", "none"):
        return template + ":output_ext"
    if style.endswith("/"):
        template += "/"
    if style.endswith(":output_ext"):
        template += ":output_ext"
    return template


def uniq(items: Iterable[Any]) -> list[Any]:
    """Ruby's ``Array#uniq``: first occurrence wins, order kept."""
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
