"""jekyll-toc 0.19: the ``toc`` tag and the ``toc``/``toc_only``/``inject_anchors`` filters.

Every expected file below was written by real Jekyll 4.3.1 with jekyll-toc 0.19.0
(Nokogiri on Debian 12's libxml2) from the same sources.
"""

from __future__ import annotations

from site_files import build_files

from liquidsite.plugins.libxml_html import parse_fragment
from liquidsite.plugins.toc import inner_html

FILES = {
    '_config.yml': (
        'title: Fixture\n'
        'permalink: /blog/:year/:title/\n'
        'plugins: [jekyll-toc]\n'
        'toc:\n'
        '  max_level: 3\n'
        'time: 2026-01-01 12:00:00 +0000\n'
    ),
    '_layouts/custom.html': (
        '{% toc %}\n'
        '{{ content | toc_only }}\n'
    ),
    '_layouts/default.html': (
        '<title>{{ page.title }}</title>\n'
        '{{ content }}\n'
    ),
    '_layouts/post.html': (
        '---\n'
        'layout: default\n'
        '---\n'
        '{% if page.toc %}TOC[{% toc %}]{% endif %}\n'
        '{{ content | toc }}\n'
        'ONLY[{{ content | toc_only }}]\n'
        'INJ[{{ content | inject_anchors }}]\n'
    ),
    '_posts/2024-05-05-toc-post.md': (
        '---\n'
        'title: "TOC & friends"\n'
        'toc: true\n'
        'tags: [toc]\n'
        '---\n'
        '# Intro & “quotes”\n'
        '\n'
        'Some *text* with a [link](http://x.org/a b?c=1&d=2 "t") and a line  \n'
        'break and ![img](/a.png).\n'
        '\n'
        '## Sub one\n'
        '### Deep `code`\n'
        '## Sub one\n'
        '\n'
        '<h2 class="no_toc">Skipped</h2>\n'
        '<div class="no_toc_section" markdown="1">\n'
        '## Hidden in section\n'
        '</div>\n'
        '\n'
        '#### Too deep\n'
        '## Ünïcödé — dash\n'
        '\n'
        '<h3>Raw &amp; heading <em>em</em></h3>\n'
        '<h3>Raw &amp; heading <em>em</em></h3>\n'
        '\n'
        'Text&nbsp;with nbsp and <span data-x=\'a"b\'>quotes</span>.\n'
        '<!-- a comment -->\n'
        '<script>if (a < b && c) {}</script>\n'
    ),
    '_posts/2024-05-06-toc-sidebar.md': (
        '---\n'
        'title: Sidebar toc\n'
        'toc:\n'
        '  sidebar: left\n'
        '---\n'
        '## A\n'
        '### B\n'
        '## C\n'
    ),
    'other/custom.md': (
        '---\n'
        'title: Custom\n'
        'toc: true\n'
        'layout: custom\n'
        '---\n'
        '## One\n'
        '#### Four\n'
        '## Two\n'
        '### Three\n'
    ),
    'plain.html': (
        '---\n'
        'toc: true\n'
        '---\n'
        '<h1>Plain</h1><h2 id="given">Given id</h2><h2>Given id</h2><h2>Given id</h2><h4>'
        'Ü &lt;x&gt; \'q\' "d" a_b.c</h4>\n'
        '{{ "<h2>x</h2><h3>y</h3><p>z<br/></p><img src=\'/a b.png\' alt=\'q\'><p>a<p>b" | toc }}\n'
        '{{ "<h2>x</h2>" | toc_only }}\n'
    ),
}

EXPECTED = {
    'blog/2024/toc-post/index.html': (
        '<h1 id="intro--quotes">Intro &amp; “quotes”</h1>\n'
        '\n'
        '<p>Some <em>text</em> with a <a href="http://x.org/a b?c=1&amp;d=2" title="t">li'
        'nk</a> and a line<br />\n'
        'break and <img src="/a.png" alt="img" />.</p>\n'
        '\n'
        '<h2 id="sub-one">Sub one</h2>\n'
        '<h3 id="deep-code">Deep <code class="language-plaintext highlighter-rouge">code</code></h3>\n'
        '<h2 id="sub-one-1">Sub one</h2>\n'
        '\n'
        '<h2 class="no_toc">Skipped</h2>\n'
        '<div class="no_toc_section">\n'
        '  <h2 id="hidden-in-section">Hidden in section</h2>\n'
        '</div>\n'
        '\n'
        '<h4 id="too-deep">Too deep</h4>\n'
        '<h2 id="ünïcödé--dash">Ünïcödé — dash</h2>\n'
        '\n'
        '<h3>Raw &amp; heading <em>em</em></h3>\n'
        '<h3>Raw &amp; heading <em>em</em></h3>\n'
        '\n'
        '<p>Text\xa0with nbsp and <span data-x="a&quot;b">quotes</span>.\n'
        '<!-- a comment -->\n'
        '<script>if (a &lt; b &amp;&amp; c) {}</script></p>\n'
    ),
    'blog/2024/toc-sidebar/index.html': (
        '<h2 id="a">A</h2>\n'
        '<h3 id="b">B</h3>\n'
        '<h2 id="c">C</h2>\n'
    ),
    'other/custom/index.html': (
        '<ul id="toc" class="section-nav">\n'
        '</ul>\n'
        '<ul id="toc" class="section-nav">\n'
        '<li class="toc-entry toc-h2"><a href="#one">One</a></li>\n'
        '<li class="toc-entry toc-h2"><a href="#two">Two</a>\n'
        '<ul>\n'
        '<li class="toc-entry toc-h3"><a href="#three">Three</a></li>\n'
        '</ul>\n'
        '</li>\n'
        '</ul>\n'
    ),
    'plain/index.html': (
        '<h1>Plain</h1><h2 id="given">Given id</h2><h2>Given id</h2><h2>Given id</h2><h4>'
        'Ü &lt;x&gt; \'q\' "d" a_b.c</h4>\n'
        '<ul id="toc" class="section-nav">\n'
        '<li class="toc-entry toc-h2"><a href="#x">x</a>\n'
        '<ul>\n'
        '<li class="toc-entry toc-h3"><a href="#y">y</a></li>\n'
        '</ul>\n'
        '</li>\n'
        '</ul><h2>\n'
        '<a class="anchor" href="#x" aria-hidden="true"><span class="octicon octicon-link'
        '"></span></a>x</h2><h3>\n'
        '<a class="anchor" href="#y" aria-hidden="true"><span class="octicon octicon-link'
        '"></span></a>y</h3><p>z<br></p><img src="/a%20b.png" alt="q"><p>a</p><p>b</p>\n'
        '<ul id="toc" class="section-nav">\n'
        '<li class="toc-entry toc-h2"><a href="#x">x</a></li>\n'
        '</ul>\n'
    ),
}

OPTIONS_FILES = {
    '_config.yml': (
        'plugins: [jekyll-toc]\n'
        'toc:\n'
        '  min_level: 2\n'
        '  max_level: 4\n'
        '  ordered_list: true\n'
        '  no_toc_section_class: [skipme, other]\n'
        '  list_id: my-toc\n'
        '  list_class: lc\n'
        '  sublist_class: sub\n'
        '  item_class: it\n'
        '  item_prefix: "p-"\n'
        'time: 2026-01-01 12:00:00 +0000\n'
    ),
    '_layouts/custom.html': (
        '{% toc %}\n'
        '{{ content | toc_only }}\n'
    ),
    'nopage.md': (
        '---\n'
        'title: Custom\n'
        'toc: false\n'
        'layout: custom\n'
        '---\n'
        '# Top\n'
        '## One\n'
        '#### Four\n'
        '<div class="skipme" markdown="1">\n'
        '## Skipped\n'
        '</div>\n'
        '<div class="a other" markdown="1">\n'
        '### Skipped too\n'
        '</div>\n'
        '## Two\n'
        '### Three\n'
        '##### Five\n'
    ),
    'page.md': (
        '---\n'
        'title: Custom\n'
        'toc: true\n'
        'layout: custom\n'
        '---\n'
        '# Top\n'
        '## One\n'
        '#### Four\n'
        '<div class="skipme" markdown="1">\n'
        '## Skipped\n'
        '</div>\n'
        '<div class="a other" markdown="1">\n'
        '### Skipped too\n'
        '</div>\n'
        '## Two\n'
        '### Three\n'
        '##### Five\n'
    ),
}

OPTIONS_EXPECTED = {
    'nopage.html': (
        '\n'
        '\n'
    ),
    'page.html': (
        '<ol id="my-toc" class="lc">\n'
        '</ol>\n'
        '<ol id="my-toc" class="lc">\n'
        '<li class="it p-h2"><a href="#one">One</a>\n'
        '<ol class="sub">\n'
        '<li class="it p-h4"><a href="#four">Four</a></li>\n'
        '</ol>\n'
        '</li>\n'
        '<li class="it p-h2"><a href="#two">Two</a>\n'
        '<ol class="sub">\n'
        '<li class="it p-h3"><a href="#three">Three</a></li>\n'
        '</ol>\n'
        '</li>\n'
        '</ol>\n'
    ),
}


def test_tag_and_filters_match_the_gem(tmp_path):
    assert build_files(tmp_path, FILES) == EXPECTED


def test_configuration_options_match_the_gem(tmp_path):
    assert build_files(tmp_path, OPTIONS_FILES) == OPTIONS_EXPECTED


# Nokogiri::HTML::DocumentFragment.parse(html).inner_html, observed with Debian 12's libxml2
ROUND_TRIPS = {
    '<h2>A</h2><div><h3>x</h3><p>y</p></div>': '<h2>A</h2><div>\n<h3>x</h3>\n<p>y</p>\n</div>',
    '<p>a <a href="http://x.org/a b?c=1&amp;d=2&e=&quot;" title="t&amp;&quot;x&lt;">l</a> <img src="/é.png">'
    '<br/><input type="checkbox" disabled="disabled" checked></p>':
        '<p>a <a href="http://x.org/a%20b?c=1&amp;d=2&amp;e=%22" title=\'t&amp;"x&lt;\'>l</a> '
        '<img src="/%C3%A9.png"><br><input type="checkbox" disabled checked></p>',
    '<div class="x"><span>a</span><span>b</span></div>': '<div class="x">\n<span>a</span><span>b</span>\n</div>',
    '<p>T&nbsp;“q” &amp; &lt;t&gt; &#8217;</p><!-- c --><script>if (a < b && c) {}</script>':
        '<p>T\xa0“q” &amp; &lt;t&gt; ’</p><!-- c --><script>if (a < b && c) {}</script>',
    '<section><h2>s</h2><h3>t</h3></section><dl><dt>a</dt><dd>b</dd></dl>':
        '<section><h2>s</h2>\n<h3>t</h3></section><dl>\n<dt>a</dt>\n<dd>b</dd>\n</dl>',
    '<p>a<p>b</p><hr/><div><div><p>x</p></div></div>': '<p>a</p><p>b</p><hr><div><div><p>x</p></div></div>',
    '<p data-x="both &quot; and \'">x</p><DIV CLASS="A">Y</DIV><li>x<ul><li>y</li></ul></li>':
        '<p data-x="both &quot; and \'">x</p><div class="A">Y</div><li>x<ul><li>y</li></ul>\n</li>',
    '<img src="https://x.org/a-<!-- tag b -->-c?d=1&e=2" alt="<!-- tag b --> c">':
        '<img src="https://x.org/a-<!--%20tag%20b%20-->-c?d=1&amp;e=2" alt="<!-- tag b --> c">',
}


def test_fragments_are_written_back_as_nokogiri_writes_them():
    for source, expected in ROUND_TRIPS.items():
        assert inner_html(parse_fragment(source)) == expected, source
