"""Liquid errors worded as Liquid 5.4 words them, for Jekyll's ``Liquid Exception``/``Warning`` lines.

Jekyll prints ``<Liquid message> in <path>``, where Liquid's message is
``Liquid syntax error (line N): ...`` or ``Liquid error (line N): ...``.
python-liquid words its errors differently; the common ones are translated
here (with the offending markup quoted, as Liquid's strict parser does),
others keep python-liquid's text under Liquid's prefix.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from liquid.exceptions import LiquidError, LiquidSyntaxError, UndefinedError, UnknownFilterError

from ..lazy_re import lazy_pattern
from .standard_filters import RubyError

_TOKEN_NAMES = {"'.'": "dot", "word": "id", "pipe": "pipe", "','": "comma", "':'": "colon",
                "string": "string", "integer": "number", "float": "number", "'['": "open_square",
                "']'": "close_square", "'('": "open_round", "')'": "close_round"}

_STRUCTURE: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"unexpected tag '(\w+)'|unknown tag '(\w+)'"),
     lambda m: f"Unknown tag '{m.group(1) or m.group(2)}'"),
    (re.compile(r"expected tag (?:end)?(\w+)|tag '?(\w+)'? was never closed|expected '?end(\w+)'?"),
     lambda m: f"'{m.group(1) or m.group(2) or m.group(3)}' tag was never closed"),
    (re.compile(r"expected '}}'"),
     lambda m: "Variable '{{' was not properly terminated with regexp: /\\}\\}/"),
    (re.compile(r"expected '%}'"),
     lambda m: "Tag '{%' was not properly terminated with regexp: /\\%\\}/"),
]

_MARKUP: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"expected end of expression, found (.+)$"), lambda m: _found(m.group(1))),
    (re.compile(r"unexpected (['\"])(.)\1$|unexpected '(.)'$"),
     lambda m: f"Unexpected character {m.group(2) or m.group(3)}"),
    (re.compile(r"expected a primitive expression, found (pipe)"),
     lambda m: '[:pipe, "|"] is not a valid expression'),
]


def error_line(err: LiquidError, source: str = "") -> Optional[int]:
    """The 1-based line of the token *err* points at (the last line for errors at the end).

    Errors raised while evaluating an expression carry a token into the
    expression's own text; that text is found in the template *source*.
    """
    token = getattr(err, "token", None)
    if token is None:
        return None
    if getattr(token, "start_index", -1) < 0:
        return token.source.count("\n") + 1 if token.source else None
    line = token.source.count("\n", 0, token.start_index) + 1
    if source and token.source and token.source != source:
        offset = source.find(token.source)
        if offset >= 0:
            line += source.count("\n", 0, offset)
    return line


_LAX_TAG_SYNTAX = {
    "for": "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]",
    "tablerow": "Syntax Error in 'tablerow loop' - Valid syntax: tablerow [item] in [collection] cols=3",
    "cycle": "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
    "capture": "Syntax Error in 'capture' - Valid syntax: capture [var]",
}


# Single characters Liquid's lexer knows; any other is an "Unexpected character".
_LEXER_SPECIALS = set("|.:,[]()?-<>")


def _found(found: str) -> str:
    bare = found.strip("'")
    if len(bare) == 1 and not bare.isalnum() and bare not in _LEXER_SPECIALS:
        return f"Unexpected character {bare}"
    return f"Expected end_of_string but found {_TOKEN_NAMES.get(found, bare)}"


def _enclosing(err: LiquidError) -> Optional[tuple[str, int]]:
    """The template source and where the ``{{`` or ``{%`` that *err* points into starts in it."""
    token = getattr(err, "token", None)
    if token is None or token.start_index < 0 or not token.source:
        return None
    source = token.source
    start = max(source.rfind("{{", 0, token.start_index + 2), source.rfind("{%", 0, token.start_index + 2))
    return (source, start) if start >= 0 else None


def tag_name(err: LiquidError) -> Optional[str]:
    """The name of the tag whose markup *err* points into (None inside ``{{ }}``)."""
    found = _enclosing(err)
    if found is None or found[0].startswith("{{", found[1]):
        return None
    match = re.match(r"\{%-?\s*(\w+)", found[0][found[1]:])
    return match.group(1) if match else None


def lax_tag_failure(err: LiquidError) -> Optional[str]:
    """Liquid's message when the tag's lax parser rejects the markup too (fatal in every mode)."""
    name = tag_name(err)
    if name == "for":
        from .lax_tags import lax_loop_markup

        markup = _markup(err)
        if markup is not None and lax_loop_markup(markup) is not None:
            return None
    if name in _LAX_TAG_SYNTAX:
        return _LAX_TAG_SYNTAX[name]
    return None


def _markup(err: LiquidError) -> Optional[str]:
    """The source of the ``{{ ... }}`` output or the tag markup the error points into."""
    found = _enclosing(err)
    if found is None:
        return None
    source, start = found
    if source.startswith("{{", start):
        end = source.find("}}", start)
        return source[start:end + 2] if end >= 0 else None
    end = source.find("%}", start)
    if end < 0:
        return None
    inner = source[start + 2:end].strip("- \t\r\n")
    parts = inner.split(None, 1)
    markup = parts[1].strip() if len(parts) > 1 else ""
    if parts and parts[0] == "assign" and "=" in markup:
        # Liquid names the assigned value as a variable: ``{{VALUE }}``.
        return "{{" + markup.split("=", 1)[1].lstrip() + " }}"
    return markup


def _text(err: LiquidError) -> str:
    return str(err.args[0]) if err.args and str(err.args[0]) else type(err).__name__


def jekyll_line(err: LiquidError, source: str = "") -> Optional[int]:
    """The line Liquid names for *err* in the template *source* (an unclosed block: its last line)."""
    line = error_line(err, source)
    if line is None and "never closed" in syntax_text(err, _text(err)):
        return source.count("\n") + 1
    return line


def jekyll_message(err: LiquidError, path: str, source: str = "") -> str:
    """``Liquid syntax error (line 3): Unknown tag 'foo' in index.html``; a filter's Ruby exception
    (:class:`RubyError`) as Ruby words it, with no line."""
    text = _text(err)
    if isinstance(err, RubyError):
        return f"{text} in {path}"
    line = jekyll_line(err, source)
    where = f" (line {line})" if line else ""
    if isinstance(err, LiquidSyntaxError) and not getattr(err, "jekyll_runtime", False):
        return f"Liquid syntax error{where}: {syntax_text(err, text)} in {path}"
    return f"Liquid error{where}: {_runtime_text(err, text)} in {path}"


def syntax_text(err: LiquidError, text: str) -> str:
    for pattern, wording in _STRUCTURE:
        match = pattern.search(text)
        if match:
            return wording(match)
    if text == "expected 'reversed', 'offset' or 'limit'" and err.token is not None:
        # Liquid's strict `for` parser expects the end of the markup after its attributes.
        markup = _markup(err)
        where = f' in "{markup}"' if markup is not None else ""
        return _found("id" if err.token.kind == "word" else err.token.kind) + where
    markup = _markup(err)
    for pattern, wording in _MARKUP:
        match = pattern.search(text)
        if match:
            return wording(match) + (f' in "{markup}"' if markup is not None else "")
    if markup is not None and markup.startswith("{{"):
        rejected = ruby_variable_error(markup[2:-2])
        if rejected is not None:
            return f'{rejected} in "{markup}"'
    return text


# Liquid::Lexer's tokens, tried in this order at each position.
_RUBY_LEXEMES = lazy_pattern(
    r"""(?P<comparison>==|!=|<>|<=?|>=?|contains(?=\s))|(?P<string>'[^']*'|"[^"]*")"""
    r"""|(?P<number>-?\d+(?:\.\d+)?)|(?P<id>[a-zA-Z_][\w-]*\??)|(?P<dotdot>\.\.)"""
)
_RUBY_SPECIALS = {"|": "pipe", ".": "dot", ":": "colon", ",": "comma", "[": "open_square", "]": "close_square",
                  "(": "open_round", ")": "close_round", "?": "question", "-": "dash"}


class _RubySyntaxError(Exception):
    pass


class _RubyVariableParser:
    """``Liquid::Lexer`` and the parts of ``Liquid::Parser`` that ``Variable#strict_parse`` uses."""

    def __init__(self, markup: str) -> None:
        self.tokens = self._tokenize(markup)
        self.position = 0

    @staticmethod
    def _tokenize(markup: str) -> list[tuple[str, str]]:
        tokens: list[tuple[str, str]] = []
        position = 0
        while True:
            while position < len(markup) and markup[position].isspace():
                position += 1
            if position >= len(markup):
                return tokens + [("end_of_string", "")]
            match = _RUBY_LEXEMES.match(markup, position)
            if match:
                tokens.append((match.lastgroup or "", match.group(0)))
                position = match.end()
            elif markup[position] in _RUBY_SPECIALS:
                tokens.append((_RUBY_SPECIALS[markup[position]], markup[position]))
                position += 1
            else:
                raise _RubySyntaxError(f"Unexpected character {markup[position]}")

    def look(self, kind: str, ahead: int = 0) -> bool:
        index = self.position + ahead
        return index < len(self.tokens) and self.tokens[index][0] == kind

    def consume(self, kind: Optional[str] = None) -> None:
        token = self.tokens[self.position]
        if kind is not None and token[0] != kind:
            raise _RubySyntaxError(f"Expected {kind} but found {token[0]}")
        self.position += 1

    def expression(self) -> None:
        kind, value = self.tokens[self.position]
        if kind == "id":
            self.consume()
            self.lookups()
        elif kind == "open_square":
            self.consume()
            self.expression()
            self.consume("close_square")
            self.lookups()
        elif kind in ("string", "number"):
            self.consume()
        elif kind == "open_round":
            self.consume()
            self.expression()
            self.consume("dotdot")
            self.expression()
            self.consume("close_round")
        else:
            raise _RubySyntaxError(f'[:{kind}, "{value}"] is not a valid expression')

    def lookups(self) -> None:
        while True:
            if self.look("open_square"):
                self.consume()
                self.expression()
                self.consume("close_square")
            elif self.look("dot"):
                self.consume()
                self.consume("id")
            else:
                return

    def argument(self) -> None:
        if self.look("id") and self.look("colon", 1):
            self.consume()
            self.consume()
        self.expression()

    def comparison(self) -> None:
        self.expression()
        if self.look("comparison"):
            self.consume()
            self.expression()

    def condition(self) -> None:
        """``If#strict_parse``: comparisons joined by ``and``/``or``, then the end of the markup."""
        self.comparison()
        while self.look("id") and self.tokens[self.position][1] in ("and", "or"):
            self.consume()
            self.comparison()
        self.consume("end_of_string")

    def variable(self) -> None:
        if self.look("end_of_string"):
            return
        self.expression()
        while self.look("pipe"):
            self.consume()
            self.consume("id")
            if self.look("colon"):
                self.consume()
                self.argument()
                while self.look("comma"):
                    self.consume()
                    self.argument()
        self.consume("end_of_string")


def ruby_variable_error(markup: str) -> Optional[str]:
    """The message of Liquid's strict ``Variable`` parser for *markup*, or None if it accepts it.

    Used for markup python-liquid rejects in words of its own, such as academicpages'
    ``assign x = (tags | split: ',')``: Liquid says ``Expected dotdot but found pipe``.
    """
    try:
        _RubyVariableParser(markup).variable()
    except _RubySyntaxError as err:
        return str(err)
    return None


def ruby_condition_error(markup: str) -> Optional[str]:
    """The message of Liquid's strict ``if`` parser for the condition *markup*, or None if it accepts it."""
    try:
        _RubyVariableParser(markup).condition()
    except _RubySyntaxError as err:
        return str(err)
    return None


_PATH_SEPARATORS = lazy_pattern(r"[.\[\]'\"]+")


def _runtime_text(err: LiquidError, text: str) -> str:
    """Liquid's wording of a render-time error, chosen by python-liquid's exception type."""
    if isinstance(err, UnknownFilterError) and err.token is not None:
        return f"undefined filter {err.token.value}"  # the token is the filter's name
    if isinstance(err, UndefinedError) and text.endswith(" is undefined"):
        # The token is the path's first segment; Liquid names the last one.
        path = text[:-len(" is undefined")].strip("]'\"")
        return f"undefined variable {_PATH_SEPARATORS.split(path)[-1]}"
    # python-liquid prefixes filter errors with the filter's name ("divided_by: ...").
    return re.sub(r"^\w+: ", "", text)
