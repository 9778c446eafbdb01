"""jekyll-minifier 0.2.2 (htmlcompressor 0.4, json-minify 0.0.3): production builds only.

``golden/minifier/expected`` is what the real gems wrote for ``golden/minifier/site``
with ``JEKYLL_ENV=production`` (the al-folio oracle's Jekyll 4.3.1 and gem sources).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from inprocess import build

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
