"""The {% highlight %} tag and fenced code in built sites, as Jekyll 4.3.1 outputs them."""

from conftest import golden
from liquidsite.highlight import highlight_tag_html

PAGE = golden("highlight_tag/page.md")

# _site/index.html from `jekyll build` (4.3.1, Rouge 3.30.0) with _config.yml "title: t".
JEKYLL_OUTPUT = golden("highlight_tag/page.html")

PLAIN_PAGE = '---\n---\n{% highlight python %}\n  x = "<a>" & \'b\'  \n{% endhighlight %}\n'


def test_tag_and_fenced_code_match_jekyll(build_site) -> None:
    built = build_site({"_config.yml": "title: t\n", "index.md": PAGE})
    assert built.code == 0, built.log
    assert built.read("index.html") == JEKYLL_OUTPUT


def test_other_highlighter_escapes_and_strips(build_site) -> None:
    built = build_site({"_config.yml": "highlighter: none\n", "index.html": PLAIN_PAGE})
    assert built.read("index.html") == (
        '<figure class="highlight"><pre><code class="language-python" data-lang="python">'
        "x = &quot;&lt;a&gt;&quot; &amp; &#39;b&#39;</code></pre></figure>\n")


def test_pygments_warns_and_uses_rouge(build_site) -> None:
    built = build_site({"_config.yml": "highlighter: pygments\n", "index.html": PLAIN_PAGE})
    assert built.read("index.html") == (
        '<figure class="highlight"><pre><code class="language-python" data-lang="python">  <span class="n">x</span> '
        '<span class="o">=</span> <span class="s">"&lt;a&gt;"</span> <span class="o">&amp;</span> <span '
        'class="s">\'b\'</span>  </code></pre></figure>\n'
    )
    assert "           Warning: Highlight Tag no longer supports rendering with Pygments.\n" in built.log
    assert "                    Using the default highlighter, Rouge, instead.\n" in built.log


def test_bad_markup_fails_the_build(build_site) -> None:
    page = "---\n---\nline2\n{% highlight python foo=bar=baz %}\nx\n{% endhighlight %}\n"
    built = build_site({"_config.yml": "title: t\n", "index.md": page})
    assert built.code == 1
    assert ("  Liquid Exception: Syntax Error in tag 'highlight' while parsing the following markup: "
            "python foo=bar=baz Valid syntax: highlight <lang> [linenos] in index.md\n") in built.log


def test_unclosed_tag_fails_the_build(build_site) -> None:
    built = build_site({"_config.yml": "title: t\n", "index.md": "---\n---\na\n{% highlight python %}\nx\n"})
    assert built.code == 1
    assert ("  Liquid Exception: Liquid syntax error (line 4): 'highlight' tag was never closed "
            "in index.md\n") in built.log


def test_api_linenos_counts_the_added_final_line() -> None:
    assert highlight_tag_html("\n\nputs 1\n\n", "ruby", linenos=True) == (
        '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
        '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n</pre></td>'
        '<td class="code"><pre><span class="nb">puts</span> <span class="mi">1</span>\n</pre></td>'
        "</tr></tbody></table></code></pre></figure>")


def test_markdown_sources_surround_highlight_blocks_with_newlines(tmp_path):
    """Jekyll's Markdown converter sets ``highlighter_prefix``/``suffix`` to a newline: a block at
    the end of a post keeps a blank line after it (observed from Jekyll 4.3.1); HTML sources don't."""
    from site_files import build_files

    source = "---\nlayout: post\n---\nText\n\n{% highlight c %}\nint x;\n{% endhighlight %}\n"
    built = build_files(tmp_path, {
        "_layouts/post.html": "X{{ content }}Y\n",
        "_posts/2020-01-02-b.md": source,
        "_posts/2020-01-04-d.html": source,
    })
    figure = (
        '<figure class="highlight"><pre><code class="language-c" data-lang="c"><span class="kt">int</span> '
        '<span class="n">x</span><span class="p">;</span></code></pre></figure>'
    )
    assert built["2020/01/02/b.html"] == f"X<p>Text</p>\n\n{figure}\n\nY\n"
    assert built["2020/01/04/d.html"] == f"XText\n\n{figure}\nY\n"
