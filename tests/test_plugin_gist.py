"""jekyll-gist: output observed from Jekyll 4.3.1 + jekyll-gist 1.5.0 with ``gist: {noscript: false}``
(liquidsite never fetches the <noscript> code, so it always builds that way)."""

from __future__ import annotations

from liquidsite.plugins.gist import arguments

PAGE = (
    "---\nmygist: parkr/931c1c8d465a04042403\nfile: x.rb\n---\n"
    "A{% gist parkr/c08ee0f2726fd0e3909d %}\n"
    "B{% gist 28949e1d5ee2273f9fd3 best.md %}\n"
    "C{% gist page.mygist page.file %}\n"
    "E{% gist   nofile/1   %}\n"
)

EXPECTED = (
    'A<script src="https://gist.github.com/parkr/c08ee0f2726fd0e3909d.js"> </script>\n'
    'B<script src="https://gist.github.com/28949e1d5ee2273f9fd3.js?file=best.md"> </script>\n'
    'C<script src="https://gist.github.com/parkr/931c1c8d465a04042403.js?file=x.rb"> </script>\n'
    'E<script src="https://gist.github.com/nofile/1.js"> </script>\n'
)


def test_gist_tags(build_site):
    built = build_site({"_config.yml": "plugins: [jekyll-gist]\n", "index.html": PAGE})
    assert built.code == 0, built.log
    assert built.read("index.html") == EXPECTED
    assert "Warning" not in built.log


def test_noscript_false_is_the_same(build_site):
    built = build_site({"_config.yml": "plugins: [jekyll-gist]\ngist:\n  noscript: false\n", "index.html": PAGE})
    assert built.read("index.html") == EXPECTED


def test_argument_split_follows_the_gem():
    assert arguments("user/1 a.rb") == ("user/1", "a.rb")
    assert arguments("  abc  ") == ("abc", "")
    assert arguments("user/1 a b") == ("user/1 a b", "")
    assert arguments("a b c") is None
    assert arguments("") is None
