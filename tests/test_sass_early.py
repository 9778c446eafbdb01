"""Stylesheets compiled in a forked child while the documents render (``sass.start_early``):
the same CSS, maps, warnings and errors as compiling each at its turn."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_build, write_tree

from liquidsite import forked, sass

SITE = {
    "_config.yml": "w: 930px\n",
    "_sass/_base.scss": "$c: red;\n",
    "css/main.scss": '---\n---\n@import "base";\n.a { color: $c; width: {{ site.w }}; }\n',
    "css/plain.scss": '---\n---\n@import "base";\n.b { color: $c; }\n',
    "index.md": "---\n---\nhello\n",
}


def _lines(log: str) -> list[str]:
    return [line for line in log.splitlines() if "done in" not in line]


def _children(monkeypatch) -> list[str]:
    started: list[str] = []
    real = forked.Child.__init__

    def spy(child: forked.Child, work) -> None:
        started.append(work.args[1].origin)
        real(child, work)

    monkeypatch.setattr(forked.Child, "__init__", spy)
    return started


def test_stylesheets_compile_early_with_the_same_output(tmp_path: Path, monkeypatch):
    write_tree(tmp_path / "early", SITE)
    write_tree(tmp_path / "late", SITE)
    started = _children(monkeypatch)
    early = run_build(tmp_path / "early")
    assert early.code == 0, early.log
    assert sorted(started) == ["css/main.scss", "css/plain.scss"]
    monkeypatch.setattr(sass.forked, "can_fork", lambda: False)
    late = run_build(tmp_path / "late")
    assert early.files == late.files
    assert _lines(early.log.replace("/early", "/late")) == _lines(late.log)
    assert ".a { color: red; width: 930px; }" in early.read("css/main.css")
    started.clear()
    warm = run_build(tmp_path / "early")  # taken from the cache: nothing forked
    assert warm.code == 0 and started == [] and warm.files == early.files


def test_a_page_whose_liquid_fails_is_left_to_its_turn(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {**SITE, "css/main.scss": "---\n---\n.a { width: {% nope %}; }\n"})
    started = _children(monkeypatch)
    built = run_build(tmp_path)
    assert built.code == 1
    assert started == ["css/plain.scss"]
    assert built.log.count("Liquid syntax error") == 1


def test_a_sass_error_is_reported_once_at_its_turn(tmp_path: Path, monkeypatch):
    write_tree(tmp_path / "early", {**SITE, "css/plain.scss": "---\n---\n.b { color: $missing; }\n"})
    write_tree(tmp_path / "late", {**SITE, "css/plain.scss": "---\n---\n.b { color: $missing; }\n"})
    early = run_build(tmp_path / "early")
    monkeypatch.setattr(sass.forked, "can_fork", lambda: False)
    late = run_build(tmp_path / "late")
    assert early.code == late.code == 1
    assert early.log.replace("/early", "/late") == late.log
    assert early.log.count("Conversion error:") == 1 and "Undefined variable" in early.log


@pytest.mark.parametrize("fork", [True, False])
def test_sass_warnings_are_written_once(tmp_path: Path, monkeypatch, capfd, fork):
    write_tree(tmp_path, {**SITE, "css/plain.scss": '---\n---\n@warn "careful";\n.b { color: blue; }\n'})
    if not fork:
        monkeypatch.setattr(sass.forked, "can_fork", lambda: False)
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    assert capfd.readouterr().err.count("careful") == 1
