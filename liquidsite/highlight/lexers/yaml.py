"""YAML as Rouge 3.30 lexes it: an indentation-tracking state machine.

Keys are attributes (``na``), indicators ``pi``, plain scalars strings or ``nv`` in flow
collections; the indentation stack decides when a multi-line scalar or block scalar ends.
"""

from __future__ import annotations

import re

from ..engine import LETTER_NL_ND, Mixin, RegexLexer, rule

PLAIN_SCALAR_START = r"""[^ \t\n\r\f\v?:,\[\]{}#&*!|>'"%@`]"""
# Ruby's [\p{L}\p{Nl}\p{Nd}_-]: Unicode letters and digits, underscore, hyphen.
ANCHOR_CHAR = rf"{LETTER_NL_ND}|[_-]"


def _directive(state: str):
    def callback(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
        lexer.token("nt" if state != "block_line" else "nn")
        lexer.reset_indent()
        lexer.push(state)
    return callback


def _line_start(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    text, error = lexer.save_indent(match.group(0))
    lexer.token("", text)
    lexer.token("err", error)
    lexer.push("block_line")
    lexer.push("indentation")


def _blank_line(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.pop(2)


def _indicator_space(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.continue_indent(match.group(0))


def _indicator(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.set_indent(match.group(0))
    lexer.token("pi")


def _indent_end(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.continue_indent(match.group(0))
    lexer.pop()


def _plain_scalar(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.push("plain_scalar_in_block_context")


def _key(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.groups("na", "pi")
    lexer.set_indent(match.group(0), implicit=True)


def _block_scalar(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("pi")
    lexer.push("block_scalar_content")
    lexer.push("block_scalar_header")


def _flow_plain(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.push("plain_scalar_in_flow_context")


def _blank_scalar_line(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    text = match.group(0)
    mark = lexer.block_scalar_indent if lexer.block_scalar_indent is not None else len(text)
    lexer.token("", text[:mark])
    lexer.token("no", text[mark:])


def _scalar_indent(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    size = len(match.group(0))
    dedent_level = lexer.block_scalar_indent if lexer.block_scalar_indent is not None else lexer.indent
    if lexer.block_scalar_indent is None:
        lexer.block_scalar_indent = size
    if size < dedent_level:
        lexer.save_indent(match.group(0))
        lexer.pop()
        lexer.push("indentation")


def _scalar_header(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.block_scalar_indent = None
    lexer.goto("ignored_line")
    if not match.group(0):
        return
    increment = match.group(2) or match.group(3)
    if increment:
        lexer.block_scalar_indent = lexer.indent + int(increment)
    lexer.token("pi")


def _document_end(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.pop(3)


def _new_line_indent(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.pop()
    if len(match.group(0)) <= lexer.indent:
        lexer.pop()
        lexer.save_indent(match.group(0))
        lexer.push("indentation")


def _scalar_newlines(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.token("")
    lexer.push("plain_scalar_in_block_context_new_line")


def _directive_version(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.groups("", "m")
    lexer.goto("ignored_line")


def _directive_tag(lexer: "YAMLLexer", match: "re.Match[str]") -> None:
    lexer.groups("", "kt", "", "kt")
    lexer.goto("ignored_line")


class YAMLLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.reset_indent()

    def reset_indent(self) -> None:
        self.indent_stack = [0]
        self.next_indent = 0
        self.block_scalar_indent: "int | None" = None

    @property
    def indent(self) -> int:
        return self.indent_stack[-1]

    def save_indent(self, text: str) -> tuple[str, str]:
        """Pop deeper levels; text beyond the kept level is an indentation error."""
        self.next_indent = len(text)
        if self.next_indent < self.indent:
            while self.next_indent < self.indent:
                self.indent_stack.pop()
            return text[:self.indent], text[self.indent:]
        return text, ""

    def continue_indent(self, text: str) -> None:
        self.next_indent += len(text)

    def set_indent(self, text: str, implicit: bool = False) -> None:
        if self.indent < self.next_indent:
            self.indent_stack.append(self.next_indent)
        if not implicit:
            self.next_indent += len(text)

    states = {
        "basic": [rule(r"#.*$", "c1")],
        "root": [
            Mixin("basic"),
            rule(r"\n+", ""),
            rule(r"[ ]+(?=#|$)", ""),
            rule(r"^%YAML\b", _directive("yaml_directive")),
            rule(r"^%TAG\b", _directive("tag_directive")),
            rule(r"^(?:---|\.\.\.)(?= |$)", _directive("block_line")),
            rule(r"[ ]*(?!\s|$)", _line_start),
        ],
        "indentation": [
            rule(r"\s*?\n", _blank_line),
            rule(r"[ ]+(?=[-:?](?:[ ]|$))", _indicator_space),
            rule(r"[?:-](?=[ ]|$)", _indicator),
            rule(r"[ ]*", _indent_end),
        ],
        "block_line": [
            rule(r"[ ]*(?=#|$)", "", "#pop"),
            rule(r"[ ]+", ""),
            Mixin("descriptors"),
            Mixin("block_nodes"),
            Mixin("flow_nodes"),
            rule(rf"(?={PLAIN_SCALAR_START}|[?:-][^ \t\n\r\f\v])", _plain_scalar),
        ],
        "descriptors": [
            rule(r"!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>", "kt"),
            rule(r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*)", "kt"),
            rule(rf"&(?:{ANCHOR_CHAR})+", "nl"),
            rule(rf"\*(?:{ANCHOR_CHAR})+", "nv"),
        ],
        "block_nodes": [
            rule(r"""([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)""", _key),
            rule(r"[|>][+-]?", _block_scalar),
        ],
        "flow_nodes": [
            rule(r"\[", "pi", "flow_sequence"),
            rule(r"\{", "pi", "flow_mapping"),
            rule(r"'", "s1", "single_quoted_scalar"),
            rule(r'"', "s2", "double_quoted_scalar"),
        ],
        "flow_collection": [
            rule(r"\s+", ""),
            Mixin("basic"),
            rule(r"[?:,]", "pi"),
            Mixin("descriptors"),
            Mixin("flow_nodes"),
            rule(rf"(?={PLAIN_SCALAR_START})", _flow_plain),
        ],
        "flow_sequence": [rule(r"\]", "pi", "#pop"), Mixin("flow_collection")],
        "flow_mapping": [rule(r"\}", "pi", "#pop"), Mixin("flow_collection")],
        "block_scalar_content": [
            rule(r"\n+", ""),
            rule(r"^[ ]+$", _blank_scalar_line),
            rule(r"^[ ]*", _scalar_indent),
            rule(r"[^\n\r\f\v]+", "s"),
        ],
        "block_scalar_header": [
            rule(r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)", _scalar_header),
        ],
        "ignored_line": [
            Mixin("basic"),
            rule(r"[ ]+", ""),
            rule(r"\n", "", "#pop"),
        ],
        "quoted_scalar_whitespaces": [
            rule(r"^[ ]+", ""),
            rule(r"[ ]+$", ""),
            rule(r"\n+", ""),
            rule(r"[ ]+", "nv"),
        ],
        "single_quoted_scalar": [
            Mixin("quoted_scalar_whitespaces"),
            rule(r"\\'", "se"),
            rule(r"'", "s", "#pop"),
            rule(r"[^\s']+", "s"),
        ],
        "double_quoted_scalar": [
            rule(r'"', "s", "#pop"),
            Mixin("quoted_scalar_whitespaces"),
            rule(r'\\[0abt\tn\nvfre "\\N_LP]', "se"),
            rule(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", "se"),
            rule(r'[^ \t\n\r\f\v"\\]+', "s"),
        ],
        "plain_scalar_in_block_context_new_line": [
            rule(r"^[ ]+\n", ""),
            rule(r"\n+", ""),
            rule(r"^(?=---|\.\.\.)", _document_end),
            rule(r"^[ ]*", _new_line_indent),
        ],
        "plain_scalar_in_block_context": [
            rule(r"[ ]*(?=:[ \n]|:$)", "", "#pop"),
            rule(r"[ ]*:\S+", "s"),
            rule(r"[ ]+(?=#)", "", "#pop"),
            rule(r"[ ]+$", ""),
            rule(r"\n+", _scalar_newlines),
            rule(r"[ ]+", "s"),
            rule(r"true|false|null", "no"),
            rule(r"\d+(?:\.\d+)?(?=(\r?\n)| +#)", "m", "#pop"),
            rule(r"[^\s:]+", "s"),
        ],
        "plain_scalar_in_flow_context": [
            rule(r"[ ]*(?=[,:?\[\]{}])", "", "#pop"),
            rule(r"[ ]+(?=#)", "", "#pop"),
            rule(r"^[ ]+", ""),
            rule(r"[ ]+$", ""),
            rule(r"\n+", ""),
            rule(r"[ ]+", "nv"),
            rule(r"[^\s,:?\[\]{}]+", "nv"),
        ],
        "yaml_directive": [rule(r"([ ]+)(\d+\.\d+)", _directive_version)],
        "tag_directive": [
            rule(r"([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)", _directive_tag),
        ],
    }
