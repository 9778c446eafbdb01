"""The generated cases of the Liquid differential fuzzer: filter inputs x filter calls, and templates.

Inputs live in the site's ``_data/f.yml`` so both sides read them through their own YAML loader
(dates, ``nil``, hashes, arrays, numbers as strings); each case prints one filter call on one input
between brackets, so a difference in how the result is printed is a difference too.
"""

from __future__ import annotations

import random

DATA_YAML = """\
nothing: ""
space: " "
ideo: "\\u3000abc\\u3000"
nbsp: "\\u00a0x y\\u00a0"
ascii_ws: "\\t\\n x \\r\\n\\f\\v"
nul: "\\0x\\0"
nel: "\\u0085a\\u2028b\\u2029"
zwsp: "\\u200bzero\\ufeff"
upper: "ÉCOLE ÀÖ ΣΑΣ"
lower: "été ß ﬁ ǆ ı"
title: "ǅemo İstanbul"
cjk: "日本語のテキストです 中文"
words: "héllo wörld ünïcode täxt hère and more words"
spaces: "  many   spaces\\t\\tand\\n\\nlines  "
num_int: "10"
num_float: "3.5"
num_neg: "-2"
num_exp: "1e3"
num_junk: "12abc"
num_padded: " 12 "
num_grouped: "1,000"
num_hex: "0x1A"
num_neg_zero: "-0"
num_whole: "3.0"
num_under: "1_000"
crlf: "line one\\r\\nline two\\r\\n\\r\\n<p>para</p>\\n"
script: "<script>\\nvar x = '<b>';\\n</script><!-- c\\n -->Text <b>bold</b>\\n<style>p{}</style>"
date_str: "2020-01-02"
time_str: "2020-01-02 10:20:30 +0100"
html: "<a href='x'>&amp; \\"q\\" &lt;</a>"
commas: "a,b,,c,"
emoji: "emoji 😀 text 👍🏽"
tabbed: "Tab\\tsep\\nnew"
slug: "Héllo, Wörld! The_Quick  brown-fox.txt 日本"
url_dots: "a/./b/../c/"
url_query: "x y?q=a b&c=[1]|é#frag ment[]"
url_pct: "/%41%zz%e9/é ü/"
url_colon: "a:b/c"
url_host: "//host/p q"
null_v: null
true_v: true
false_v: false
zero: 0
int: 7
neg: -3
float: 2.5
whole_float: 1.0
big_float: 1.0e+20
small_float: 0.0001
tenth: 0.1
date: 2020-01-02
time: 2020-01-02 03:04:05 +0000
tz_z: 2020-01-02T03:04:05Z
tz_colon: 2020-01-02 03:04:05 +01:00
tz_plain: 2020-01-02 03:04:05 -0500
tz_none: 2020-01-02 03:04:05
d_short: 2020-1-2
d_bad: 2020-02-30
arr_empty: []
arr_num: [3, 1, 2]
arr_str: ["b", "a", "C", "ä"]
arr_nil: [null, "a", null, 1]
arr_nested: [[1, 2], [3, [4, "x"]], []]
arr_dup: ["a", "a", "b", "A"]
arr_mixed: [3, "10", 2.5, "x"]
arr_hash: [{"n": "x", "v": 2, "t": ["a"]}, {"n": "y", "v": null}, {"n": "Z"}, {"v": "1"}]
hash_empty: {}
hash: {"a": 1, "b": "x", "c": [1, 2], "d": null}
"""

#: The inputs' names, and ``missing``, which the data does not define (an undefined value, nil to Ruby).
INPUT_NAMES = [line.split(":", 1)[0] for line in DATA_YAML.splitlines() if line and not line.startswith(" ")]
INPUT_NAMES.append("missing")

#: Filter calls (the text after ``|``), the standard ones and Jekyll's.
FILTER_CALLS = [
    "strip", "lstrip", "rstrip", "strip_newlines", "newline_to_br", "strip_html",
    "upcase", "downcase", "capitalize",
    "size", "first", "last", "reverse", "join", "join: ', '", "split: ','", "split: ''", "split: ' '",
    "truncate: 5", "truncate: 8, '…'", "truncate: 0", "truncate: 3, ''", "truncatewords: 2", "truncatewords: 1, '…'",
    "truncatewords: 0",
    "slice: 1", "slice: 1, 3", "slice: -2, 2", "slice: 0, 0",
    "sort", "sort_natural", "uniq", "compact", "sort: 'n'", "sort: 'v'", "sort_natural: 'n'", "uniq: 'n'",
    "compact: 'v'", "map: 'n'", "where: 'n', 'x'", "where: 'v'", "where: 'v', nil", "where_exp: 'i', 'i.v'",
    "where_exp: 'i', 'i == \"a\"'", "group_by: 'n'", "group_by: 'v'", "group_by_exp: 'i', 'i.n'",
    "find: 'n', 'x'", "concat: site.data.f.arr_num", "push: 'z'", "pop", "shift", "unshift: 'z'",
    "sample: 0",
    "plus: 1", "plus: '1.5'", "minus: 2", "minus: 0.5", "times: 3", "times: '2.0'", "divided_by: 2",
    "divided_by: 2.0", "divided_by: '4'", "modulo: 3", "modulo: 2.5", "round", "round: 1", "ceil", "floor", "abs",
    "at_least: 5", "at_most: 5",
    "default: 'dflt'", "default: 'dflt', allow_false: true",
    "escape", "escape_once", "url_encode", "url_decode", "uri_escape", "cgi_escape", "xml_escape",
    "slugify", "slugify: 'raw'", "slugify: 'default'", "slugify: 'pretty'", "slugify: 'ascii'", "slugify: 'latin'",
    "slugify: 'none'", "jsonify", "inspect", "number_of_words", "number_of_words: 'cjk'",
    "number_of_words: 'auto'", "array_to_sentence_string", "array_to_sentence_string: 'or'",
    "normalize_whitespace", "markdownify", "smartify", "append: 'x'", "prepend: 'x'",
    "replace: 'a', 'b'", "replace_first: 'a', 'b'", "remove: 'a'", "remove_first: 'a'",
    "date: '%Y-%m-%d %H:%M:%S %z %a %b %e %-d %j %p %I %l %Z %s %%'", "date: '%B %-m %y %U %W %u %w %c %x %X'",
    "date_to_string", "date_to_string: 'ordinal'", "date_to_string: 'ordinal', 'US'", "date_to_long_string",
    "date_to_long_string: 'ordinal'", "date_to_xmlschema", "date_to_rfc822",
    "to_integer", "absolute_url", "relative_url", "base64_encode",
]

#: Whitespace control across tags, with Unicode spaces next to the trimming markers.
TRIM_TEMPLATES = [
    "a\u3000{{- 'x' -}}\u3000b", "a\u00a0{{- 'x' -}}\u00a0b", "a \u3000 {{- 'x' -}} \u3000 b",
    "a\u2003\n{%- if true -%}\n\u2003b{%- endif -%}\u00a0c", "\u3000{%- assign q = 1 -%}\u3000|",
    "a\u0085{{- 1 -}}\u0085b", "a\u200b{{- 1 -}}\u200bb", "a\x0b{{- 1 -}}\x0cb", "a\x00{{- 1 -}}\x00b",
    "x{%- comment -%} c {%- endcomment -%}\u3000y", "x\u3000{%- raw -%}\u3000r\u3000{%- endraw -%}\u3000y",
    "[{%- include inc.html -%}]", "[{% include inc.html %}]", "[{%- include noeol.html -%}]",
    "[{%- include ws.html -%}]", "[{{- 'a' -}}\n\n]",
    "[\n{%- for i in (1..2) -%}\n\u3000{{ i }}\u3000\n{%- endfor -%}\n]",
]

INCLUDES = {
    "_includes/inc.html": "\n  inc\n\n",
    "_includes/noeol.html": "noeol",
    "_includes/ws.html": "\u3000w\u3000\n",
}


def filter_cases() -> list[str]:
    """Every filter call on every input, printed between brackets."""
    return [f"[{{{{ site.data.f.{name} | {call} }}}}]" for call in FILTER_CALLS for name in INPUT_NAMES]


def chained_cases(count: int, seed: int = 13) -> list[str]:
    """Random chains of two or three filters on random inputs (same seed, same cases)."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        calls = " | ".join(rng.choice(FILTER_CALLS) for _ in range(rng.randint(2, 3)))
        cases.append(f"[{{{{ site.data.f.{rng.choice(INPUT_NAMES)} | {calls} }}}}]")
    return cases


def site_files() -> dict[str, str]:
    return {"_config.yml": "title: fuzz\n", "_data/f.yml": DATA_YAML, **INCLUDES}


#: Layouts and includes around pages, for whitespace control across files (built, not rendered).
LAYOUT_PIECES = {
    "_layouts/plain.html": "<main>{{ content }}</main>\n",
    "_layouts/noeol.html": "{{ content }}",
    "_layouts/trim.html": "<b>\n{{- content -}}\n</b>\n",
    "_layouts/nested.html": "---\nlayout: trim\n---\n\u3000[{{ content }}]\u3000",
    "_includes/eol.html": "inc\n",
    "_includes/two.html": "\n\ntwo\n\n",
    "_includes/unicode.html": "\u00a0u\u3000\n",
    "_includes/tagged.html": "{%- if true -%}\n  t  \n{%- endif -%}\n",
}

LAYOUT_BODIES = [
    "A{% include eol.html %}B\n", "A{%- include eol.html -%}B\n", "A\n{%- include two.html -%}\nB",
    "\u3000{%- include unicode.html -%}\u3000", "x {%- include tagged.html %} y\n", "{{ 'a' -}}\n\n",
    "\n{%- include two.html %}", "text without newline", "{% include eol.html %}",
]


def layout_site_pages() -> dict[str, str]:
    """Every body under every layout (and none), as pages of one site."""
    pages = {}
    for index, body in enumerate(LAYOUT_BODIES):
        for layout in ("null", "plain", "noeol", "trim", "nested"):
            pages[f"p{index}-{layout}.html"] = f"---\nlayout: {layout}\n---\n{body}"
            pages[f"m{index}-{layout}.md"] = f"---\nlayout: {layout}\n---\n{body}"
    return {"_config.yml": "title: fuzz\n", **LAYOUT_PIECES, **pages}


#: Inputs that are numbers: Ruby's ``Integer#size`` is 8 (bytes), a detail liquidsite leaves out.
NUMBER_NAMES = frozenset(("zero", "int", "neg", "float", "whole_float", "big_float", "small_float", "tenth"))

#: The inputs of tag templates: all but the time without a zone (Ruby's ``==`` takes it as local time and
#: equal to the same instant with a zone; python-liquid's ``_eq`` compares naive and aware as unequal).
TEMPLATE_INPUTS = [name for name in INPUT_NAMES if name != "tz_none"]


class TemplateGenerator:
    """Random templates of Liquid's tags (``if``/``unless``/``case``/``for``/``tablerow``/``capture``/
    ``cycle``/``increment``/``liquid``...) over the fuzzer's inputs, with whitespace control, literals,
    ranges, ``forloop`` and the lax forms real themes write (``{% if {{ v }} %}``, parentheses).

    Left out, as differences liquidsite keeps (``test_liquid_fuzz.py``'s notes): ``.size`` of a number,
    ranges printed or with bounds that are not integers, ``empty``/``blank`` as a ``case`` subject or
    compared with each other (Jekyll's own ``MethodLiteral`` is not the one ``Condition`` knows), text
    other than ASCII whitespace before a ``case``'s first ``when``, whitespace control on ``raw``, a ``when``
    or ``case`` whose variable a ``when`` body assigns, the time without a zone (``TEMPLATE_INPUTS``),
    ``empty``/``blank`` in a condition only Liquid's lax parser reads (:meth:`condition`)."""

    TEXT = ("a", " ", "\n", "  b\n", "\u3000", "\t", "x y", "", "\u00a0")
    LITERALS = ("'a'", '"x"', "''", "1", "0", "-1", "2.5", "'10'", "nil", "true", "false", "empty", "blank",
                "'ä'", "' '")
    OPERATORS = ("==", "!=", "<>", "<", ">", "<=", ">=", "contains")
    ACCESSORS = ("", "", "", ".size", ".first", ".last", "[0]", "[1]", "['a']", ".a", "[-1]", ".n")
    BOUNDS = ("1", "3", "0", "-1", "site.data.f.int", "site.data.f.arr_num.size", "site.data.f.neg")
    METHOD_LITERALS = ("empty", "blank")

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.loop_depth = 0

    def value(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.5:
            name = rng.choice(TEMPLATE_INPUTS)
            accessor = rng.choice(self.ACCESSORS)
            return f"site.data.f.{name}{'' if accessor == '.size' and name in NUMBER_NAMES else accessor}"
        if roll < 0.75:
            return rng.choice(self.LITERALS)
        if roll < 0.85 and self.loop_depth:
            return rng.choice(("forloop.index", "forloop.first", "forloop.last", "forloop.rindex0",
                               "forloop.length", "item", "item.n", "forloop.parentloop.index"))
        return rng.choice(("v", "c", "w", "undefined_name", "page.path", "site.title"))

    def collection(self) -> str:
        if self.rng.random() < 0.2:
            return f"({self.rng.choice(self.BOUNDS)}..{self.rng.choice(self.BOUNDS)})"
        return self.value()

    def fixed(self) -> str:
        """A value no tag of the template assigns (python-liquid evaluates a ``case``'s subject once and
        every ``when`` before rendering any; Ruby does so ``when`` by ``when``, seeing a body's ``assign``)."""
        value = self.value()
        return "undefined_name" if value in ("v", "c", "w") else value

    def subject(self) -> str:
        """A value that is no ``empty``/``blank`` literal and no variable a tag assigns."""
        value = self.fixed()
        return "nil" if value in self.METHOD_LITERALS else value

    def condition(self) -> str:
        """``a op b and c ...``; one in ten in a lax form (``{{ ... }}``, parentheses), whose ``empty``/``blank``
        are left out: Liquid's lax parser makes them Jekyll's ``Expression::MethodLiteral``, truthy and equal
        to nothing, which liquidsite reads as ``""``."""
        rng = self.rng
        lax = rng.random()
        left = self.subject if lax < 0.1 else self.value
        parts = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            parts.append(left() if rng.random() < 0.3 else f"{left()} {rng.choice(self.OPERATORS)} {self.subject()}")
        text = parts[0]
        for part in parts[1:]:
            text += f" {rng.choice(('and', 'or'))} {part}"
        if lax < 0.05:
            return f"{{{{ {text} }}}}"
        if lax < 0.1:
            return f"({text})"
        return text

    def output(self) -> str:
        rng = self.rng
        calls = "".join(f" | {rng.choice(FILTER_CALLS)}" for _ in range(rng.choice((0, 0, 0, 1))))
        return f"{self.open_output()} {self.value()}{calls} {self.close_output()}"

    def open_output(self) -> str:
        return self.rng.choice(("{{", "{{", "{{-"))

    def close_output(self) -> str:
        return self.rng.choice(("}}", "}}", "-}}"))

    def tag(self, body: str) -> str:
        return f"{self.rng.choice(('{%', '{%', '{%-'))} {body} {self.rng.choice(('%}', '%}', '-%}'))}"

    def block(self, depth: int) -> str:
        rng = self.rng
        pieces = []
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.3 or depth > 1:
                pieces.append(rng.choice(self.TEXT) if rng.random() < 0.5 else self.output())
            elif roll < 0.45:
                branches = [self.tag(f"if {self.condition()}"), self.block(depth + 1)]
                for _ in range(rng.choice((0, 0, 1, 2))):
                    branches += [self.tag(f"elsif {self.condition()}"), self.block(depth + 1)]
                if rng.random() < 0.5:
                    branches += [self.tag("else"), self.block(depth + 1)]
                pieces.append("".join(branches) + self.tag("endif"))
            elif roll < 0.52:
                pieces.append(self.tag(f"unless {self.condition()}") + self.block(depth + 1)
                              + (self.tag("else") + self.block(depth + 1) if rng.random() < 0.4 else "")
                              + self.tag("endunless"))
            elif roll < 0.6:
                whens = "".join(self.tag(f"when {self.fixed()}" + (f" or {self.fixed()}" if rng.random() < 0.3 else "")
                                         + (f", {self.fixed()}" if rng.random() < 0.2 else ""))
                                + self.block(depth + 1) for _ in range(rng.randint(1, 3)))
                other = self.tag("else") + self.block(depth + 1) if rng.random() < 0.4 else ""
                pieces.append(self.tag(f"case {self.subject()}") + rng.choice(("", " ", "\n  ")) + whens + other
                              + self.tag("endcase"))
            elif roll < 0.72:
                options = "".join(rng.choice(("", "", " limit: 2", " offset: 1", " reversed", " limit: site.data.f.int",
                                              " offset: continue", " limit:0")) for _ in range(rng.randint(0, 2)))
                self.loop_depth += 1
                inner = self.block(depth + 1)
                if rng.random() < 0.2:
                    inner += self.tag(rng.choice(("break", "continue")))
                self.loop_depth -= 1
                empty = self.tag("else") + self.block(depth + 1) if rng.random() < 0.3 else ""
                loop = self.tag(f"for item in {self.collection()}{options}")
                pieces.append(loop + inner + empty + self.tag("endfor"))
            elif roll < 0.76:
                self.loop_depth += 1
                inner = self.block(depth + 1)
                self.loop_depth -= 1
                cols = rng.choice(("", " cols: 2", " limit: 2", " cols:1 offset:1"))
                pieces.append(self.tag(f"tablerow item in {self.collection()}{cols}") + inner + self.tag("endtablerow"))
            elif roll < 0.84:
                calls = "".join(f" | {rng.choice(FILTER_CALLS)}" for _ in range(rng.choice((0, 1))))
                pieces.append(self.tag(f"assign {rng.choice(('v', 'w'))} = {self.value()}{calls}"))
            elif roll < 0.88:
                pieces.append(self.tag("capture c") + self.block(depth + 1) + self.tag("endcapture"))
            elif roll < 0.92:
                pieces.append(self.tag(rng.choice(("increment n", "decrement n", "increment v", "cycle 'a', 'b'",
                                                   "cycle 'g': 1, 2", "echo v", "echo site.data.f.words | upcase"))))
            elif roll < 0.96:
                name = rng.choice(("comment", "raw"))  # ``{%- endraw %}`` ends no raw in Liquid 5.4: left out
                pieces.append(f"{{% {name} %}}{rng.choice(self.TEXT + ('{{ v }}', '{% x %}'))}{{% end{name} %}}")
            else:
                pieces.append(self.tag(f"liquid\n  assign v = {self.value()}\n  echo v\n  if {self.condition()}\n"
                                       f"    echo 'yes'\n  endif"))
            if rng.random() < 0.5:
                pieces.append(rng.choice(self.TEXT))
        return "".join(pieces)


def template_cases(count: int, seed: int = 13) -> list[str]:
    """*count* random tag templates from *seed*, each between brackets."""
    generator = TemplateGenerator(seed)
    return [f"[{generator.block(0)}]" for _ in range(count)]
