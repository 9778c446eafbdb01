"""jekyll-minifier 0.2.2 (htmlcompressor 0.4, json-minify 0.0.3): production builds only.

``golden/minifier/expected`` is what the real gems wrote for ``golden/minifier/site``
with ``JEKYLL_ENV=production`` (the al-folio oracle's Jekyll 4.3.1 and gem sources).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from inprocess import build
from terser_standin import bundle_server, engine, no_engine  # noqa: F401 - fixtures

from liquidsite import terserjs
from liquidsite.plugins import htmlcompressor, minifier

GOLDEN = Path(__file__).parent / "golden" / "minifier"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_production_build_as_the_gem_writes_it(tmp_path, monkeypatch):
    monkeypatch.setenv("JEKYLL_ENV", "production")
    shutil.copytree(GOLDEN / "site", tmp_path, dirs_exist_ok=True)
    site = build(tmp_path, {})
    assert _files(site) == _files(GOLDEN / "expected")


def test_development_build_is_not_minified(tmp_path, monkeypatch):
    monkeypatch.setenv("JEKYLL_ENV", "development")
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-minifier]\n",
        "index.html": "---\n---\n<p>  a  </p>\n",
        "a.json": '{ "a" : 1 }\n',
    })
    assert (site / "index.html").read_text() == "<p>  a  </p>\n"
    assert (site / "a.json").read_text() == '{ "a" : 1 }\n'


def test_json_minify():
    assert minifier.minify_json('{\n "a": [1, -2.5e3, true, null, ""],\n // c\n "b": "x \\" y" /* d */\n}') == (
        '{"a":[1,-2.5e3,true,null,""],"b":"x \\" y"}'
    )
    with pytest.raises(minifier.MinifyError):
        minifier.minify_json("{'single': 1}")


def test_htmlcompressor_options():
    html = '<div>\n  <p  class = "x" >a</p>\n  <input type="text" checked="checked">\n</div>\n'
    assert htmlcompressor.Compressor({}).compress(html) == (
        '<div> <p class="x">a</p> <input type="text" checked="checked"> </div>'
    )
    assert htmlcompressor.Compressor({
        "remove_intertag_spaces": True, "simple_boolean_attributes": True, "remove_input_attributes": True,
        "remove_quotes": True,
    }).compress(html) == "<div><p class=x>a</p><input checked></div>"


def test_inline_css_and_js_kept_and_reported():
    compressor = htmlcompressor.Compressor({"compress_css": True, "compress_javascript": True})
    html = "<style>\n a { color: red; }\n</style>  <script>\n var a = 1;\n</script>"
    assert compressor.compress(html) == "<style>\n a { color: red; }\n</style> <script>\n var a = 1;\n</script>"
    assert compressor.skipped == {"css", "javascript"}


@pytest.mark.parametrize("path, excluded", [
    ("robots.txt", True), ("assets/js/search/x.js", True), ("assets/js/x.js", True), ("assets/js/y.js", False),
    (".hidden/x.js", False),
])
def test_exclude_globs(path, excluded):
    settings = minifier.Settings({"jekyll-minifier": {"exclude": ["robots.txt", "assets/js/search/*.js", "*/x.js"]}})
    assert settings.excluded(path) is excluded


def test_inline_javascript_through_the_compressor_cdata_kept():
    compressor = htmlcompressor.Compressor({"compress_javascript": True, "javascript_compressor": str.upper})
    html = "<script>\n var a = 1;\n</script><script> <![CDATA[\n b() \n]]></script>"
    assert compressor.compress(html) == "<script>VAR A = 1;</script><script>/*<![CDATA[*/B()/*]]>*/</script>"
    assert compressor.skipped == set()


@pytest.mark.usefixtures("engine", "bundle_server")
def test_javascript_files_and_script_bodies_through_terser(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JEKYLL_ENV", "production")
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-minifier]\njekyll-minifier:\n  terser_args:\n    compress: {a: 1}\n",
        "index.html": "---\n---\n<p>  a  </p>\n<script>\n var a = 1;\n</script>\n",
        "broken.html": "---\n---\n<p>  b  </p>\n<script>syntax error</script>\n",
        "app.js": "var  b = 2;\n",
        "bad.js": "syntax error\n",
        "lib.min.js": "var  c = 3;\n",
    }, quiet=False)
    assert (site / "index.html").read_text() == "<p> a </p> <script>/*mini false*/vara=1;</script>"
    assert (site / "broken.html").read_text() == "<p>  b  </p>\n<script>syntax error</script>\n"
    assert (site / "app.js").read_text() == "/*mini false*/varb=2;"
    assert (site / "bad.js").read_text() == "syntax error\n"
    assert (site / "lib.min.js").read_text() == "var  c = 3;\n"
    captured = capsys.readouterr()
    log = captured.out + captured.err
    assert "Unsupported value type for 'terser_args[compress]': Hash. Skipping." in log
    assert "HTML compression failed for broken.html: Unexpected token. Using original content." in log
    assert "JavaScript compression failed for bad.js: Unexpected token. Using original content." in log


@pytest.mark.usefixtures("no_engine")
def test_javascript_left_as_it_is_without_an_engine(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("JEKYLL_ENV", "production")
    site = build(tmp_path / "s", {
        "_config.yml": "plugins: [jekyll-minifier]\n",
        "index.html": "---\n---\n<p>  a  </p>\n<script>\n var a = 1;\n</script>\n",
        "app.js": "var  b = 2;\n",
    }, quiet=False)
    assert (site / "index.html").read_text() == "<p> a </p> <script>\n var a = 1;\n</script>"
    assert (site / "app.js").read_text() == "var  b = 2;\n"
    captured = capsys.readouterr()
    assert (captured.out + captured.err).count("JavaScript, inline JavaScript not minified: no JavaScript engine") == 1


@pytest.mark.slow
@pytest.mark.usefixtures("engine")
def test_production_javascript_as_the_gem_writes_it(tmp_path, monkeypatch):
    """``golden/minifier_terser``: the gems' output with JEKYLL_ENV=production (terser-ruby 1.2.5 on Node)."""
    try:
        terserjs.bundle_source(terserjs.BUNDLE, offline=True)
    except terserjs.Unavailable as err:
        pytest.skip(f"terser-ruby's bundle is not cached: {err}")
    monkeypatch.setenv("JEKYLL_ENV", "production")
    shutil.copytree(GOLDEN.parent / "minifier_terser" / "site", tmp_path, dirs_exist_ok=True)
    site = build(tmp_path, {})
    assert _files(site) == _files(GOLDEN.parent / "minifier_terser" / "expected")


@pytest.mark.usefixtures("engine", "bundle_server")
def test_a_script_jekyll_terser_wrote_is_not_minified_again(tmp_path, monkeypatch):
    monkeypatch.setenv("JEKYLL_ENV", "production")
    site = build(tmp_path, {"_config.yml": "plugins: [jekyll-minifier, jekyll-terser]\n", "app.js": "var  b = 2;\n"})
    assert (site / "app.js").read_text() == "/*mini false*/varb=2;"
