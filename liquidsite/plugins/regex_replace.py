"""jekyll-regex-replace 1.1.0: ``regex_replace`` and ``regex_replace_once``.

The gem builds a Ruby regexp from the pattern (``/#{pattern}/``) and calls
``gsub``/``sub`` with the replacement string. liquidsite runs the pattern with
Python's ``re`` after translating Ruby's syntax where the two differ:

- ``^`` and ``$`` always match at line boundaries (Ruby has no single-line mode);
  ``\\Z`` is end of string or before a final newline, ``\\z`` end of string;
- ``\\w``, ``\\d``, ``\\s``, ``\\b`` are ASCII-only, as Ruby's are (``"héllo"`` has
  two words); ``\\h`` is a hex digit; ``(?m)`` is Ruby's dot-matches-newline;
- ``(?<name>...)`` and ``\\k<name>`` name groups; ``[[:alpha:]]``-style classes
  inside brackets are translated;
- in the replacement ``\\0``/``\\&`` is the match, ``\\1``..``\\9`` and
  ``\\k<name>`` groups, ``\\``` and ``\\'`` the text before and after the match,
  ``\\\\`` a backslash; any other character, ``&`` alone included, is literal.

What ``re`` cannot do is an error naming the pattern: possessive quantifiers and
atomic groups before Python 3.11, ``\\G``, Onigmo's ``(?~...)`` absent operator,
conditionals on named groups written Ruby's way. Case-insensitive matching of
non-ASCII letters follows Python's Unicode folding where Ruby's may differ.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Callable

from ..liquid.ruby import scalar_to_s
from ..liquid.standard_filters import with_ruby_arity
from ..liquid.tag_errors import JekyllTagError
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..liquid.environment import JekyllEnvironment

_POSIX_CLASSES = {
    "alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
    "space": r" \t\r\n\f\v", "xdigit": "0-9A-Fa-f", "punct": r"!-/:-@\[-`{-~", "word": r"\w",
    "blank": r" \t", "cntrl": r"\x00-\x1f\x7f", "print": r"\x20-\x7e", "graph": r"\x21-\x7e",
}
_PRE, _POST = object(), object()  # \` and \' in a replacement
_ESCAPES = {"h": "[0-9a-fA-F]", "H": "[^0-9a-fA-F]", "z": r"\Z", "Z": r"(?=\n?\Z)", "A": r"\A"}


def _translate(pattern: str) -> str:
    """Ruby regexp source -> Python ``re`` source with the same meaning (see the module docstring)."""
    out: list[str] = []
    index = 0
    in_class = False
    length = len(pattern)
    while index < length:
        char = pattern[index]
        if char == "\\" and index + 1 < length:
            following = pattern[index + 1]
            if following == "k" and pattern.startswith("<", index + 2):
                end = pattern.index(">", index + 3)
                out.append(f"(?P={pattern[index + 3:end]})")
                index = end + 1
                continue
            if following == "G":
                raise re.error("\\G is not supported")
            if in_class:
                out.append("0-9a-fA-F" if following == "h" else char + following)
            else:
                out.append(_ESCAPES.get(following, char + following))
            index += 2
            continue
        if in_class:
            if pattern.startswith("[:", index):
                end = pattern.find(":]", index + 2)
                name = pattern[index + 2:end]
                negated = name.startswith("^")
                if end > 0 and name.lstrip("^") in _POSIX_CLASSES and not negated:
                    out.append(_POSIX_CLASSES[name])
                    index = end + 2
                    continue
            if char == "]":
                in_class = False
            out.append(char)
            index += 1
            continue
        if char == "[":
            in_class = True
            out.append(char)
            if pattern.startswith("^", index + 1):
                out.append("^")
                index += 1
            if pattern.startswith("]", index + 1):
                out.append(r"\]")
                index += 1
            index += 1
            continue
        if char == "(" and pattern.startswith("(?<", index) and not pattern.startswith(("(?<=", "(?<!"), index):
            out.append("(?P<")
            index += 3
            continue
        if char == "(" and pattern.startswith("(?", index):
            match = re.match(r"\(\?([imx]*)(?:-([imx]*))?([:)])", pattern[index:])
            if match:
                on, off = (match.group(1) or "").replace("m", "s"), (match.group(2) or "").replace("m", "s")
                flags = on + (f"-{off}" if off else "")
                if match.group(3) == ")" and not off:
                    # a bare (?i) applies to the rest of the group in Ruby: scope it the same way
                    out.append(f"(?{flags}:" if flags else "(?:")
                    out.append(_translate_rest(pattern[index + match.end():]))
                    return "".join(out)
                out.append(f"(?{flags}{match.group(3)}" if flags else f"(?:{'' if match.group(3) == ':' else ')'}")
                index += match.end()
                continue
        out.append(char)
        index += 1
    return "".join(out)


def _translate_rest(rest: str) -> str:
    """The pattern after a bare ``(?flags)``: up to the enclosing group's end, which closes the scope."""
    depth = 0
    index = 0
    escaped = False
    in_class = False
    while index < len(rest):
        char = rest[index]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return _translate(rest[:index]) + ")" + _translate(rest[index:])
            depth -= 1
        index += 1
    return _translate(rest) + ")"


@functools.lru_cache(maxsize=256)
def compile_ruby(pattern: str) -> "re.Pattern[str]":
    try:
        return re.compile(_translate(pattern), re.MULTILINE | re.ASCII)
    except (re.error, ValueError) as err:
        raise JekyllTagError(f"invalid regular expression /{pattern}/: {err}") from err


def _expander(replacement: str) -> Callable[["re.Match[str]"], str]:
    """Ruby's ``sub``/``gsub`` replacement string as a function of the match."""
    pieces: list[Any] = []
    literal: list[str] = []
    index = 0
    while index < len(replacement):
        char = replacement[index]
        if char == "\\" and index + 1 < len(replacement):
            following = replacement[index + 1]
            reference: Any = None
            if following.isdigit():
                reference = int(following)
            elif following == "&":
                reference = 0
            elif following == "`":
                reference = _PRE
            elif following == "'":
                reference = _POST
            elif following == "\\":
                literal.append("\\")
                index += 2
                continue
            elif following == "k" and replacement.startswith("<", index + 2) and ">" in replacement[index + 3:]:
                end = replacement.index(">", index + 3)
                reference = ("name", replacement[index + 3:end])
                index = end - 1
            if reference is not None:
                if literal:
                    pieces.append("".join(literal))
                    literal = []
                pieces.append(reference)
                index += 2
                continue
        literal.append(char)
        index += 1
    if literal:
        pieces.append("".join(literal))

    def expand(match: "re.Match[str]") -> str:
        out: list[str] = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece is _PRE:
                out.append(match.string[:match.start()])
            elif piece is _POST:
                out.append(match.string[match.end():])
            elif isinstance(piece, tuple):
                out.append(match.group(piece[1]) or "")
            elif piece <= (match.re.groups or 0):
                out.append(match.group(piece) or "")
        return "".join(out)

    return expand


def _replace(value: Any, pattern: Any, replacement: Any, count: int) -> str:
    if not isinstance(value, str):
        kind = "NilClass" if value is None else type(value).__name__.capitalize()
        raise JekyllTagError(f"undefined method `{'gsub' if count == 0 else 'sub'}' for {kind}")
    regex = compile_ruby(scalar_to_s(pattern))
    return regex.sub(_expander(scalar_to_s(replacement)), value, count=count)


def regex_replace(value: Any, pattern: Any, replacement: Any) -> str:
    return _replace(value, pattern, replacement, 0)


def regex_replace_once(value: Any, pattern: Any, replacement: Any) -> str:
    return _replace(value, pattern, replacement, 1)


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_filter("regex_replace", with_ruby_arity(regex_replace))
    env.add_filter("regex_replace_once", with_ruby_arity(regex_replace_once))


PLUGIN = BuiltinPlugin("jekyll-regex-replace", register_liquid=register_liquid)
