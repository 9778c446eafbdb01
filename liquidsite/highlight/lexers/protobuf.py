"""Protocol Buffers definitions as Rouge 3.30 lexes them."""

from __future__ import annotations

from ..engine import RegexLexer, rule

KEYWORD = r"\b(ctype|default|extensions|import|max|oneof|option|optional|packed|repeated|required|returns|rpc|to)\b"
DATATYPE = (
    r"\b(bool|bytes|double|fixed32|fixed64|float|int32|int64|sfixed32|sfixed64|sint32|sint64|string|uint32"
    r"|uint64)\b"
)


class ProtobufLexer(RegexLexer):
    states = {
        "root": [
            rule(r"[\s]+", ""),
            rule(r"[,;{}\[\]()]", "p"),
            rule(r"/(\\\n)?/($|(.|\n)*?[^\\]$)", "c1"),
            rule(r"/(\\\n)?\*(.|\n)*?\*(\\\n)?/", "cm"),
            rule(KEYWORD, "k"),
            rule(DATATYPE, "kt"),
            rule(r"true|false", "kc"),
            rule(r"(package)(\s+)", ("kn", ""), "package"),
            rule(r"(message|extend)(\s+)", ("kd", ""), "message"),
            rule(r"(enum|group|service)(\s+)", ("kd", ""), "type"),
            rule(r'".*?"', "s"),
            rule(r"'.*?'", "s"),
            rule(r"(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*", "mf"),
            rule(r"(\d+\.\d*|\.\d+|\d+[fF])[fF]?", "mf"),
            rule(r"(-?(inf|nan))\b", "mf"),
            rule(r"0x[0-9a-fA-F]+[LlUu]*", "mh"),
            rule(r"0[0-7]+[LlUu]*", "mo"),
            rule(r"\d+[LlUu]*", "mi"),
            rule(r"[+-=]", "o"),
            rule(r"([a-zA-Z_][\w.]*)([ \t]*)(=)", ("na", "", "o")),
            rule(r"[a-zA-Z_][\w.]*", "n"),
        ],
        "package": [rule(r"[a-zA-Z_]\w*", "nn", "#pop"), rule(r"", "", "#pop")],
        "message": [rule(r"[a-zA-Z_]\w*", "nc", "#pop"), rule(r"", "", "#pop")],
        "type": [rule(r"[a-zA-Z_]\w*", "n", "#pop"), rule(r"", "", "#pop")],
    }
