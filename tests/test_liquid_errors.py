"""Liquid errors and warnings worded, placed and counted as Jekyll 4.3.1 prints them.

Each expected line was observed from ``jekyll build`` on the same one-page site.
Warnings go through liquidsite's log (never Python's ``warnings``), errors stop
the build with exit status 1, and no case may show a Python traceback.
"""

from __future__ import annotations

import pytest

FATAL = [
    ("{% INVALID %}", "Liquid Exception: Liquid syntax error (line 1): Unknown tag 'INVALID' in index.html"),
    ("a\n{% if true %}x", "Liquid Exception: Liquid syntax error (line 3): 'if' tag was never closed in index.html"),
    ("{% endif %}", "Liquid Exception: Liquid syntax error (line 1): Unknown tag 'endif' in index.html"),
    ('{{ "a" | nofilter }} {{ x | divided_by: 0 }}', "Liquid Exception: Liquid error (line 1): divided by 0 in "
                                                     "index.html"),
    ('{{ "x" | date_to_xmlschema }}', "Liquid Exception: Invalid Date: '\"x\"' is not a valid datetime. in index.html"),
    ("{% for x in (1..3) %}{{ x }}{% else %}e{% endfor %}{% for %}",
     "Liquid Exception: Liquid syntax error (line 1): Syntax Error in 'for loop' - Valid syntax: for [item] in "
     "[collection] in index.html"),
    ('{{ page.title | where: "a" }}',
     "Liquid Exception: Liquid error (line 1): wrong number of arguments (given 2, expected 3) in index.html"),
    ('{{ "a" | append }}',
     "Liquid Exception: Liquid error (line 1): wrong number of arguments (given 1, expected 2) in index.html"),
    ("{% if x = 1 %}y{% endif %}z", "Liquid Exception: Liquid error (line 1): Unknown operator = in index.html"),
    # Jekyll's tags reject bad markup while the page is parsed, in a branch that never runs too.
    ("x\n{% if false %}\n{% include a.html foo=bar baz %}\n{% endif %}",
     "Liquid Exception: Invalid syntax for include tag: foo=bar baz Valid syntax: "
     "{% include file.ext param='value' param2='value' %} in index.html"),
    ("x\n{% if false %}\n{% highlight %}\nx\n{% endhighlight %}\n{% endif %}",
     "Liquid Exception: Syntax Error in tag 'highlight' while parsing the following markup: "
     "Valid syntax: highlight <lang> [linenos] in index.html"),
    ("x\n{% highlight ruby %}\nx", "Liquid Exception: Liquid syntax error (line 4): 'highlight' tag was never closed "
                                   "in index.html"),
]


def _liquid_lines(log: str) -> list[str]:
    return [line.strip() for line in log.splitlines() if "Liquid" in line and ":" in line]


@pytest.mark.parametrize("template,expected", FATAL, ids=[t[:30] for t, _ in FATAL])
def test_fatal_errors_stop_the_build(build_site, template: str, expected: str) -> None:
    built = build_site({"index.html": "---\n---\n" + template + "\n"})
    assert built.code == 1
    assert expected in _liquid_lines(built.log)
    assert "Traceback" not in built.log


def test_bad_include_markup_in_an_included_file_names_the_page(build_site) -> None:
    built = build_site({"index.html": "---\n---\nx\n{% include b.html %}\n",
                        "_includes/b.html": "x\n{% if false %}{% include a.html foo=bar baz %}{% endif %}"})
    assert built.code == 1
    assert ("Liquid Exception: Invalid syntax for include tag: foo=bar baz Valid syntax: "
            "{% include file.ext param='value' param2='value' %} in index.html") in _liquid_lines(built.log)


def test_warn_mode_logs_jekyll_warnings_and_keeps_going(build_site) -> None:
    built = build_site({"index.html": '---\n---\nline1\n{{ "abc".size }} {{ foo bar }}\n{{ | upcase }}done\n'})
    assert built.code == 0
    assert _liquid_lines(built.log) == [
        'Liquid Warning: Liquid syntax error (line 2): Expected end_of_string but found dot in "{{ "abc".size }}" in '
        'index.html',
        'Liquid Warning: Liquid syntax error (line 2): Expected end_of_string but found id in "{{ foo bar }}" in '
        'index.html',
        'Liquid Warning: Liquid syntax error (line 3): [:pipe, "|"] is not a valid expression in "{{ | upcase }}" in '
        'index.html',
    ]
    # Liquid's lax parser takes the first fragment: the string "abc", the variable foo.
    assert built.read("index.html") == "line1\nabc \ndone\n"
    assert "LiquidSyntaxWarning" not in built.log and "warnings.warn" not in built.log


def test_lax_mode_is_silent(build_site) -> None:
    built = build_site({"_config.yml": "liquid:\n  error_mode: lax\n", "index.html": "---\n---\nx{{ foo bar }}ok\n"})
    assert built.code == 0
    assert _liquid_lines(built.log) == []
    assert built.read("index.html") == "xok\n"


def test_strict_mode_makes_markup_errors_fatal(build_site) -> None:
    built = build_site({"_config.yml": "liquid:\n  error_mode: strict\n", "index.html": "---\n---\nx{{ foo bar }}ok\n"})
    assert built.code == 1
    assert ('Liquid Exception: Liquid syntax error (line 1): Expected end_of_string but found id in "{{ foo bar }}" '
            "in index.html") in _liquid_lines(built.log)


def test_strict_variables_and_filters(build_site) -> None:
    built = build_site({"_config.yml": "liquid:\n  strict_variables: true\n",
                        "index.html": "---\n---\na\nb\n{{ page.author }}\n"})
    assert built.code == 1
    assert ("Liquid Exception: Liquid error (line 3): undefined variable author in index.html"
            in _liquid_lines(built.log))


def test_unknown_filter_is_a_no_op_by_default(build_site) -> None:
    built = build_site({"index.html": '---\n---\n{{ "x" | upcase | nofilter: 1 | append: "y" }}\n'})
    assert built.code == 0
    assert built.read("index.html") == "Xy\n"


def test_warning_before_a_render_error(build_site) -> None:
    built = build_site({"index.html": "---\n---\n{% if x = 1 %}y{% endif %}z\n"})
    assert built.code == 1
    assert _liquid_lines(built.log)[:2] == [
        'Liquid Warning: Liquid syntax error (line 1): Unexpected character = in "x = 1" in index.html',
        "Liquid Exception: Liquid error (line 1): Unknown operator = in index.html",
    ]


def test_for_loop_markup_falls_back_to_liquids_lax_grammar(build_site) -> None:
    """`for x in list | sort` (a real academicpages include): a warning, then the lax loop."""
    built = build_site({
        "index.html": (
            "---\nlist: [b, a, c]\n---\nA\n"
            "{% for name in page.list | sort %}[{{ name }}]{% endfor %}\n"
            "{% for n in page.list | sort limit: 2 %}[{{ n }}]{% endfor %}\n"
            "{% for n in page.list reversed | sort %}[{{ n }}]{% endfor %}\n"
            "{% for n in page.list foo %}[{{ n }}]{% endfor %}\n"
        ),
        "_includes/quiet.html": "{% for n in include.list | sort %}({{ n }}){% endfor %}",
        "inc.html": "---\nlist: [y, x]\n---\n{% include quiet.html list=page.list %}\n",
    })
    assert built.code == 0, built.log
    assert _liquid_lines(built.log) == [
        'Liquid Warning: Liquid syntax error (line 2): Expected end_of_string but found pipe in "name in page.list | '
        'sort" in index.html',
        'Liquid Warning: Liquid syntax error (line 3): Expected end_of_string but found pipe in "n in page.list | sort '
        'limit: 2" in index.html',
        'Liquid Warning: Liquid syntax error (line 4): Expected end_of_string but found pipe in "n in page.list '
        'reversed | sort" in index.html',
        'Liquid Warning: Liquid syntax error (line 5): Expected end_of_string but found id in "n in page.list foo" in '
        'index.html',
    ]
    assert built.read("index.html") == "A\n[b][a][c]\n[b][a]\n[c][a][b]\n[b][a][c]\n"
    assert built.read("inc.html") == "(y)(x)\n"


def test_for_loop_markup_the_lax_grammar_rejects_too_is_fatal(build_site) -> None:
    built = build_site({"index.html": "---\n---\n{% for in x %}{% endfor %}\n"})
    assert built.code == 1
    assert (
        "Liquid Exception: Liquid syntax error (line 1): Syntax Error in 'for loop' - Valid syntax: for [item] in "
        "[collection] in index.html"
    ) in _liquid_lines(built.log)


def test_assign_and_output_fall_back_to_liquids_lax_variable_syntax(build_site) -> None:
    """academicpages' tag-list include: `assign x = (tags | split: ',' | sort:0)` works in Jekyll."""
    built = build_site({
        "index.html": (
            "---\ntags: [Zeta, alpha, Beta]\nlist: [b, a]\n---\n"
            "{% capture page_tags %}{% for tag in page.tags %}{{ tag | downcase }}#{{ tag }}"
            "{% unless forloop.last %},{% endunless %}{% endfor %}{% endcapture %}\n"
            '{% assign tag_hashes = (page_tags | split: "," | sort:0) %}\n'
            '{{ tag_hashes | join: ";" }}\n'
            '{% assign y = page.list foo | join: "-" %}{{ y }}\n'
            '{{ page.list | sort:0) | join: "+" }}\n'
        ),
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "\n\nalpha#alpha;beta#Beta;zeta#Zeta\nb-a\na+b\n"
    warnings = _liquid_lines(built.log)
    assert warnings[1:] == [
        'Liquid Warning: Liquid syntax error (line 4): Expected end_of_string but found id in "{{page.list foo | join: '
        '"-" }}" in index.html',
        'Liquid Warning: Liquid syntax error (line 5): Expected end_of_string but found close_round in "{{ page.list | '
        'sort:0) | join: "+" }}" in index.html',
    ]
    assert warnings[0] == ('Liquid Warning: Liquid syntax error (line 2): Expected dotdot but found pipe in '
                           '"{{(page_tags | split: "," | sort:0) }}" in index.html')


def test_keys_named_as_python_liquid_keywords(build_site) -> None:
    """al-folio's latest_posts include reads `page.latest_posts.limit`; observed from Jekyll 4.3.1."""
    built = build_site({
        "_posts/2024-01-01-a.md": "---\ntitle: a\n---\n", "_posts/2024-01-02-b.md": "---\ntitle: b\n---\n",
        "index.html": (
            "---\nlatest_posts:\n  limit: 1\n---\n"
            "{% if page.latest_posts.limit %}{% assign lim = page.latest_posts.limit %}{% endif %}"
            "[{{ lim }}]{% for item in site.posts limit: lim %}{{ item.title }}{% endfor %}"
            "[{{ page.latest_posts.offset }}{{ page.latest_posts.limit | plus: 1 }}]\n"
        ),
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[1]b[2]\n"


def test_warnings_for_markup_python_liquid_words_otherwise(build_site) -> None:
    """Liquid's strict Variable parser words these; observed from Jekyll 4.3.1 on the same page."""
    built = build_site({"index.html": (
        '---\n---\n{% assign y = %}[{{ y }}]\n{{ (1..2 | x }}{{ a | f: k: 1, b | g: (1..3) }}{{ a | f: (x }}\n'
        "{{ [1 }}{{ 1 | }}\n"
    )})
    assert built.code == 0, built.log
    assert built.read("index.html") == "[]\n\n1\n"
    assert _liquid_lines(built.log) == [
        'Liquid Warning: Liquid syntax error (line 2): Expected close_round but found pipe in "{{ (1..2 | x }}" in '
        'index.html',
        'Liquid Warning: Liquid syntax error (line 2): Expected dotdot but found end_of_string in "{{ a | f: (x }}" in '
        'index.html',
        'Liquid Warning: Liquid syntax error (line 3): Expected close_square but found end_of_string in "{{ [1 }}" in '
        'index.html',
        'Liquid Warning: Liquid syntax error (line 3): Expected id but found end_of_string in "{{ 1 | }}" in '
        'index.html',
    ]


def test_documents_are_named_by_their_absolute_path(build_site, tmp_path):
    # Jekyll 4.3.1 names a document by Document#path (absolute), a page by its relative path:
    #   Liquid Warning: Liquid syntax error (line 1): Expected id but found end_of_string in "{{ "x" | }}"
    #     in SRC/_posts/2024-01-01-one.md
    #   Liquid Exception: Liquid syntax error (line 1): Syntax Error in tag 'if' - Valid syntax: if [expression]
    #     in SRC/_things/t.md
    built = build_site({
        "_config.yml": "collections:\n  things:\n    output: true\n",
        "_posts/2024-01-01-one.md": '---\ntitle: One\n---\nOne {{ "x" | }} two.\n',
        "_things/t.md": "---\n---\nT {% if %}\n",
    })
    source = tmp_path.resolve()
    assert built.code == 1
    assert _liquid_lines(built.log) == [
        'Liquid Warning: Liquid syntax error (line 1): Expected id but found end_of_string in "{{ "x" | }}" in '
        f"{source}/_posts/2024-01-01-one.md",
        "Liquid Exception: Liquid syntax error (line 1): Syntax Error in tag 'if' - Valid syntax: if [expression] "
        f"in {source}/_things/t.md",
    ]
