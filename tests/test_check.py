"""``liquidsite check`` on a deliberately broken site, built by liquidsite under a ``baseurl``."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import write_tree
from liquidsite import cli
from liquidsite.check import SiteChecker

BROKEN_SITE = {
    "_config.yml": 'title: Broken\nurl: "https://ada.github.io"\nbaseurl: "/repo"\n',
    "_layouts/default.html": (
        "<!doctype html>\n<html>\n<head>\n"
        '<link rel="stylesheet" href="{{ "/assets/main.css" | relative_url }}">\n'
        '<link rel="stylesheet" href="{{ "/assets/missing.css" | relative_url }}">\n'
        '<link rel="preconnect" href="https://fonts.example.com">\n'
        '<script src="{{ "/assets/app.js" | relative_url }}"></script>\n'
        "</head>\n<body>\n{{ content }}</body>\n</html>\n"
    ),
    "assets/main.css": "body { margin: 0; }\n",
    "assets/app.js": "// app\n",
    "images/photo.png": "png",
    "about.md": "---\nlayout: default\npermalink: /about/\n---\n<p id=\"me\">Me</p>\n",
    "notes.html": "---\nlayout: default\n---\n<p>notes</p>\n",
    "index.md": (
        "---\nlayout: default\n---\n"
        "# Intro\n\n"  # line 10 of index.html
        '<p><a href="{{ "/about/" | relative_url }}">ok</a> <a href="/repo/about">ok</a>\n'
        '<a href="about/#me">ok</a> <a href="#intro">ok</a> <a href="#legacy">ok</a> <a name="legacy"></a>\n'
        '<a href="/repo/notes">ok</a> <a href="https://ada.github.io/repo/about/">ok</a>\n'
        '<a href="mailto:ada@example.org">skip</a> <a href="tel:+1">skip</a> <a href="javascript:void(0)">skip</a>\n'
        '<img src="data:image/png;base64,AAAA"> <a href="#">skip</a> <a href="https://example.org/x">external</a>\n'
        '<img src="{{ "/images/photo.png" | relative_url }}" srcset="/repo/images/photo.png 1x, photo@2x.png 2x">\n'
        '<a href="/repo/missing/">broken</a> <a href="/about/">outside baseurl</a>\n'
        '<a href="#nope">broken</a> <a href="about/#nobody">broken</a>\n'
        '<img src="/repo/images/missing.png"> <span id="intro">duplicate</span>\n'
        '<span data-proofer-ignore><a href="/repo/ignored/">ignored</a></span>\n'
        '<img src="/repo/images/photo.png" srcset="data:image/gif;base64,R0lGOD,AAA 1x"> <a name="intro"></a></p>\n'
    ),
}

PROBLEMS = [
    "about/index.html:5: internal <link> reference /repo/assets/missing.css does not resolve",
    "index.html:5: internal <link> reference /repo/assets/missing.css does not resolve",
    "index.html:17: internal <img> reference photo@2x.png does not resolve",
    "index.html:18: internal link /repo/missing/ does not resolve",
    "index.html:18: /about/ is outside baseurl /repo: /about/ does not exist on the site",
    "index.html:19: #nope: no id or anchor 'nope' in index.html",
    "index.html:19: about/#nobody: no id or anchor 'nobody' in about/index.html",
    "index.html:20: duplicate id 'intro' (first on line 10)",
    "index.html:20: internal <img> reference /repo/images/missing.png does not resolve",
    "notes.html:5: internal <link> reference /repo/assets/missing.css does not resolve",
]


@pytest.fixture
def broken_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_tree(tmp_path, BROKEN_SITE)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build", "-q"]) == 0
    return tmp_path


def test_every_kind_of_broken_reference_is_found(broken_site):
    report = SiteChecker(str(broken_site / "_site"), "/repo", "https://ada.github.io").run()
    assert [str(problem) for problem in report.problems] == PROBLEMS
    assert report.external == {"https://example.org/x": ["index.html:16"]}
    assert report.pages == 3


def test_the_command_reports_and_exits_1(broken_site, capsys):
    capsys.readouterr()
    assert cli.main(["check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:len(PROBLEMS) + 1] == PROBLEMS  # after "Configuration file: ..."
    assert "External links (not fetched; --external fetches them):" in lines
    assert "  https://example.org/x  (index.html:16)" in lines
    assert lines[-1] == "Checked 3 HTML files, 31 references: 10 problems, 1 external links"

    assert cli.main(["check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and len(report["problems"]) == len(PROBLEMS)
    assert report["problems"][0] == {"file": "about/index.html", "line": 5, "url": "/repo/assets/missing.css",
                                     "message": "internal <link> reference /repo/assets/missing.css does not resolve"}


def test_a_clean_site_exits_0_and_a_baseurl_on_the_command_line_wins(tmp_path, monkeypatch, capsys):
    write_tree(tmp_path, {
        "_config.yml": 'baseurl: ""\n',
        "index.html": '---\n---\n<a href="/a/">a</a> <a href="/a">a</a> <a href="b.html#x">b</a>\n',
        "a/index.html": "<p>a</p>\n",
        "b.html": '<h2 id="x">x</h2>\n',
    })
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build", "-q"]) == 0
    capsys.readouterr()
    assert cli.main(["check"]) == 0
    summary = "Checked 3 HTML files, 3 references: 0 problems, 0 external links"
    assert capsys.readouterr().out.splitlines()[-1] == summary
    assert cli.main(["check", "-b", "/site"]) == 1  # served under /site, the links to /a/ would 404


def test_an_unbuilt_site_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 1
    assert "_site is not a directory: build the site first (liquidsite build)" in capsys.readouterr().err


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_external_links_are_fetched_only_when_asked(tmp_path, monkeypatch, capsys):
    served = tmp_path / "served"
    write_tree(served, {"there.html": "ok"})
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        write_tree(tmp_path / "site", {
            "index.html": f'<a href="{base}/there.html">up</a>\n<a href="{base}/gone.html">down</a>\n',
        })
        monkeypatch.chdir(tmp_path / "site")
        assert cli.main(["build", "-q"]) == 0
        assert cli.main(["check"]) == 0
        capsys.readouterr()
        assert cli.main(["check", "--external", "--timeout", "2"]) == 1
        out = capsys.readouterr().out
        assert f"index.html:2: external link {base}/gone.html failed: HTTP 404" in out
        assert "there.html failed" not in out
    finally:
        server.shutdown()
        server.server_close()
