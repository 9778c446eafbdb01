"""jemoji: markup from jemoji 0.13 / html-pipeline 2 EmojiFilter sources, names from gemoji 4.1.0.

(The gem is not installed here, so expectations follow its source: img attributes in
html-pipeline's order with ``align`` removed, ``emoji/unicode/<codepoints>.png`` below the
asset root, text in ``pre``/``code``/``tt`` untouched, only the ``<body>`` when there is one.)
"""

from __future__ import annotations

from liquidsite.plugins import jemoji

SMILE = (
    '<img class="emoji" title=":smile:" alt=":smile:" '
    'src="https://github.githubassets.com/images/icons/emoji/unicode/1f604.png" height="20" width="20">'
)


def img(name: str, codepoints: str, root: str = "https://github.githubassets.com/images/icons/") -> str:
    return (
        f'<img class="emoji" title=":{name}:" alt=":{name}:" '
        f'src="{root}emoji/unicode/{codepoints}.png" height="20" width="20">'
    )


def test_table_from_gemoji():
    files = jemoji.emoji_files()
    assert len(files) == 1913
    assert files["smile"] == "emoji/unicode/1f604.png"
    assert files["+1"] == "emoji/unicode/1f44d.png"
    assert files["man_technologist"] == "emoji/unicode/1f468-1f4bb.png"  # ZWJ dropped
    assert files["heart"] == "emoji/unicode/2764.png"  # FE0F dropped
    assert "octocat" not in files  # gemoji 4 has no custom images


def test_scan_matches_colon_to_colon_like_the_regex():
    assert jemoji.emojify_text("a:b:smile:c", "R/") == (
        'a<img class="emoji" title=":b:" alt=":b:" src="R/emoji/unicode/1f171.png" height="20" width="20">smile:c'
    )
    assert (jemoji.emojify_text(":nope::smile: & <", "https://github.githubassets.com/images/icons/")
            == ":nope:" + SMILE + " &amp; &lt;")


def test_site_build_body_only_and_code_untouched(build_site):
    built = build_site({
        "_config.yml": "plugins: [jemoji]\n",
        "_layouts/default.html": (
            "<!DOCTYPE html>\n<html>\n<head><title>:smile: head</title></head>\n"
            '<body class="x">\n  {{ content }}\n</body>\n</html>\n'
        ),
        "index.md": "---\nlayout: default\n---\nHello :smile: & `:smile:`\n\n    :heart: in code\n",
        "plain.html": "---\n---\nplain :tada: <hr /> &amp;\n",
        "notes.txt": "---\n---\nnot html :tada:\n",
        "_posts/2020-01-01-p.md": "---\n---\n:+1:\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        "<!DOCTYPE html>\n<html>\n<head><title>:smile: head</title></head>\n"
        '<body class="x">\n  <p>Hello ' + SMILE + ' &amp; <code class="language-plaintext highlighter-rouge">'
        ":smile:</code></p>\n\n"
        '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
        ":heart: in code\n</code></pre></div></div>\n\n</body>\n</html>\n"
    )
    assert built.read("plain.html") == "plain " + img("tada", "1f389") + " <hr> &amp;\n"
    assert built.read("notes.txt") == "not html :tada:\n"
    assert built.read("2020/01/01/p.html") == "<p>" + img("+1", "1f44d") + "</p>\n"


def test_custom_src_and_disabled_by_default(build_site):
    built = build_site({
        "_config.yml": "plugins: [jemoji]\nemoji:\n  src: https://cdn.example/icons/\n",
        "index.html": "---\n---\n:smile:\n",
    })
    assert built.read("index.html") == img("smile", "1f604", "https://cdn.example/icons/") + "\n"
    plain = build_site({"_config.yml": "plugins: []\n", "index.html": "---\n---\n:smile:\n"})
    assert plain.read("index.html") == ":smile:\n"


def test_markup_is_rewritten_as_nokogiri_writes_it():
    # Expected text observed from libxml2 2.9 (the library Nokogiri wraps) parsing this fragment and
    # writing it back with Nokogiri's to_html options (FORMAT, as HTML, fragment parent);
    # only :smile: outside <code> is then replaced, as html-pipeline's EmojiFilter does.
    fragment = (
        '<div><p>a :smile:</p><p>b</p></div><ul><li>x</li><li>y</li></ul>'
        '<a title="a &quot;b&quot;" href="/a b/é">l</a><br /><input type="checkbox" checked="checked">'
        '<div class="x"><span>1</span><span>2</span></div><pre><code>:smile: &lt;</code></pre>'
        "<p>caf&eacute; &amp; &#8217;</p>"
    )
    libxml2 = (
        '<div>\n<p>a :smile:</p>\n<p>b</p>\n</div><ul>\n<li>x</li>\n<li>y</li>\n</ul>'
        '<a title=\'a "b"\' href="/a%20b/%C3%A9">l</a><br><input type="checkbox" checked><div class="x">\n'
        "<span>1</span><span>2</span>\n</div><pre><code>:smile: &lt;</code></pre><p>café &amp; ’</p>"
    )
    root = "https://github.githubassets.com/images/icons/"
    assert jemoji.emojify_fragment(fragment, root) == libxml2.replace("a :smile:", "a " + SMILE, 1)


def test_emojified_text_is_parsed_as_html_like_html_pipeline():
    # EmojiFilter replaces a text node with its *decoded* text plus images, parsed as HTML:
    # an escaped "<b>" in such a text becomes an element (a known html-pipeline quirk).
    got = jemoji.emojify_fragment("<p>a &lt;b&gt; :smile: &amp;amp; x</p>", "https://github.githubassets.com/images/ico"
                                                                            "ns/")
    assert got == "<p>a <b> " + SMILE + " &amp; x</b></p>"
