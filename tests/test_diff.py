"""``liquidsite diff``: our build against a ``_site`` Jekyll 4.3.1 wrote (observed output written below)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write_tree
from liquidsite import cli
from liquidsite.diff import DIFFERENT, EQUIVALENT, IDENTICAL, compare, compare_file

SOURCE = {
    "_config.yml": 'title: Small\nurl: "https://ada.github.io"\n',
    "_layouts/default.html": (
        '<!doctype html>\n<html lang="en"><head><title>{{ page.title }}</title></head>\n<body>\n'
        "{{ content }}</body>\n</html>\n"
    ),
    "index.md": "---\nlayout: default\ntitle: Home\n---\n# Hello *world*\n\nSee [about](about/).\n",
    "about.html": '---\nlayout: default\ntitle: About\npermalink: /about/\n---\n<p id="me">About me</p>\n',
    "data.json": '{"a": 1}\n',
}

# `JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build` (4.3.1) of SOURCE
JEKYLL_SITE = {
    "index.html": (
        '<!doctype html>\n<html lang="en"><head><title>Home</title></head>\n<body>\n'
        '<h1 id="hello-world">Hello <em>world</em></h1>\n\n<p>See <a href="about/">about</a>.</p>\n'
        "</body>\n</html>\n"
    ),
    "about/index.html": (
        '<!doctype html>\n<html lang="en"><head><title>About</title></head>\n<body>\n'
        '<p id="me">About me</p>\n</body>\n</html>\n'
    ),
    "data.json": '{"a": 1}\n',
}


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(Jekyll's _site, the source whose _site liquidsite just built)."""
    source, jekyll = tmp_path / "site", tmp_path / "jekyll_site"
    write_tree(source, SOURCE)
    write_tree(jekyll, JEKYLL_SITE)
    monkeypatch.chdir(source)
    assert cli.main(["build", "-q"]) == 0
    return jekyll, source


def test_a_faithful_build_is_identical_and_exits_0(built, capsys):
    jekyll, _source = built
    assert cli.main(["diff", str(jekyll)]) == 0
    out = capsys.readouterr().out
    summary = "3 files: 3 identical, 0 equivalent, 0 different, 0 missing from ours, 0 only in ours"
    assert out.splitlines()[-1] == summary


def test_each_kind_of_difference_is_reported_and_exits_1(built, capsys):
    jekyll, source = built
    ours = source / "_site"
    # whitespace and attribute order only: equivalent
    (jekyll / "about/index.html").write_text(
        '<!doctype html>\n<html lang="en"><head><title>About</title></head>\n<body>\n'
        '   <p id="me" >About\n   me</p></body></html>'
    )
    (ours / "about/index.html").write_text((ours / "about/index.html").read_text().replace(
        '<p id="me">', '<p class="x" id="me">'))
    (jekyll / "about/index.html").write_text((jekyll / "about/index.html").read_text().replace(
        '<p id="me" >', '<p id="me" class="x">'))
    # a real change
    (ours / "index.html").write_text((ours / "index.html").read_text().replace("world", "World"))
    (jekyll / "feed.xml").write_text("<feed/>")
    (ours / "extra.txt").write_text("x")
    capsys.readouterr()

    assert cli.main(["diff", str(jekyll), "-d", str(ours)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "       equivalent  about/index.html" in lines
    assert "        different  index.html" in lines
    assert "missing from ours  feed.xml" in lines
    assert "     only in ours  extra.txt" in lines
    assert "    --- jekyll/index.html" in lines
    assert "    -world" in lines and "    +World" in lines
    assert lines[-1] == "5 files: 1 identical, 1 equivalent, 1 different, 1 missing from ours, 1 only in ours"

    assert cli.main(["diff", str(jekyll), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["counts"] == {"identical": 1, "equivalent": 1, "different": 1, "missing": 1, "extra": 1}
    statuses = {entry["path"]: entry["status"] for entry in report["files"]}
    assert statuses == {"about/index.html": "equivalent", "data.json": "identical", "extra.txt": "extra",
                        "feed.xml": "missing", "index.html": "different"}


def test_normalisation_of_xml_json_and_css():
    spaced, packed = b'<a x="1" y="2">\n  <b>t</b>\n</a>', b'<a y="2" x="1"><b>t</b></a>'
    assert compare_file("f.xml", spaced, packed).status == EQUIVALENT
    assert compare_file("f.xml", b"<a><b>t</b></a>", b"<a><b>u</b></a>").status == DIFFERENT
    assert compare_file("f.json", b'{"a": 1, "b": [1, 2]}', b'{"b":[1,2],"a":1}').status == EQUIVALENT
    assert compare_file("f.json", b'{"a": 1}', b'{"a": 2}').status == DIFFERENT
    assert compare_file("f.css", b"a { color: red; }\n", b"a{color:red}").status == EQUIVALENT
    assert compare_file("f.css", b"a { color: red; }", b"a{color:blue}").status == DIFFERENT
    assert compare_file("f.bin", b"\0\1", b"\0\1").status == IDENTICAL
    binary = compare_file("f.png", b"\x89PNG\0a", b"\x89PNG\0b")
    assert binary.status == DIFFERENT and binary.diff == ["binary files differ (6 bytes in Jekyll's, 6 bytes in ours)"]


def test_whitespace_inside_pre_is_significant():
    assert compare_file("p.html", b"<pre>a\n b</pre>", b"<pre>a\nb</pre>").status == DIFFERENT
    assert compare_file("p.html", b"<p>a\n b</p>", b"<p>a\nb</p>").status == EQUIVALENT


def test_long_diffs_are_capped(tmp_path):
    write_tree(tmp_path / "j", {"a.txt": "".join(f"line {i}\n" for i in range(200))})
    write_tree(tmp_path / "o", {"a.txt": "".join(f"LINE {i}\n" for i in range(200))})
    result = compare(str(tmp_path / "j"), str(tmp_path / "o"), max_lines=10).files[0]
    assert len(result.diff) == 11
    assert result.diff[-1].startswith("... ") and result.diff[-1].endswith(" more diff lines")


def test_a_missing_directory_is_a_clear_error(tmp_path, capsys):
    assert cli.main(["diff", str(tmp_path / "nope"), "-d", str(tmp_path)]) == 1
    assert f"Jekyll's site {tmp_path / 'nope'} is not a directory" in capsys.readouterr().err
