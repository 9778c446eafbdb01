"""Jekyll's filters (Jekyll::Filters) beside Liquid's, including the academicpages Scholar badge URL."""

from __future__ import annotations

import pytest

from liquid_site import render_cases

# (template, output observed from Jekyll 4.3.1 on tests/liquid_site.py's site)
CASES = [
    ('{{ "/about/" | relative_url }}', '/base/about/'),
    ('{{ "about" | absolute_url }}', 'https://ex.com/base/about'),
    ('{{ "http://x.com/a" | relative_url }}', 'http://x.com/a'),
    ('{{ nil | relative_url }}', ''),
    ('{{ "/a b/é" | relative_url }}', '/base/a%20b/%C3%A9'),
    ('{{ site.posts[0] | absolute_url }}', 'https://ex.com/base/2024/03/05/hello.html'),
    ('{{ "/a/index.html" | strip_index }}', '/a/'),
    ('{{ page.dt | date_to_xmlschema }}', '2024-03-05T10:00:00+00:00'),
    ('{{ page.day | date_to_xmlschema }}', '2024-03-05T00:00:00+00:00'),
    ('{{ page.dt | date_to_rfc822 }}', 'Tue, 05 Mar 2024 10:00:00 +0000'),
    ('{{ page.dt | date_to_string }}', '05 Mar 2024'),
    ('{{ page.dt | date_to_string: "ordinal" }}', '5th Mar 2024'),
    ('{{ page.dt | date_to_long_string: "ordinal", "US" }}', 'March 5th, 2024'),
    ('{{ "2024-03-22" | date_to_long_string }}', '22 March 2024'),
    ('{{ "" | date_to_string }}', ''),
    ('{{ site.posts[0].date | date_to_xmlschema }}', '2024-03-05T00:00:00+00:00'),
    ('{{ page.q | xml_escape }}', '&quot;Pants&quot; -- it&apos;s ... &lt;é&gt; &amp; ok/'),
    ('{{ "a b&c/é" | cgi_escape }}', 'a+b%26c%2F%C3%A9'),
    ('{{ "a b/é?x=[1]" | uri_escape }}', 'a%20b/%C3%A9?x=[1]'),
    ('{{ "  a \\n\\t b  " | normalize_whitespace }}', 'a \\n\\t b'),
    ('{{ "one two  three" | number_of_words }}', '3'),
    # Ruby splits on ASCII whitespace only (observed from Jekyll 4.3.1: 4, where str.split() finds 7)
    ('{{ "a\u00a0b c\u3000d e\u2003f g\x1fh" | number_of_words }}', '4'),
    ('{{ "你好 world" | number_of_words: "cjk" }}', '3'),
    ('{{ "你好 world" | number_of_words: "auto" }}', '3'),
    ('{{ page.arr | array_to_sentence_string }}', 'b, a, and C'),
    ('{{ page.arr | array_to_sentence_string: "or" }}', 'b, a, or C'),
    ('{{ site.data.d.h.b | array_to_sentence_string }}', '1 and 2'),
    ('{{ "x" | array_to_sentence_string }}', 'x'),
    ('{{ "Hello *world*" | markdownify }}', '<p>Hello <em>world</em></p>\n'),
    ('{{ "Hello World! (a)" | slugify }}', 'hello-world-a'),
    ('{{ "Hello World! (a)" | slugify: "pretty" }}', 'hello-world!-(a)'),
    ('{{ "Hello_World.x" | slugify: "raw" }}', 'hello_world.x'),
    ('{{ "Élan vital" | slugify: "latin" }}', 'elan-vital'),
    ('{{ "Élan vital" | slugify: "ascii" }}', 'lan-vital'),
    ('{{ site.data.d.people | where: "age", 3 | map: "name" | join }}', 'Bob'),
    ('{{ site.data.d.people | where: "age", "10" | map: "name" | join }}', 'al'),
    ('{{ site.posts | where: "tags", "a" | size }}', '1'),
    ('{{ site.data.d.people | where_exp: "p", "p.age > 2" | map: "name" | join }}', 'Bob al'),
    ('{{ site.data.d.people | find: "name", "al" }}', '{"name"=>"al", "age"=>10}'),
    ('{{ site.data.d.people | find_exp: "p", "p.age == nil" }}', '{"name"=>"Cy"}'),
    ('{{ site.data.d.people | where: "age", nil | size }}', '1'),
    ('{{ site.data.d.people | group_by: "age" | jsonify }}',
     '[{"name":"3","items":[{"name":"Bob","age":3}],"size":1},{"name":"10","items":[{"name":"al","age":10}],"size":1},'
     '{"name":"","items":[{"name":"Cy"}],"size":1}]'),
    ('{{ site.data.d.people | group_by_exp: "p", "p.name | size" | map: "name" | join: "," }}', '3,2'),
    ('{{ site.data.d.people | sort: "age" | map: "name" | join }}', 'Cy Bob al'),
    ('{{ site.data.d.people | sort: "age", "last" | map: "name" | join }}', 'Bob al Cy'),
    ('{{ page.arr | sort | join }}', 'C a b'),
    ('{{ "3" | to_integer | plus: 1 }}', '4'),
    ('{{ true | to_integer }}', '1'),
    ('{{ 3.7 | to_integer }}', '3'),
    ('{{ page.arr | push: "z" | join }}', 'b a C z'),
    ('{{ page.arr | pop | join }}', 'b a'),
    ('{{ page.arr | shift: 2 | join }}', 'C'),
    ('{{ page.arr | unshift: 1 | join }}', '1 b a C'),
    ('{{ page.arr | jsonify }}', '["b","a","C"]'),
    ('{{ page.q | jsonify }}', '"\\"Pants\\" -- it\'s ... <é> & ok/"'),
    ('{{ nil | jsonify }}', 'null'),
    ('{{ 1.5 | jsonify }}', '1.5'),
    ('{{ page.dt | jsonify }}', '"2024-03-05 10:00:00 +0000"'),
    ('{{ page.day | jsonify }}', '"2024-03-05"'),
    ('{{ site.data.d.h | inspect }}', '{&quot;a&quot;=&gt;1, &quot;b&quot;=&gt;[1, 2]}'),
    ('{% for t in site.tags %}{{ t[0] }}:{{ t[1] | size }};{% endfor %}|{{ site.time | date: "%Y" | minus: 2000 | '
     'at_least: 0 | size }}', 'a:1;b:1;|8'),
    ('{{ nil | default: "x" }}', 'x'),
    ('{% assign gsDataBaseUrl = "https://cdn.jsdelivr.net/gh/" | append: site.repository | append: "@" %}{% assign url '
     '= gsDataBaseUrl | append: "google-scholar-stats/gs_data_shieldsio.json" %}{{ url | url_encode }}',
     'https%3A%2F%2Fcdn.jsdelivr.net%2Fgh%2Fuser%2Frepo%40google-scholar-stats%2Fgs_data_shieldsio.json'),
    ('{{ site.posts | jsonify | size | at_least: 1 | divided_by: 1000000 }}', '0'),
    ('{{ "Pants" | smartify }}', 'Pants'),
    ('{{ page.arr | sample | size }}', '1'),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return render_cases(tmp_path_factory.mktemp("site"), [template for template, _ in CASES], "timezone: UTC\n")


@pytest.mark.parametrize("index", range(len(CASES)), ids=[t[:40] for t, _ in CASES])
def test_renders_as_jekyll(rendered: list[str], index: int) -> None:
    assert rendered[index] == CASES[index][1]


def test_where_with_empty_and_blank_literals(build_site) -> None:
    """Jekyll compares with the literal's string, "": nil, "", [] and {} all match (embed_filters.feature)."""
    posts = {"Dog": "", "Goat": 'property: ""\n', "Horse": "property: []\n", "Iguana": "property: {}\n",
             "Elephant": "property: wildlife\n"}
    files = {f"_posts/2019-03-{15 + i:02d}-{name.lower()}.md": f"---\ntitle: {name}\n{prop}---\nx\n"
             for i, (name, prop) in enumerate(posts.items())}
    files["empty.html"] = (
        "---\n---\n{% assign pool = site.posts | reverse | where: 'property', empty %}{{ pool | map: 'title' | join: "
        "', ' }}"
    )
    files["blank.html"] = "---\n---\n{{ site.posts | reverse | where: 'property', blank | map: 'title' | join: ', ' }}"
    built = build_site(files)
    assert built.code == 0, built.log
    assert built.read("empty.html") == "Dog, Goat, Horse, Iguana"
    assert built.read("blank.html") == "Dog, Goat, Horse, Iguana"


def test_plugins_build_urls_as_the_filters_do() -> None:
    """Gems call Jekyll's URL filters: the plugins' helpers are the same code (Addressable's normalize)."""
    from types import SimpleNamespace

    from liquidsite.plugins.common import absolute_url, relative_url

    site = SimpleNamespace(config={"url": "HTTPS://Me.Example.org", "baseurl": "/base/"})
    assert relative_url(site, "a/./b/../c[1].html") == "/base/a/c%5B1%5D.html"
    assert absolute_url(site, "/ﬁle?q=a b#x y") == "https://me.example.org/base/file?q=a%20b#x%20y"
    assert absolute_url(site, "mailto:me@x.org") == "mailto:me@x.org"
    assert absolute_url(SimpleNamespace(config={}), "/a/") == "/a/"


def test_strftime_keeps_equal_moments_of_different_zones_apart() -> None:
    """Formatted dates are remembered; 12:00 UTC and 13:00+01:00 are equal datetimes, not equal text."""
    import datetime as dt

    from liquidsite.liquid.strftime import strftime

    utc = dt.datetime(2020, 1, 2, 12, 0, tzinfo=dt.timezone.utc)
    plus_one = dt.datetime(2020, 1, 2, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert utc == plus_one
    assert strftime(utc, "%H:%M %z") == "12:00 +0000"
    assert strftime(plus_one, "%H:%M %z") == "13:00 +0100"
    assert strftime(dt.date(2020, 1, 2), "%H:%M %z") == "00:00 +0000"
