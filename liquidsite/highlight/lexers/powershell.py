"""PowerShell as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

ATTRIBUTES = frozenset(['ConfirmImpact', 'DefaultParameterSetName', 'HelpURI', 'PositionalBinding', 'SupportsPaging',
                        'SupportsShouldProcess'])
AUTO_VARS = "|".join(r"""
    \$\$ \$\? \$\^ \$_ \$args \$ConsoleFileName \$Error \$Event \$EventArgs
    \$EventSubscriber \$ExecutionContext \$false \$foreach \$HOME \$Host \$input
    \$IsCoreCLR \$IsLinux \$IsMacOS \$IsWindows \$LastExitCode \$Matches \$MyInvocation
    \$NestedPromptLevel \$null \$PID \$PROFILE \$PSBoundParameters \$PSCmdlet
    \$PSCommandPath \$PSCulture \$PSDebugContext \$PSHOME \$PSItem \$PSScriptRoot
    \$PSSenderInfo \$PSUICulture \$PSVersionTable \$PWD \$REPORTERRORSHOWEXCEPTIONCLASS
    \$REPORTERRORSHOWINNEREXCEPTION \$REPORTERRORSHOWSOURCE \$REPORTERRORSHOWSTACKTRACE
    \$SENDER \$ShellId \$StackTrace \$switch \$this \$true
""".split())
KEYWORDS = "|".join(r"""
    assembly exit process base filter public begin finally return break for sequence
    catch foreach static class from switch command function throw configuration hidden
    trap continue if try data in type define inlinescript until do interface using
    dynamicparam module var else namespace while elseif parallel workflow end param enum
    private
""".split())
OPERATORS = "|".join(r"""
    -split -isplit -csplit -join -is -isnot -as -eq -ieq -ceq -ne -ine -cne -gt -igt
    -cgt -ge -ige -cge -lt -ilt -clt -le -ile -cle -like -ilike -clike -notlike
    -inotlike -cnotlike -match -imatch -cmatch -notmatch -inotmatch -cnotmatch -contains
    -icontains -ccontains -notcontains -inotcontains -cnotcontains -replace -ireplace
    -creplace -shl -shr -band -bor -bxor -and -or -xor -not \+= -= \*= \/= %=
""".split())
MULTILINE_KEYWORDS = "|".join(r"""
    synopsis description parameter example inputs outputs notes link component role
    functionality forwardhelptargetname forwardhelpcategory remotehelprunspace
    externalhelp
""".split())


def _bracket_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("bp" if match.group(0) in ATTRIBUTES else "n")


def _groups_then(classes: tuple, state: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        lexer.push(state)
    return callback


def _member(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("o", "nf", "p", "w")
    if match.group(3) is not None:
        lexer.push("parameters")


class PowershellLexer(RegexLexer):
    states = {
        "variable": [
            rule(AUTO_VARS, "bp"),
            rule(r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})", ("nv", "nn", "p", "nv")),
            rule(r"\$\w+", "nv"),
            rule(r"\$\{(?:[^`]|`.)+?\}", "nv"),
        ],
        "multiline": [
            rule(rf"\.(?:{MULTILINE_KEYWORDS})", "cs", flags=re.I),
            rule(r"\#>", "cm", "#pop"),
            rule(r"[^#.]+?", "cm", flags=re.S),
            rule(r"[#.]+", "cm"),
        ],
        "interpol": [
            rule(r"\)", "si", "#pop"),
            Mixin("root"),
        ],
        "dq": [
            rule(r'(?:\$#?)?"', "s2", "#pop"),
            rule(r"\$\(", "si", "interpol"),
            rule(r"`$", "se"),
            rule(r"`.", "se"),
            rule(r'[^"`$]+', "s2"),
            Mixin("variable"),
        ],
        "sq": [
            rule(r"'", "s1", "#pop"),
            rule(r"[^']+", "s1"),
        ],
        "heredoc": [
            rule(r'(?:\$#?)?"@', "sh", "#pop"),
            rule(r"\$\(", "si", "interpol"),
            rule(r"`$", "se"),
            rule(r"`.", "se"),
            rule(r'[^"`$]+?', "sh", flags=re.S),
            rule(r'"+', "sh"),
            Mixin("variable"),
        ],
        "class": [
            rule(r"\{", "p", "#pop"),
            rule(r"\s+", "w"),
            rule(r"\w+", "nc"),
            rule(r"[:,]", "p"),
        ],
        "expr": [
            Mixin("comments"),
            rule(r'"', "s2", "dq"),
            rule(r"'", "s1", "sq"),
            rule(r'@"', "sh", "heredoc"),
            rule(r"@'.*?'@", "sh", flags=re.S),
            rule(r"\d*\.\d+", "mf"),
            rule(r"\d+", "mi"),
            rule(r"@\{", "p", "hasht"),
            rule(r"@\(", "p", "array"),
            rule(r"\{", "p", "brace"),
            rule(r"\[", "p", "bracket"),
        ],
        "hasht": [
            rule(r"\}", "p", "#pop"),
            rule(r"=", "o"),
            rule(r"[,;]", "p"),
            Mixin("expr"),
            rule(r"\w+", "nx"),
            Mixin("variable"),
        ],
        "array": [
            rule(r"\s+", "w"),
            rule(r"\)", "p", "#pop"),
            rule(r"[,;]", "p"),
            Mixin("expr"),
            Mixin("variable"),
        ],
        "brace": [
            rule(r"[}]", "p", "#pop"),
            Mixin("root"),
        ],
        "bracket": [
            rule(r"\]", "p", "#pop"),
            rule(r"[A-Za-z]\w+\.", "n"),
            rule(r"([A-Za-z]\w+)", _bracket_name),
            Mixin("root"),
        ],
        "parameters": [
            rule(r"`.", "se", flags=re.S),
            rule(r"\s*?\n", "w", "#pop"),
            rule(r"[;(){}\]]", "p", "#pop"),
            rule(r"[|=]", "o", "#pop"),
            rule(r"[/\\~\w][-.:/\\~\w]*", "nx"),
            rule(r"\w[-\w]+", "nx"),
            Mixin("root"),
        ],
        "comments": [
            rule(r"\s+", "w"),
            rule(r"\#.*", "c"),
            rule(r"<\#", "cm", "multiline"),
        ],
        "root": [
            Mixin("comments"),
            rule(r"\#requires\s-version \d(?:\.\d+)?", "cp"),
            rule(r"\.\.(?=\.?\d)", "o"),
            rule(rf"(?:{OPERATORS})\b", "o", flags=re.I),
            rule(r"(class)(\s+)(\w+)", _groups_then(("kr", "w", "nc"), "class"), flags=re.I),
            rule(r"(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)", ("kr", "w", "nn", "p", "nf"), flags=re.I),
            rule(rf"(?:{KEYWORDS})\b(?![-.])", "kr", flags=re.I),
            rule(r"-{1,2}\w+", "nt"),
            rule(r"(\.)?([-\w]+)(\[)", _groups_then(("o", "n", "p"), "bracket")),
            rule(r"([/\\~a-z][-.:/\\~\w]*)(\n)?", _groups_then(("n", "w"), "parameters"), flags=re.I),
            rule(r"(\.)([-\w]+)(?:(\()|(\n))?", _member),
            rule(r"\?", "nf", "parameters"),
            Mixin("expr"),
            Mixin("variable"),
            rule(r"[-+*/%=!.&|]", "o"),
            rule(r"[{}(),:;]", "p"),
        ],
    }
