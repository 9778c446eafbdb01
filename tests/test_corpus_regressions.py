"""Differences from Jekyll that the public corpus (``tools/corpus.py``, ``docs/corpus.md``) found.

Each expected string was observed from a real ``jekyll build`` (Jekyll 4.3.1, Liquid 5.4.0,
Ruby 3.1) of the same files.
"""

from __future__ import annotations

import os


def test_url_encode_and_cgi_escape_escape_the_asterisk_as_ruby_cgi_does(build_site) -> None:
    # beautiful-jekyll's share buttons: `text={{ page.title | url_encode }}` on "PFX(*.pfx) ..."
    built = build_site({
        "index.html": '---\n---\n{{ "a*b (c)" | url_encode }}|{{ "a*b (c)" | cgi_escape }}|'
                      '{{ "a*b (c)" | uri_escape }}\n',
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "a%2Ab+%28c%29|a%2Ab+%28c%29|a*b%20(c)\n"


def test_assign_finds_its_name_anywhere_in_the_markup_without_a_warning(build_site) -> None:
    # hydejack's social-list-item.html: `{% assign = data_social = site.data.social[platform] | default: ... %}`
    built = build_site({
        "_data/social.yml": "fb:\n  name: Facebook\n",
        "index.html": '---\n---\n{% assign p = "fb" %}{% assign = ds = site.data.social[p] | default: "x" %}'
                      "[{{ ds.name }}]{% assign (q) = 2 %}[{{ q }}]{% assign -- r.s = 3 %}[{{ r.s }}|{{ s }}]\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[Facebook][][|]\n"
    assert "Liquid Warning" not in built.log


def test_feed_prints_a_list_of_authors_as_ruby_inspects_it(build_site) -> None:
    # minima's demo post has `author: [Bart Simpson, Nelson Mandela Muntz]`; jekyll-feed's
    # `{{ post_author_name | default: "" | xml_escape }}` takes Array#to_s, i.e. inspect.
    built = build_site({
        "_config.yml": "plugins: [jekyll-feed]\ntime: 2024-01-01 00:00:00 +0000\n",
        "_posts/2016-05-20-p.md": "---\nauthor:\n- Bart\n- Nelson\n---\nx\n",
    })
    assert built.code == 0, built.log
    assert "<author><name>[&quot;Bart&quot;, &quot;Nelson&quot;]</name></author>" in built.read("feed.xml")


def test_an_anchor_defined_twice_takes_its_latest_definition_as_psych_does(build_site) -> None:
    # jekyll-TeXt-theme's _data/navigation.yml repeats `en: &EN ...` in every entry
    built = build_site({
        "_data/nav.yml": "a:\n  - en: &EN One\n    gb: *EN\n  - en: &EN Two\n    gb: *EN\n  - when: 2020-01-02\n",
        "index.html": "---\n---\n{% for e in site.data.nav.a %}{{ e.en }}/{{ e.gb }}/{{ e.when }};{% endfor %}\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "One/One/;Two/Two/;//2020-01-02;\n"


def test_contains_on_a_boolean_or_a_number_is_false(build_site) -> None:
    # the contrast theme's frame.sass: `{% if site.show_frame contains "." %}` with `show_frame: true`
    built = build_site({
        "index.html": '---\n---\n{% assign t = true %}[{% if t contains "." %}A{% else %}B{% endif %}]'
                      '[{% if 5 contains "." %}A{% else %}B{% endif %}]'
                      '[{% unless site.missing contains "x" %}C{% endunless %}]\n',
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[B][B][C]\n"


def test_capture_keeps_a_whitespace_only_body(build_site) -> None:
    # just-the-docs 0.12's head-nav CSS: `{%- capture newline %}\n{% endcapture -%}` then `split: newline`
    built = build_site({
        "index.html": "---\n---\n{% capture a %}\n{% endcapture %}[{{ a | size }}]{%- capture b %}\n{% endcapture -%}"
                      "[{{ b | size }}]{% capture c %}  {% endcapture %}[{{ c | size }}]"
                      "{% capture d -%}\n{% endcapture %}[{{ d | size }}]"
                      "{% if true %}{% capture e %} {% endcapture %}{% endif %}[{{ e | size }}]\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[1][1][2][0][1]\n"


def test_replace_reads_ruby_escapes_in_its_replacement(build_site) -> None:
    # jekyll-now's analytics include: `{{ page.title | replace: "'", "\\'" }}` writes `\'`
    built = build_site({
        "index.html": "---\n---\n"
                      """1[{{ "it's o'k" | replace: "'", "\\\\'" }}]\n"""
                      """2[{{ "abc" | replace: "b", "[\\`|\\'|\\&|\\0|\\1|\\x|\\\\]" }}]\n"""
                      """3[{{ "aXbXc" | replace_first: "X", "\\\\" }}]\n"""
                      """4[{{ "abc" | replace: "", "\\0-" }}]\n"""
                      """5[{{ "abc" | replace: "b", "x\\" }}]\n"""
                      """6[{{ "abc" | replace_first: "", "\\'" }}]\n"""
                      """7[{{ "" | replace: "", "\\'z" }}]\n""",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        "1[it\\'s o\\'k]\n2[a[a|c|b|b||\\x|\\]c]\n3[a\\bXc]\n4[-a-b-c-]\n5[ax\\c]\n6[abcabc]\n7[z]\n")


def test_pages_of_the_same_name_keep_the_directory_order_jekyll_reads(build_site) -> None:
    # minimal-mistakes-drmaemi (index.md in many folders), beautiful-jekyll-kamithanthanh (readme.md):
    # Jekyll lists directories with Dir.entries (readdir order, unsorted) and sorts site.pages by name with
    # a stable sort, so same-named pages keep the file system's order; sitemap.xml shows it.
    folders = ["zeta", "alpha", "mu", "beta", "omega", "kappa", "delta", "sigma"]
    built = build_site({
        **{f"{folder}/index.md": f"---\n---\n{folder}\n" for folder in folders},
        "list.html": "---\n---\n{% for p in site.pages %}{% if p.name == 'index.md' %}{{ p.dir }}{% endif %}"
                     "{% endfor %}\n",
    })
    assert built.code == 0, built.log
    in_read_order = [name for name in os.listdir(built.source) if name in folders]
    assert built.read("list.html") == "".join(f"/{folder}/" for folder in in_read_order) + "\n"


def test_where_and_find_with_an_undefined_target_compare_with_nil(build_site) -> None:
    # hydejack's list layout: `site.featured_tags | where: "slug", page.slug | first` on a page (no slug)
    built = build_site({
        "_config.yml": "collections:\n  featured_tags:\n    output: true\n",
        "_featured_tags/t1.md": "---\ntitle: T1\n---\n",
        "posts.md": '---\ntitle: P\n---\n[{{ site.featured_tags | where: "slug", nil | size }}]'
                    '[{{ site.featured_tags | where: "slug", page.slug | size }}]'
                    '[{{ site.featured_tags | where: "slug", page.nothing | size }}][{{ page.slug | size }}]'
                    '[{{ site.featured_tags | find: "slug", page.nothing }}]\n',
    })
    assert built.code == 0, built.log
    assert built.read("posts.html") == "<p>[0][0][0][0][]</p>\n"


def test_where_on_a_time_compares_each_field_of_time_to_a(build_site) -> None:
    # the yat theme's archives: `site.posts | where: "date", "2018"`; Jekyll's Array(time) is Time#to_a
    built = build_site({
        "_posts/2018-12-07-a.md": "---\ntitle: A\n---\nx\n",
        "_posts/2017-05-01-b.md": "---\ntitle: B\ndate: 2017-05-01 10:00:00 +0200\n---\nx\n",
        "index.html": "---\n---\n" + "".join(
            f'[{{{{ site.posts | where: "date", "{target}" | size }}}}]'
            for target in ("2018", "2018-12-07", "2017-05-01 10:00:00 +0200", "2017", "12", "false", "UTC", "",
                           "341", "5")) + "\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[1][0][0][1][1][2][2][0][1][2]\n"


def test_a_loop_over_the_site_drop_yields_its_keys_in_jekylls_order(build_site) -> None:
    # NexT's config_map include: `{% for site_key in site %}`; a page is a hash and still yields pairs
    built = build_site({
        "index.html": "---\ntitle: T\n---\n[{% for k in site limit: 13 %}{{ k }},{% endfor %}]"
                      "[{% for p in page limit: 1 %}{{ p[0] }}={{ p[1] }};{% endfor %}]"
                      "[{% for k in site %}{% if forloop.last %}{{ k }}={{ site[k] }}{% endif %}{% endfor %}]\n",
    })
    assert built.code == 0, built.log
    # `jekyll build` sets `serving: false`, the configuration's last key
    assert built.read("index.html") == (
        "[posts,time,html_pages,config,documents,pages,data,categories,related_posts,tags,static_files,"
        "collections,source,][title=T;][serving=false]\n")


def test_a_keyword_after_a_dot_is_a_key(build_site) -> None:
    # NexT's `{{ __.post.in }}` (its locale file's `post: {in: In}`); no warning in Jekyll
    built = build_site({
        "_data/l.yml": "post:\n  in: In\n  and: And\n  or: Or\n  contains: C\n  with: W\n  for: F\n",
        "index.html": "---\n---\n{% assign __ = site.data.l %}[{{ __.post.in }}][{{ __.post.and }}][{{ __.post.or }}]"
                      "[{{ __.post.contains }}][{{ __.post.with }}][{{ __.post.for }}][{{ site.data.l.post.in }}]"
                      "{% assign x = __.post.in %}[{{ x }}][{% if __.post.in %}Y{% endif %}]"
                      '[{% if __.post.in == "In" and __.post.or contains "O" %}Z{% endif %}]'
                      "[{% for c in __.post.in %}{{ c }}{% endfor %}][{{ __.post.in | append: __.post.or }}]\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[In][And][Or][C][W][F][In][In][Y][Z][In][InOr]\n"
    assert "Liquid Warning" not in built.log


def test_kramdown_block_line_numbers_wrap_code_in_rouges_table(build_site) -> None:
    # Chirpy's _config.yml: kramdown syntax_highlighter_opts block line_numbers: true (115 posts differed)
    built = build_site({
        "_config.yml": "kramdown:\n  syntax_highlighter: rouge\n  syntax_highlighter_opts:\n    css_class: highlight\n"
                       "    span:\n      line_numbers: false\n    block:\n      line_numbers: true\n"
                       "      start_line: 5\n",
        "index.md": "---\n---\n``` html\n<p>a</p>\n<b>x</b>\n```\n\nand `inline` x\n\n```\nplain\n```\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        '<div class="language-html highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
        '<table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">5\n6\n</pre></td>'
        '<td class="rouge-code"><pre><span class="nt">&lt;p&gt;</span>a<span class="nt">&lt;/p&gt;</span>\n'
        '<span class="nt">&lt;b&gt;</span>x<span class="nt">&lt;/b&gt;</span>\n</pre></td></tr></tbody></table>'
        '</code></pre></div></div>\n\n<p>and <code class="language-plaintext highlighter-rouge">inline</code> x</p>\n\n'
        '<div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>'
        '<table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">5\n</pre></td>'
        '<td class="rouge-code"><pre>plain\n</pre></td></tr></tbody></table></code></pre></div></div>\n')


def test_relative_permalinks_stop_the_build_as_jekyll_does(build_site) -> None:
    # poole/hyde's `relative_permalinks: true`: Jekyll 4.3.1 aborts in Site#render with exit 1,
    # writing nothing (observed: `jekyll build` on a one-page site with that setting)
    built = build_site({"_config.yml": "relative_permalinks: true\n", "index.md": "hi\n"})
    assert built.code == 1
    assert ("Since v3.0, permalinks for pages in subfolders must be relative to the site source directory, "
            "not the parent directory. Check https://jekyllrb.com/docs/upgrading/ for more info.") in built.log
    assert built.files == {}


def test_a_math_engine_liquidsite_lacks_is_named_once_and_math_written_as_kramdown_without_one(build_site):
    """AustenLamacraft/al-folio (2019) sets `math_engine: nil`, which Jekyll 3 passed to kramdown as no engine;
    Jekyll 4.3.1 requires the gem kramdown-math-nil and stops. The output is kramdown 2.4's with that option."""
    built = build_site({
        "_config.yml": "kramdown:\n  math_engine: nil\n",
        "index.md": "---\n---\nInline $$x^2$$ and\n\n$$\na+b\n$$\n",
    })
    assert built.code == 0
    assert built.log.count("Dependency Warning: kramdown's math_engine 'nil' needs the gem kramdown-math-nil") == 1
    assert built.files["index.html"] == (
        '<p>Inline <span class="kdmath">$x^2$</span> and</p>\n\n<div class="kdmath">$$\na+b\n$$</div>\n')


def test_cycle_drops_its_nil_values_as_ruby_liquid_does(build_site):
    """AustenLamacraft/al-folio's CV opens and closes a row with `cycle` over a value and two nils: Ruby Liquid
    5.4 compacts the nils away, so every entry gets both. Expected output observed from Liquid 5.4.0."""
    built = build_site({"index.html": (
        "---\n---\n{% for i in (1..4) %}[{% cycle 'add rows': '<r>', nil, nil %}|"
        "{% cycle 'close rows': nil, nil, '</r>' %}]{% endfor %}\n"
        "{% for i in (1..3) %}({% cycle 'a', nil %}{% cycle \"g\": 1, empty, blank, 2 %}){% endfor %}\n"
        "{% for i in (1..2) %}<{% cycle nil, null %}|{% cycle 'x', false, nil %}>{% endfor %}\n"
    )})
    assert built.files["index.html"] == (
        "[<r>|</r>][<r>|</r>][<r>|</r>][<r>|</r>]\n(a1)(a)(a)\n<|x><|false>\n")


def test_a_mapping_or_sequence_as_a_mapping_key_is_read_as_psych_reads_it(build_site):
    """lsieun.github.io's front matter `typora-root-url: {{ site.url }}` is a flow mapping whose key is a
    mapping: Psych reads it (a Ruby Hash can be a key), PyYAML refused it and the page lost its front matter.
    Observed from Jekyll 4.3.1."""
    built = build_site({"index.md": (
        '---\ntitle: "Architecture"\ntypora-root-url: {{ site.url }}\nk: {[1, 2]: a, {x: 1}: b}\n---\n'
        "[{{ page.title }}] [{{ page.typora-root-url }}] [{{ page.k }}] [{{ page.k | jsonify }}] "
        "[{{ page.typora-root-url | size }}]\n{% for p in page.k %}({{ p[0] }}|{{ p[1] }}){% endfor %}\n")})
    assert built.code == 0, built.log
    assert "YAML Exception" not in built.log
    assert built.read("index.html") == (
        "<p>[Architecture] [{{“site.url”=&gt;nil}=&gt;nil}] [{[1, 2]=&gt;”a”, {“x”=&gt;1}=&gt;”b”}] "
        "[{“[1, 2]”:”a”,”{\"x\"=&gt;1}”:”b”}] [1]\n(12|a)({“x”=&gt;1}|b)</p>\n")


#: Jekyll renders a build with one payload and never clears its `content` and `layout` (lsieun.github.io's post
#: about jekyll-plantuml shows `{{ content }}` in a code block without `{% raw %}`)
LEAKING_SITE = {
    "_layouts/default.html": '<main x="{{ layout.x }}" y="{{ layout.y }}">{{ content }}</main>\n',
    "_layouts/post.html": "---\nlayout: default\nx: post-x\ny: post-y\n---\n<article>{{ content }}</article>\n",
    "_layouts/plain.html": "---\nx: plain-x\n---\n[{{ content }}]\n",
    "a.md": "---\nlayout: post\n---\nA body\n",
    "b.md": "---\nlayout: plain\n---\nB sees content=({{ content }}) layout.x=({{ layout.x }}) "
            "layout.y=({{ layout.y }})\n",
    "c.md": "---\n---\nC sees content=({{ content }}) layout=({{ layout }})\n",
    "d.md": "---\nlayout: post\n---\nD sees content=({{ content }}) x=({{ layout.x }})\n",
}


def test_a_body_sees_the_content_and_layout_the_render_before_it_left(build_site):
    """Observed from Jekyll 4.3.1: b sees a's last layout input and its layouts' data (over its own layout's),
    c (no layout) sees b's; a page without layouts resets `layout` and leaves `content` as it was."""
    built = build_site(LEAKING_SITE, "--jobs", "1")
    assert built.code == 0, built.log
    assert built.read("a.html") == '<main x="post-x" y="post-y"><article><p>A body</p>\n</article>\n</main>\n'
    assert built.read("b.html") == (
        "[<p>B sees content=(&lt;article&gt;&lt;p&gt;A body&lt;/p&gt;\n&lt;/article&gt;\n) layout.x=(post-x) "
        "layout.y=(post-y)</p>\n]\n")
    b_body = ("&lt;p&gt;B sees content=(&lt;article&gt;&lt;p&gt;A body&lt;/p&gt;\n&lt;/article&gt;\n) "
              "layout.x=(post-x) layout.y=(post-y)&lt;/p&gt;\n")
    assert built.read("c.html") == f"<p>C sees content=({b_body}) layout=({{“x”=&gt;”plain-x”}})</p>\n"
    assert built.read("d.html") == (
        f'<main x="post-x" y="post-y"><article><p>D sees content=({b_body}) x=(post-x)</p>\n</article>\n</main>\n')
