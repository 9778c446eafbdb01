"""Generated site trees: builds are deterministic and never touch anything outside the destination.

Hypothesis writes small sites from pieces that have broken builds before: hostile permalinks
(``..``, absolute, encoded), odd names, Liquid that is valid, broken or recursive, Markdown,
layouts that nest. Each site is built twice into two destinations; the two must be identical
byte for byte, the source must be unchanged, nothing may appear beside the destinations, and
a failure must be a reported error (exit 1), never an internal one or a traceback.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from liquidsite import __version__
from liquidsite.cli import main

PERMALINKS = [None, "/x.html", "/../../escape.html", "/a/../../../b/", "../up.html", "/%2e%2e/enc.html",
              "/:title/", "/:categories/:title.html", "//double//slash.html", "/~/home.html", "/.hidden/x.html",
              "/café/ü.html", "/a b/c.html", "/index.html", ""]
BODIES = ["plain text", "# Title\n\n*em* `code`", "{{ page.title }}", "{{ site.data.d.k }}",
          "{% for p in site.pages %}{{ p.url }} {% endfor %}", "{% include i.html %}",
          "{% include_relative ../outside.txt %}", "{% if %}x{% endif %}", "{{ 'a' | append: 'b' }}",
          "{% raw %}{{ x }}{% endraw %}", "| a | b |\n|---|---|\n| 1 | 2 |", "{% for i in (1..3) %}{{ i }}{% endfor %}",
          "{% assign x = site.posts | first %}{{ x.title }}", "<div markdown=\"1\">*x*</div>",
          "\u00e9\u00e8 \U0001f4dd"]
NAMES = ["a.md", "b.html", "sub/c.md", "sub/deeper/d.md", "_posts/2020-01-01-p.md", "_posts/2021-02-03-q.md",
         "e f.md", "-dash.md", "index.md", "404.html", "_drafts/draft.md"]
INCLUDES = ["inc", "{{ include.x }}", "{% include i.html %}", "{% for i in (1..2) %}{{ i }}{% endfor %}"]
TITLES = ["T", "Caf\u00e9", '"q"']
LAYOUTS = ["<html>{{ content }}</html>", "---\nlayout: base\n---\n<main>{{ content }}</main>", "{{ content }"]


@st.composite
def sites(draw: st.DrawFn) -> dict[str, str]:
    files = {
        "_config.yml": "time: 2024-01-01 00:00:00 +0000\ntitle: Fuzz\n",
        "_data/d.yml": "k: v\n",
        "_includes/i.html": draw(st.sampled_from(INCLUDES)),
        "_layouts/base.html": "<html>{{ content }}</html>",
        "_layouts/nested.html": draw(st.sampled_from(LAYOUTS)),
        "static/s.txt": "static",
    }
    for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True)):
        permalink = draw(st.sampled_from(PERMALINKS))
        layout = draw(st.sampled_from([None, "base", "nested", "missing"]))
        front = "".join([
            f"permalink: \"{permalink}\"\n" if permalink is not None else "",
            f"layout: {layout}\n" if layout else "",
            f"title: {draw(st.sampled_from(TITLES))}\n",
        ])
        files[name] = f"---\n{front}---\n" + "\n\n".join(draw(st.lists(st.sampled_from(BODIES), max_size=4)))
    return files


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(skip):
            continue
        found[rel] = path.read_bytes() if path.is_file() and not path.is_symlink() else b"<dir>"
    return found


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=sites())
def test_generated_sites_build_deterministically_inside_their_destination(files, capsys):
    root = Path(tempfile.mkdtemp(prefix="liquidsite-fuzz-"))
    try:
        source = root / "src"
        for name, text in files.items():
            path = source / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        (root / "outside.txt").write_text("OUTSIDE")
        before = snapshot(root)
        results = []
        for dest in ("d1", "d2"):
            code = main(["build", "-s", str(source), "-d", str(root / dest)])
            captured = capsys.readouterr()
            log = captured.out + captured.err
            assert code in (0, 1), log
            assert "Traceback" not in log and f"liquidsite {__version__} failed" not in log, log
            results.append((code, snapshot(root / dest) if (root / dest).exists() else None))
        event(f"exit {results[0][0]}")
        assert results[0] == results[1]
        after = snapshot(root, skip=("d1", "d2", "src/.jekyll-cache", "src/.jekyll-metadata"))
        assert after == before
        assert "OUTSIDE" not in str(results[0][1])
    finally:
        shutil.rmtree(root, ignore_errors=True)
        assert not os.path.exists(root)


LIQUID_TOKENS = st.sampled_from([
    "{%", "%}", "{{", "}}", "{%-", "-%}", " ", "\n", "if", "elsif", "else", "endif", "unless", "endunless",
    "for", "endfor", "in", "(1..3)", "reversed", "limit:", "offset:", "break", "continue", "case", "when",
    "endcase", "assign", "capture", "endcapture", "x", "=", "|", "append:", "'a'", "\"b\"", "1", "-2.5",
    "nil", "empty", "blank", "true", "and", "or", "contains", "==", "<", ">=", "site.pages", "page.title",
    "site.data.d", "forloop.index", "[", "]", ".", ",", ":", "size", "first", "last", "where:", "sort",
    "map:", "join", "date:", "'%Y'", "slice:", "split:", "times:", "divided_by:", "0", "modulo:", "raw",
    "endraw", "comment", "endcomment", "include", "i.html", "include_relative", "cycle", "tablerow",
    "endtablerow", "increment", "decrement", "highlight", "endhighlight", "ruby", "link", "post_url", "echo",
    "liquid", "jsonify", "xml_escape", "markdownify", "relative_url", "absolute_url", "where_exp:", "'p'",
    "'p.url'", "group_by:", "sample", "slugify", "number_of_words", "default:",
])


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=st.lists(LIQUID_TOKENS, max_size=40))
def test_liquid_of_any_shape_fails_only_with_a_reported_error(tokens, capsys):
    root = Path(tempfile.mkdtemp(prefix="liquidsite-fuzz-"))
    try:
        files = {"_config.yml": "time: 2024-01-01 00:00:00 +0000\n", "_data/d.yml": "k: [1, 2]\n",
                 "_includes/i.html": "{{ include.x }}", "index.md": "---\ntitle: T\n---\n" + "".join(tokens)}
        for name, text in files.items():
            path = root / "src" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        code = main(["build", "-s", str(root / "src"), "-d", str(root / "out")])
        captured = capsys.readouterr()
        log = captured.out + captured.err
        event(f"exit {code}")
        assert code in (0, 1), log
        assert "Traceback" not in log and f"liquidsite {__version__} failed" not in log, log
    finally:
        shutil.rmtree(root, ignore_errors=True)
