"""Rouge 3.30-compatible syntax highlighting, as Jekyll 4.3.1 produces it.

Rouge's HTML formatter wraps every token in ``<span class="SHORTNAME">`` (plain text
unwrapped), merges adjacent tokens of one type and escapes only ``&``, ``<`` and ``>``.
What the tokens are is decided by Rouge's lexer for the language, so the languages
academic sites use have Rouge's lexers re-expressed in ``lexers/`` on the ``engine``
module, which reproduces Rouge's matching rules: their markup is byte-identical to
Rouge's. Every other language Rouge knows falls back to the Pygments lexer of that name,
its token types mapped onto Rouge's classes (Rouge's token names are Pygments' standard
types), which is close but not identical.
"""

from __future__ import annotations

import html
import importlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional

from .engine import ContinuingLexer, LexerOptions, RegexLexer, merged

if TYPE_CHECKING:  # Pygments is imported only when a language falls back to it (~30 ms)
    from pygments.lexer import Lexer
    from pygments.token import _TokenType

# Rouge's lexer tags with the other names Rouge::Lexer.find accepts (case-sensitive).
ROUGE_LEXERS: dict[str, tuple[str, ...]] = {
    "abap": (),
    "actionscript": ("as", "as3", ),
    "ada": (),
    "apache": (),
    "apex": (),
    "apiblueprint": ("apib", ),
    "applescript": (),
    "armasm": (),
    "augeas": ("aug", ),
    "awk": (),
    "batchfile": ("bat", "batch", "dosbatch", "winbatch", ),
    "bbcbasic": (),
    "bibtex": ("bib", ),
    "biml": (),
    "bpf": (),
    "brainfuck": (),
    "brightscript": ("brs", "bs", ),
    "bsl": (),
    "c": (),
    "ceylon": (),
    "cfscript": ("cfc", ),
    "clean": (),
    "clojure": ("clj", "cljs", ),
    "cmake": (),
    "cmhg": (),
    "coffeescript": ("coffee", "coffee-script", ),
    "common_lisp": ("cl", "common-lisp", "elisp", "emacs-lisp", "lisp", ),
    "conf": ("config", "configuration", ),
    "console": ("shell-session", "shell_session", "terminal", ),
    "coq": (),
    "cpp": ("c++", ),
    "crystal": ("cr", ),
    "csharp": ("c#", "cs", ),
    "css": (),
    "csvs": (),
    "cuda": (),
    "cypher": (),
    "cython": ("pyrex", "pyx", ),
    "d": ("dlang", ),
    "dafny": (),
    "dart": (),
    "datastudio": (),
    "diff": ("patch", "udiff", ),
    "digdag": (),
    "docker": ("Dockerfile", "dockerfile", ),
    "dot": (),
    "ecl": (),
    "eex": ("heex", "leex", ),
    "eiffel": (),
    "elixir": ("exs", ),
    "elm": (),
    "email": ("e-mail", "eml", ),
    "epp": (),
    "erb": ("eruby", "rhtml", ),
    "erlang": ("erl", ),
    "escape": ("esc", ),
    "factor": (),
    "fluent": ("ftl", ),
    "fortran": (),
    "freefem": ("ff", ),
    "fsharp": (),
    "gdscript": ("gd", ),
    "ghc-cmm": ("cmm", ),
    "ghc-core": (),
    "gherkin": ("behat", "cucumber", ),
    "glsl": (),
    "go": ("golang", ),
    "gradle": (),
    "graphql": (),
    "groovy": (),
    "hack": ("hh", ),
    "haml": ("HAML", ),
    "handlebars": ("hbs", "mustache", ),
    "haskell": ("hs", ),
    "haxe": ("hx", ),
    "hcl": (),
    "hlsl": (),
    "hocon": (),
    "hql": (),
    "html": (),
    "http": (),
    "hylang": ("hy", ),
    "idlang": (),
    "idris": ("idr", ),
    "igorpro": (),
    "ini": (),
    "io": (),
    "irb": ("pry", ),
    "irb_output": (),
    "isabelle": ("Isabelle", "isa", ),
    "isbl": (),
    "j": (),
    "janet": ("jdn", ),
    "java": (),
    "javascript": ("js", ),
    "jinja": ("django", ),
    "jsl": (),
    "json": (),
    "json-doc": ("jsonc", ),
    "jsonnet": (),
    "jsp": (),
    "jsx": ("react", ),
    "julia": ("jl", ),
    "kotlin": (),
    "lasso": ("lassoscript", ),
    "lean": (),
    "liquid": (),
    "literate_coffeescript": ("litcoffee", ),
    "literate_haskell": ("lhaskell", "lhs", "lithaskell", ),
    "livescript": ("ls", ),
    "llvm": (),
    "lua": (),
    "lustre": (),
    "lutin": (),
    "m68k": (),
    "magik": (),
    "make": ("bsdmake", "gnumake", "makefile", "mf", ),
    "markdown": ("md", "mkd", ),
    "mason": (),
    "mathematica": ("wl", ),
    "matlab": ("m", ),
    "meson": (),
    "minizinc": (),
    "moonscript": ("moon", ),
    "mosel": (),
    "msgtrans": (),
    "mxml": (),
    "nasm": (),
    "nesasm": ("nes", ),
    "nginx": (),
    "nial": (),
    "nim": ("nimrod", ),
    "nix": ("nixos", ),
    "objective_c": ("obj-c", "obj_c", "objc", "objectivec", ),
    "objective_cpp": ("obj-c++", "obj-cpp", "obj_c++", "obj_cpp", "objc++", "objcpp", "objectivec++", "objectivecpp", ),
    "ocaml": (),
    "ocl": ("OCL", ),
    "openedge": (),
    "opentype_feature_file": ("fea", "opentype", "opentypefeature", ),
    "pascal": (),
    "perl": ("pl", ),
    "php": ("php3", "php4", "php5", ),
    "plaintext": ("text", ),
    "plist": (),
    "plsql": (),
    "pony": (),
    "postscript": ("eps", "postscr", "ps", ),
    "powershell": ("microsoftshell", "msshell", "posh", ),
    "praat": (),
    "prolog": (),
    "prometheus": (),
    "properties": (),
    "protobuf": ("proto", ),
    "puppet": ("pp", ),
    "python": ("py", ),
    "q": ("kdb+", ),
    "qml": (),
    "r": ("R", "S", "s", ),
    "racket": (),
    "reasonml": (),
    "rego": (),
    "rescript": (),
    "robot_framework": ("robot", "robot-framework", ),
    "ruby": ("rb", ),
    "rust": ("rs", "rs,ignore", "rs,no_run", "rs,should_panic", "rust,ignore", "rust,no_run", "rust,should_panic", ),
    "sas": (),
    "sass": (),
    "scala": (),
    "scheme": (),
    "scss": (),
    "sed": (),
    "shell": ("bash", "ksh", "sh", "zsh", ),
    "sieve": (),
    "slice": (),
    "slim": (),
    "smalltalk": ("squeak", "st", ),
    "smarty": (),
    "sml": ("ml", ),
    "solidity": (),
    "sparql": (),
    "sqf": (),
    "sql": (),
    "ssh": (),
    "stan": (),
    "stata": (),
    "supercollider": (),
    "swift": (),
    "systemd": ("unit-file", ),
    "syzlang": (),
    "syzprog": (),
    "tap": (),
    "tcl": (),
    "terraform": ("tf", ),
    "tex": ("LaTeX", "TeX", "latex", ),
    "toml": (),
    "tsx": (),
    "ttcn3": (),
    "tulip": (),
    "turtle": (),
    "twig": (),
    "typescript": ("ts", ),
    "vala": (),
    "vb": ("visualbasic", ),
    "vcl": ("varnish", "varnishconf", ),
    "velocity": (),
    "verilog": (),
    "vhdl": (),
    "viml": ("ex", "vim", "vimscript", ),
    "vue": ("vuejs", ),
    "wollok": (),
    "xml": (),
    "xojo": ("realbasic", ),
    "xpath": (),
    "xquery": (),
    "yaml": ("yml", ),
    "yang": (),
    "zig": ("zir", ),
}

# Rouge tags whose Pygments lexer goes by another name.
_PYGMENTS_NAMES: dict[str, str] = {
    "cfscript": "cfc",
    "literate_haskell": "lhaskell",
    "robot_framework": "robotframework",
    "vb": "vbnet",
    "viml": "vim",
}

_TAG_BY_NAME: dict[str, str] = {
    name: tag for tag, aliases in ROUGE_LEXERS.items() for name in (tag, *aliases)
}

# The short CSS classes Rouge's token table defines (rouge/token.rb); Pygments types
# outside it take their nearest ancestor's class.
_ROUGE_SHORTNAMES = frozenset(
    "w esc err x k kc kd kn kp kr kt kv n na nb bp nc no nd ni ne nf fm py nl nn nx nt nv "
    "vc vg vi vm l ld s sa sb sc dl sd s2 se sh si sx sr s1 ss m mb mf mh mi il mo mx o ow "
    "p pi c ch cd cm cp cpf c1 cs g gd ge gr gh gi go gp gs gu gt gl".split()
)


def fancy_lexer_name(lang: str) -> tuple[str, LexerOptions]:
    """The lexer name and options of ``name?key=value&...`` as ``Rouge::Lexer.find_fancy`` reads it
    (``CGI.parse`` of the query: pairs split at ``&`` or ``;``, each side URL-unescaped)."""
    from urllib.parse import unquote_plus

    name, mark, query = lang.partition("?")
    options: LexerOptions = {}
    for pair in re.split(r"[&;]", query) if mark else ():
        if not pair:
            continue
        key, has_value, value = pair.partition("=")
        values = options.setdefault(unquote_plus(key), [])
        if has_value:
            values.append(unquote_plus(value))
    return name, options


def rouge_lexer_tag(name: str) -> Optional[str]:
    """Rouge's tag for the language *name* (e.g. ``sh`` -> ``shell``), or None."""
    return _TAG_BY_NAME.get(name)


@lru_cache(maxsize=None)
def _css_class(ttype: _TokenType) -> str:
    """Rouge's short class for a Pygments token type ('' for plain text)."""
    from pygments.token import STANDARD_TYPES, Token

    while ttype is not Token:
        if ttype is Token.Text or ttype is Token.Text.Whitespace:
            return ""  # Rouge's lexers mostly leave whitespace as plain text
        short = STANDARD_TYPES.get(ttype)
        if short in _ROUGE_SHORTNAMES:
            return short
        ttype = ttype.parent or Token  # only Token itself has no parent
    return ""


@lru_cache(maxsize=None)
def _pygments_lexer(tag: str) -> Optional[Lexer]:
    """One Pygments lexer per Rouge tag, built once: lexer construction is costly."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(_PYGMENTS_NAMES.get(tag, tag), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Rouge tags with a lexer of their own in ``lexers/`` (module name, class name).
_OWN_LEXERS: dict[str, tuple[str, str]] = {
    "apache": ("apache", "ApacheLexer"),
    "applescript": ("applescript", "AppleScriptLexer"),
    "awk": ("awk", "AwkLexer"),
    "batchfile": ("batchfile", "BatchfileLexer"),
    "bibtex": ("bibtex", "BibTeXLexer"),
    "c": ("c", "CLexer"),
    "clojure": ("clojure", "ClojureLexer"),
    "cmake": ("cmake", "CMakeLexer"),
    "common_lisp": ("common_lisp", "CommonLispLexer"),
    "conf": ("conf", "ConfLexer"),
    "console": ("console", "ConsoleLexer"),
    "coq": ("coq", "CoqLexer"),
    "cpp": ("c", "CppLexer"),
    "csharp": ("csharp", "CSharpLexer"),
    "css": ("css", "CSSLexer"),
    "cuda": ("c", "CUDALexer"),
    "cython": ("cython", "CythonLexer"),
    "dart": ("dart", "DartLexer"),
    "diff": ("diff", "DiffLexer"),
    "dot": ("dot", "DotLexer"),
    "docker": ("docker", "DockerLexer"),
    "elixir": ("elixir", "ElixirLexer"),
    "erb": ("erb", "ERBLexer"),
    "erlang": ("erlang", "ErlangLexer"),
    "fortran": ("fortran", "FortranLexer"),
    "fsharp": ("fsharp", "FSharpLexer"),
    "glsl": ("glsl", "GLSLLexer"),
    "go": ("go", "GoLexer"),
    "gradle": ("groovy", "GradleLexer"),
    "graphql": ("graphql", "GraphQLLexer"),
    "groovy": ("groovy", "GroovyLexer"),
    "haskell": ("haskell", "HaskellLexer"),
    "hlsl": ("hlsl", "HLSLLexer"),
    "handlebars": ("handlebars", "HandlebarsLexer"),
    "html": ("html", "HTMLLexer"),
    "idlang": ("idlang", "IDLangLexer"),
    "ini": ("ini", "INILexer"),
    "irb": ("console", "IRBLexer"),
    "isabelle": ("isabelle", "IsabelleLexer"),
    "java": ("java", "JavaLexer"),
    "javascript": ("javascript", "JavascriptLexer"),
    "json": ("json", "JSONLexer"),
    "json-doc": ("json", "JSONDocLexer"),
    "jsx": ("jsx", "JSXLexer"),
    "julia": ("julia", "JuliaLexer"),
    "lean": ("lean", "LeanLexer"),
    "liquid": ("liquid", "LiquidLexer"),
    "kotlin": ("kotlin", "KotlinLexer"),
    "llvm": ("llvm", "LLVMLexer"),
    "lua": ("lua", "LuaLexer"),
    "make": ("make", "MakeLexer"),
    "markdown": ("markdown", "MarkdownLexer"),
    "mathematica": ("mathematica", "MathematicaLexer"),
    "matlab": ("matlab", "MatlabLexer"),
    "nginx": ("nginx", "NginxLexer"),
    "objective_c": ("objective_c", "ObjectiveCLexer"),
    "objective_cpp": ("objective_c", "ObjectiveCppLexer"),
    "nix": ("nix", "NixLexer"),
    "ocaml": ("ocaml", "OCamlLexer"),
    "php": ("php", "PHPLexer"),
    "pascal": ("pascal", "PascalLexer"),
    "perl": ("perl", "PerlLexer"),
    "powershell": ("powershell", "PowershellLexer"),
    "praat": ("praat", "PraatLexer"),
    "prolog": ("prolog", "PrologLexer"),
    "properties": ("properties", "PropertiesLexer"),
    "protobuf": ("protobuf", "ProtobufLexer"),
    "python": ("python", "PythonLexer"),
    "r": ("r", "RLexer"),
    "racket": ("racket", "RacketLexer"),
    "ruby": ("ruby", "RubyLexer"),
    "rust": ("rust", "RustLexer"),
    "sas": ("sas", "SASLexer"),
    "sass": ("sass", "SassLexer"),
    "scala": ("scala", "ScalaLexer"),
    "scheme": ("scheme", "SchemeLexer"),
    "scss": ("scss", "ScssLexer"),
    "sed": ("sed", "SedLexer"),
    "shell": ("shell", "ShellLexer"),
    "sml": ("sml", "SMLLexer"),
    "sparql": ("sparql", "SPARQLLexer"),
    "sql": ("sql", "SQLLexer"),
    "stan": ("stan", "StanLexer"),
    "stata": ("stata", "StataLexer"),
    "swift": ("swift", "SwiftLexer"),
    "tcl": ("tcl", "TclLexer"),
    "tex": ("tex", "TeXLexer"),
    "toml": ("toml", "TOMLLexer"),
    "tsx": ("jsx", "TSXLexer"),
    "turtle": ("turtle", "TurtleLexer"),
    "typescript": ("javascript", "TypescriptLexer"),
    "vb": ("vb", "VisualBasicLexer"),
    "verilog": ("verilog", "VerilogLexer"),
    "vhdl": ("vhdl", "VHDLLexer"),
    "vue": ("vue", "VueLexer"),
    "viml": ("viml", "VimLLexer"),
    "xml": ("html", "XMLLexer"),
    "yaml": ("yaml", "YAMLLexer"),
}


@lru_cache(maxsize=None)
def _own_lexer_class(tag: str) -> Optional[type]:
    spec = _OWN_LEXERS.get(tag)
    if spec is None:
        return None
    module = importlib.import_module(f"{__name__}.lexers.{spec[0]}")
    return getattr(module, spec[1])


class _PygmentsLexer:
    """A Pygments lexer behind the ``continue_lex`` interface of the own lexers."""

    def __init__(self, lexer: Lexer) -> None:
        self.lexer = lexer

    def continue_lex(self, text: str) -> Iterable[tuple[str, str]]:
        return ((_css_class(ttype), value) for _, ttype, value in self.lexer.get_tokens_unprocessed(text))


class _PlainLexer:
    """Rouge's PlainText lexer: the whole text as one token of one class."""

    def __init__(self, css: str = "") -> None:
        self.css = css

    def continue_lex(self, text: str) -> Iterable[tuple[str, str]]:
        return [(self.css, text)] if text else []


def lexer_for(tag: str, options: Optional[LexerOptions] = None) -> "RegexLexer | _PygmentsLexer | _PlainLexer":
    """A fresh lexer for the Rouge lexer *tag*, for lexers that hand code on."""
    own = _own_lexer_class(tag) if tag != "plaintext" else None
    if own is not None:
        lexer = own()
        if options and isinstance(lexer, RegexLexer):
            lexer.configure(options)
        return lexer
    pygments_lexer = _pygments_lexer(tag) if tag != "plaintext" else None
    return _PygmentsLexer(pygments_lexer) if pygments_lexer is not None else _PlainLexer()


def template_parent(options: LexerOptions) -> ContinuingLexer:
    """A template lexer's (ERB, PHP) ``parent`` option: the named language, else HTML."""
    values = options.get("parent")
    tag = rouge_lexer_tag(values[-1]) if values else None
    rest = {key: value for key, value in options.items() if key != "parent"}
    return lexer_for(tag or "html", rest)


def rouge_tokens(code: str, tag: str, options: Optional[LexerOptions] = None) -> list[tuple[str, str]]:
    """(short class, text) pairs as Rouge would lex *code*, same-class neighbours merged."""
    try:
        return merged(lexer_for(tag, options).continue_lex(code))
    except RecursionError:
        # Deeply nested input (Rouge would stack states too); show it unhighlighted.
        return [("", code)] if code else []


def format_tokens(tokens: Iterable[tuple[str, str]]) -> str:
    """Rouge's HTML formatter: a span per token, plain text bare."""
    return "".join(
        f'<span class="{css}">{_escape(value)}</span>' if css else _escape(value)
        for css, value in tokens
    )


def rouge_html(code: str, lang: str) -> Optional[str]:
    """Rouge's token markup for *code* in *lang* (``name?option=value`` as ``find_fancy``
    reads it), or None when Rouge has no such lexer."""
    name, options = fancy_lexer_name(lang)
    tag = rouge_lexer_tag(name)
    if tag is None:
        return None
    return format_tokens(rouge_tokens(code, tag, options))


# Jekyll's HighlightBlock strips line terminators at both ends of the block body.
_OUTER_LINE_TERMINATORS = re.compile(r"\A[\n\r]+|[\n\r]+\Z")


def _html_table(tokens: list[tuple[str, str]]) -> str:
    """Rouge's HTMLTable formatter as Jekyll configures it for ``linenos``."""
    code = format_tokens(tokens)
    lines = sum(value.count("\n") for _, value in tokens)
    if not tokens or not tokens[-1][1].endswith("\n"):
        lines += 1
        code += "\n"
    gutter = "".join(f"{number}\n" for number in range(1, lines + 1))
    return ('<table class="rouge-table"><tbody><tr><td class="gutter gl">'
            f'<pre class="lineno">{gutter}</pre></td><td class="code"><pre>{code}</pre></td>'
            "</tr></tbody></table>")


def highlight_tag_html(code: str, lang: str, *, linenos: bool = False,
                       mark_lines: Optional[list[int]] = None) -> str:
    """What Jekyll 4.3.1's ``{% highlight lang [linenos] %}`` outputs for a rendered body.

    An unknown *lang* falls back to Rouge's plain text lexer. *mark_lines* is accepted
    and ignored: Jekyll 4.3.1 parses ``mark_lines="1 2"`` but does not use it.
    """
    del mark_lines
    code = _OUTER_LINE_TERMINATORS.sub("", code)
    tag = rouge_lexer_tag(lang) or "plaintext"
    tokens = rouge_tokens(code, tag)
    body = _html_table(tokens) if linenos else format_tokens(tokens)
    return figure_html(body, lang)


def plain_tag_html(code: str, lang: str) -> str:
    """The highlight tag's output when the site's highlighter is neither rouge nor pygments."""
    code = _OUTER_LINE_TERMINATORS.sub("", code)
    escaped = html.escape(code, quote=True).replace("&#x27;", "&#39;")
    return figure_html(escaped.strip(" \t\n\v\f\r\0"), lang)


def figure_html(body: str, lang: str) -> str:
    """Jekyll's wrapper around highlighted code (``add_code_tag``), chomping one newline."""
    if body.endswith("\r\n"):
        body = body[:-2]
    elif body.endswith(("\n", "\r")):
        body = body[:-1]
    css_lang = lang.replace("+", "-")
    return (f'<figure class="highlight"><pre><code class="language-{css_lang}" data-lang="{lang}">'
            f"{body}</code></pre></figure>")
