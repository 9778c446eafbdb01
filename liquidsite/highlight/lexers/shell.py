"""Shell (sh, bash, zsh, ksh) as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = "|".join("""
    if fi else while do done for then return function select continue until esac elif in
""".split())
BUILTINS = "|".join("""
    alias bg bind break builtin caller cd command compgen complete declare dirs disown
    enable eval exec exit export false fc fg getopts hash help history jobs let local
    logout mapfile popd pushd pwd read readonly set shift shopt source suspend test time
    times trap true type typeset ulimit umask unalias unset wait
    cat tac nl od base32 base64 fmt pr fold head tail split csplit wc sum cksum b2sum
    md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort
    cut paste join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link
    ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync
    truncate echo printf yes expr tee basename dirname pathchk mktemp realpath pwd stty
    printenv tty id logname whoami groups users who date arch nproc uname hostname hostid
    uptime chcon runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq
    tar grep sudo awk sed gzip gunzip
""".split())


def _heredoc(lexer: "ShellLexer", match: "re.Match[str]") -> None:
    lexer.groups("o", "", "sh", "sh", "no", "sh")
    lexer.heredoc_word = match.group(5)
    lexer.push("heredoc")


def _heredoc_line(lexer: "ShellLexer", match: "re.Match[str]") -> None:
    if match.group(1) == lexer.heredoc_word:
        lexer.token("no")
        lexer.pop(2)
    else:
        lexer.token("sh")


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


class ShellLexer(RegexLexer):
    def __init__(self) -> None:
        super().__init__()
        self.heredoc_word = ""

    states = {
        "basic": [
            rule(r"#.*$", "c"),
            rule(rf"\b({KEYWORDS})\s*\b", "k"),
            rule(r"\bcase\b", "k", "case"),
            rule(rf"\b({BUILTINS})\s*\b(?!(\.|-))", "nb"),
            rule(r"[.](?=\s)", "nb"),
            rule(r"(\b\w+)(=)", ("nv", "o")),
            rule(r"[\[\]{}()!=>]", "o"),
            rule(r"&&|\|\|", "o"),
            rule(r"<<<", "o"),
            rule(r"""(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)""", _heredoc),
        ],
        "heredoc": [
            rule(r"\n", "sh", "heredoc_nl"),
            rule(r"[^$\n\\]+", "sh"),
            Mixin("interp"),
            rule(r"[$]", "sh"),
        ],
        "heredoc_nl": [
            rule(r"\s*(\w+)\s*\n", _heredoc_line),
            rule(r"", _leave),
        ],
        "double_quotes": [
            rule(r'(?:\$#?)?"', "s2", "#pop"),
            Mixin("interp"),
            rule(r'[^"`\\$]+', "s2"),
        ],
        "ansi_string": [
            rule(r"\\.", "se"),
            rule(r"[^\\']+", "s1"),
            Mixin("single_quotes"),
        ],
        "single_quotes": [
            rule(r"'", "s1", "#pop"),
            rule(r"[^']+", "s1"),
        ],
        "data": [
            rule(r"\s+", ""),
            rule(r"\\.", "se"),
            rule(r'\$?"', "s2", "double_quotes"),
            rule(r"\$'", "s1", "ansi_string"),
            rule(r"'", "s1", "single_quotes"),
            rule(r"\*", "k"),
            rule(r";", "p"),
            rule(r"--?[\w-]+", "nt"),
            rule(r"""[^=*\s{}()$"'`;\\<]+""", ""),
            rule(r"\d+(?= |\n?\Z)", "m"),
            rule(r"<", ""),
            Mixin("interp"),
        ],
        "curly": [
            rule(r"\}", "k", "#pop"),
            rule(r":-", "k"),
            rule(r"[a-zA-Z0-9_]+", "nv"),
            rule(r"""[^}:"`'$]+""", "p"),
            Mixin("root"),
        ],
        "paren_interp": [
            rule(r"\)", "si", "#pop"),
            rule(r"\(", "o", "paren_inner"),
            Mixin("root"),
        ],
        "paren_inner": [
            rule(r"\(", "o", "paren_inner"),
            rule(r"\)", "o", "#pop"),
            Mixin("root"),
        ],
        "math": [
            rule(r"\)\)", "k", "#pop"),
            rule(r"[-+*/%^|&!]|\*\*|\|\|", "o"),
            rule(r"\d+(#\w+)?", "m"),
            Mixin("root"),
        ],
        "case": [
            rule(r"\besac\b", "k", "#pop"),
            rule(r"\|", "p"),
            rule(r"\)", "p", "case_stanza"),
            Mixin("root"),
        ],
        "case_stanza": [
            rule(r";;", "p", "#pop"),
            Mixin("root"),
        ],
        "backticks": [
            rule(r"`", "sb", "#pop"),
            Mixin("root"),
        ],
        "interp": [
            rule(r"\\$", "se"),
            rule(r"\\.", "se"),
            rule(r"\$\(\(", "k", "math"),
            rule(r"\$\(", "si", "paren_interp"),
            rule(r"\$\{#?", "k", "curly"),
            rule(r"`", "sb", "backticks"),
            rule(r"\$#?(\w+|.)", "nv"),
            rule(r"\$[*@]", "nv"),
        ],
        "root": [Mixin("basic"), Mixin("data")],
    }
