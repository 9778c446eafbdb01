"""jekyll-feed 0.17.0 built in; expected output observed from Jekyll 4.3.1 with the gem."""

from __future__ import annotations

from conftest import golden_tree

FEED = {
    '_config.yml': (
        'title: \'Ann "Lab" & Co\'\n'
        'url: https://example.org\n'
        'baseurl: /lab\n'
        'lang: en-GB\n'
        'description: Papers <and> notes\n'
        'author:\n'
        '  name: Ann Author\n'
        '  email: ann@example.org\n'
        '  uri: https://ann.example.org\n'
        'timezone: UTC\n'
        'time: 2024-06-01 12:00:00 +0000\n'
        'plugins: [jekyll-feed]\n'
        'feed:\n'
        '  posts_limit: 3\n'
        '  categories: [research]\n'
        '  collections:\n'
        '    talks:\n'
        '      path: /talks.atom\n'
        '  tags:\n'
        "    only: [ml, 'has space']\n"
        'collections:\n'
        '  talks:\n'
        '    output: true\n'
    ),
    '_data/authors.yml': (
        'bob:\n'
        '  name: Bob Builder\n'
        '  uri: https://bob.example.org\n'
    ),
    '_posts/2024-01-02-first.md': (
        '---\n'
        'title: "It\'s -- the first..."\n'
        'categories: [research]\n'
        'tags: [ml]\n'
        'author: bob\n'
        'image: /img/a.png\n'
        '---\n'
        'Hello *world* & friends.\n'
        '\n'
        'Second paragraph.\n'
    ),
    '_posts/2024-02-03-second.md': (
        '---\n'
        'title: Second <b>bold</b>\n'
        'category: notes\n'
        'description: A   short\n'
        '  summary\n'
        'lang: fr\n'
        'last_modified_at: 2024-03-01 10:00:00 +0200\n'
        'image:\n'
        '  path: https://cdn.example.org/x.png\n'
        'feed:\n'
        '  excerpt_only: true\n'
        '---\n'
        'Body two.\n'
    ),
    '_posts/2024-03-04-third.html': (
        '---\n'
        'title: Third\n'
        'authors: [Carol, Dan]\n'
        'tags: [ml, misc]\n'
        '---\n'
        '<p>  Third body  </p>\n'
    ),
    '_posts/2023-12-01-old.md': (
        '---\n'
        'title: Old\n'
        '---\n'
        'Old post.\n'
    ),
    '_talks/keynote.md': (
        '---\n'
        'title: Keynote\n'
        'date: 2024-05-06\n'
        '---\n'
        'Talk body.\n'
    ),
    'index.html': (
        '---\n'
        '---\n'
        '<head>{% feed_meta %}</head>\n'
    ),
}

FEED_EXPECTED = golden_tree("feed/full")



def test_feeds_for_posts_categories_tags_and_collections(build_site):
    built = build_site(FEED)
    assert built.code == 0, built.log
    for name, text in FEED_EXPECTED.items():
        assert built.files[name] == text, name
    assert "feed/by_tag/has space.xml" not in built.files  # tag names must be word characters
    assert "       Jekyll Feed: Generating feed for talks\n" in built.log
    assert "       Jekyll Feed: Generating feed for posts tagged ml\n" in built.log


def test_no_posts_and_no_site_metadata(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-feed]\ntime: 2024-01-01 00:00:00 +0000\n",
        "index.html": "---\n---\n{% feed_meta %}\n",
    })
    assert built.code == 0, built.log
    assert built.read("feed.xml") == (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" >'
        '<generator uri="https://jekyllrb.com/" version="4.3.1">Jekyll</generator>'
        '<link href="/feed.xml" rel="self" type="application/atom+xml" />'
        '<link href="/" rel="alternate" type="text/html" /><updated>2024-01-01T00:00:00+00:00</updated>'
        "<id>/feed.xml</id></feed>"
    )
    assert built.read("index.html") == '<link type="application/atom+xml" rel="alternate" href="/feed.xml" />\n'


def test_development_can_skip_the_feed(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-feed]\nfeed:\n  disable_in_development: true\n",
        "_posts/2024-01-01-a.md": "---\n---\na\n",
    })
    assert built.code == 0, built.log
    assert "feed.xml" not in built.files
    assert "       Jekyll Feed: Skipping feed generation in development\n" in built.log


def test_a_feed_file_in_the_source_wins(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-feed]\nfeed:\n  path: atom.xml\n",
        "atom.xml": "---\n---\nmine\n",
        "_posts/2024-01-01-a.md": "---\n---\na\n",
    })
    assert built.code == 0, built.log
    assert built.files == {"2024/01/01/a.html": "<p>a</p>\n", "atom.xml": "mine\n"}


FEED_EDGE = {
    '_config.yml': (
        'name: Site Name\n'
        'time: 2024-06-01 12:00:00 +0000\n'
        'timezone: America/New_York\n'
        'plugins: [jekyll-feed]\n'
        'excerpt_separator: <!--more-->\n'
        'author: Solo\n'
        'feed:\n'
        '  posts_limit: 4\n'
        '  excerpt_only: false\n'
        '  collections:\n'
        '    - projects\n'
        'collections:\n'
        '  projects:\n'
        '    output: true\n'
    ),
    '_posts/2024-01-01-no-title.md': (
        '---\n'
        '---\n'
        'Intro <b>bold</b> text\n'
        '<!--more-->\n'
        'Rest.\n'
    ),
    '_posts/2024-01-02-unpub.md': (
        '---\n'
        'published: false\n'
        '---\n'
        'hidden\n'
    ),
    '_posts/2099-01-01-future.md': (
        '---\n'
        'title: Future\n'
        '---\n'
        'later\n'
    ),
    '_drafts/a-draft.md': (
        '---\n'
        'title: Draft\n'
        '---\n'
        'draft\n'
    ),
    'lab/_posts/2024-01-03-in-dir.md': (
        '---\n'
        'title: "\\"Quoted\\" title"\n'
        'author:\n'
        '  name: Hash Author\n'
        '  email: h@example.org\n'
        '---\n'
        'In dir.\n'
    ),
    '_posts/2024-01-04-image-facebook.md': (
        '---\n'
        'title: Img\n'
        'image:\n'
        '  facebook: /fb.png\n'
        '---\n'
        'img\n'
    ),
    '_posts/2024-01-05-empty.md': (
        '---\n'
        'title: Empty\n'
        "description: ''\n"
        '---\n'
    ),
    '_projects/p1.md': (
        '---\n'
        'title: P1\n'
        'categories: [x]\n'
        '---\n'
        'project\n'
    ),
}

FEED_EDGE_EXPECTED = golden_tree("feed/edge")


def test_titles_from_slugs_unpublished_future_drafts_hash_images_and_collections(build_site):
    built = build_site(FEED_EDGE)
    assert built.code == 0, built.log
    for name, text in FEED_EDGE_EXPECTED.items():
        assert built.files[name] == text, name


def test_xml_escape_is_rubys_encode_xml_attr():
    """``"Fangda's & <x> \\"q\\"".encode(xml: :attr)`` in Ruby 3.1, without its surrounding quotes."""
    from liquidsite.plugins.common import xml_escape

    assert xml_escape('Fangda\'s & <x> "q"') == "Fangda&apos;s &amp; &lt;x&gt; &quot;q&quot;"
