"""Dockerfiles as Rouge 3.30 lexes them; RUN lines go to the shell lexer."""

from __future__ import annotations

import re

from ..engine import RegexLexer, rule
from .shell import ShellLexer

KEYWORDS = ("FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|"
            "STOPSIGNAL|HEALTHCHECK|SHELL")


def _run(lexer: "DockerLexer", match: "re.Match[str]") -> None:
    lexer.token("k")
    lexer.push("run")
    lexer.shell = ShellLexer()


def _to_shell(lexer: "DockerLexer", match: "re.Match[str]") -> None:
    lexer.delegate(lexer.shell)


class DockerLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.shell = ShellLexer()

    states = {
        "root": [
            rule(r"\s+", ""),
            rule(r"^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)", ("k", "w", "s", "w", "k", "w", "s"), flags=re.I),
            rule(rf"^(ONBUILD)(\s+)({KEYWORDS})(.*)", ("k", "w", "k", "s"), flags=re.I),
            rule(rf"^({KEYWORDS})\b(.*)", ("k", "s"), flags=re.I),
            rule(r"\#.*?$", "c"),
            rule(r"^(ONBUILD\s+)?RUN(\s+)", _run, flags=re.I),
            rule(r"\w+", ""),
            rule(r"[^\w]+", ""),
            rule(r".", ""),
        ],
        "run": [
            rule(r"\n", "", "#pop"),
            rule(r"\\.", "se", flags=re.S),
            rule(r"(\\.|[^\n\\])+", _to_shell),
        ],
    }
