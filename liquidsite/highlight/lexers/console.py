"""Shell sessions as Rouge 3.30's console lexer splits them.

Each line is a prompt (``gp``, up to the first ``$ # > ;``) followed by shell code, a
snip marker (``...``) shown as a comment, or output (``go``). The shell lexer's state
carries over from one prompt line to the next and is reset by any other line.
"""

from __future__ import annotations

import re

from .shell import ShellLexer

_LINE = re.compile(r"(.*?)(\n|$)")
_SNIP = re.compile(r"\A\s*(?:<[.]+>|[.]+)\s*\Z", re.ASCII)
_PROMPT = re.compile(r"(?s:.*?)(?:\$|\#|>|;)")
_LEADING_SPACE = re.compile(r"\s*", re.ASCII)


class ConsoleLexer:
    """Not a regex lexer: Rouge's console lexer works line by line."""

    def lex(self, text: str) -> list[tuple[str, str]]:
        return self.continue_lex(text)

    def continue_lex(self, text: str) -> list[tuple[str, str]]:
        """Rouge restarts the shell and output lexers on every call."""
        out: list[tuple[str, str]] = []
        shell = ShellLexer()
        pos = 0
        while pos < len(text):
            line = _LINE.match(text, pos).group(0)  # type: ignore[union-attr]
            pos += len(line)
            prompt = _PROMPT.match(line)
            if _SNIP.match(line):
                shell.reset_stack()
                out.append(("c", line))
            elif prompt:
                out.append(("gp", prompt.group(0)))
                rest = line[prompt.end():]
                space = _LEADING_SPACE.match(rest).group(0)  # type: ignore[union-attr]
                out.append(("w", space))
                out.extend(shell.continue_lex(rest[len(space):]))
            else:
                shell.reset_stack()
                out.append(("go", line))
        return out
