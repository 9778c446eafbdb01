"""Sessions (shell, irb) as Rouge 3.30's console lexers split them.

Each line is a prompt (``gp``) followed by code, a snip marker (``...``) or a comment
shown as a comment, or output. The code lexer's state carries over from one prompt line
to the next and is reset by any other line; the output lexer's likewise.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from ..engine import Mixin, RegexLexer, rule
from .ruby import RubyLexer
from .shell import ShellLexer

_LINE = re.compile(r"(.*?)(\n|$)")
_SNIP = re.compile(r"\A\s*(?:<[.]+>|[.]+)\s*\Z", re.ASCII)
_COMMENT = re.compile(r"\A\s*?\#", re.ASCII)
_LEADING_SPACE = re.compile(r"\s*", re.ASCII)
_RUBY_WHITESPACE = " \t\n\v\f\r\0"


class _Output:
    """Rouge's PlainText lexer with the Generic.Output token."""

    def continue_lex(self, text: str) -> Iterable[tuple[str, str]]:
        return [("go", text)] if text else []


class ConsoleLexer:
    """Not a regex lexer: Rouge's console lexer works line by line."""

    prompt = re.compile(r"(?s:.*?)(?:\$|\#|>|;)")
    allow_comments = False

    def code_lexer(self) -> RegexLexer:
        return ShellLexer()

    def output_lexer(self) -> "RegexLexer | _Output":
        return _Output()

    def continue_lex(self, text: str) -> list[tuple[str, str]]:
        """Rouge restarts the code and output lexers on every call (fresh lexers here)."""
        out: list[tuple[str, str]] = []
        code, output = self.code_lexer(), self.output_lexer()
        pos = 0
        while pos < len(text):
            line = _LINE.match(text, pos).group(0)  # type: ignore[union-attr]
            pos += len(line)
            prompt: Optional[re.Match[str]] = self.prompt.match(line)
            if _SNIP.match(line):
                code, output = self.code_lexer(), self.output_lexer()
                out.append(("c", line))
            elif prompt:
                output = self.output_lexer()
                out.append(("gp", prompt.group(0)))
                rest = line[prompt.end():]
                space = _LEADING_SPACE.match(rest).group(0)  # type: ignore[union-attr]
                out.append(("w", space))
                out.extend(code.continue_lex(rest[len(space):]))
            elif self.allow_comments and _COMMENT.match(line.strip(_RUBY_WHITESPACE)):
                code, output = self.code_lexer(), self.output_lexer()
                out.append(("c", line))
            else:
                code = self.code_lexer()
                out.extend(output.continue_lex(line))
        return out


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


class IRBOutputLexer(RubyLexer):
    """irb output: ``=> value`` lexed as Ruby, other lines as output or errors."""

    def __init__(self) -> None:
        super().__init__()
        self.push("stdout")

    states = {
        **RubyLexer.states,
        "has_irb_output": [
            rule(r"=>", "p", "#pop"),
            rule(r".+?(\n|$)", "go"),
        ],
        "irb_error": [rule(r".+?(\n|$)", "gr"), Mixin("has_irb_output")],
        "stdout": [
            rule(r"\w+?(Error|Exception):.+?(\n|$)", "gr", "irb_error"),
            Mixin("has_irb_output"),
        ],
        "root": [rule(r"\#<", "kt", "irb_object"), *RubyLexer.states["root"]],
        "irb_object": [rule(r">", "kt", "#pop"), Mixin("root")],
    }


class IRBLexer(ConsoleLexer):
    """Rouge's irb session lexer: Ruby after ``irb(main):001:0>``-style prompts."""

    prompt = re.compile(r"^.*?(irb|pry).*?[>\"*]")
    allow_comments = True

    def code_lexer(self) -> RegexLexer:
        return RubyLexer()

    def output_lexer(self) -> RegexLexer:
        return IRBOutputLexer()
