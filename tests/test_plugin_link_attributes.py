"""jekyll-link-attributes 1.0.1 (and the libxml2 HTML round trip it puts every page through).

``golden/alfolio_gems/site`` is a fixture site using the al-folio gems built into
liquidsite; ``golden/alfolio_gems/expected`` holds what the real gems wrote for it
(the al-folio oracle: Jekyll 4.3.1 with the gems' sources, Nokogiri on libxml2 2.9.14),
jekyll-tabs' random UUIDs masked. The parser cases below were observed by running
the gem's rewrite (``Nokogiri::HTML(html)``, ``rel``/``target`` set, ``to_s``) on them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from inprocess import build

from liquidsite.plugins import libxml_html, link_attributes

GOLDEN = Path(__file__).parent / "golden" / "alfolio_gems"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def built_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("alfolio_gems")
    shutil.copytree(GOLDEN / "site", root, dirs_exist_ok=True)
    return build(root, {})


@pytest.mark.parametrize("name, output", [
    ("links.html", "links.html"), ("nolayout.html", "nolayout.html"), ("page.html", "page.html"),
    ("filters.html", "filters.html"), ("feed.xml", "feed.xml"), ("data.json", "data.json"),
    ("tabs.html", "2024/05/01/tabs.html"),
])
def test_fixture_site_as_the_gems_write_it(built_fixture: Path, name: str, output: str) -> None:
    written = UUID.sub("UUID", (built_fixture / output).read_text())
    assert written == (GOLDEN / "expected" / name).read_text()


CONFIG = {"url": "https://me.org"}
CASES = [
    ("<p>a<p>b<div>c</div>", "<html><body>\n<p>a</p>\n<p>b</p>\n<div>c</div>\n</body></html>"),
    ("<ul><li>a<li>b</ul><ol><li>x</ol>",
     "<html><body>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol><li>x</li></ol>\n</body></html>"),
    ("<h1>T <h2>U</h2></h1><h3>x<p>y</h3>",
     "<html><body>\n<h1>T <h2>U</h2>\n</h1>\n<h3>x</h3>\n<p>y</p>\n</body></html>"),
    ("<div><span>a</div>b</span>c", "<html><body>\n<div><span>a</span></div>bc</body></html>"),
    ("<body><p>a</p></body>\n<script>var x = \"</div>\";</script>\n",
     "<html>\n<body><p>a</p></body>\n<script>var x = \"</div>\";</script>\n</html>"),
    ("<div>\n  text &amp;lt; &nbsp;&copy&c &#169; &#x3C; &bogus; AT&T\n</div>",
     "<html><body><div>\n  text &amp;lt; \u00a0&amp;copy&amp;c \u00a9 &lt; &amp;bogus; AT&amp;T\n</div></body></html>"),
    ('<div a="1" a="2" B="3" data-X="4">dup</div>', '<html><body><div a="1" b="3" data-x="4">dup</div></body></html>'),
    ('<a name="x y">n</a><a href=" https://sp.org/">sp</a><form action="/a b"></form>',
     '<html><body>\n<a name="x%20y">n</a><a href="https://sp.org/">sp</a>'
     '<form action="/a%20b"></form>\n</body></html>'),
    ("<html><head><title>t</title><div>x</div></head><body class=\"b\"><p>y</body></html>",
     "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n<title>t</title>\n"
     "</head>\n<body>\n<div>x</div>\n<p>y</p>\n</body>\n</html>"),
    ('<img src="x.png" sizes="30vw" ">', '<html><body><img src="x.png" sizes="30vw"></body></html>'),
    # al-folio's publications page under the oracle's offline stub tags: a comment in an attribute stays
    ('<img src="https://i.io/b-<!-- c x -->-1?l=i&amp;c=2" alt="<!-- c x --> C <b>">',
     '<html><body><img src="https://i.io/b-<!--%20c%20x%20-->-1?l=i&amp;c=2" alt="<!-- c x --> C &lt;b&gt;">'
     '</body></html>'),
    ("plain text <b>x</b>", "<html><body><p>plain text <b>x</b></p></body></html>"),
    ('<p>This <some:url name:spac="hallo">doit</some:url> test</p>',
     '<html><body><p>This <url name:spac="hallo">doit</url> test</p></body></html>'),
]


@pytest.mark.parametrize("source, expected", CASES)
def test_libxml2_document_round_trip(source: str, expected: str) -> None:
    assert link_attributes.rewrite(source, CONFIG) == libxml_html.DEFAULT_DOCTYPE + "\n" + expected + "\n"


def test_comment_before_html_and_existing_content_type() -> None:
    assert link_attributes.rewrite(
        "<!DOCTYPE html>\n<!-- top -->\n<html><head></head><body>x</body></html>\n<!-- after -->\n", CONFIG
    ) == (
        '<!DOCTYPE html>\n<!-- top --><html>\n<head><meta http-equiv="Content-Type" '
        'content="text/html; charset=UTF-8"></head>\n<body>x</body>\n</html><!-- after -->\n'
    )


def test_excludes_disabled_and_pages_not_html(tmp_path: Path) -> None:
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-link-attributes]\nexternal_links:\n  enabled: false\n",
        "index.html": "---\n---\n<a href='https://x.org/'>x</a>\n",
    })
    assert (site / "index.html").read_text() == "<a href='https://x.org/'>x</a>\n"


def test_rewritten_pages_kept_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "_config.yml": "plugins: [jekyll-link-attributes]\n",
        "_posts/2020-01-01-p.html": '---\n---\n<a href=" https://sp.org/">sp</a>\n',
        "page.html": "---\n---\n<a href='https://x.org/'>x</a>\n",
    }
    first = {name: (build(tmp_path, files) / name).read_text() for name in ("page.html", "2020/01/01/p.html")}

    def unexpected(output: str, config: object) -> tuple[str, bool]:
        raise AssertionError("rewritten again")

    monkeypatch.setattr(link_attributes, "_rewrite", unexpected)
    assert {name: (build(tmp_path, {}) / name).read_text() for name in first} == first


def test_posts_get_the_gems_second_pass(tmp_path: Path) -> None:
    """The gem hooks posts as ``posts`` and as ``documents``: the second pass sees the first one's output,
    where libxml2 stripped the blank before this href, and makes the link external then."""
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-link-attributes]\n",
        "_posts/2020-01-01-p.html": '---\n---\n<a href=" https://sp.org/">sp</a>\n',
        "page.html": '---\n---\n<a href=" https://sp.org/">sp</a>\n',
    })
    assert '<a href="https://sp.org/" rel="external nofollow noopener" target="_blank">sp</a>' in (
        site / "2020/01/01/p.html").read_text()
    assert '<a href="https://sp.org/">sp</a>' in (site / "page.html").read_text()
