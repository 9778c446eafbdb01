"""BibTeX bibliographies as bibtex-ruby 6.2 models them for jekyll-scholar.

bibtexparser splits the file into strings, entries and fields (raw values, in
file order); this module gives them bibtex-ruby's semantics: a value is a list
of string and symbol tokens (``{...}``, ``"..."``, numbers, ``@string`` names
joined by ``#``), name fields (author, editor, ...) are parsed into
:class:`~.names.Name` lists when the entry is read, months become symbols
(``may``) with a ``month_numeric`` field, ``@string`` references are replaced
and joined, and a duplicate key is renamed as Ruby's ``String#succ`` would.
``Entry.to_bibtex`` prints an entry as ``Entry#to_s`` does (``entry.bibtex``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

import bibtexparser
from bibtexparser import model

from ...log import logger
from ..common import ruby_inspect
from .names import Name, parse_names

NAME_FIELDS = ("author", "editor", "translator", "director", "producer", "composer")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_PREFIX = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_NUMERIC = re.compile(r"^\s*[+-]?\d+\s*$", re.M)


class Symbol(str):
    """A bare word in a value (an ``@string`` name, a month): printed without quotes."""

    __slots__ = ()


Token = str  # a plain str is a string literal, a Symbol a reference


@dataclass
class Value:
    """``BibTeX::Value``: string and symbol tokens."""

    tokens: list[Token] = field(default_factory=list)

    def is_atomic(self) -> bool:
        return len(self.tokens) < 2

    def has_symbol(self) -> bool:
        return any(isinstance(token, Symbol) for token in self.tokens)

    def is_symbol(self) -> bool:
        return self.has_symbol()

    def is_numeric(self) -> bool:
        return self.is_atomic() and bool(self.tokens) and _NUMERIC.search(self.tokens[0]) is not None

    def value(self) -> str:
        if self.is_atomic():
            return self.tokens[0] if self.tokens else ""
        return " # ".join(token if isinstance(token, Symbol) else ruby_inspect(token) for token in self.tokens)

    def __str__(self) -> str:
        return self.value()

    def to_s(self, quotes: Sequence[str] = ()) -> str:
        """``Value#to_s(quotes: ...)``: an atomic string value wrapped in the quotes."""
        if not quotes or not self.is_atomic() or self.is_symbol():
            return self.value()
        return quotes[0] + self.value() + quotes[-1]

    def replace(self, strings: Iterable[tuple[str, "Value"]]) -> None:
        """``Value#replace``: each ``@string`` reference by that string's tokens, in definition order."""
        if not self.has_symbol():
            return
        for key, value in strings:
            replaced: list[Token] = []
            for token in self.tokens:
                replaced.extend(value.tokens if isinstance(token, Symbol) and token == key else [token])
            self.tokens = replaced

    def join(self) -> None:
        """``Value#join``: consecutive string tokens become one."""
        joined: list[Token] = []
        for token in self.tokens:
            if joined and not isinstance(joined[-1], Symbol) and not isinstance(token, Symbol):
                joined[-1] = joined[-1] + token
            else:
                joined.append(token)
        self.tokens = joined

    def converted(self, apply: Callable[[str], str]) -> "Value":
        """``Value#convert``: every token (symbols too, which become strings) through a filter."""
        return Value([apply(str(token)) for token in self.tokens])

    def sort_key(self) -> tuple[int, Union[int, str]]:
        return (0, int(self.tokens[0])) if self.is_numeric() else (1, str(self))


@dataclass
class Names(Value):
    """``BibTeX::Names``: a name field, printed ``Last, First and Last, First``."""

    names: list[Name] = field(default_factory=list)

    def value(self) -> str:
        return " and ".join(name.sort_order() for name in self.names)

    def is_atomic(self) -> bool:
        return True

    def is_symbol(self) -> bool:
        return False

    def is_numeric(self) -> bool:
        return False

    def to_s(self, quotes: Sequence[str] = ()) -> str:
        return quotes[0] + self.value() + quotes[-1] if quotes else self.value()

    def replace(self, strings: Iterable[tuple[str, Value]]) -> None:
        return None

    def join(self) -> None:
        return None

    def converted(self, apply: Callable[[str], str]) -> "Names":
        return Names(names=[name.converted(apply) for name in self.names])


@dataclass
class Entry:
    """``BibTeX::Entry``: a type, a key and fields in file order."""

    type: str
    key: str
    fields: dict[str, Value] = field(default_factory=dict)

    def get(self, name: str) -> Optional[Value]:
        return self.fields.get(name)

    def year(self) -> Optional[str]:
        if "year" in self.fields:
            return str(self.fields["year"])
        match = re.search(r"\d{4}", str(self.fields["date"])) if "date" in self.fields else None
        return match.group(0) if match else None

    def property(self, name: str) -> Optional[object]:
        """What ``entry.send(name)`` answers in a query condition (``key``, ``type`` or a field)."""
        if name == "key" or name == "id":
            return self.key
        if name == "type":
            return self.fields.get("type")
        if name == "year":
            return self.year()
        return self.fields.get(name)

    def converted(self, apply: Callable[[str], str]) -> "Entry":
        return Entry(self.type, self.key, {name: value.converted(apply) for name, value in self.fields.items()})

    def to_bibtex(self, quotes: Sequence[str] = ("{", "}"), skip: Sequence[str] = ()) -> str:
        """``Entry#to_s(quotes: ...)``, without the *skip* fields: what ``entry.bibtex`` holds."""
        content = ",\n".join(f"{name} = {value.to_s(quotes)}" for name, value in self.fields.items()
                             if name not in skip)
        indented = re.sub(r"^", "  ", content, flags=re.M)
        return f"@{self.type}{{{self.key},\n{indented}\n}}\n"

    def parse_names(self, strings: Sequence[tuple[str, Value]]) -> None:
        """``Entry#parse_names``: name fields (with ``@string``s replaced) become :class:`Names`."""
        for name in NAME_FIELDS:
            value = self.fields.get(name)
            if value is None or isinstance(value, Names):
                continue
            copy = Value(list(value.tokens))
            copy.replace(strings)
            copy.join()
            self.fields[name] = Names(names=parse_names(str(copy)))

    def parse_month(self) -> None:
        """``Entry#parse_month``: ``month`` as a symbol, plus ``month_numeric``."""
        self.fields.pop("month_numeric", None)
        month = self.fields.get("month")
        if month is None:
            return
        text = str(month)
        if _MONTH_PREFIX.match(text.strip()):
            month = Value([Symbol(text[:3].lower())])
        elif re.fullmatch(r"\d\d?", text.strip()):
            index = int(text) - 1
            month = Value([Symbol(MONTHS[index]) if 0 <= index < 12 or -12 <= index < 0 else text])
        self.fields["month"] = month
        if month.is_symbol() and str(month) in MONTHS:
            self.fields["month_numeric"] = Value([str(MONTHS.index(str(month)) + 1)])


def _succ(key: str) -> str:
    """Ruby's ``String#succ`` for the alphanumeric tail of a key (``a`` -> ``b``, ``z`` -> ``aa``)."""
    chars = list(key)
    index = len(chars) - 1
    while index >= 0 and not chars[index].isalnum():
        index -= 1
    if index < 0:
        return key[:-1] + chr(ord(key[-1]) + 1) if key else "\x01"
    while index >= 0:
        char = chars[index]
        if char == "z":
            chars[index] = "a"
        elif char == "Z":
            chars[index] = "A"
        elif char == "9":
            chars[index] = "0"
        elif char.isalnum() and char.isascii():
            chars[index] = chr(ord(char) + 1)
            return "".join(chars)
        else:
            return "".join(chars)
        carry = {"a": "a", "A": "A", "0": "1"}[chars[index]]
        previous = index - 1
        while previous >= 0 and not (chars[previous].isascii() and chars[previous].isalnum()):
            previous -= 1
        if previous < 0:
            chars.insert(index, carry)
            return "".join(chars)
        index = previous
    return "".join(chars)


def _split_concatenation(raw: str) -> list[str]:
    """The parts of a raw field value joined by ``#`` outside braces and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(raw):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(raw[start:index])
            start = index + 1
    parts.append(raw[start:])
    return [part.strip() for part in parts]


def parse_value(raw: str) -> Value:
    """A raw field value (``{a}``, ``"b" # name``, ``1999``) as bibtex-ruby's lexer tokenises it."""
    tokens: list[Token] = []
    for part in _split_concatenation(raw.strip()):
        if part.startswith("{") and part.endswith("}") or part.startswith('"') and part.endswith('"'):
            tokens.append(part[1:-1])
        elif part.isdigit():
            tokens.append(part)
        elif part:
            tokens.append(Symbol(part.lower()))
    value = Value(tokens)
    return value


class BibTeXError(Exception):
    """A bibliography that cannot be read; the message names the file."""


@dataclass
class Bibliography:
    """``BibTeX::Bibliography``: entries by key in file order, and the ``@string`` definitions."""

    entries: dict[str, Entry] = field(default_factory=dict)
    strings: list[tuple[str, Value]] = field(default_factory=list)
    #: jekyll-scholar's ``cite_cache`` with ``separate_links``: each key's citation link
    cite_links: dict[str, str] = field(default_factory=dict)

    def add_string(self, key: str, value: Value) -> None:
        self.strings = [(k, v) for k, v in self.strings if k != key] + [(key, value)]

    def add_entry(self, entry: Entry) -> None:
        key = entry.key
        while key in self.entries:
            key = _succ(key)
        entry.key = key
        self.entries[key] = entry
        entry.parse_names(self.strings)
        entry.parse_month()

    def duplicates(self, fields: Sequence[str]) -> set[str]:
        """The keys ``uniq!(*fields)`` removes: each entry whose type and *fields* (year and
        title by default) equal an earlier entry's (``select_duplicates_by``)."""
        names = sorted(fields or ("year", "title"))
        seen: set[str] = set()
        removed: set[str] = set()
        for entry in self.entries.values():
            digest = entry.type + "".join(f"|{name}:{entry.fields[name]}" for name in names if name in entry.fields)
            if digest in seen:
                removed.add(entry.key)
            seen.add(digest)
        return removed

    def replace_strings(self) -> None:
        for _, value in self.strings:
            value.replace(self.strings)
        for entry in self.entries.values():
            for value in entry.fields.values():
                value.replace(self.strings)

    def join_strings(self) -> None:
        for _, value in self.strings:
            value.join()
        for entry in self.entries.values():
            for value in entry.fields.values():
                value.join()

    def __iter__(self):
        return iter(self.entries.values())


def _entry_of(block: model.Block) -> Optional[model.Entry]:
    if isinstance(block, model.Entry):
        return block
    inner = getattr(block, "ignore_error_block", None)
    return inner if isinstance(inner, model.Entry) else None


def _quietly_split(text: str) -> "bibtexparser.Library":
    """bibtexparser's blocks; it logs each block it cannot parse, which :func:`parse` reports itself."""
    parser_logger = logging.getLogger("bibtexparser")
    level = parser_logger.level
    parser_logger.setLevel(logging.CRITICAL)
    try:
        return bibtexparser.parse_string(text, parse_stack=[])
    finally:
        parser_logger.setLevel(level)


_OBJECT = re.compile(r"@[\t ]*")
_COMMENT = re.compile(r"comment\b\s*\{", re.I)
_BRACE = re.compile(r"[{}]")
_SPACES = re.compile(r"\s*")


def _balanced_end(text: str, start: int) -> int:
    """Where the braces opened before *start* (one level) close; -1 when they never do."""
    depth = 1
    for brace in _BRACE.finditer(text, start):
        depth += 1 if brace.group(0) == "{" else -1
        if depth == 0:
            return brace.end()
    return -1


def object_spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, is_comment)`` of each object, as bibtex-ruby's lexer delimits them in strict mode
    (jekyll-scholar's): an object starts at any ``@`` outside another. A comment's content runs to its
    balanced closing brace, entries and all (al-folio forks comment entries out so; bibtexparser ends it
    at the next ``@``); an entry, ``@string`` or ``@preamble`` ends after the whitespace following its
    closing brace, which the lexer's ``rbrace`` pattern takes."""
    search = 0
    while (at := text.find("@", search)) >= 0:
        after = _OBJECT.match(text, at)
        assert after is not None
        comment = _COMMENT.match(text, after.end())
        opening = comment.end() if comment else text.find("{", after.end()) + 1
        end = _balanced_end(text, opening) if opening > 0 and (comment or "@" not in text[at + 1:opening]) else -1
        if end < 0:
            search = at + 1
            continue
        if not comment:
            end = _SPACES.match(text, end).end()  # type: ignore[union-attr]
        yield at, end, comment is not None
        search = end


def without_comments(text: str) -> str:
    """*text* with each ``@comment{...}`` blanked (newlines kept, so lines keep their numbers)."""
    parts, position = [], 0
    for start, end, is_comment in object_spans(text):
        if is_comment:
            parts.append(text[position:start] + re.sub(r"[^\n]", " ", text[start:end]))
            position = end
    return "".join(parts) + text[position:]


def parse(sources: Sequence[tuple[str, str]], replace_strings: bool = True, join_strings: bool = True) -> Bibliography:
    """Read (path, text) sources as one BibTeX text, as jekyll-scholar's ``bibliography`` does:
    ``BibTeX::Bibliography.parse`` of the files joined, then ``@string``s replaced and joined.

    bibtex-ruby stops the build at the first entry it cannot parse; here that entry is
    left out with a warning naming its file and line.
    """
    text = without_comments("".join(source for _, source in sources))
    try:
        library = _quietly_split(text)
    except Exception as err:  # bibtexparser's own errors carry no file name
        raise BibTeXError(f"{', '.join(path for path, _ in sources)}: {err}") from None
    bibliography = Bibliography()
    for block in library.blocks:
        if isinstance(block, model.String):
            bibliography.add_string(block.key.lower(), parse_value(block.value))
            continue
        entry_block = _entry_of(block)
        if entry_block is None:
            if isinstance(block, model.ParsingFailedBlock):
                path, line = _origin(sources, block.start_line or 0)
                logger.warn("Jekyll-scholar:", f"{path}:{line}: entry left out: {_first_line(block.error)}")
            continue
        fields: dict[str, Value] = {}
        for item in entry_block.fields:
            fields[item.key.lower()] = parse_value(item.value)
        bibliography.add_entry(Entry(entry_block.entry_type.lower(), entry_block.key, fields))
    if replace_strings:
        bibliography.replace_strings()
        if join_strings:
            bibliography.join_strings()
    return bibliography


def _origin(sources: Sequence[tuple[str, str]], line: int) -> tuple[str, int]:
    """The file and 1-based line of a 0-based line of the joined sources."""
    for path, text in sources:
        lines = text.count("\n")
        if line <= lines or path == sources[-1][0]:
            return path, line + 1
        line -= lines
    return "", line + 1


def _first_line(error: Exception) -> str:
    return next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)
