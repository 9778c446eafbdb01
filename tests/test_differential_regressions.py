"""Differences from Jekyll found on real sites of other themes, each held to Jekyll 4.3.1's output.

Every expected string and warning below was observed from a real ``jekyll build``
(Jekyll 4.3.1, Liquid 5.4.0) of the same files.
"""

from __future__ import annotations

LAYOUT = {"_layouts/default.html": "<html>{{ content }}</html>\n"}
DEFAULT_LAYOUT = "defaults:\n  - scope: {path: \"\"}\n    values: {layout: default, title: deftitle, x: dx}\n"


def test_text_after_a_right_trimming_tag_keeps_its_final_newline(build_site) -> None:
    built = build_site({
        **LAYOUT,
        "_config.yml": DEFAULT_LAYOUT,
        "trim.html": '---\n---\n{{ "A" -}}\nx\n',
        "bare.html": '---\nlayout: null\n---\n{{ "A" -}}\nx\n',
        "two.html": '---\nlayout: null\n---\n{{ "A" -}}\nx\n\n',
        "only.html": '---\nlayout: null\n---\n{{ "A" -}}\n',
    })
    assert built.code == 0, built.log
    assert built.read("trim.html") == "<html>Ax\n</html>\n"
    assert built.read("bare.html") == "Ax\n"
    assert built.read("two.html") == "Ax\n\n"
    assert built.read("only.html") == "A"


def test_layout_null_in_a_page_overrides_the_defaults_layout_but_not_in_a_post(build_site) -> None:
    built = build_site({
        **LAYOUT,
        "_config.yml": DEFAULT_LAYOUT,
        "style.css": "---\nlayout: null\n---\nbody {}\n",
        "page.html": "---\nlayout: null\ntitle: null\nx: null\n---\nP[{{ page.title }}|{{ page.x }}]\n",
        "_posts/2020-01-01-post.html": "---\nlayout: null\ntitle:\nx: ~\n---\nD[{{ page.title }}|{{ page.x }}]\n",
        "none.html": "---\nlayout: none\n---\nN\n",
    })
    assert built.code == 0, built.log
    assert built.read("style.css") == "body {}\n"
    # Liquid's page still merges the defaults under the front matter: a null keeps the default.
    assert built.read("page.html") == "P[deftitle|dx]\n"
    # A document's front matter is merged into its defaults, where a null changes nothing.
    assert built.read("2020/01/01/post.html") == "<html>D[deftitle|dx]\n</html>\n"
    assert built.read("none.html") == "N\n"


MALFORMED_CONDITIONS = """---
v: 1
w: [1, 2]
---
[{% if (page.v == 1 or page.v == 2) %}Y2{% else %}N2{% endif %}]
[{% if page.x %}A{% elsif (page.v == 1) %}B{% else %}C{% endif %}]
[{% unless (page.v == 1) %}U1{% else %}U2{% endunless %}]
[{% if page.w contains 2) %}C1{% else %}C2{% endif %}]
[{% if page.v == 1 and page.q or (page.v) %}D1{% else %}D2{% endif %}]
[{% if "a b" == 'a b' %}E1{% endif %}]
[{% if page.v=="1" %}F1{% else %}F2{% endif %}]
[{% if page.v==1 %}G1{% else %}G2{% endif %}]
[{% if page.v == 1, %}H1{% else %}H2{% endif %}]
[{% if page.x or page.v > 0 and page.v < 2 %}I1{% else %}I2{% endif %}]
[{% if or %}J1{% else %}J2{% endif %}]
[{% if (x) or (y) %}K1{% else %}K2{% endif %}]
"""


def test_malformed_conditions_are_read_by_liquids_lax_parser(build_site) -> None:
    built = build_site({"a.html": MALFORMED_CONDITIONS})
    assert built.code == 0, built.log
    assert built.read("a.html") == "[Y2]\n[C]\n[U1]\n[C2]\n[D1]\n[E1]\n[F2]\n[G1]\n[H1]\n[I1]\n[J2]\n[K2]\n"
    prefix = "Liquid Warning: Liquid syntax error "
    warnings = [line.strip()[len(prefix):] for line in built.log.splitlines() if "Liquid Warning" in line]
    assert warnings == [
        '(line 1): Expected dotdot but found comparison in "(page.v == 1 or page.v == 2)" in a.html',
        '(line 2): Expected dotdot but found comparison in "(page.v == 1)" in a.html',
        '(line 3): Expected dotdot but found comparison in "(page.v == 1)" in a.html',
        '(line 4): Expected end_of_string but found close_round in "page.w contains 2)" in a.html',
        '(line 5): Expected dotdot but found close_round in "page.v == 1 and page.q or (page.v)" in a.html',
        '(line 9): Expected end_of_string but found comma in "page.v == 1," in a.html',
        '(line 12): Expected dotdot but found close_round in "(x) or (y)" in a.html',
    ]


def test_conditions_the_lax_parser_rejects_fail_the_build(build_site) -> None:
    message = "Liquid syntax error (line 1): Syntax Error in tag 'if' - Valid syntax: if [expression]"
    for markup in ("{% if %}x{% endif %}", "{% unless %}x{% endunless %}", "{% if a %}x{% elsif %}y{% endif %}",
                   "{% if a or %}x{% endif %}"):
        built = build_site({"e.html": f"---\n---\n{markup}\n"})
        assert built.code == 1, markup
        assert f"Liquid Exception: {message} in e.html" in built.log, built.log
        assert "Liquid Warning" not in built.log, markup


def test_unknown_operators_warn_then_fail_when_evaluated(build_site) -> None:
    cases = {
        "{% if a foo b %}x{% endif %}": ('Expected end_of_string but found id in "a foo b"', "foo"),
        "{% if {{ page.v }} %}x{% endif %}": ('Unexpected character { in "{{ page.v }}"', "page"),
        "{% if a = b %}x{% endif %}": ('Unexpected character = in "a = b"', "="),
        "{% if a => b %}x{% endif %}": ('Unexpected character = in "a => b"', "=>"),
    }
    for markup, (warning, operator) in cases.items():
        built = build_site({"e.html": f"---\nv: 1\n---\n{markup}\n"})
        assert built.code == 1, markup
        assert f"Liquid Warning: Liquid syntax error (line 1): {warning} in e.html" in built.log, built.log
        assert f"Liquid Exception: Liquid error (line 1): Unknown operator {operator} in e.html" in built.log


def test_strict_mode_rejects_a_malformed_condition_in_liquids_words(build_site) -> None:
    built = build_site({
        "_config.yml": "liquid:\n  error_mode: strict\n",
        "e.html": "---\n---\n{% if (x) or (y) %}K1{% endif %}\n",
    })
    assert built.code == 1
    assert ('Liquid Exception: Liquid syntax error (line 1): Expected dotdot but found close_round in "(x) or (y)"'
            " in e.html") in built.log


def test_documents_print_and_count_as_jekylls_drops(build_site) -> None:
    """``Document#to_s`` is ``output || content``: an empty body prints as nothing (Ruby's "" is a
    value), not "NO CONTENT"; ``size`` of a document, the site, a collection, a static file or
    ``jekyll`` is 0 (Ruby objects without ``#size``), of a page its keys, and their ``.size`` nil unless
their data has one. Observed from Jekyll 4.3.1
    (found while checking jekyll-include-cache)."""
    post = "---\nlayout: post\ntitle: {t}\n---\n{body}"
    built = build_site({
        "_layouts/post.html": "{{ content }}[{{ site.posts }}]\n",
        "_posts/2024-01-01-a.md": post.format(t="A", body=""),
        "_posts/2024-01-02-b.md": post.format(t="B", body="body b\n"),
        "_posts/2024-01-03-c.md": post.format(t="C", body=""),
        "assets/s.txt": "x\n",
        "sizes.html": (
            "---\n---\n{{ site | size }} {{ site.collections.first | size }} {{ site.static_files.first | size }}"
            " {{ jekyll | size }} {{ site.posts.first | size }} {{ page | size }}|{{ site.posts.first.size }}|"
            "{{ site.posts.last.size }}|{{ site.size }}|{{ page.size }}|{{ site.static_files.first.size }}\n"
        ),
    })
    assert built.code == 0, built.log
    assert built.read("2024/01/01/a.html") == "\n[body b\n\n]\n"
    assert built.read("2024/01/02/b.html") == "<p>body b</p>\n[<p>body b</p>\n\n[body b\n\n]\n]\n"
    assert built.read("sizes.html") == "0 0 0 0 0 6||||6|\n"
    # a document whose data has a size answers it
    built = build_site({"_posts/2024-01-04-d.md": "---\nsize: 5\n---\nd\n",
                        "s.html": "---\n---\n{{ site.posts.first.size }}|{{ site.posts.first | size }}\n"})
    assert built.read("s.html") == "5|0\n"


def test_a_collection_named_pages_is_what_site_pages_gives(build_site) -> None:
    """Jekyll's ``SiteDrop#[]`` looks collections up before its own methods (``posts`` apart), so a
    theme's ``pages`` collection (jekyll-gitbook's table of contents) shadows ``site.pages``.
    Observed from Jekyll 4.3.1."""
    built = build_site({
        "_config.yml": "collections:\n  pages:\n    output: true\n  html_pages:\n    output: false\n",
        "_pages/about.md": "---\ntitle: About\n---\nabout\n",
        "_html_pages/h.md": "---\ntitle: H\n---\nh\n",
        "index.html": "---\ntitle: Index\n---\n{{ site.pages | size }}:{% for p in site.pages %}[{{ p.title }}]"
                      "{% endfor %}|{{ site.html_pages | map: 'title' | join: ',' }}|{{ site['pages'].size }}|"
                      "{{ site.collections | map: 'label' | join: ',' }}\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "1:[About]|H|1|html_pages,pages,posts\n"
