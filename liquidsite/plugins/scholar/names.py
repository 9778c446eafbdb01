"""BibTeX names as bibtex-ruby 6.2 parses them (``BibTeX::NameParser``, ``BibTeX::Name``).

bibtex-ruby scans a name list into words typed by their first letter
(``UWORD`` upper, ``LWORD`` lower, ``PWORD`` neither: braces, digits, symbols)
and parses each name, started by ``and``, with an LALR grammar: ``First von
Last``, ``von Last, First`` and ``von Last, Jr, First``. That grammar has no
conflicts, so matching its productions directly gives the same parse. A list
that does not parse becomes empty, as the gem's parser then returns nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Callable, Iterator, Optional

_AND = re.compile(r",?\s+and\s+", re.I)
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

UWORD, LWORD, PWORD, COMMA, ERROR = "U", "L", "P", ",", "E"


@dataclass
class Name:
    """``BibTeX::Name``: a struct of ``first last prefix suffix`` (Liquid sees these four keys)."""

    first: Optional[str] = None
    last: Optional[str] = None
    prefix: Optional[str] = None
    suffix: Optional[str] = None

    def sort_order(self) -> str:
        """``Name#to_s``: ``von Last, Jr, First``."""
        von_last = " ".join(part for part in (self.prefix, self.last) if part is not None)
        return ", ".join(part for part in (von_last, self.suffix, self.first) if part is not None)

    def parts(self) -> Iterator[tuple[str, Optional[str]]]:
        for field in fields(self):
            yield field.name, getattr(self, field.name)

    def converted(self, apply: Callable[[str], str]) -> "Name":
        return replace(self, **{key: apply(value) for key, value in self.parts() if value is not None})


def _is_lower(char: str) -> bool:
    return char.islower()


def _is_upper(char: str) -> bool:
    return char.isupper()


def _scan(text: str) -> list[list[tuple[str, str]]]:
    """The words of each name (``NameParser#scan``); a name whose words mark it as
    CJK (last name first, without comma) is flagged by a leading ``("LF", "")``."""
    names: list[list[tuple[str, str]]] = [[]]
    word_type, word = PWORD, ""
    position = 0

    def push_word() -> None:
        nonlocal word_type, word
        if word:
            names[-1].append((word_type, word))
            word_type, word = PWORD, ""

    while position < len(text):
        char = text[position]
        match = _AND.match(text, position)
        if match:
            push_word()
            names.append([])
            position = match.end()
            continue
        match = _SPACE.match(text, position)
        if match:
            push_word()
            position = match.end()
        elif char == ",":
            push_word()
            names[-1].append((COMMA, ","))
            position += 1
        elif _is_lower(char) or _is_upper(char):
            if word_type == PWORD:
                word_type = LWORD if _is_lower(char) else UWORD
            end = position + 1
            while end < len(text) and (_is_lower(text[end]) or _is_upper(text[end]) or (
                    text[end] == "." and _is_upper(char))):
                end += 1
            word += text[position:end]
            position = end
        elif char == "{":
            depth, end = 0, position
            while end < len(text):
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                end += 1
                if depth == 0:
                    break
            if depth:
                names[-1].append((ERROR, "}"))
            word += text[position:end]
            position = end
        elif char == "}":
            names[-1].append((ERROR, "}"))
            position += 1
        elif char == "\\" and position + 1 < len(text):
            word += text[position:position + 2]
            position += 2
        elif char == "\\":
            names[-1].append((ERROR, char))
            position += 1
        else:
            end = position
            while end < len(text) and not (text[end].isspace() or text[end] in ",{}\\"
                                           or _is_lower(text[end]) or _is_upper(text[end])):
                end += 1
            other = text[position:end]
            if _CJK.search(other) and not (names[-1] and names[-1][0][0] == "LF"):
                names[-1].insert(0, ("LF", ""))
            word += other
            position = end
    push_word()
    return names


def _u_words(words: list[tuple[str, str]]) -> bool:
    return bool(words) and all(kind in (UWORD, PWORD) for kind, _ in words)


def _text(words: list[tuple[str, str]]) -> str:
    return " ".join(text for _, text in words)


def _von_last(words: list[tuple[str, str]]) -> Optional[tuple[Optional[str], Optional[str], str]]:
    """``last | von last | u_words von last`` -> (first, von, last), or None."""
    if len(words) == 1:
        return None, None, words[0][1]
    lowers = [i for i, (kind, _) in enumerate(words) if kind == LWORD]
    if not lowers:
        return None, None, _text(words) if _u_words(words) else None  # type: ignore[return-value]
    start = lowers[0]
    head = words[:start]
    if words[-1][0] == LWORD and len(words) >= 2 and words[-2][0] == LWORD and start < len(words) - 1:
        von, last = words[start:-1], words[-1][1]
    elif words[-1][0] != LWORD and lowers[-1] < len(words) - 1:
        von, last = words[start:lowers[-1] + 1], _text(words[lowers[-1] + 1:])
    else:
        return None
    if any(kind not in (UWORD, PWORD, LWORD) for kind, _ in von):
        return None
    return (_text(head) or None), _text(von), last


def _first(words: list[tuple[str, str]]) -> Optional[tuple[Optional[str], Optional[str]]]:
    """``first : opt_words | opt_words COMMA opt_words`` -> (jr, first)."""
    commas = [i for i, (kind, _) in enumerate(words) if kind == COMMA]
    if len(commas) > 1:
        return None
    if not commas:
        return None, _text(words) or None
    return _text(words[:commas[0]]) or None, _text(words[commas[0] + 1:]) or None


def _parse_first_last(words: list[tuple[str, str]]) -> Optional[Name]:
    commas = [i for i, (kind, _) in enumerate(words) if kind == COMMA]
    if commas:
        left = _von_last(words[:commas[0]]) if commas[0] else None
        right = _first(words[commas[0] + 1:])
        if left is None or right is None or left[2] is None:
            return None
        head, von, last = left
        von = " ".join(part for part in (head, von) if part) or None
        if head and not von:
            return None
        return Name(first=right[1], last=last, prefix=von, suffix=right[0])
    if not words:
        return None
    if len(words) == 1:
        return Name(last=words[0][1])
    if _u_words(words[:-1]):
        return Name(first=_text(words[:-1]), last=words[-1][1])
    parsed = _von_last(words)
    if parsed is None or parsed[2] is None:
        return None
    return Name(first=parsed[0], prefix=parsed[1], last=parsed[2])


def _parse_last_first(words: list[tuple[str, str]]) -> Optional[Name]:
    """The CJK order (``ANDLF lfname``): the first word is the family name."""
    if any(kind == COMMA for kind, _ in words):
        return _parse_first_last(words)
    if not words:
        return None
    lowers = [i for i, (kind, _) in enumerate(words) if kind == LWORD]
    if not lowers or (len(words) > 1 and lowers == [len(words) - 1] and _u_words(words[:-1])):
        return Name(last=words[0][1], first=_text(words[1:]) or None)
    if len(words) == 1:
        return Name(last=words[0][1])
    von_end = lowers[-1] if lowers[-1] < len(words) - 1 else (lowers[-2] if len(lowers) > 1 else -1)
    if von_end < 0:
        return None
    rest = words[von_end + 1:]
    return Name(prefix=_text(words[:von_end + 1]), last=rest[0][1], first=_text(rest[1:]) or None)


def parse_names(text: str) -> list[Name]:
    """``BibTeX::Names.parse(text)``: the names of a field, empty when it does not parse."""
    result: list[Name] = []
    for words in _scan(text):
        if any(kind == ERROR for kind, _ in words):
            return []
        if words and words[0][0] == "LF":
            name = _parse_last_first(words[1:])
        else:
            name = _parse_first_last(words)
        if name is None:
            return []
        result.append(name)
    return result
