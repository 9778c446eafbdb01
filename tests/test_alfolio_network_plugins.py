"""The network plugins: al-folio's external posts and citation counts, jekyll-get-json and
jekyll-twitter-plugin, served by a canned HTTP server on 127.0.0.1, then offline from the
cache, then offline with nothing cached (placeholders, one warning per plugin).

Expected values follow the Ruby plugins' code (the oracle stubs the network): citation counts
as ActiveSupport's ``number_to_human`` prints them (checked with Ruby for the counts used).
"""

from __future__ import annotations

import json
import shutil

import pytest
from alfolio_site import CannedServer, build_in_process

from liquidsite import net
from liquidsite.plugins import twitter
from liquidsite.plugins.alfolio import citations
from liquidsite.plugins.alfolio.citations import inspire_count, number_to_human, scholar_count
from liquidsite.plugins.alfolio.external_posts import parse_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Blog</title>
<item><title><![CDATA[Hello, World!]]></title><link>https://blog.example/p/hello-1</link>
<description>Short one</description>
<content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>\xe6\x97\xa5\xe6\x9c\xac</title><link>https://blog.example/p/nihon/</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 +0100</pubDate></item>
</channel></rss>
"""
PAGE = b"""<html><head><title> A page
</title><meta name="og:description" content="About things"></head>
<body><h1>Head</h1><p>First.</p><div><p>Second <i>part</i>.</p></div></body></html>"""
SCHOLAR = b'<html><head><meta name="description" content="Smith - Cited by 1,234 - Related"></head></html>'
INSPIRE = json.dumps({"hits": {"hits": [{"metadata": {"citation_count": 155}}]}}).encode()
OEMBED = json.dumps({"html": "<blockquote>tweet</blockquote>"}).encode()
DATA = json.dumps({"name": "Remote", "list": [1, 2]}).encode()

ANSWERS = {
    "/feed.xml": (200, "application/rss+xml", RSS),
    "/page.html": (200, "text/html", PAGE),
    "/citations": (200, "text/html", SCHOLAR),
    "/api/literature/": (200, "application/json", INSPIRE),
    "/oembed": (200, "application/json", OEMBED),
    "/data.json": (200, "application/json", DATA),
}

STAND_INS = {
    "_plugins/external-posts.rb": "module E\n  class ExternalPostsGenerator < Jekyll::Generator\n  end\nend\n",
    "_plugins/google-scholar-citations.rb": "Liquid::Template.register_tag('google_scholar_citations', T)\n",
    "_plugins/inspirehep-citations.rb": "Liquid::Template.register_tag('inspirehep_citations', T)\n",
}


def site(base: str) -> dict[str, str]:
    return {
        **STAND_INS,
        "_config.yml": f"""time: 2024-06-01 00:00:00 +0000
permalink: /blog/:year/:title/
plugins: [jekyll-get-json, jekyll-twitter-plugin]
defaults:
  - scope: {{path: "", type: posts}}
    values: {{layout: post}}
external_sources:
  - name: My Blog
    rss_url: {base}/feed.xml
    categories: [external-posts]
    tags: [blog]
  - name: Some Site
    posts:
      - url: {base}/page.html
        published_date: 2024-05-14
jekyll_get_json:
  - data: local
    json: assets/json/local.json
  - data: remote
    json: {base}/data.json
scholar: {{id: SID}}
""",
        "assets/json/local.json": '{"a": [1, 2], "b": "x"}',
        "_data/local.yml": "a: [2, 3]\nb: kept\n",
        "_layouts/post.html": "<article>{{ page.title }}|{{ page.redirect }}|{{ content }}</article>\n",
        "_posts/2024-01-01-own.md": "---\ntitle: Own\n---\nmine\n",
        "index.html": """---
---
{% for p in site.posts %}{{ p.title }}|{{ p.url }}|{{ p.date | date: "%F %T" }}|{{ p.external_source }}|\
{{ p.description }}|{{ p.categories | join: "," }}|{{ p.tags | join: "," }}|{{ p.redirect }}
{% endfor %}scholar={% google_scholar_citations site.scholar.id "ART1" %}
inspire={% inspirehep_citations "12345" %}
{% twitter https://twitter.com/jekyllrb maxwidth=500 limit=3 %}
local={{ site.data.local | jsonify }} remote={{ site.data.remote | jsonify }}
""",
    }


ONLINE_INDEX = """A page|/blog/2024/a-page/|2024-05-14 00:00:00|Some Site|About things|||http://BASE/page.html
日本|/blog/2024/my-blog-nihon/|2024-03-06 09:00:00|My Blog||external-posts|blog|https://blog.example/p/nihon/
Hello, World!|/blog/2024/hello-world/|2024-03-05 10:00:00|My Blog|Short one|external-posts|blog|\
https://blog.example/p/hello-1
Own|/blog/2024/own/|2024-01-01 00:00:00|||||
scholar=1.2K
inspire=160
<div class='jekyll-twitter-plugin'><blockquote>tweet</blockquote></div>
local={"a":[2,3],"b":"kept"} remote={"name":"Remote","list":[1,2]}
"""
OFFLINE_INDEX = """Own|/blog/2024/own/|2024-01-01 00:00:00|||||
scholar=N/A
inspire=N/A
<div class='jekyll-twitter-plugin'><p>Tweet could not be processed</p></div>
local={"a":[2,3],"b":"kept"} remote=null
"""


@pytest.fixture
def server(monkeypatch):
    canned = CannedServer(ANSWERS)
    monkeypatch.setattr(citations, "SCHOLAR_URL", canned.base + "/citations")
    monkeypatch.setattr(citations, "INSPIRE_URL", canned.base + "/api/literature/")
    monkeypatch.setattr(twitter, "TWITTER_API_URL", canned.base + "/oembed")
    with canned.running():
        yield canned


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_online_then_offline_from_the_cache_then_offline_without_it(tmp_path, server):
    files = site(server.base)
    built = build_in_process(tmp_path, files)
    assert built.code == 0, built.log
    online = ONLINE_INDEX.replace("http://BASE", server.base)
    assert built.read("index.html") == online
    assert built.read("blog/2024/hello-world/index.html") == (
        "<article>Hello, World!|https://blog.example/p/hello-1|<p>Full <b>text</b></p>\n</article>\n")
    assert built.read("blog/2024/a-page/index.html") == (
        f"<article>A page|{server.base}/page.html|<p>First.Second part.</p>\n</article>\n")
    assert "/citations?view_op=view_citation&hl=en&user=SID&citation_for_view=SID:ART1" in server.requests
    assert "/api/literature/?fields=citation_count&q=recid:12345" in server.requests
    assert "/oembed?maxwidth=500&limit=3&url=https%3A%2F%2Ftwitter.com%2Fjekyllrb" in server.requests
    assert len(list((tmp_path / ".jekyll-cache" / "liquidsite-net").iterdir())) == 6
    asked = len(server.requests)

    offline = build_in_process(tmp_path, {}, "--offline")
    assert offline.code == 0, offline.log
    assert offline.read("index.html") == online
    assert len(server.requests) == asked
    assert "could not be fetched" not in offline.log

    shutil.rmtree(tmp_path / ".jekyll-cache" / "liquidsite-net")
    bare = build_in_process(tmp_path, {}, "--offline")
    assert bare.code == 0, bare.log
    assert bare.read("index.html") == OFFLINE_INDEX
    assert len(server.requests) == asked
    for plugin in ("external-posts.rb", "google-scholar-citations.rb", "inspirehep-citations.rb",
                   "jekyll-twitter-plugin", "jekyll-get-json"):
        assert bare.log.count(f"{plugin}: ") == 1, (plugin, bare.log)
        assert f"{plugin}: " in bare.log and "(offline) and nothing is cached" in bare.log


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_network_failure_uses_the_cache_and_never_hangs(tmp_path, server, monkeypatch):
    files = site(server.base)
    assert build_in_process(tmp_path, files).code == 0
    server.server.shutdown()
    server.server.server_close()
    monkeypatch.setattr(net, "TIMEOUT", 1.0)
    again = build_in_process(tmp_path, {})
    assert again.code == 0, again.log
    assert again.read("index.html") == ONLINE_INDEX.replace("http://BASE", server.base)
    assert again.log.count("using the cached answer") == 5  # one per plugin


def test_tweet_cache_of_the_gem_is_read_first(tmp_path):
    request = twitter._Request(["https://twitter.com/jekyllrb", "maxwidth=500", "limit=3"])
    key = request.cache_key
    built = build_in_process(tmp_path, {
        f".tweet-cache/{key}.cache": json.dumps({"html": "<b>cached</b>"}),
        "index.html": "---\n---\n{% twitter https://twitter.com/jekyllrb maxwidth=500 limit=3 %}",
        "_config.yml": "plugins: [jekyll-twitter-plugin]\n",
    }, "--offline")
    assert built.code == 0, built.log
    assert built.read("index.html") == "<div class='jekyll-twitter-plugin'><b>cached</b></div>"


def test_counts_as_the_plugins_read_and_print_them():
    assert [number_to_human(n) for n in (0, 9, 155, 999, 1050, 1234, 99500, 2500000, 1234567890)] == [
        "0", "9", "160", "1K", "1.1K", "1.2K", "100K", "2.5M", "1.2B"]
    page = '<meta property="og:description" content="Cited by 1,234,567">'
    assert scholar_count(page) == 1234  # the plugin removes the first comma only
    assert scholar_count(page, strip_first_comma=False) == 1
    assert scholar_count('<meta name="description" content="nothing">' + page) == 0
    assert scholar_count('<meta name="description">') is None
    assert inspire_count('{"hits": {"hits": []}}') is None
    assert inspire_count('{"hits": {"hits": [{"metadata": {}}]}}') == 0


def test_atom_feed_entries():
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
    <link rel="alternate" href="https://x.example/t"/><summary>S</summary><content>C</content>
    <published>2024-02-03T04:05:06Z</published></entry></feed>"""
    (entry,) = parse_feed(atom)
    assert (entry.url, entry.title, entry.summary, entry.content, entry.published.isoformat()) == (
        "https://x.example/t", "T", "S", "C", "2024-02-03T04:05:06+00:00")


FAKE_FEED = '''
import datetime as dt
from liquidsite.plugins.alfolio.external_posts import Behaviour, Entry, create_document
from liquidsite.timeutil import RUBY_UTC

def register(api):
    @api.generator(priority="high")
    def external(site):
        for title, url, content, summary, published in [
                ("Hello, World!", "https://blog.example/p/hello-1", "<p>Full <b>text</b></p>\\n\\n{{ site.time }}",
                 "Short one", dt.datetime(2024, 3, 5, 10, tzinfo=RUBY_UTC)),
                ("日本", "https://blog.example/p/nihon/", None, None, dt.datetime(2024, 3, 6, 9, tzinfo=RUBY_UTC))]:
            create_document(site, {"name": "My Blog", "categories": ["external-posts"], "tags": ["blog"]},
                            Entry(url, title, content, summary, published), Behaviour())
'''


def test_external_posts_are_documents_as_jekyll_makes_them(tmp_path):
    """Observed with Jekyll 4.3.1 and a generator creating the same two documents as the plugin:
    dates in UTC mode, front matter defaults invisible to Liquid (but the layout applies),
    appended after the site's posts (next/previous follow that order, site.posts the dates)."""
    built = build_in_process(tmp_path, {
        "_plugins/feed.py": FAKE_FEED,
        "_config.yml": "time: 2024-06-01 00:00:00 +0000\npermalink: /blog/:year/:title/\ndefaults:\n"
                       "  - scope: {path: '', type: posts}\n    values: {layout: post, author: Me}\n",
        "_layouts/post.html": (
            "<article>{{ page.title }}|{{ page.redirect }}|{{ page.date }}|{{ page.slug }}|"
            "{{ page.categories | jsonify }}|{{ page.tags | jsonify }}|{{ page.author }}|{{ page.excerpt }}|"
            "{{ page.id }}|{{ page.path }}|{{ page.previous.title }}|{{ page.next.title }}|{{ page.draft }}\n"
            "{{ content }}</article>\n"),
        "_posts/2024-01-01-own.md": "---\ntitle: Own\n---\nmine *md*\n",
        "_posts/2024-05-20-later.md": "---\ntitle: Later\n---\nlater\n",
        "index.html": (
            "---\n---\n{% for p in site.posts %}{{ p.title }}|{{ p.url }}|{{ p.date }}|{{ p.external_source }}|"
            "{{ p.description }}|{{ p.feed_content }}|{{ p.next.title }}|{{ p.previous.title }}\n{% endfor %}"
            "{% for t in site.tags %}{{ t[0] }}={{ t[1].size }} {% endfor %}\n"
            "{% for c in site.categories %}{{ c[0] }}={{ c[1].size }} {% endfor %}\n"),
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == """Later|/blog/2024/later/|2024-05-20 00:00:00 +0000||||Hello, World!|Own
日本|/blog/2024/my-blog-nihon/|2024-03-06 09:00:00 UTC|My Blog||||Hello, World!
Hello, World!|/blog/2024/hello-world/|2024-03-05 10:00:00 UTC|My Blog|Short one|<p>Full <b>text</b></p>

{{ site.time }}|日本|Later
Own|/blog/2024/own/|2024-01-01 00:00:00 +0000||||Later|
blog=2\x20
external-posts=2\x20
"""
    assert built.read("blog/2024/hello-world/index.html") == """<article>Hello, World!|\
https://blog.example/p/hello-1|2024-03-05 10:00:00 UTC||["external-posts"]|["blog"]|||/blog/2024/hello-world|\
_posts/hello-world.md|Later|日本|false
<p>Full <b>text</b></p>

<p>2024-06-01 00:00:00 +0000</p>
</article>
"""
    assert built.read("blog/2024/my-blog-nihon/index.html") == """<article>日本|https://blog.example/p/nihon/|\
2024-03-06 09:00:00 UTC||["external-posts"]|["blog"]|||/blog/2024/my-blog-nihon|_posts/my-blog-nihon.md|\
Hello, World!||false

</article>
"""


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_twitter_error_answer_as_the_gem_writes_it(tmp_path, monkeypatch):
    """Observed with the gem's tag against a local server answering 404."""
    canned = CannedServer({"/oembed?url=https%3A%2F%2Fx.com%2Fmissing": (404, "text/plain", b"nope")})
    monkeypatch.setattr(twitter, "TWITTER_API_URL", canned.base + "/oembed")
    with canned.running():
        built = build_in_process(tmp_path, {
            "_config.yml": "plugins: [jekyll-twitter-plugin]\n",
            "index.html": "---\n---\n{% twitternocache https://x.com/missing %}",
        })
    assert built.code == 0, built.log
    assert built.read("index.html") == ("<div class='jekyll-twitter-plugin'><p>There was a 'Not Found' error "
                                        "fetching URL: 'https://x.com/missing'</p></div>")


class _FakeSite:
    def __init__(self, source, **config) -> None:
        self.source = str(source)
        self.config = {"source": str(source), **config}


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_silent_host_costs_one_timeout_per_build(tmp_path, monkeypatch):
    import socket
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # accepts connections, never answers
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    monkeypatch.setattr(net, "TIMEOUT", 0.5)
    network = net.Network(_FakeSite(tmp_path))
    started = time.monotonic()
    assert network.fetch(base + "/a", "p") is None
    assert network.fetch(base + "/b", "p") is None  # the host is not asked again
    assert time.monotonic() - started < 1.5
    assert network.warned == {"p"}
    listener.close()


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_serve_keeps_answers_across_full_rebuilds(tmp_path, server):
    first = net.Network(_FakeSite(tmp_path, disable_disk_cache=True))
    assert first.fetch(server.base + "/data.json", "p").body == DATA
    second = net.Network(_FakeSite(tmp_path, disable_disk_cache=True))
    second.carry_over(first)
    asked = len(server.requests)
    assert second.fetch(server.base + "/data.json", "p").body == DATA
    assert len(server.requests) == asked
    assert first.directory is None  # no disk cache: memory only


def test_versions_of_external_posts_differ_as_the_plugin_did():
    from liquidsite.plugins.alfolio.external_posts import Behaviour, _slug, page_entry

    nihon = parse_feed(RSS.decode())[1]
    assert _slug(nihon, "My Blog!", Behaviour()) == "my-blog-nihon"
    assert _slug(nihon, "My Blog!", Behaviour(slug_fallback=False)) == ""
    published = None  # not read by page_entry
    latest = page_entry(PAGE.decode(), "u", published, Behaviour())
    assert (latest.title, latest.summary, latest.content) == ("A page", "About things", "First.Second part.")
    first = page_entry(PAGE.decode(), "u", published, Behaviour(slug_fallback=False, paragraphs=False))
    assert (first.title, first.summary) == (" A page\n", "")
    assert first.content == "<h1>Head</h1><p>First.</p><div><p>Second <i>part</i>.</p></div>"


def test_get_json_skips_what_it_cannot_read_and_says_no_config(tmp_path):
    built = build_in_process(tmp_path, {
        "_config.yml": "plugins: [jekyll-get-json]\njekyll_get_json:\n  data: one\n  json: broken.json\n",
        "broken.json": "{not json",
        "index.html": "---\n---\n[{{ site.data.one }}]",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[]"
    unset = build_in_process(tmp_path / "unset", {"_config.yml": "plugins: [jekyll-get-json]\n"})
    assert unset.code == 0 and "jekyll-get-json: No config" in unset.log


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_after_a_timeout_no_host_is_asked(tmp_path, monkeypatch, server):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    monkeypatch.setattr(net, "TIMEOUT", 0.5)
    network = net.Network(_FakeSite(tmp_path))
    assert network.fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/a", "p") is None
    asked = len(server.requests)
    assert network.fetch(server.base.replace("127.0.0.1", "localhost") + "/data.json", "q") is None
    assert len(server.requests) == asked
    listener.close()


def test_counts_observed_from_the_ruby_tags():
    """al-folio 6d2ce99's two tags run by Ruby with these answers (URI.open and Net::HTTP.get stubbed)."""
    pages = [
        '<html><head><meta name="description" content="Smith - Cited by 1,234,567 - x"></head></html>',
        '<html><head><meta property="og:description" content="Cited by 155"></head>'
        '<body><meta name="description" content="no count"></body></html>',
        '<html><head><meta name="description"></head></html>',
        "<html><head><title>x</title></head></html>",
        '<meta name="description" content="Cited by 999">',
    ]
    answers = [
        '{"hits":{"hits":[{"metadata":{"citation_count":2500000}}]}}', '{"hits":{"hits":[{"metadata":{}}]}}',
        '{"hits":{"hits":[]}}', "not json", '{"hits":{"hits":[{"metadata":{"citation_count":"12"}}]}}',
    ]

    def shown(count):
        return "N/A" if count is None else number_to_human(count)

    assert "|".join(shown(scholar_count(page)) for page in pages) == "1.2K|0|N/A|0|1K"
    assert "|".join(shown(inspire_count(answer)) for answer in answers) == "2.5M|0|N/A|N/A|12"


def test_get_json_merges_unless_activesupport_is_loaded(tmp_path):
    """Observed with Jekyll 4.3.1: the deep_merge gem merges in place; with al-folio's
    google-scholar-citations.rb (ActiveSupport) present, _data keeps its own value."""
    files = {
        "_config.yml": "plugins: [jekyll-get-json]\njekyll_get_json:\n  - data: d\n    json: d.json\n",
        "d.json": '{"a": [1, 2], "b": "json", "c": {"x": 2, "y": 3}}',
        "_data/d.yml": "a: [2, 3]\nb: yml\nc: {x: 1}\n",
        "index.html": "---\n---\n{{ site.data.d | jsonify }}",
    }
    merged = build_in_process(tmp_path / "merged", files)
    assert merged.read("index.html") == '{"a":[2,3,1],"b":"yml","c":{"x":1,"y":3}}'
    kept = build_in_process(tmp_path / "kept", {**files, **{k: v for k, v in STAND_INS.items() if "google" in k}})
    assert kept.read("index.html") == '{"a":[2,3],"b":"yml","c":{"x":1}}'


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_stored_answer_keeps_its_charset(tmp_path):
    latin = CannedServer({"/page": (200, "text/html; charset=ISO-8859-1", "Café".encode("latin-1"))})
    with latin.running():
        assert net.Network(_FakeSite(tmp_path)).fetch(latin.base + "/page", "p").text() == "Café"
    offline = net.Network(_FakeSite(tmp_path, offline=True))
    stored = offline.fetch(latin.base + "/page", "p")
    assert stored.from_cache and stored.text() == "Café"
