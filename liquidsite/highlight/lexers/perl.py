"""Perl as Rouge 3.30 lexes it.

Rouge's rule for a regex after ``=~`` or ``(`` opens with a lookbehind, which never holds
under Ruby's StringScanner (it sees nothing before the scan position): it is left out.
Ruby reads ``[^\\1]`` in a class as "not U+0001", written so here.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = """
    case continue do else elsif for foreach if last my next our
    redo reset then unless until while use print new BEGIN CHECK
    INIT END return
""".split()
BUILTINS = """
    abs accept alarm atan2 bind binmode bless caller chdir chmod
    chomp chop chown chr chroot close closedir connect continue cos
    crypt dbmclose dbmopen defined delete die dump each endgrent
    endhostent endnetent endprotoent endpwent endservent eof eval
    exec exists exit exp fcntl fileno flock fork format formline getc
    getgrent getgrgid getgrnam gethostbyaddr gethostbyname gethostent
    getlogin getnetbyaddr getnetbyname getnetent getpeername
    getpgrp getppid getpriority getprotobyname getprotobynumber
    getprotoent getpwent getpwnam getpwuid getservbyname getservbyport
    getservent getsockname getsockopt glob gmtime goto grep hex
    import index int ioctl join keys kill last lc lcfirst length
    link listen local localtime log lstat map mkdir msgctl msgget
    msgrcv msgsnd my next no oct open opendir ord our pack package
    pipe pop pos printf prototype push quotemeta rand read readdir
    readline readlink readpipe recv redo ref rename require reverse
    rewinddir rindex rmdir scalar seek seekdir select semctl semget
    semop send setgrent sethostent setnetent setpgrp setpriority
    setprotoent setpwent setservent setsockopt shift shmctl shmget
    shmread shmwrite shutdown sin sleep socket socketpair sort splice
    split sprintf sqrt srand stat study substr symlink syscall sysopen
    sysread sysseek system syswrite tell telldir tie tied time times
    tr truncate uc ucfirst umask undef unlink unpack unshift untie
    utime values vec wait waitpid wantarray warn write
""".split()
# A delimited part of s///, tr/// and m//: Ruby's [^\1] is "not U+0001".
PART = r"((\\\\|\\\1)|[^\x01])*?\1"


def _push_self(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("sx")
    lexer.push()


def _quoted(open_: str, close: str) -> list:
    """Rouge's q{}, q(), q[] and q<> strings: nested delimiters balance."""
    return [
        rule(rf"\\[{open_}{close}\\]", "sx"),
        rule(r"\\", "sx"),
        rule(open_, _push_self),
        rule(close, "sx", "#pop"),
        rule(rf"[^{open_}{close}\\]+", "sx"),
    ]


class PerlLexer(RegexLexer):
    states = {
        "balanced_regex": [
            rule(r"/(\\[\\/]|[^/])*/[egimosx]*", "sr", "#pop", flags=re.S),
            rule(r"!(\\[\\!]|[^!])*![egimosx]*", "sr", "#pop", flags=re.S),
            rule(r"\\(\\\\|[^\\])*\\[egimosx]*", "sr", "#pop", flags=re.S),
            rule(r"\{(\\[\\}]|[^}])*\}[egimosx]*", "sr", "#pop"),
            rule(r"<(\\[\\>]|[^>])*>[egimosx]*", "sr", "#pop"),
            rule(r"\[(\\[\\\]]|[^\]])*\][egimosx]*", "sr", "#pop"),
            rule(r"\((\\[\\)]|[^)])*\)[egimosx]*", "sr", "#pop"),
            rule(r"@(\\[\\@]|[^@])*@[egimosx]*", "sr", "#pop"),
            rule(r"%(\\[\\%]|[^%])*%[egimosx]*", "sr", "#pop"),
            rule(r"\$(\\[\\$]|[^$])*\$[egimosx]*", "sr", "#pop"),
        ],
        "root": [
            rule(r"#.*", "c1"),
            rule(r"^=[a-zA-Z0-9]+\s+.*?\n=cut", "cm", flags=re.S),
            rule(rf"(?:{'|'.join(KEYWORDS)})\b", "k"),
            rule(r"(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)", ("k", "", "n", "", "p", ""), "format"),
            rule(r"(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)\b", "ow"),
            rule(r"(?:s|tr|y)\{(\\\\|\\\}|[^}])*\}\s*", "sr", "balanced_regex"),
            rule(r"(?:s|tr|y)<(\\\\|\\>|[^>])*>\s*", "sr", "balanced_regex"),
            rule(r"(?:s|tr|y)\[(\\\\|\\\]|[^\]])*\]\s*", "sr", "balanced_regex"),
            rule(r"(?:s|tr|y)\((\\\\|\\\)|[^)])*\)\s*", "sr", "balanced_regex"),
            rule(rf"(?:s|tr|y)\s*([^\w\s]){PART}{PART[:-2]}\1[msixpodualngcr]*", "sr", flags=re.S),
            rule(rf"(?:s|tr|y)\s+(\w){PART}{PART[:-2]}\1[msixpodualngcr]*", "sr", flags=re.S),
            rule(r"m?/(\\\\|\\/|[^/\n])*/[msixpodualngc]*", "sr"),
            rule(r"m(?=[/!\\{<\[(@%$])", "sr", "balanced_regex"),
            rule(rf"m\s*([^\w\s]){PART}[msixpodualngc]*", "sr", flags=re.S),
            rule(rf"m\s+(\w){PART}[msixpodualngc]*", "sr", flags=re.S),
            rule(r"\s+", ""),
            rule(r"(?=[a-z_]\w*(\s*#.*\n)*\s*=>)", "", "fat_comma", flags=re.I),
            rule(rf"(?:{'|'.join(BUILTINS)})\b", "nb"),
            rule(r"((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR)))\b", "bp"),
            rule(r"<<(['\"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n", "s", flags=re.S),
            rule(r"(__(END|DATA)__)\b", "cp", "end_part"),
            rule(r"\$\^[ADEFHILMOPSTWX]", "vg"),
            rule(r"\$[\\\"'\[\]&`+*.,;=%~?@$!<>(^|/_-](?!\w)", "vg"),
            rule(r"[$@%&*][$@%&*#_]*(?=[a-z{\[;])", "nv", "varname", flags=re.I),
            rule(r"[-+/*%=<>&^|!\\~]=?", "o"),
            rule(r"0_?[0-7]+(_[0-7]+)*", "mo"),
            rule(r"0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*", "mh"),
            rule(r"0b[01]+(_[01]+)*", "mb"),
            rule(r"(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?", "mf", flags=re.I),
            rule(r"\d+(_\d*)*e[+-]?\d+(_\d*)*", "mf", flags=re.I),
            rule(r"\d+(_\d+)*", "mi"),
            rule(r"'", "p", "sq"),
            rule(r'"', "p", "dq"),
            rule(r"`", "p", "bq"),
            rule(r"<([^\s>]+)>", "sr"),
            rule(r"(q|qq|qw|qr|qx)\{", "sx", "cb_string"),
            rule(r"(q|qq|qw|qr|qx)\(", "sx", "rb_string"),
            rule(r"(q|qq|qw|qr|qx)\[", "sx", "sb_string"),
            rule(r"(q|qq|qw|qr|qx)<", "sx", "lt_string"),
            rule(r"(q|qq|qw|qr|qx)(\W)(.|\n)*?\2", "sx"),
            rule(r"package\s+", "k", "modulename"),
            rule(r"sub\s+", "k", "funcname"),
            rule(r"\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}", "o"),
            rule(r"[()\[\]:;,<>/?{}]", "p"),
            rule(r"(?=\w)", "", "name"),
        ],
        "format": [rule(r"\.\n", "si", "#pop"), rule(r".*?\n", "si")],
        "fat_comma": [
            rule(r"#.*", "c1"),
            rule(r"\w+", "s"),
            rule(r"\s+", ""),
            rule(r"=>", "o", "#pop"),
        ],
        "name_common": [rule(r"\w+::", "nn"), rule(r"[\w:]+", "nv", "#pop")],
        "varname": [
            rule(r"\s+", ""),
            rule(r"[{\[]", "p", "#pop"),
            rule(r"[),]", "p", "#pop"),
            rule(r"[;]", "p", "#pop"),
            Mixin("name_common"),
        ],
        "name": [
            Mixin("name_common"),
            rule(r"[A-Z_]+(?=[^a-zA-Z0-9_])", "no", "#pop"),
            rule(r"(?=\W)", "", "#pop"),
        ],
        "modulename": [rule(r"[a-z_]\w*", "nn", "#pop", flags=re.I)],
        "funcname": [
            rule(r"[a-zA-Z_]\w*[!?]?", "nf"),
            rule(r"\s+", ""),
            rule(r"(\([$@%]*\))(\s*)", ("p", "")),
            rule(r".*?\{", "p", "#pop"),
            rule(r";", "p", "#pop"),
        ],
        "sq": [
            rule(r"\\[\\']", "se"),
            rule(r"[^\\']+", "s1"),
            rule(r"'", "p", "#pop"),
            rule(r"\\", "s1"),
        ],
        "dq": [
            Mixin("string_intp"),
            rule(r'\\[\\tnrabefluLUE"$@]', "se"),
            rule(r"\\0\d{2}", "se"),
            rule(r"\\o\{\d+\}", "se"),
            rule(r"\\x[0-9a-fA-F]{2}", "se"),
            rule(r"\\x\{[0-9a-fA-F]+\}", "se"),
            rule(r"\\c.", "se"),
            rule(r"\\N\{[^}]+\}", "se"),
            rule(r'[^\\"]+?', "s2"),
            rule(r'"', "p", "#pop"),
            rule(r"\\", "se"),
        ],
        "bq": [
            Mixin("string_intp"),
            rule(r"\\[\\tnr`]", "se"),
            rule(r"[^\\`]+?", "sb"),
            rule(r"`", "p", "#pop"),
        ],
        "cb_string": _quoted(r"\{", r"\}"),
        "rb_string": _quoted(r"\(", r"\)"),
        "sb_string": _quoted(r"\[", r"\]"),
        "lt_string": _quoted("<", ">"),
        "in_interp": [
            rule(r"\}", "si", "#pop"),
            rule(r"\s+", ""),
            rule(r"[a-z_]\w*", "si", flags=re.I),
        ],
        "string_intp": [
            rule(r"[$@][{]", "si", "in_interp"),
            rule(r"[$@][a-z_]\w*", "si", flags=re.I),
        ],
        "end_part": [rule(r".+", "cp", "#pop", flags=re.S)],
    }
