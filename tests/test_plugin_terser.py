"""jekyll-terser: JavaScript copied unminified with one warning (no JavaScript engine here);
and a gem liquidsite lacks still gets the one "not built in" warning."""

from __future__ import annotations

from inprocess import build

JS = "// a comment\nfunction hello(name) {\n  return name;\n}\n"


def test_js_copied_unminified_with_one_warning(tmp_path, capsys):
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-terser, jekyll-not-a-real-gem]\n",
        "assets/js/a.js": JS,
        "assets/js/b.js": JS,
        "assets/js/c.min.js": "var c=1;\n",
    }, quiet=False)
    assert (site / "assets/js/a.js").read_text() == JS
    assert (site / "assets/js/c.min.js").read_text() == "var c=1;\n"
    log = capsys.readouterr()
    text = log.out + log.err
    assert text.count("JavaScript file(s) copied unminified") == 1
    assert "2 JavaScript file(s)" in text
    assert text.count("'jekyll-not-a-real-gem' is not built into liquidsite") == 1
    assert "jekyll-terser' is not built" not in text


def test_no_warning_without_js(tmp_path, capsys):
    build(tmp_path, {"_config.yml": "plugins: [jekyll-terser]\n", "index.html": "x"}, quiet=False)
    assert "Terser" not in capsys.readouterr().out
