"""A regex state machine with Rouge's RegexLexer semantics.

Pygments' RegexLexer differs from Rouge's in ways that show in the output: on no match
Pygments resets to the root state at a newline, Rouge emits one Error character and stays;
Rouge matches through Ruby's StringScanner, where ``^``, ``\\A`` and lookbehind see only the
unscanned rest of the input. Lexers here are written as state tables of
``(regex, action)`` rules whose actions are Rouge short CSS classes (``"k"``, ``"nf"``,
``""`` for plain text), a tuple of classes for the match groups, or a callback.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Callable, ClassVar, Iterable, Iterator, Optional, Protocol, Union

from ..regex_starts import first_chars
from .ruby_classes import BOUNDARY, RUBY_APPROXIMATIONS, WORD_AHEAD, Present, differing_in, exact_regex

# Ruby regexes: \w \d \s are ASCII-only, ^ and $ always match at line boundaries.
BASE_FLAGS = re.M | re.ASCII



def _tagged(name: str) -> str:
    return f"(?u:{RUBY_APPROXIMATIONS[name]})(?#ruby:{name})"


# Ruby's Unicode classes as lexers write them: a Python approximation tagged with the Ruby class it
# stands for, exact on text without a character where the two disagree (``ruby_classes``).
WORD, ALPHA, ALNUM, LETTER, LETTER_NL, LETTER_NL_ND, XID_START, XID_CONTINUE = (
    _tagged(name)
    for name in ("WORD", "ALPHA", "ALNUM", "LETTER", "LETTER_NL", "LETTER_NL_ND", "XID_START", "XID_CONTINUE"))

Action = Union[str, tuple, Callable[[Any, "re.Match[str]"], None]]
Transition = Union[None, str, tuple]

MAX_NULL_STEPS = 5


class Mixin:
    """Rouge's ``mixin :name``: the named state's rules tried in place."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_WORD_BOUNDARY = re.compile(r"(?<!\\)((?:\\\\)*)\\b")
# A ^ that is not a class negation or escaped, \A, or a lookbehind.
_SCAN_RELATIVE = re.compile(r"(?<![\[\\])\^|\\A|\(\?<[=!]")


_GROUP_OPENING = re.compile(r"\((?:\?[aiLmsux]*:|\?[=!])?")


def _leading_boundaries(source: str, verbose: bool) -> str:
    """*source* with each ``\\b`` that opens a top-level alternative (or the groups and look-aheads
    that open it) made a look-ahead for a word character: at the scan position StringScanner sees
    no previous character, so such a ``\\b`` holds exactly when a word character follows."""
    starts, depth, index, in_class = [0], 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 2 if source.startswith(("[]", "[^"), index) else 1
            continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            starts.append(index + 1)
        index += 1
    out, previous = [], 0
    for start in starts:
        spaced = verbose
        while True:  # past group openings and look-aheads, still at the scan position
            if spaced:
                while start < len(source) and source[start].isspace():
                    start += 1
            opening = None if source.startswith(BOUNDARY, start) else _GROUP_OPENING.match(source, start)
            if opening is None:
                break
            spaced = spaced or "x" in opening.group(0)
            start = opening.end()
        if source.startswith(BOUNDARY, start):
            out += [source[previous:start], WORD_AHEAD]
            previous = start + len(BOUNDARY)
    return "".join(out) + source[previous:]


#: character classes up to this size count as a rule's first characters: an identifier's
#: ``[a-zA-Z_]`` or ``\\w`` too (a state's table holds only the characters its rules list)
_STATE_TABLE_SET = 256


class _Rule:
    __slots__ = ("regex", "action", "transition", "bol", "sliced", "_exact", "_starts", "_starts_known")

    def __init__(self, regex: "re.Pattern[str]", action: Action, transition: Transition) -> None:
        self.regex = regex
        self.action = action
        self.transition = transition
        source = regex.pattern.lstrip() if regex.flags & re.X else regex.pattern
        leading = _leading_boundaries(source, bool(regex.flags & re.X))
        if leading != source:
            source = leading
            regex = re.compile(source, regex.flags)
            self.regex = regex
        self.bol = source.startswith("^")
        # StringScanner matches against the unscanned rest: ^ and \A hold at the scan
        # position and lookbehind sees nothing before it. Only such rules need a slice.
        self.sliced = not self.bol and bool(_SCAN_RELATIVE.search(source))
        self._exact: dict[Present, "re.Pattern[str]"] = {}
        self._starts: Optional[frozenset[str]] = None
        self._starts_known = False

    def starts(self) -> Optional[frozenset[str]]:
        """The characters a match may start with (None: any), worked out when a state's dispatch
        table is first needed: parsing every rule of a lexer when it loads would slow its import."""
        if not self._starts_known:
            self._starts, self._starts_known = first_chars(self.regex, limit=_STATE_TABLE_SET), True
        return self._starts

    def exact(self, present: Present) -> "re.Pattern[str]":
        """The regex with Ruby's exact Unicode classes, for text whose differing characters are *present*."""
        regex = self._exact.get(present)
        if regex is None:
            regex = self._exact[present] = exact_regex(self.regex, present)
        return regex


def rule(pattern: Union[str, "re.Pattern[str]"], action: Action, transition: Transition = None,
         flags: int = 0, scan_relative: Optional[bool] = None) -> _Rule:
    """A rule; *scan_relative* overrides the guess whether it must see only the rest."""
    if not isinstance(pattern, re.Pattern):
        # Ruby's \w is ASCII but its \b knows Unicode letters.
        pattern = re.compile(_WORD_BOUNDARY.sub(r"\1(?u:\\b)", pattern), BASE_FLAGS | flags)
    made = _Rule(pattern, action, transition)
    if scan_relative is not None:
        made.sliced = scan_relative
    return made


#: One rule of a state, as ``rule`` makes it.
Rule = _Rule

#: Lexer options as ``Rouge::Lexer.find_fancy`` reads them from ``lang?key=value&...``: every
#: value given for each key (none for a bare ``?key``).
LexerOptions = dict[str, list[str]]

# A lexer's rules by state name.
States = dict[str, list[Union[_Rule, Mixin]]]


class ContinuingLexer(Protocol):
    """What ``delegate`` hands text to: an own, Pygments or plain lexer that keeps its state."""

    def continue_lex(self, text: str) -> Iterable[tuple[str, str]]: ...


class RegexLexer:
    """Base for Rouge-equivalent lexers; subclasses define ``states`` (with a "root")."""

    states: ClassVar[States] = {}
    #: Makes ``states`` on first use instead, for lexers whose rules need Unicode tables.
    build_states: ClassVar[Optional[Callable[[], States]]] = None

    def __init__(self) -> None:
        lexer_class = type(self)
        if not lexer_class.states and lexer_class.build_states is not None:
            lexer_class.states = lexer_class.build_states()
        # State names, or rule lists for states built while lexing (Rouge's ``push do``).
        self.stack: list[Union[str, list]] = ["root"]
        self._out: list[tuple[str, str]] = []
        self._match: Optional["re.Match[str]"] = None
        # The characters of the text being lexed that need the rules' exact regexes (``_Rule.exact``).
        self._present: Present = frozenset()

    def configure(self, options: LexerOptions) -> None:
        """Take Rouge's lexer options; the lexers without options ignore them."""
        del options

    # -- callback API (Rouge's names) ------------------------------------------------
    def token(self, css: str, value: Optional[str] = None) -> None:
        value = self._match.group(0) if value is None else value  # type: ignore[union-attr]
        if value:
            self._out.append((css, value))

    def groups(self, *classes: str) -> None:
        for index, css in enumerate(classes, 1):
            value = self._match.group(index)  # type: ignore[union-attr]
            if value:
                self._out.append((css, value))

    def push(self, state: Union[None, str, list] = None) -> None:
        self.stack.append(state if state is not None else self.stack[-1])

    def pop(self, times: int = 1) -> None:
        del self.stack[max(1, len(self.stack) - times):]

    def goto(self, state: str) -> None:
        self.stack[-1] = state

    def state_is(self, state: str) -> bool:
        return self.stack[-1] == state

    def reset_stack(self) -> None:
        self.stack = ["root"]

    def delegate(self, lexer: ContinuingLexer, text: Optional[str] = None) -> None:
        text = self._match.group(0) if text is None else text  # type: ignore[union-attr]
        self._out.extend(lexer.continue_lex(text))

    # -- driving ---------------------------------------------------------------------
    def continue_lex(self, text: str) -> Iterator[tuple[str, str]]:
        """Tokens for *text* from the current state on; the stack persists between calls."""
        saved_out, saved_match, saved_present = self._out, self._match, self._present
        out: list[tuple[str, str]] = []
        self._out = out
        self._present = differing_in(text)
        pos, end, null_steps = 0, len(text), 0
        while pos < end:
            matched = self._step(self.stack[-1], text, pos)
            if matched is None:
                out.append(("err", text[pos]))
                pos += 1
                continue
            if matched == pos:
                null_steps += 1
                if null_steps > MAX_NULL_STEPS:
                    # Rouge resets the count only when a rule consumes text.
                    out.append(("err", text[pos]))
                    pos += 1
                    continue
            else:
                null_steps = 0
            pos = matched
        self._out, self._match, self._present = saved_out, saved_match, saved_present
        return iter(out)

    def _step(self, state: Union[str, list], text: str, pos: int) -> Optional[int]:
        present = self._present
        # The tables are read from the rules' own regexes; text with characters that need the
        # exact ones (which may fold case beyond ASCII) takes every rule in turn.
        dispatch = _dispatch(self.states, state) if isinstance(state, str) and not present else None
        if dispatch is not None:
            entries: Iterable[Union[_Rule, Mixin]] = dispatch[0].get(text[pos], dispatch[1])
        else:
            entries = self.states[state] if isinstance(state, str) else state
        for entry in entries:
            if isinstance(entry, Mixin):
                found = self._step(entry.name, text, pos)
                if found is not None:
                    return found
                continue
            if entry.bol and pos and text[pos - 1] != "\n":
                continue
            regex = entry.exact(present) if present else entry.regex
            if entry.sliced:
                m = regex.match(text[pos:])
                if m is None:
                    continue
                self._match = m
                new_pos = pos + m.end()
            else:
                m = regex.match(text, pos)
                if m is None:
                    continue
                self._match = m
                new_pos = m.end()
            action = entry.action
            if isinstance(action, str):
                if m.group(0):
                    self._out.append((action, m.group(0)))
            elif isinstance(action, tuple):
                self.groups(*action)
            else:
                action(self, m)
            self._transition(entry.transition)
            return new_pos
        return None

    def _transition(self, transition: Transition) -> None:
        if transition is None:
            return
        for step in (transition if isinstance(transition, tuple) else (transition,)):
            if step == "#pop":
                self.pop()
            else:
                self.push(step)


#: A state's rules by the character at the scan position: those that may match there, in order,
#: and the ones to try at any other character.
Dispatch = tuple[dict[str, tuple[_Rule, ...]], tuple[_Rule, ...]]
#: by (id of a lexer's ``states``, state name), holding ``states``; None for a state left to the plain loop
_DISPATCH: dict[tuple[int, str], tuple[States, Optional[Dispatch]]] = {}


def _dispatch(states: States, name: str) -> Optional[Dispatch]:
    """The dispatch table of state *name*, built on first use.

    A state tries its rules in order, mixins' rules in place, until one matches; most
    rules cannot match at most characters (a string rule needs a quote, a comment rule
    its opening), yet each costs a ``match`` call. The table keeps, for each character
    some rule needs, the rules that may match there, in their order; a rule whose first
    character is not known (Unicode classes, case folding, verbose patterns, a match that
    may be empty) is kept for every character, so the first rule to match is the same.
    """
    entry = _DISPATCH.get((id(states), name))
    if entry is None or entry[0] is not states:
        entry = _DISPATCH[(id(states), name)] = (states, _build_dispatch(states, name))
    return entry[1]


def _build_dispatch(states: States, name: str) -> Optional[Dispatch]:
    rules = _flattened(states, name, ())
    if rules is None:
        return None
    starts = [(made, made.starts()) for made in rules]
    chars = frozenset().union(*(needed for _, needed in starts if needed is not None))
    table = {char: tuple(made for made, needed in starts if needed is None or char in needed) for char in chars}
    return table, tuple(made for made, needed in starts if needed is None)


def _flattened(states: States, name: str, within: tuple[str, ...]) -> Optional[list[_Rule]]:
    """State *name*'s rules with its mixins' rules in place; None for a mixin cycle or an unknown state."""
    if name in within or name not in states:
        return None
    rules: list[_Rule] = []
    for entry in states[name]:
        if isinstance(entry, Mixin):
            inner = _flattened(states, entry.name, within + (name,))
            if inner is None:
                return None
            rules.extend(inner)
        else:
            rules.append(entry)
    return rules


def bool_option(options: LexerOptions, name: str) -> bool:
    """Rouge's ``as_bool`` of an option given: on unless its last value is ``0``, ``false`` or ``off``."""
    values = options[name]
    return not values or values[-1] not in ("0", "false", "off")


def merged(tokens: Any) -> list[tuple[str, str]]:
    """Rouge's consolidation: adjacent tokens of one class become one."""
    out: list[tuple[str, str]] = []
    for css, value in tokens:
        if not value:
            continue
        if out and out[-1][0] == css:
            out[-1] = (css, out[-1][1] + value)
        else:
            out.append((css, value))
    return out


def _bmp_class(belongs: Callable[[str], bool]) -> str:
    """A character class of the Basic Multilingual Plane's characters for which *belongs* holds."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if belongs(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    body = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return f"[{body}]"


@lru_cache(maxsize=None)
def unicode_class(categories: str) -> str:
    """A character class for Ruby's ``\\p{..}`` general categories (e.g. ``"S Po"``).

    Python's re has no ``\\p``; the class is built from unicodedata (Basic Multilingual
    Plane only), once per process and only for the lexers that need it.
    """
    wanted = tuple(categories.split())
    return _bmp_class(lambda char: unicodedata.category(char).startswith(wanted))


@lru_cache(maxsize=None)
def case_class(upper: bool) -> str:
    """Ruby's ``[[:upper:]]`` or ``[[:lower:]]``: Unicode's Uppercase or Lowercase property (letters, and
    ``ʰ``, ``Ⓐ``, ``ⅰ``), which ``str.isupper``/``str.islower`` read (Basic Multilingual Plane only)."""
    return _bmp_class(str.isupper if upper else str.islower)
