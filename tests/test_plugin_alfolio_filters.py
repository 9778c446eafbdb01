"""jekyll-email-protect 1.0.3, jekyll-regex-replace 1.1.0 and jekyll-cache-bust 0.0.1.

Expected strings were observed from the real gems (the al-folio oracle, Jekyll 4.3.1)
on a fixture site with these same templates and files.
"""

from __future__ import annotations

import hashlib

import pytest
from conftest import write_tree
from inprocess import build

from liquidsite.plugins import regex_replace

CONFIG = "plugins: [jekyll-email-protect, jekyll-regex-replace, jekyll-cache-bust]\nbaseurl: /base\n"


def test_encode_email(tmp_path):
    site = build(tmp_path, {
        "_config.yml": CONFIG,
        "index.html": (
            '---\n---\n{{ "you@example.com" | encode_email }}|{{ "Ünï.cödé+x_y@ex-ample.org" | encode_email }}|'
            "{{ nil | encode_email }}|{{ 42 | encode_email }}"
        ),
    })
    assert (site / "index.html").read_text() == (
        "%79%6F%75@%65%78%61%6D%70%6C%65.%63%6F%6D|"
        "%C3%9C%6E%C3%AF.%63%C3%B6%64%C3%A9+%78_%79@%65%78-%61%6D%70%6C%65.%6F%72%67||%34%32"
    )


REGEX_CASES = [
    ('"hello world" | regex_replace: "o", "0"', "hell0 w0rld"),
    ('"hello world" | regex_replace_once: "o", "0"', "hell0 world"),
    ('"John Smith" | regex_replace: "(\\w+) (\\w+)", "\\2, \\1"', "Smith, John"),
    ('"a.b.c" | regex_replace: "\\.", "-"', "a-b-c"),
    ('"Ab ab AB" | regex_replace: "(?i)ab", "x"', "x x x"),
    ('"line1\nline2" | regex_replace: "^line", "L"', "L1\nL2"),
    ('"x-y" | regex_replace: "(?<first>\\w)-(?<second>\\w)", "\\k<second>+\\k<first>"', "y+x"),
    ('"tab\tsp" | regex_replace: "\\s", "_"', "tab_sp"),
    ('"aaa" | regex_replace: "a*", "-"', "--"),
    ('"abc" | regex_replace: "b", "\\0\\0"', "abbc"),
    ('"a\\b" | regex_replace: "\\\\\\\\", "/"', "a\\b"),
    ('"x" | regex_replace: "x", "\\\\"', "\\"),
    ('"abc" | regex_replace: "", "."', ".a.b.c."),
    ('"hello" | regex_replace: "l", "&"', "he&&o"),
    ('"héllo" | regex_replace: "\\w+", "W"', "WéW"),
]


def test_regex_replace_ruby_semantics(tmp_path):
    template = "|".join("{{ " + case + " }}" for case, _ in REGEX_CASES)
    site = build(tmp_path, {"_config.yml": CONFIG, "index.html": "---\n---\n" + template})
    assert (site / "index.html").read_text() == "|".join(expected for _, expected in REGEX_CASES)


def test_regex_translation_details():
    assert regex_replace.regex_replace("ab\n", "b\\Z", "X") == "aX\n"
    assert regex_replace.regex_replace("ab\n", "b\\z", "X") == "ab\n"
    assert regex_replace.regex_replace("a1F z", "\\h+", "#") == "# z"
    assert regex_replace.regex_replace("a\nb", "(?m)a.b", "X") == "X"
    assert regex_replace.regex_replace("a1-b2", "[[:alpha:]][[:digit:]]", "_") == "_-_"
    assert regex_replace.regex_replace("abc", "b", "[\\`|\\']") == "a[a|c]c"


def test_regex_errors_name_the_pattern():
    from liquidsite.liquid.tag_errors import JekyllTagError

    with pytest.raises(JekyllTagError, match="invalid regular expression /a\\(/"):
        regex_replace.regex_replace("x", "a(", "")
    with pytest.raises(JekyllTagError, match="undefined method `gsub' for NilClass"):
        regex_replace.regex_replace(None, "a", "")


def test_cache_bust_hashes_the_file_or_the_sass_folder(tmp_path):
    site = build(tmp_path, {
        "_config.yml": CONFIG,
        "assets/js/a.js": (
            "// a comment\nfunction hello(name) {\n  var greeting = \"Hello, \" + name;\n"
            "  console.log(greeting);\n  return greeting;\n}\nwindow.hello = hello;\n"
        ),
        "assets/css/main.css": "body { color: red; }\n",
        "assets/_sass/_a.scss": "$c: red;\n",
        "assets/_sass/_b.scss": "$d: blue;\n",
        "assets/_sass/sub/_c.scss": "// sub\n",
        "index.html": (
            '---\n---\n{{ "/base/assets/js/a.js" | bust_file_cache }}|'
            '{{ "https://me.example.org/base/assets/css/main.css" | bust_css_cache }}'
        ),
    })
    assert (site / "index.html").read_text() == (
        "/base/assets/js/a.js?v=c4d3d9bcb102c361c5952adbe9d38c8a|"
        "https://me.example.org/base/assets/css/main.css?v=c22634cbe22cca996e3bd86b7ea0bb10"
    )


def test_cache_bust_hashes_each_file_once_a_build_and_again_in_the_next(tmp_path):
    """A watched site's next build sees the edited file (the digests live as long as one build)."""
    from liquidsite.config import load_config
    from liquidsite.site import Site

    write_tree(tmp_path, {"_config.yml": CONFIG, "assets/js/a.js": "1\n", "assets/_sass/_a.scss": "$c: red;\n",
                          "index.html": '---\n---\n{{ "assets/js/a.js" | bust_file_cache }}'
                                        '{{ "assets/js/a.js" | bust_file_cache }}|{{ "x.css" | bust_css_cache }}'})
    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True}))
    site.process()
    first = (tmp_path / "_site" / "index.html").read_text()
    (tmp_path / "assets" / "js" / "a.js").write_text("2\n")
    (tmp_path / "assets" / "_sass" / "_a.scss").write_text("$c: blue;\n")
    site.process()
    second = (tmp_path / "_site" / "index.html").read_text()
    texts = ("1\n", "2\n", "$c: red;\n", "$c: blue;\n")
    one, two, red, blue = (hashlib.md5(text.encode()).hexdigest() for text in texts)
    assert first == f"assets/js/a.js?v={one}assets/js/a.js?v={one}|x.css?v={red}"
    assert second == f"assets/js/a.js?v={two}assets/js/a.js?v={two}|x.css?v={blue}"


def test_cache_bust_reads_the_whole_name_without_assets_and_names_a_missing_file(tmp_path):
    from liquidsite.liquid.tag_errors import JekyllTagError
    from liquidsite.plugins.cache_bust import file_digest

    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"png")
    # Ruby's file_name.slice(nil..-1) is a beginless range: the whole name
    assert file_digest(str(tmp_path), "img/a.png") == "bff139fa05ac583f685a523ab3d110a0"
    with pytest.raises(JekyllTagError, match="No such file or directory @ rb_sysopen - assets/js/none.js$"):
        file_digest(str(tmp_path), "/base/assets/js/none.js")
