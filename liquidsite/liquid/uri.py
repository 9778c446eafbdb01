"""Addressable 2.8's URI normalization, as Jekyll's ``relative_url``, ``absolute_url`` and
``uri_escape`` filters apply it.

Addressable decodes every valid ``%XX`` escape, normalizes the text to NFKC (U+3000 becomes a
space, ``ﬁ`` becomes ``fi``), then encodes what the component may not hold: a path segment
keeps the ``pchar`` set (``[`` and ``]`` are encoded), a query keeps ``/`` and ``?`` too and
leaves ``%2B`` encoded, and a path loses its dot segments (``a/./b/../c`` is ``a/c``). Text
that does not decode to UTF-8 is encoded as it is, without NFKC.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..lazy_re import lazy_pattern

_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_UNRESERVED = _ALNUM + "-._~"
_SUB_DELIMS = "!$&'()*+,;="
_RESERVED = ":/?#[]@" + _SUB_DELIMS
_PCHAR = _UNRESERVED + _SUB_DELIMS + ":@"
_QUERY = _ALNUM + "-._~!$'()*+,=:@/?"  # Addressable's query class: no "&" and ";" (pair delimiters)
_FRAGMENT = _PCHAR + "/?"

_ESCAPE = lazy_pattern(rb"%[0-9A-Fa-f]{2}")
_PREFIX = lazy_pattern(r"\A(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?://[^/?#]*)?")
#: ``Addressable::URI#absolute?``: the URL names a scheme
_ABSOLUTE = lazy_pattern(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: What Ruby's ``String#strip`` removes (Addressable strips the URI and its path).
_RUBY_STRIPPED = " \t\n\v\f\r\0"


def normalize_component(text: str, safe: str = _RESERVED + _UNRESERVED, leave_encoded: str = "") -> str:
    """``Addressable::URI.normalize_component(text, safe, leave_encoded)``."""
    if "%" not in text and text.isascii() and not text.strip(safe):  # nothing to decode, fold or escape
        return text
    raw = text.encode("utf-8", "surrogateescape")
    kept = leave_encoded.encode()

    def decode(match: re.Match[bytes]) -> bytes:
        byte = bytes([int(match.group(0)[1:], 16)])
        return match.group(0) if byte in kept and kept else byte

    unencoded = _ESCAPE.sub(decode, raw)
    try:
        normalized = unicodedata.normalize("NFKC", unencoded.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        return _encode(unencoded, (_RESERVED + _UNRESERVED).encode(), keep_escapes=b"")
    return _encode(normalized, safe.encode(), keep_escapes=kept)


def _encode(data: bytes, safe: bytes, keep_escapes: bytes) -> str:
    """Every byte outside *safe* as ``%XX``; an escape of one of *keep_escapes* stays, in
    capitals (Addressable's ``%(?!2B|2b)``)."""
    kept = {f"%{byte:02X}".encode() for byte in keep_escapes}
    out = []
    index = 0
    while index < len(data):
        byte = data[index]
        escape = data[index:index + 3].upper()
        if escape in kept:
            out.append(escape.decode())
            index += 3
            continue
        out.append(chr(byte) if byte in safe else f"%{byte:02X}")
        index += 1
    return "".join(out)


@functools.lru_cache(maxsize=4096)  # pages link the same few hundred URLs thousands of times
def normalize_uri(text: str) -> str:
    """``Addressable::URI.parse(text).normalize.to_s`` for the URLs Jekyll's filters build:
    the scheme and host in lower case, the path, query and fragment normalized."""
    text = text.strip(_RUBY_STRIPPED)
    prefix = _PREFIX.match(text).group(0)  # type: ignore[union-attr]  # the pattern matches the empty string
    userinfo, at_sign, host = prefix.rpartition("@")
    rest = text[len(prefix):]
    prefix = userinfo + at_sign + host.lower()  # the scheme and host in lower case
    rest, hash_mark, fragment = rest.partition("#")
    path, question_mark, query = rest.partition("?")
    segments = path.strip(_RUBY_STRIPPED).split("/")
    out = prefix + remove_dot_segments("/".join(normalize_component(part, _PCHAR) for part in segments))
    if question_mark:
        out += "?" + "&".join(normalize_component(pair, _QUERY, "+") for pair in query.split("&"))
    if hash_mark:
        out += "#" + normalize_component(fragment, _FRAGMENT)
    return out


def is_absolute(url: str) -> bool:
    """Whether *url* names a scheme (Addressable's ``absolute?``)."""
    return _ABSOLUTE.match(url) is not None


def _leading_slash(text: str) -> str:
    return text if not text or text.startswith("/") else "/" + text


def relative_url(baseurl: str, url: str) -> str:
    """Jekyll's ``relative_url`` filter: *url* under *baseurl* (its one trailing ``/`` chomped),
    normalized; an absolute URL as it is."""
    if is_absolute(url):
        return url
    base = baseurl[:-1] if baseurl.endswith("/") else baseurl
    return normalize_uri(_leading_slash(base) + _leading_slash(url))


def absolute_url(site_url: str, baseurl: str, url: str) -> str:
    """Jekyll's ``absolute_url`` filter: the relative URL after *site_url*, normalized
    (the relative URL alone without a *site_url*); an absolute URL as it is."""
    relative = relative_url(baseurl, url)
    if not site_url or is_absolute(url):
        return relative
    return normalize_uri(site_url + relative)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4 (``a/./b/../c/`` is ``a/c/``), and Addressable's extra rule: a
    ``/..`` above the root is dropped."""
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1 or (output and output[0] != ""):
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/".join(output)
