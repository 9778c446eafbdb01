"""Lua as Rouge 3.30 lexes it (Rouge's float rule needs a trailing quote, so 1.5 is not one)."""

from __future__ import annotations

import re

from ..engine import Mixin, RegexLexer, rule

# Rouge's generated lists of Lua builtin functions, all modules enabled.
BUILTINS = frozenset("""
    _g _version assert collectgarbage dofile error getmetatable ipairs load loadfile
    next pairs pcall print rawequal rawget rawlen rawset select setmetatable tonumber
    tostring type xpcall file:close file:flush file:lines file:read file:seek
    file:setvbuf file:write lua_cpath lua_cpath_5_3 lua_init lua_init_5_3 lua_path
    lua_path_5_3 luaopen_base luaopen_coroutine luaopen_debug luaopen_io luaopen_math
    luaopen_os luaopen_package luaopen_string luaopen_table luaopen_utf8 lua_errerr
    lua_errfile lua_errgcmm lua_errmem lua_errrun lua_errsyntax lua_hookcall
    lua_hookcount lua_hookline lua_hookret lua_hooktailcall lua_maskcall lua_maskcount
    lua_maskline lua_maskret lua_maxinteger lua_mininteger lua_minstack lua_multret
    lua_noref lua_ok lua_opadd lua_opband lua_opbnot lua_opbor lua_opbxor lua_opdiv
    lua_opeq lua_opidiv lua_ople lua_oplt lua_opmod lua_opmul lua_oppow lua_opshl
    lua_opshr lua_opsub lua_opunm lua_refnil lua_registryindex lua_ridx_globals
    lua_ridx_mainthread lua_tboolean lua_tfunction lua_tlightuserdata lua_tnil lua_tnone
    lua_tnumber lua_tstring lua_ttable lua_tthread lua_tuserdata lua_use_apicheck
    lua_yield lual_buffersize require package.config package.cpath package.loaded
    package.loadlib package.path package.preload package.searchers package.searchpath
    coroutine.create coroutine.isyieldable coroutine.resume coroutine.running
    coroutine.status coroutine.wrap coroutine.yield debug.debug debug.gethook
    debug.getinfo debug.getlocal debug.getmetatable debug.getregistry debug.getupvalue
    debug.getuservalue debug.sethook debug.setlocal debug.setmetatable debug.setupvalue
    debug.setuservalue debug.traceback debug.upvalueid debug.upvaluejoin io.close
    io.flush io.input io.lines io.open io.output io.popen io.read io.stderr io.stdin
    io.stdout io.tmpfile io.type io.write math.abs math.acos math.asin math.atan
    math.ceil math.cos math.deg math.exp math.floor math.fmod math.huge math.log
    math.max math.maxinteger math.min math.mininteger math.modf math.pi math.rad
    math.random math.randomseed math.sin math.sqrt math.tan math.tointeger math.type
    math.ult os.clock os.date os.difftime os.execute os.exit os.getenv os.remove
    os.rename os.setlocale os.time os.tmpname string.byte string.char string.dump
    string.find string.format string.gmatch string.gsub string.len string.lower
    string.match string.pack string.packsize string.rep string.reverse string.sub
    string.unpack string.upper table.concat table.insert table.move table.pack
    table.remove table.sort table.unpack utf8.char utf8.charpattern utf8.codepoint
    utf8.codes utf8.len utf8.offset
""".split())


def _name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    name = match.group(0)
    if name == "gsub":
        lexer.token("nb")
        lexer.push("gsub")
    elif name in BUILTINS:
        lexer.token("nb")
    elif "." in name:
        first, second = name.split(".", 1)
        lexer.token("n", first)
        lexer.token("p", ".")
        lexer.token("n", second)
    else:
        lexer.token("n")


def _function_name(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.groups("nc", "p", "nf")
    lexer.pop()


def _regex_close(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.token("sr")
    lexer.goto("regex_end")


def _leave(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.pop()


class LuaLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\#!(.*?)$", "cp"),
            rule(r"", "", "base"),
        ],
        "base": [
            rule(r"--\[(=*)\[.*?\]\1\]", "cm", flags=re.S),
            rule(r"--.*$", "c1"),
            rule(r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", "mf"),
            rule(r"(?i)\d+e[+-]?\d+", "mf"),
            rule(r"(?i)0x[0-9a-f]*", "mh"),
            rule(r"\d+", "mi"),
            rule(r"\n", ""),
            rule(r"[^\S\n]", ""),
            rule(r"\[(=*)\[.*?\]\1\]", "s", flags=re.S),
            rule(r"(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])", "o"),
            rule(r"[\[\]{}().,:;]", "p"),
            rule(r"(and|or|not)\b", "ow"),
            rule(r"(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b", "k"),
            rule(r"(local)\b", "kd"),
            rule(r"(true|false|nil)\b", "kc"),
            rule(r"(function)\b", "k", "function_name"),
            rule(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", _name),
            rule(r"'", "s1", "escape_sqs"),
            rule(r'"', "s2", "escape_dqs"),
        ],
        "function_name": [
            rule(r"\s+", ""),
            rule(r"(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)", _function_name),
            rule(r"\(", "p", "#pop"),
        ],
        "gsub": [
            rule(r"\)", "p", "#pop"),
            rule(r"[(,]", "p"),
            rule(r"\s+", ""),
            rule(r'"', "sr", "regex"),
        ],
        "regex": [
            rule(r'"', _regex_close),
            rule(r"\[\^?", "se", "regex_group"),
            rule(r"\\.", "se"),
            rule(r"[(][?][:=<!]", "se"),
            rule(r"[{][\d,]+[}]", "se"),
            rule(r"[()?]", "se"),
            rule(r".", "sr"),
        ],
        "regex_end": [
            rule(r"[$]+", "sr", "#pop"),
            rule(r"", _leave),
        ],
        "regex_group": [
            rule(r"/", "se"),
            rule(r"\]", "se", "#pop"),
            rule(r"(\\)(.)", ("se", "sr")),
            rule(r".", "sr"),
        ],
        "escape_sqs": [Mixin("string_escape"), Mixin("sqs")],
        "escape_dqs": [Mixin("string_escape"), Mixin("dqs")],
        "string_escape": [rule(r"\\([abfnrtv\\\"']|\d{1,3})", "se")],
        "sqs": [rule(r"'", "s1", "#pop"), rule(r"[^']+", "s1")],
        "dqs": [rule(r'"', "s2", "#pop"), rule(r'[^"]+', "s2")],
    }
