"""Liquid 5.4 semantics under Jekyll: Ruby output forms, truthiness, standard filters, dates."""

from __future__ import annotations

import pytest

from liquid_site import render_cases

# (template, output observed from Jekyll 4.3.1 on tests/liquid_site.py's site)
CASES = [
    ('{{ page.arr }}', 'baC'),
    ('{{ site.data.d.h }}', '{"a"=>1, "b"=>[1, 2]}'),
    ('{{ nil }}', ''),
    ('{{ page.fl }}', '1.5'),
    ('{{ 1.0 }}', '1.0'),
    ('{{ page.dt }}', '2024-03-05 10:00:00 +0000'),
    ('{{ page.day }}', '2024-03-05'),
    ('{{ 10 | divided_by: 3 }}', '3'),
    ('{{ 10 | divided_by: 3.0 }}', '3.3333333333333335'),
    ('{{ true }}', 'true'),
    ('{% if "" %}T{% endif %}{% if 0 %}T{% endif %}{% if page.arr %}T{% endif %}{% if page.nope %}T{% else %}F{% endif '
     '%}{% if page.emp %}T{% endif %}', 'TTTFT'),
    ('{{ page.dt | date: "%-d %e %b %s %j %P %p %Z %z %a %A %B %y %H %I %l %k %M %S %L %N %u %w %U %C %D %F %T %R %r '
     '%c %x %X %% %h %n|%t|%^b %-m %-H %10Y %_d %03e %:z" }}',
     '5  5 Mar 1709632800 065 am AM UTC +0000 Tue Tuesday March 24 10 10 10 10 00 00 000 000000000 2 2 09 20 03/05/24 '
     '2024-03-05 10:00:00 10:00 10:00:00 AM Tue Mar  5 10:00:00 2024 03/05/24 10:00:00 % Mar \n|\t|MAR 3 10 '
     '0000002024  5 005 +00:00'),
    ('{{ page.day | date: "%Y-%m-%d %H %Z %z" }}', '2024-03-05 00 +00:00 +0000'),
    ('{{ "2024-03-05" | date: "%b %-d, %Y" }}', 'Mar 5, 2024'),
    ('{{ "2024-03-05T10:11:12+02:00" | date: "%F %T %z" }}', '2024-03-05 10:11:12 +0200'),
    ('{{ 1700000000 | date: "%F %T" }}', '2023-11-14 22:13:20'),
    ('{{ "1700000000" | date: "%F" }}', '2023-11-14'),
    ('{{ "bogus" | date: "%F" }}', 'bogus'),
    ('{{ nil | date: "%F" }}', ''),
    ('{{ "" | date: "%F" }}', ''),
    ('{{ page.dt | date: "" }}', '2024-03-05 10:00:00 +0000'),
    ('{{ "a b&c/d?e=é" | url_encode }}', 'a+b%26c%2Fd%3Fe%3D%C3%A9'),
    ('{{ "a%20b+c" | url_decode }}', 'a b c'),
    ('{{ nil | url_encode }}', ''),
    ('{{ nil | default: "x" }}', 'x'),
    ('{{ false | default: "x" }}', 'x'),
    ('{{ false | default: "x", allow_false: true }}', 'false'),
    ('{{ "" | default: "x" }}', 'x'),
    ('{{ page.arr | default: "x" }}', 'baC'),
    ('{{ 0 | default: "x" }}', '0'),
    ('{{ "  " | default: "x" }}', '  '),
    ('{{ "Ground control to Major Tom." | truncate: 20 }}', 'Ground control to...'),
    ('{{ "Ground control to Major Tom." | truncate: 25, ", and so on" }}', 'Ground control, and so on'),
    ('{{ "Ground control" | truncate: 2 }}', '...'),
    ('{{ "abc" | truncate: 3 }}', 'abc'),
    ('{{ "Ground control to Major Tom." | truncatewords: 3 }}', 'Ground control to...'),
    ('{{ "Ground control to Major Tom." | truncatewords: 3, "--" }}', 'Ground control to--'),
    ('{{ "a  b   c" | truncatewords: 2 }}', 'a b...'),
    ('{{ "a b c" | truncatewords: 0 }}', 'a...'),
    ('{{ "a b" | truncatewords: 2 }}', 'a b'),
    ('{{ page.arr | sort | join: "," }}', 'C,a,b'),
    ('{{ page.arr | sort_natural | join: "," }}', 'a,b,C'),
    ('{{ site.data.d.people | sort: "name" | map: "name" | join: "," }}', 'Bob,Cy,al'),
    ('{{ site.data.d.people | sort: "age" | map: "name" | join: "," }}', 'Cy,Bob,al'),
    ('{{ site.data.d.people | sort_natural: "name" | map: "name" | join: "," }}', 'al,Bob,Cy'),
    ('{{ page.arr | size }}', '3'),
    ('{{ "hello" | size }}', '5'),
    ('{{ site.data.d.h | size }}', '2'),
    ('{{ nil | size }}', '0'),
    ('{{ 5 | size }}', '8'),
    ('{{ "hello" | first }}', ''),
    ('{{ "hello" | last }}', ''),
    ('{{ page.arr | first }}', 'b'),
    ('{{ page.arr.first }}', 'b'),
    ('{{ page.arr.size }}', '3'),
    ('{{ site.data.d.h.size }}', '2'),
    ('{{ site.data.d.h | first }}', 'a1'),
    ('{{ "a,b,,c,," | split: "," | join: "|" }}', 'a|b||c'),
    ('{{ "abc" | split: "" | join: "|" }}', 'a|b|c'),
    ('{{ "a b  c" | split: " " | join: "|" }}', 'a|b|c'),
    ('{{ "hello" | slice: 1, 3 }}', 'ell'),
    ('{{ "hello" | slice: -2 }}', 'l'),
    ('{{ page.arr | slice: 1, 2 | join }}', 'a C'),
    ('{{ "hello" | slice: 9 }}', ''),
    ('{{ "a" | append: page.arr }}', 'a["b", "a", "C"]'),
    ('{{ page.arr | append: "x" }}', '["b", "a", "C"]x'),
    ('{{ site.data.d.h | append: "x" }}', '{"a"=>1, "b"=>[1, 2]}x'),
    ('{{ nil | append: "x" }}', 'x'),
    ('{{ 5 | append: 1 }}', '51'),
    ('{{ 1.5 | prepend: "x" }}', 'x1.5'),
    ('{{ "<p>a &amp; b</p>" | escape }}', '&lt;p&gt;a &amp;amp; b&lt;/p&gt;'),
    ('{{ "a & b &amp;" | escape_once }}', 'a &amp; b &amp;'),
    ('{{ "<b>x</b>" | strip_html }}', 'x'),
    ('{{ "a\\nb" | newline_to_br }}', 'a\\nb'),
    ('{{ "  a  " | strip }}', 'a'),
    ('{{ "  a  " | lstrip }}', 'a  '),
    ('{{ "ab" | upcase }}', 'AB'),
    ('{{ "AB" | downcase }}', 'ab'),
    ('{{ "hELLO world" | capitalize }}', 'Hello world'),
    ('{{ "a\\nb\\r\\nc" | strip_newlines }}', 'a\\nb\\r\\nc'),
    ('{{ "aaa" | replace: "a", "b" }}', 'bbb'),
    ('{{ "aaa" | replace_first: "a", "b" }}', 'baa'),
    ('{{ "abab" | remove: "b" }}', 'aa'),
    ('{{ "abab" | remove_first: "b" }}', 'aab'),
    ('{{ "abab" | replace_last: "b", "c" }}', 'abac'),
    ('{{ "abab" | remove_last: "b" }}', 'aba'),
    ('{{ page.arr | reverse | join }}', 'C a b'),
    ('{{ "abc" | reverse }}', 'abc'),
    ('{{ page.arr | concat: site.data.d.h.b | join }}', 'b a C 1 2'),
    ('{{ site.data.d.people | map: "age" | compact | join: "," }}', '3,10'),
    ('{{ site.data.d.people | where: "age", 3 | map: "name" }}', 'Bob'),
    ('{{ site.data.d.people | map: "name" | uniq | join }}', 'Bob al Cy'),
    ('{{ site.data.d.people | map: "age" | sum }}', '310'),
    ('{{ site.data.d.people | sum: "age" }}', '{"name"=>"Bob", "age"=>3}{"name"=>"al", "age"=>10}{"name"=>"Cy"}'),
    ('{{ site.data.d.people }}', '{"name"=>"Bob", "age"=>3}{"name"=>"al", "age"=>10}{"name"=>"Cy"}'),
    ('{{ site.data.d.people | first }}', '{"name"=>"Bob", "age"=>3}'),
    ('{{ site.data.d | jsonify }}',
     '{"people":[{"name":"Bob","age":3},{"name":"al","age":10},{"name":"Cy"}],"h":{"a":1,"b":[1,2]}}'),
    ('{{ site.data.d.h | inspect }}', '{&quot;a&quot;=&gt;1, &quot;b&quot;=&gt;[1, 2]}'),
    ('{{ page.arr | inspect }}', '[&quot;b&quot;, &quot;a&quot;, &quot;C&quot;]'),
    ('{{ nil | inspect }}', 'nil'),
    ('{{ 1.5 | inspect }}', '1.5'),
    ('{{ 1000000000000000000000.0 }}', '1.0e+21'),
    ('{{ 0.0001 }}', '0.0001'),
    ('{{ 0.00001 }}', '1.0e-05'),
    ('{{ 123456789012345.0 }}', '123456789012345.0'),
    ('{{ 1234567890123456.0 }}', '1.234567890123456e+15'),
    ('{{ 12345678901234567.0 }}', '1.2345678901234568e+16'),
    ('{{ 2.0 | divided_by: 3 }}', '0.6666666666666666'),
    ('{{ 1 | divided_by: 3.0 }}', '0.3333333333333333'),
    ('{{ -0.0 }}', '-0.0'),
    ('{% assign gsDataBaseUrl = "https://cdn.jsdelivr.net/gh/" | append: site.repository | append: "@" %}{% assign url '
     '= gsDataBaseUrl | append: "google-scholar-stats/gs_data_shieldsio.json" %}{{ url | url_encode }}',
     'https%3A%2F%2Fcdn.jsdelivr.net%2Fgh%2Fuser%2Frepo%40google-scholar-stats%2Fgs_data_shieldsio.json'),
    ('{{ "x" | nofilter }}', 'x'),
    ('{{ "x" | upcase | nofilter: 1 | append: "y" }}', 'Xy'),
    ('{{ page.arr | join: 1 }}', 'b1a1C'),
    ('{{ "a" | join }}', 'a'),
    ('{{ nil | join }}', ''),
    ('{{ site.data.d.people | map: "name" | join: ", " }}', 'Bob, al, Cy'),
    ('{% for x in (1..3) %}{{ forloop.index }}{{ x }}{% endfor %}|{% for x in page.arr limit:2 offset:1 %}{{ x }}{% '
     'endfor %}|{% for x in site.data.d.h %}{{ x }};{% endfor %}|{% for x in "abc" %}{{ x }}{% endfor %}|{% for x in '
     'nil %}y{% else %}E{% endfor %}', '112233|aC|a1;b12;|abc|E'),
    ('{% case 1 %}{% when "1" %}S{% when 1 %}I{% endcase %}|{% if 1 == 1.0 %}eq{% endif %}|{% if "a" == nil %}x{% '
     'endif %}|{% if page.arr contains "a" %}c{% endif %}|{% if "abc" contains "b" %}s{% endif %}|{% if nil contains '
     '"b" %}n{% endif %}|{% if page.arr == empty %}e{% endif %}|{% if page.emp == empty %}E{% endif %}|{% if page.nope '
     '== blank %}B{% endif %}|{% if "  " == blank %}W{% endif %}', 'I|eq||c|s|||E||'),
    ('{% capture c %}{{ 5 | plus: 1 }}{% endcapture %}{{ c | plus: 1 }}|{% assign n = 3 %}{% increment n %}{% '
     'increment n %}{{ n }}|{% decrement q %}{% cycle "a","b" %}{% cycle "a","b" %}|{% unless false %}U{% endunless '
     '%}|{% raw %}{{x}}{% endraw %}|{% comment %}x{% endcomment %}|{% tablerow i in (1..2) %}{{ i }}{% endtablerow %}',
     '7|013|-1ab|U|{{x}}||<tr class="row1">\n<td class="col1">1</td><td class="col2">2</td></tr>\n'),
    ('{% if "" == blank %}1{% endif %}|{% if nil == blank %}2{% endif %}|{% if page.arr == blank %}3{% endif %}|{% if '
     '"" == empty %}4{% endif %}|{% if nil == empty %}5{% endif %}|{% unless "" == blank %}7{% endunless '
     '%}', '|||4||7'),
    ('{{ site.posts[0].date }}|{{ site.posts[0].tags }}|{{ site.posts | size }}|{{ site.tags.a | size }}',
     '2024-03-05 00:00:00 +0000|ab|1|1'),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return render_cases(tmp_path_factory.mktemp("site"), [template for template, _ in CASES], "timezone: UTC\n")


@pytest.mark.parametrize("index", range(len(CASES)), ids=[t[:40] for t, _ in CASES])
def test_renders_as_jekyll(rendered: list[str], index: int) -> None:
    assert rendered[index] == CASES[index][1]

# Observed with `timezone: America/New_York`: YAML times are UTC shown in local time, Ruby's zone names.
ZONED = [
    ('{{ page.dt | date: "%F %T %Z %z" }}|{{ page.day | date: "%F %T %Z %z" }}|{{ page.dt }}|{{ page.day }}|'
     '{{ "2024-07-05 10:00" | date: "%F %T %Z %z" }}|{{ "2024-03-05T10:11:12+02:00" | date: "%F %T %Z %z" }}|'
     '{{ 1700000000 | date: "%F %T %Z" }}',
     "2024-03-05 05:00:00 EST -0500|2024-03-05 00:00:00 +00:00 +0000|2024-03-05 05:00:00 -0500|2024-03-05|"
     "2024-07-05 10:00:00 EDT -0400|2024-03-05 10:11:12  +0200|2023-11-14 17:13:20 EST"),
    ('{{ page.dt | date: "%c|%x|%X|%D|%v|%+|%G-%V|%g|%W|%-I%P|%#b|%^a|%-j|%3N|%6N" }}',
     "Tue Mar  5 05:00:00 2024|03/05/24|05:00:00|03/05/24| 5-MAR-2024|%+|2024-10|24|10|5am|MAR|TUE|65|000|000000"),
    ("{{ site.posts | sort: \"title\" | first | map: \"title\" }}", "title"),
    ("{{ site.posts[0] | jsonify }}",
     '{"name":"2024-03-05-hello.md","id":"/2024/03/05/hello","relative_path":"_posts/2024-03-05-hello.md",'
     '"excerpt":"<p>Hi <em>there</em></p>\\n","title":"Hello","categories":[],"collection":"posts","next":n'
     'ull,"tags":["a","b"],"previous":null,"content":"<p>Hi <em>there</em></p>\\n","output":"<p>Hi <em>ther'
     'e</em></p>\\n","path":"_posts/2024-03-05-hello.md","url":"/2024/03/05/hello.html","date":"2024-03-05 '
     '00:00:00 -0500","draft":false,"slug":"hello","ext":".md"}'),
]


def test_times_in_the_site_zone(tmp_path) -> None:
    rendered = render_cases(tmp_path, [template for template, _ in ZONED], "timezone: America/New_York\n")
    assert rendered == [expected for _, expected in ZONED]


def test_tags_are_never_blank_so_an_if_around_them_keeps_its_whitespace(build_site) -> None:
    """Ruby's Tag#blank? is false: `continue`, `break`, `feed_meta`, `highlight` (observed in Jekyll)."""
    built = build_site({
        "_config.yml": "title: T\nplugins: [jekyll-feed]\n",
        "index.html": (
            "---\nlist: [a, b]\n---\n{% if true %}\n  {% feed_meta %}\n{% endif %}\n"
            '{% for x in page.list %}\n  {% if x == "a" %}\n    {% continue %}\n  {% endif %}\n[{{ x }}]{% endfor %}\n'
            "{% if true %}\n{% highlight python %}\nx = 1\n{% endhighlight %}\n{% endif %}\n"
            "{% for x in page.list %}\n  {% break %}\n{% endfor %}|\n"
        ),
    })
    assert built.read("index.html") == (
        '\n  <link type="application/atom+xml" rel="alternate" href="/feed.xml" title="T" />\n\n'
        "\n  \n    \n  \n[b]\n"
        '\n<figure class="highlight"><pre><code class="language-python" data-lang="python">'
        '<span class="n">x</span> <span class="o">=</span> <span class="mi">1</span></code></pre></figure>\n\n'
        "\n  |\n"
    )


def test_documents_pages_and_collections_print_as_jekyll_prints_them(build_site) -> None:
    """Document#to_s is its output, a page in site.pages its content, `page` a hash (observed in Jekyll)."""
    built = build_site({
        "_config.yml": "collections:\n  methods:\n    output: true\n    foo: bar\n",
        "_methods/a.md": "---\ntitle: M1\n---\nbody *one*\n",
        "index.html": "---\n---\nC: {{ site.methods }}\nK: {{ site.collections[0] }}\nP: {{ site.pages }}\n"
                      "S: {{ page }}\n",
    })
    assert built.code == 0, built.log
    source = "C: {{ site.methods }}\\nK: {{ site.collections[0] }}\\nP: {{ site.pages }}\\nS: {{ page }}\\n"
    assert built.read("index.html") == (
        "C: <p>body <em>one</em></p>\n\n"
        "K: [#<Jekyll::Document _methods/a.md collection=methods>]\n"
        "P: C: {{ site.methods }}\nK: {{ site.collections[0] }}\nP: {{ site.pages }}\nS: {{ page }}\n\n"
        'S: {"content"=>"' + source + '", "dir"=>"/", "excerpt"=>nil, "name"=>"index.html", "path"=>"index.html", '
                                      '"url"=>"/"}\n'
    )


def test_pages_added_while_rendering_are_seen_by_later_pages(build_site) -> None:
    """The Sass source map joins site.pages as main.scss converts (observed in Jekyll)."""
    loop = "---\n---\n{% for p in site.pages %}{{ p.url }} {% endfor %}\n"
    built = build_site({
        "_config.yml": "include: [_pages]\n",
        "assets/css/main.scss": "---\n---\na { b: c; }\n",
        "_pages/a.html": loop,
        "_pages/page.html": loop,
    })
    assert built.read("_pages/page.html") == (
        "/_pages/a.html /assets/css/main.css /_pages/page.html /assets/css/main.css.map \n"
    )
