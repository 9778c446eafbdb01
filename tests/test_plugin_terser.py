"""jekyll-terser: terser.js run as terser-ruby runs it (liquidsite/terserjs.py).

The fast tier uses a stand-in "bundle" served from 127.0.0.1 (download,
checksum, cache, --offline) and runs it in each engine present (QuickJS from
the quickjs wheel, Node on PATH);
the options sent to ``terser_wrapper`` are compared with the JSON terser-ruby
1.2.5 generates (observed with Ruby, ``tests/golden/terser/options.json``). The
slow tier runs the real terser.js (in each engine present, when the bundle is
cached) on fixtures whose expected output was observed from jekyll-terser.
"""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import golden, write_tree
from inprocess import build
from terser_standin import STAND_IN, STAND_IN_BUNDLE, Bundles, bundle_server, engine, no_engine  # noqa: F401

from liquidsite import terserjs
from liquidsite.log import logger
from liquidsite.serve.rebuild import Rebuilder

JS = "// a comment\nfunction hello(name) {\n  return name;\n}\n"

@pytest.mark.parametrize("settings", list(json.loads(golden("terser/options.json"))))
def test_options_are_the_json_terser_ruby_sends(settings: str) -> None:
    expected = json.loads(golden("terser/options.json"))[settings]
    assert terserjs.to_json(terserjs.wrapper_options(terserjs.ruby_options(yaml.safe_load(settings)))) == expected


def test_an_unknown_option_is_refused_as_terser_new_refuses_it() -> None:
    with pytest.raises(ValueError, match="Invalid option: drop_console"):
        terserjs.ruby_options({"drop_console": True})


@pytest.mark.usefixtures("bundle_server")
def test_the_bundle_is_downloaded_once_checked_and_then_read_offline() -> None:
    joined = "\n".join(STAND_IN.values())
    assert terserjs.bundle_source(STAND_IN_BUNDLE) == joined
    assert Bundles.requests == ["/lib/first.js", "/lib/wrapper.js"]
    Bundles.files = {}
    assert terserjs.bundle_source(STAND_IN_BUNDLE, offline=True) == joined
    assert terserjs.bundle_source(STAND_IN_BUNDLE) == joined
    assert len(Bundles.requests) == 2


@pytest.mark.usefixtures("bundle_server")
def test_a_file_with_another_checksum_is_refused() -> None:
    Bundles.files["wrapper.js"] = "function terser_wrapper() {}\n"
    with pytest.raises(terserjs.Unavailable, match="not the pinned"):
        terserjs.bundle_source(STAND_IN_BUNDLE)


@pytest.mark.usefixtures("bundle_server")
def test_offline_without_a_cached_bundle_asks_nothing() -> None:
    with pytest.raises(terserjs.Unavailable, match="--offline"):
        terserjs.bundle_source(STAND_IN_BUNDLE, offline=True)
    assert Bundles.requests == []


@pytest.mark.usefixtures("bundle_server")
def test_the_bundle_may_come_from_a_local_folder_offline(tmp_path, monkeypatch) -> None:
    for name, text in STAND_IN.items():
        (tmp_path / name).write_text(text)
    monkeypatch.setenv(terserjs.BUNDLE_URL_ENV, str(tmp_path))
    assert terserjs.bundle_source(STAND_IN_BUNDLE, offline=True) == "\n".join(STAND_IN.values())


def _site(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {
        "_config.yml": "plugins: [jekyll-terser]\nterser:\n  compress:\n    drop_console: true\n",
        "assets/js/a.js": "var a = 1;\r\nvar b = 2;\n",
        "assets/js/c.min.js": "var c = 1;\n",
        "index.html": "x",
        **(extra or {}),
    }


@pytest.mark.usefixtures("engine", "bundle_server")
def test_js_files_minified_and_kept_in_the_site_cache(tmp_path, capsys) -> None:
    site = build(tmp_path / "s", _site({"assets/js/bad.js": "one\nsyntax error\n"}), quiet=False)
    assert (site / "assets/js/a.js").read_text() == "/*mini true*/vara=1;varb=2;"
    assert (site / "assets/js/c.min.js").read_text() == "var c = 1;\n"
    assert not (site / "assets/js/bad.js").exists()
    out = _log(capsys)
    assert "Terser Exception: assets/js/bad.js:2:4: Unexpected token; not written" in out
    # a warm build minifies nothing: neither engine nor bundle is needed
    Bundles.files = {}
    terserjs_cache = Path(terserjs.bundle_folder(STAND_IN_BUNDLE))
    for cached in terserjs_cache.iterdir():
        cached.unlink()
    (site / "assets/js/a.js").unlink()
    site = build(tmp_path / "s", _site(), quiet=False, offline=True)
    assert (site / "assets/js/a.js").read_text() == "/*mini true*/vara=1;varb=2;"
    assert "copied unminified" not in _log(capsys)


@pytest.mark.usefixtures("engine", "bundle_server")
def test_an_exception_in_the_engine_is_an_error_for_that_file(tmp_path) -> None:
    minifier = terserjs.Minifier({}, str(tmp_path / "cache"), offline=False)
    try:
        with pytest.raises(terserjs.TerserError, match="engine trouble"):
            minifier.minified_text("throw")
        assert minifier.minified_text("a  b") == "/*mini false*/ab"
    finally:
        minifier.close()


@pytest.mark.usefixtures("no_engine")
def test_without_the_engine_js_is_copied_unminified_with_one_warning(tmp_path, capsys) -> None:
    site = build(tmp_path / "s", {
        "_config.yml": "plugins: [jekyll-terser, jekyll-not-a-real-gem, terser]\n",
        "assets/js/a.js": JS,
        "assets/js/b.js": JS,
        "assets/js/c.min.js": "var c=1;\n",
    }, quiet=False)
    assert (site / "assets/js/a.js").read_text() == JS
    assert (site / "assets/js/c.min.js").read_text() == "var c=1;\n"
    log = capsys.readouterr()
    text = log.out + log.err
    assert text.count("JavaScript file(s) copied unminified") == 1
    assert ("2 JavaScript file(s) copied unminified: no JavaScript engine: pip install 'liquidsite[terser]' "
            "(QuickJS), or put Node on PATH.") in text
    assert text.count("'jekyll-not-a-real-gem' is not built into liquidsite") == 1
    assert "jekyll-terser' is not built" not in text
    assert "'terser' is not built" not in text  # the library al-folio's _plugins/terser.rb requires


def test_node_asked_for_and_absent(monkeypatch) -> None:
    monkeypatch.setenv(terserjs.ENGINE_ENV, "node")
    monkeypatch.setenv("PATH", "")
    with pytest.raises(terserjs.Unavailable, match="Node is not on PATH"):
        terserjs.engine_command("", "")


def test_invalid_settings_leave_the_files_unminified(tmp_path, capsys) -> None:
    site = build(tmp_path, {"_config.yml": "plugins: [jekyll-terser]\nterser:\n  drop_console: true\n",
                            "a.js": JS}, quiet=False)
    assert (site / "a.js").read_text() == JS
    assert "settings in _config.yml are invalid (Invalid option: drop_console)" in _log(capsys)


def test_no_warning_without_js(tmp_path, capsys):
    build(tmp_path, {"_config.yml": "plugins: [jekyll-terser]\n", "index.html": "x"}, quiet=False)
    assert "Terser" not in _log(capsys)


#: sources of the fixture site built with jekyll-terser (al-folio's revision, terser-ruby 1.2.5, Node 20)
#: with ``terser: {compress: {drop_console: true}}``; outputs in tests/golden/terser/
REAL_FIXTURES = {
    "console.js": (
        "/*! keep: banner */\n// a line comment that goes\nfunction greet(name) {\n"
        '  var message = "Hello, " + name + "!";\n  console.log(message);\n  if (false) { unreachable(); }\n'
        "  return message;\n}\nwindow.greet = greet;\n"
    ),
    "unicode.js": (
        "/* Copyright 2024 Somebody */\n"
        "const labels = { café: \"naïve résumé\", emoji: \"😀 ✓\", \"quoted-key\": 'single' };\n"
        'document.title = labels.café + " " + labels.emoji;\n'
    ),
    "crlf.js": "let total = 0;\r\nfor (let i = 0; i < 10; i++) {\r\n  total += i * 1000000;\r\n}\r\n"
               "export default total;\r\n",
    "iife.js": (
        '(function () {\n  "use strict";\n  const items = [1, 2, 3].map(function (value) { return value * 2; });\n'
        "  class Counter { constructor() { this.count = 0; } increment() { return ++this.count; } }\n"
        "  const counter = new Counter();\n  debugger;\n"
        '  document.addEventListener("DOMContentLoaded", () => { counter.increment(); console.warn(items); });\n'
        "})();\n"
    ),
}


@pytest.mark.slow
@pytest.mark.usefixtures("engine")
def test_real_terser_writes_what_jekyll_terser_writes(tmp_path, capsys) -> None:
    try:
        terserjs.bundle_source(terserjs.BUNDLE, offline=True)
    except terserjs.Unavailable as err:
        pytest.skip(f"terser-ruby's bundle is not cached: {err}")
    files = {"_config.yml": "plugins: [jekyll-terser]\nterser:\n  compress:\n    drop_console: true\n",
             "assets/js/broken.js": "function broken( {\n  return 1;\n}\n"}
    files.update({f"assets/js/{name}": text for name, text in REAL_FIXTURES.items()})
    site = build(tmp_path, files, quiet=False)
    for name in REAL_FIXTURES:
        assert (site / "assets/js" / name).read_bytes() == golden(f"terser/{name}").encode(), name
    assert not (site / "assets/js/broken.js").exists()
    assert "broken.js:2:9: Unexpected token num «1», expected punc «:»" in _log(capsys)


def _log(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.usefixtures("engine", "bundle_server")
@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_watched_site_minifies_an_edited_script_again(tmp_path) -> None:
    source, served = tmp_path / "src", tmp_path / "served"
    write_tree(source, _site({"page.md": "---\n---\ntext\n"}))
    rebuilder = Rebuilder({"source": str(source), "destination": str(served), "quiet": True})
    try:
        rebuilder.build()
        assert (served / "assets/js/a.js").read_text() == "/*mini true*/vara=1;varb=2;"
        (source / "assets/js/a.js").write_text("var  c = 3;\n")
        result = rebuilder.rebuild({str(source / "assets/js/a.js")})
        assert result.error is None, result.error
        assert (served / "assets/js/a.js").read_text() == "/*mini true*/varc=3;"
        (source / "page.md").write_text("---\n---\nNew *text*.\n")
        result = rebuilder.rebuild({str(source / "page.md")})
        assert (result.error, result.kind, result.changed) == (None, "incremental", ["/page.html"])
        assert (served / "assets/js/a.js").read_text() == "/*mini true*/varc=3;"
    finally:
        gc.unfreeze()
        logger.adjust_verbosity()


@pytest.mark.slow
@pytest.mark.usefixtures("engine")
def test_a_long_chain_of_operators_fits_the_engines_stack(tmp_path) -> None:
    """terser recurses once per ``+``: QuickJS's own small stack overflowed at a few hundred."""
    try:
        terserjs.bundle_source(terserjs.BUNDLE, offline=True)
    except terserjs.Unavailable as err:
        pytest.skip(f"terser-ruby's bundle is not cached: {err}")
    minifier = terserjs.Minifier({}, str(tmp_path), offline=True)
    try:
        source = "var s = " + " + ".join(f'"x{i}"' for i in range(1500)) + ";\nwindow.s = s;\n"
        assert minifier.minified_text(source) == 'var s="' + "".join(f"x{i}" for i in range(1500)) + '";window.s=s;'
    finally:
        minifier.close()


@pytest.mark.usefixtures("bundle_server")
def test_node_stopping_leaves_the_rest_unminified(tmp_path, monkeypatch) -> None:
    if shutil.which("node") is None and shutil.which("nodejs") is None:
        pytest.skip("Node is not on PATH")
    monkeypatch.setenv(terserjs.ENGINE_ENV, "node")
    minifier = terserjs.Minifier({}, str(tmp_path / "cache"), offline=False)
    try:
        assert minifier.minified_text("a  b") == "/*mini false*/ab"
        (runner,) = minifier.runners
        assert runner.name == "Node"
        runner.process.kill()
        runner.process.wait()
        with pytest.raises(terserjs.Unavailable, match="Node stopped"):
            minifier.minified_text("c")
        with pytest.raises(terserjs.Unavailable, match="Node stopped"):
            minifier.minified_text("d")
    finally:
        minifier.close()


@pytest.mark.usefixtures("engine", "bundle_server")
def test_other_settings_minify_again(tmp_path) -> None:
    site = build(tmp_path, _site())
    assert (site / "assets/js/a.js").read_text() == "/*mini true*/vara=1;varb=2;"
    site = build(tmp_path, {"_config.yml": "plugins: [jekyll-terser]\n"})
    assert (site / "assets/js/a.js").read_text() == "/*mini false*/vara=1;varb=2;"
    assert len(list((tmp_path / ".jekyll-cache/jekyll-terser").rglob("*.js"))) == 1  # the other result pruned


def _tree(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


SCRIPTS = {f"assets/js/s{n}.js": f"var  n{n} = {n};\n" * (1 + 40 * n) for n in range(6)}


@pytest.mark.usefixtures("engine", "bundle_server")
def test_a_fresh_clone_takes_the_results_from_the_user_cache_and_writes_the_same_bytes(tmp_path, monkeypatch,
                                                                                       capsys) -> None:
    files = _site({"assets/js/bad.js": "one\nsyntax error\n", **SCRIPTS})
    without = _tree(build(tmp_path / "without", files))
    monkeypatch.setenv("LIQUIDSITE_CONTENT_CACHE", str(tmp_path / "content"))
    first = _tree(build(tmp_path / "first", files))
    assert first == without
    assert len(list((tmp_path / "content/terser").rglob("*.js"))) == len(SCRIPTS) + 1
    assert len(list((tmp_path / "content/terser").rglob("*.error"))) == 1
    capsys.readouterr()
    # another checkout of the site: no .jekyll-cache, no bundle, no engine; the results are the user cache's
    Bundles.files = {}
    for cached in Path(terserjs.bundle_folder(STAND_IN_BUNDLE)).iterdir():
        cached.unlink()
    monkeypatch.setenv(terserjs.ENGINE_ENV, "node")
    monkeypatch.setenv("PATH", "")
    clone = _tree(build(tmp_path / "clone", files, quiet=False, offline=True))
    assert clone == without
    log = _log(capsys)
    assert "copied unminified" not in log
    assert "Terser Exception: assets/js/bad.js:2:4: Unexpected token; not written" in log
    assert len(list((tmp_path / "clone/.jekyll-cache/jekyll-terser").rglob("*.js"))) == len(SCRIPTS) + 1


@pytest.mark.usefixtures("engine", "bundle_server")
def test_engine_processes_in_parallel_write_what_one_writes(tmp_path) -> None:
    files = _site({"assets/js/bad.js": "one\nsyntax error\n", **SCRIPTS})
    one = _tree(build(tmp_path / "one", files, jobs=1))
    assert _tree(build(tmp_path / "three", files, jobs=3)) == one
    assert one["assets/js/s2.js"] == b"/*mini true*/" + b"varn2=2;" * 81


def test_node_gets_half_the_jobs_and_quickjs_all() -> None:
    assert [terserjs.runner_count("Node", jobs, 30) for jobs in (1, 2, 3, 4, 8)] == [1, 1, 1, 2, 4]
    assert [terserjs.runner_count("QuickJS", jobs, 30) for jobs in (1, 2, 8)] == [1, 2, 8]
    assert terserjs.runner_count("QuickJS", 8, 3) == 3


@pytest.mark.usefixtures("engine", "bundle_server")
def test_scripts_go_longest_first_to_the_least_loaded_engine(tmp_path) -> None:
    minifier = terserjs.Minifier({}, str(tmp_path / "cache"), offline=False, jobs=4)
    try:
        sources = ["a" * 10, "b" * 50, "c" * 40, "d" * 30, "e" * 5]
        jobs = minifier.start(sources)
        loads = {id(runner): 0 for runner in minifier.runners}
        for job, source in sorted(zip(jobs, sources, strict=True), key=lambda pair: pair[0].ident):
            assert job.runner is not None
            assert loads[id(job.runner)] == min(loads.values())
            loads[id(job.runner)] += len(source)
        assert [job.ident for job in jobs] == [4, 1, 2, 3, 5]
        assert [minifier.result(job) for job in jobs] == [minifier.cache_path(source) for source in sources]
    finally:
        minifier.close()
    assert not minifier.runners


@pytest.mark.usefixtures("bundle_server")
def test_an_engine_stopping_during_the_build_leaves_its_scripts_unminified(tmp_path, monkeypatch, capsys) -> None:
    if shutil.which("node") is None and shutil.which("nodejs") is None:
        pytest.skip("Node is not on PATH")
    monkeypatch.setenv(terserjs.ENGINE_ENV, "node")
    stop = "// stop the engine\n" + "var x = 1;\n" * 20
    site = build(tmp_path, _site({"assets/js/stop.js": stop}), quiet=False, jobs=1)
    assert (site / "assets/js/stop.js").read_text() == stop
    assert (site / "assets/js/a.js").read_bytes() == b"var a = 1;\r\nvar b = 2;\n"
    log = _log(capsys)
    assert log.count("copied unminified") == 1
    assert "2 JavaScript file(s) copied unminified: Node stopped (status 3)." in log
    assert not list((tmp_path / ".jekyll-cache/jekyll-terser").rglob("*.js"))


@pytest.mark.usefixtures("engine", "bundle_server")
def test_a_script_that_is_not_utf8_is_not_written(tmp_path, capsys) -> None:
    (tmp_path / "assets/js").mkdir(parents=True)
    (tmp_path / "assets/js/latin1.js").write_bytes(b"var caf\xe9 = 1;\n")
    site = build(tmp_path, _site(), quiet=False)
    assert not (site / "assets/js/latin1.js").exists()
    assert (site / "assets/js/a.js").read_text() == "/*mini true*/vara=1;varb=2;"
    assert ("Terser Exception: assets/js/latin1.js: source sequence is illegal/malformed utf-8; not written"
            in _log(capsys))
