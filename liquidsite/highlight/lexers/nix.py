"""The Nix expression language as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

PATH = (
    r"((/[a-zA-Z0-9._-]+)+|~(/[a-zA-Z0-9._-]+)+|[a-zA-Z0-9._-]+(/[a-zA-Z0-9._-]+)+"
    r"|[a-z+]+://(/?[a-zA-Z0-9._-]+(/[a-zA-Z0-9._-]+)+))"
)
BUILTINS = "abort baseNameOf builtins derivation fetchTarball import isNull removeAttrs throw toString".split()


class NixLexer(RegexLexer):
    states = {
        "whitespaces": [rule(r"^\s*\n\s*$", "", flags=re.S), rule(r"\s+", "")],
        "comment": [rule(r"#.*$", "c"), rule(r"/\*", "c", "multiline_comment")],
        "multiline_comment": [rule(r"\*/", "c", "#pop"), rule(r".", "c")],
        "number": [rule(r"[0-9]", "mi")],
        "null": [rule(r"(null)", "kc")],
        "boolean": [rule(r"(true|false)", "kc")],
        "binding": [rule(r"[a-zA-Z_][a-zA-Z0-9-]*", "nv")],
        "path": [rule(PATH, "sx")],
        "string": [rule(r'"', "s2", "double_quoted_string"), rule(r"''", "s2", "indented_string")],
        "string_content": [
            rule(r"\\.", "se"),
            rule(r"\$\$", "se"),
            rule(r"\$\{", "si", "string_interpolated_arg"),
        ],
        "indented_string_content": [
            rule(r"'''", "se"),
            rule(r"''\$", "se"),
            rule(r"\$\$", "se"),
            rule(r"''\\.", "se"),
            rule(r"\$\{", "si", "string_interpolated_arg"),
        ],
        "string_interpolated_arg": [Mixin("expression"), rule(r"\}", "si", "#pop")],
        "indented_string": [Mixin("indented_string_content"), rule(r"''", "s2", "#pop"), rule(r".", "s2")],
        "double_quoted_string": [Mixin("string_content"), rule(r'"', "s2", "#pop"), rule(r".", "s2")],
        "operator": [rule(r"(\.|\?|\+\+|\+|!=|!|//|==|&&|\|\||->|/|\*|-|<|>|<=|=>)", "o")],
        "assignment": [rule(r"(=)", "o"), rule(r"(@)", "o")],
        "accessor": [rule(r"(\$)", "p")],
        "delimiter": [rule(r"(;|,|:)", "p")],
        "atom_content": [Mixin("expression"), rule(r"\)", "p", "#pop")],
        "atom": [rule(r"\(", "p", "atom_content")],
        "list": [rule(r"\[", "p", "list_content")],
        "list_content": [rule(r"\]", "p", "#pop"), Mixin("expression")],
        "set": [rule(r"\{", "p", "set_content")],
        "set_content": [rule(r"\}", "p", "#pop"), Mixin("expression")],
        "expression": [
            Mixin("whitespaces"), Mixin("comment"), Mixin("boolean"), Mixin("null"), Mixin("number"),
            Mixin("path"), Mixin("string"), Mixin("keywords"), Mixin("operator"), Mixin("accessor"),
            Mixin("assignment"), Mixin("delimiter"), Mixin("binding"), Mixin("atom"), Mixin("set"),
            Mixin("list"),
        ],
        "keywords": [
            rule(r"(?:with|in|inherit)\b", "kn"),
            rule(r"(?:let)\b", "kd"),
            rule(r"(?:if|then|else)\b", "k"),
            rule(r"(?:rec|assert|map)\b", "kr"),
            rule(rf"(?:{'|'.join(BUILTINS)})\b", "kr"),
        ],
        "root": [Mixin("whitespaces"), Mixin("expression")],
    }
