"""Compiled templates render exactly as python-liquid's interpreter renders the same parse tree.

The interpreter's behaviour is the one the other Liquid tests pin to Jekyll's
output; these tests hold the compiler to it: generated templates (Hypothesis)
and hand-written edge cases must give the same text, or the same error, both ways.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from liquid.exceptions import LiquidError

from conftest import FAST, FUZZ
from liquidsite.config import load_config
from liquidsite.liquid.compiler import CompiledBlock, _may_interrupt
from liquidsite.liquid.environment import JekyllEnvironment
from liquidsite.site import Site

VARIABLES: dict[str, Any] = {
    "page": {"title": "Paper & <b>", "tags": ["b", "a"], "n": 3, "date": dt.datetime(2024, 3, 5, 10, 0),
             "empty": "", "nothing": None, "no": False},
    "items": [1, 2, 3, 4],
    "words": ["x", "y"],
    "h": {"a": 1, "b": [1, 2], "c": {"d": "deep"}},
    "rows": [{"name": "Bob", "age": 3}, {"name": "al", "age": 10}, {"name": "Cy"}],
    "i": 1,
    "k": "a",
    "s": "a,b,c",
}


def _environment(root: Path, liquid: str = "") -> JekyllEnvironment:
    (root / "_config.yml").write_text("title: T\nbaseurl: /base\nurl: https://ex.com\n" + liquid, encoding="utf-8")
    site = Site(load_config({"source": str(root), "destination": str(root / "_site"), "quiet": True}))
    return site.renderer.liquid.env


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> JekyllEnvironment:
    return _environment(tmp_path_factory.mktemp("site"))


def _interpreted(env: JekyllEnvironment, source: str) -> Any:
    """*source* parsed as JekyllEnvironment parses it, but left to python-liquid's interpreter."""
    nodes = env.parse_tree(source)
    return env.template_class(env=env, name="", path=None, nodes=nodes, globals=env.make_globals(None))


def _outcome(render: Any) -> tuple[str, str]:
    try:
        return "ok", render()
    except LiquidError as err:
        return type(err).__name__, f"{err} (line {err.token.start_index if err.token else None})"


def assert_same(env: JekyllEnvironment, source: str) -> str:
    """Render *source* compiled and interpreted; both must agree. Returns the text."""
    try:
        compiled = env.from_string(source)
    except LiquidError:
        with pytest.raises(LiquidError):
            _interpreted(env, source)
        return ""
    # Only nodes that may raise a stray break/continue stay top-level nodes of their own.
    assert all(isinstance(node, CompiledBlock) or _may_interrupt(node) for node in compiled.nodes), \
        "the template was left to the interpreter"
    interpreted = _interpreted(env, source)
    expected = _outcome(lambda: interpreted.render(**VARIABLES))
    assert _outcome(lambda: compiled.render(**VARIABLES)) == expected
    return expected[1]


# -- generated templates --------------------------------------------------------------------

PATHS = ["page.title", "page.tags", "page.tags[0]", "page.tags.size", "page.tags.first", "page.tags.last",
         "page.n", "page.date", "page.empty", "page.nothing", "page.no", "page.missing", "page.missing.deeper",
         "items", "items[i]", "items[9]", "items.size", "h.a", "h['b']", "h[k]", "h.c.d", "h.c[k]", "rows",
         "rows[0].name", "rows.first.age", "i", "k", "s", "nope", "nope[0]", "x", "forloop.index", "forloop.last",
         "s.size", "s.first", "k[0]"]
LITERALS = ['"text"', "'it''s'", "1", "2.5", "-3", "true", "false", "nil", "empty", "blank", "(1..3)"]
FILTERS = ["upcase", "downcase", "size", "first", "last", 'append: "!"', "append: k", "prepend: page.title",
           'default: "d"', 'default: "d", allow_false: true', "plus: 1", "minus: i", "times: 2", "divided_by: 0",
           'join: ", "', 'split: ","', "slice: 0, 2", "slice: 1", 'date: "%Y-%m-%d"', "escape", "strip_html",
           "sort", 'sort: "age"', 'where: "age", 3', 'map: "name"', "compact", "uniq", "reverse",
           'truncate: 5', "jsonify", "slugify", "relative_url", "absolute_url", "append", "nosuchfilter",
           "xml_escape", "number_of_words", "inspect", 'replace: "a", "b"', "at_least: 2", "round: 1"]
OPERATORS = ["==", "!=", "<", ">", "<=", ">=", "contains"]


@st.composite
def expressions(draw: st.DrawFn) -> str:
    base = draw(st.sampled_from(PATHS + LITERALS))
    filters = draw(st.lists(st.sampled_from(FILTERS), max_size=3))
    return " | ".join([base] + filters)


@st.composite
def conditions(draw: st.DrawFn) -> str:
    parts = []
    for index in range(draw(st.integers(1, 3))):
        if index:
            parts.append(draw(st.sampled_from(["and", "or"])))
        left = draw(st.sampled_from(PATHS + LITERALS))
        if draw(st.booleans()):
            parts.append(f"{left} {draw(st.sampled_from(OPERATORS))} {draw(st.sampled_from(PATHS + LITERALS))}")
        else:
            parts.append(left)
    return " ".join(parts)


def _tag(body: str, dash: bool) -> str:
    return "{%- " + body + " -%}" if dash else "{% " + body + " %}"


@st.composite
def templates(draw: st.DrawFn, depth: int = 0) -> str:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["text", "output", "assign", "if", "unless", "for", "capture", "case",
                                     "flow", "misc"] if depth < 5 else ["text", "output", "assign"]))
        dash = draw(st.booleans())
        inner = (lambda: draw(templates(depth + 1)))  # noqa: E731
        if kind == "text":
            out.append(draw(st.sampled_from(["a", " ", "\n  ", "<p>", "", "x y"])))
        elif kind == "output":
            out.append("{{ " + draw(expressions()) + " }}")
        elif kind == "assign":
            out.append(_tag(f"assign {draw(st.sampled_from(['x', 'k', 'page', 'y']))} = {draw(expressions())}", dash))
        elif kind in ("if", "unless"):
            text = _tag(f"{kind} {draw(conditions())}", dash) + inner()
            for _ in range(draw(st.integers(0, 2))):
                text += _tag(f"elsif {draw(conditions())}", dash) + inner()
            if draw(st.booleans()):
                text += _tag("else", dash) + inner()
            out.append(text + _tag(f"end{kind}", dash))
        elif kind == "for":
            source = draw(st.sampled_from(["items", "words", "rows", "h", "page.tags", "nope", "(1..3)", "s"]))
            extra = draw(st.sampled_from(["", " limit: 2", " offset: 1", " reversed", " limit: i"]))
            text = _tag(f"for x in {source}{extra}", dash) + inner()
            if draw(st.booleans()):
                text += _tag("else", dash) + inner()
            out.append(text + _tag("endfor", dash))
        elif kind == "capture":
            out.append(_tag(f"capture {draw(st.sampled_from(['x', 'y', 'k']))}", dash) + inner()
                       + _tag("endcapture", dash))
        elif kind == "case":
            out.append(_tag(f"case {draw(st.sampled_from(PATHS))}", dash) + _tag("when 1, 'a'", dash)
                       + inner() + _tag("else", dash) + inner() + _tag("endcase", dash))
        elif kind == "flow":
            out.append(_tag(draw(st.sampled_from(["break", "continue"])), dash))
        else:
            out.append(draw(st.sampled_from(["{% increment c %}", "{% cycle 'a', 'b' %}", "{% comment %}x{% endcomment "
                                                                                          "%}",
                                             "{% raw %}{{ x }}{% endraw %}", "{% echo k | upcase %}"])))
    return "".join(out)


@settings(FAST, max_examples=5)  # drawing one template takes ~0.2 s: the slow tier runs 150
@given(source=templates())
def test_generated_templates_render_as_the_interpreter_renders_them(env: JekyllEnvironment, source: str) -> None:
    assert_same(env, source)


@pytest.mark.slow
@settings(FUZZ, max_examples=150)
@given(source=templates())
def test_many_generated_templates_render_as_the_interpreter_renders_them(env: JekyllEnvironment, source: str) -> None:
    assert_same(env, source)


# -- cases worth naming ---------------------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    # A blank block's whitespace is dropped, as Liquid drops it, and assigns in it still happen.
    ("{% if true %}\n  {% assign z = 'q' %}\n{% endif %}[{{ z }}]", "[q]"),
    # ... but not in a capture (Ruby removes blank strings from if/unless/case/for bodies only).
    ("{% for x in items %} {% endfor %}|{% capture c %}  {% endcapture %}[{{ c }}]", "|[  ]"),
    # Liquid's special keys on strings, arrays and hashes.
    ("{{ words.first }}{{ words.last }}{{ words.size }}{{ h.size }}{{ k.size }}", "xy231"),
    # Filters with keyword arguments, an unknown filter (a no-op by default), a filter's wrong arity.
    ("{{ page.no | default: 'd', allow_false: true }}|{{ 'a' | nosuch | upcase }}", "false|A"),
    ("{% assign words = s | split: ',' %}{% for w in words %}{{ forloop.index }}{{ w }}{% endfor %}", "1a2b3c"),
    ("{% for x in items %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 %}{% break %}{% endif %}{{ x }}"
     "{% endfor %}", "13"),
])
def test_named_cases(env: JekyllEnvironment, source: str, expected: str) -> None:
    assert assert_same(env, source) == expected


def test_errors_name_the_interpreters_line(env: JekyllEnvironment) -> None:
    source = "a\n{% if true %}\n{{ 'x' | append }}\n{% endif %}"
    with pytest.raises(LiquidError) as raised:
        env.from_string(source).render(**VARIABLES)
    assert "wrong number of arguments (given 1, expected 2)" in str(raised.value)
    assert source[:raised.value.token.start_index].count("\n") + 1 == 3
    assert_same(env, source)


def test_nesting_deeper_than_python_allows_inline(env: JekyllEnvironment) -> None:
    depth = 30  # python-liquid parses up to about 30 nested blocks
    source = "{% if true %}(" * depth + "{{ k }}" + "){% endif %}" * depth
    assert assert_same(env, source) == "(" * depth + "a" + ")" * depth


def test_strict_variables_raise_as_the_interpreter_does(tmp_path: Path) -> None:
    strict = _environment(tmp_path, "liquid:\n  strict_variables: true\n  strict_filters: true\n")
    for source in ("{{ page.missing }}", "{{ nope[0] }}", "{% if h.zz %}y{% endif %}", "{{ 'a' | nosuch }}",
                   "{{ page.title }}"):
        assert_same(strict, source)
