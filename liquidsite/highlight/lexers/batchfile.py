"""Windows batch files as Rouge 3.30 lexes them.

Rouge tests a word against "set".casecmp, whose result is always true: every word
that is not in one of its lists is a declaration keyword, as here.
"""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = frozenset("""
    if else for in do goto call exit
""".split())
OPERATOR_WORDS = frozenset("""
    exist defined errorlevel cmdextversion not equ neq lss leq gtr geq
""".split())
DEVICES = frozenset("""
    con prn aux nul com1 com2 com3 com4 com5 com6 com7 com8 com9 lpt1 lpt2 lpt3 lpt4 lpt5 lpt6
    lpt7 lpt8 lpt9
""".split())
BUILTIN_COMMANDS = frozenset("""
    assoc attrib break bcdedit cacls cd chcp chdir chkdsk chkntfs choice cls cmd color comp
    compact convert copy date del dir diskpart doskey dpath driverquery echo endlocal erase fc
    find findstr format fsutil ftype gpresult graftabl help icacls label md mkdir mklink mode more
    move openfiles path pause popd print prompt pushd rd recover ren rename replace rmdir robocopy
    setlocal sc schtasks shift shutdown sort start subst systeminfo takeown tasklist taskkill time
    timeout title tree type ver verify vol xcopy waitfor wmic
""".split())
OTHER_COMMANDS = frozenset("""
    addusers admodcmd ansicon arp at bcdboot bitsadmin browstat certreq certutil change cidiag
    cipher cleanmgr clip cmdkey compress convertcp coreinfo csccmd csvde cscript curl debug defrag
    delprof deltree devcon diamond dirquota diruse diskshadow diskuse dism dnscmd dsacls dsadd
    dsget dsquery dsmod dsmove dsrm dsmgmt dsregcmd edlin eventcreate expand extract fdisk fltmc
    forfiles freedisk ftp getmac gpupdate hostname ifmember inuse ipconfig kill lgpo lodctr logman
    logoff logtime makecab mapisend mbsacli mem mountvol moveuser msg mshta msiexec msinfo32 mstsc
    nbtstat net net1 netdom netsh netstat nlsinfo nltest now nslookup ntbackup ntdsutil ntoskrnl
    ntrights nvspbind pathping perms ping portqry powercfg pngout pnputil printbrm prncnfg prnmngr
    procdump psexec psfile psgetsid psinfo pskill pslist psloggedon psloglist pspasswd psping
    psservice psshutdown pssuspend qbasic qgrep qprocess query quser qwinsta rasdial reg reg1
    regdump regedt32 regsvr32 regini reset restore rundll32 rmtshare route rpcping run runas
    scandisk setspn setx sfc share shellrunas shortcut sigcheck sleep slmgr strings subinacl
    sysmon telnet tftp tlist touch tracerpt tracert tscon tsdiscon tskill tttracer typeperf tzutil
    undelete unformat verifier vmconnect vssadmin w32tm wbadmin wecutil wevtutil wget where whoami
    windiff winrm winrs wpeutil wpr wusa wuauclt wscript
""".split())
ATTRIBUTES = frozenset("""
    on off disable enableextensions enabledelayedexpansion
""".split())
_WORD_GROUPS = ((DEVICES, "kr"), (KEYWORDS, "k"), (OPERATOR_WORDS, "ow"))


def _word(lexer: RegexLexer, match: "re.Match[str]") -> None:
    word = match.group(1)
    for words, css in _WORD_GROUPS:
        if word in words:
            lexer.groups(css, "err")
            return
    if word in BUILTIN_COMMANDS or word in OTHER_COMMANDS:
        lexer.token("nb")
    elif word in ATTRIBUTES:
        lexer.groups("na", "err")
    else:
        lexer.groups("kd", "err")


class BatchfileLexer(RegexLexer):
    states = {
        "basic": [
            rule(r"@?\brem\b.*$", "c", flags=re.I),
            rule(r"^::.*$", "c"),
            rule(r":[a-z]+", "nl", flags=re.I),
            rule(r"([a-z]\w*)(\.exe|com|bat|cmd|msi)?", _word, flags=re.I),
            rule(r"((?:[/+]|--?)[a-z]+)\s*", "na", flags=re.I),
            Mixin("expansions"),
            rule(r"[<>&|(){}\[\]\-+=;,~?*]", "o"),
        ],
        "escape": [rule(r"\^.", "se", flags=re.S)],
        "expansions": [
            rule(r"[%!]+([a-z_$@#]+)[%!]+", "nv", flags=re.I),
            rule(r"(%+~?[a-z]+\d?)", "vm", flags=re.I),
        ],
        "double_quotes": [
            Mixin("escape"), rule(r'["]', "s2", "#pop"), Mixin("expansions"), rule(r'[^\^"%!]+', "s2"),
        ],
        "single_quotes": [
            Mixin("escape"), rule(r"[']", "s1", "#pop"), Mixin("expansions"), rule(r"[^\^'%!]+", "s1"),
        ],
        "backtick": [
            Mixin("escape"), rule(r"[`]", "sb", "#pop"), Mixin("expansions"), rule(r"[^\^`%!]+", "sb"),
        ],
        "data": [
            rule(r"\s+", ""),
            rule(r"0x[0-9a-f]+", "mh", flags=re.I),
            rule(r"[0-9]", "m"),
            rule(r'["]', "s2", "double_quotes"),
            rule(r"[']", "s1", "single_quotes"),
            rule(r"[`]", "sb", "backtick"),
            rule(r"""[^\s&|()\[\]{}^=;!%+\-,"'`~?*]+""", ""),
            Mixin("escape"),
        ],
        "root": [Mixin("basic"), Mixin("data")],
    }
