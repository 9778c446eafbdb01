"""Jekyll's array filters on inputs that are not arrays of hashes, held to Jekyll 4.3.1.

``where``, ``find``, ``group_by`` and ``sort`` read each item's property with Ruby's ``item[property]``
(``Jekyll::Filters#item_property``): a hash's items are its values (``where``) or its ``[key, value]``
pairs (``group_by``, ``sort``), so a number or an array item raises ``TypeError`` (``no implicit
conversion of String into Integer``), and nil, ``true``, a float or a date ``NoMethodError``; a string
answers with a substring; a dotted path is ``false`` past a missing step. Input with no ``select``
(a number, a string, nil) comes back as it is, except from ``sort``. Liquid wraps none of these
errors: Jekyll stops with ``Liquid Exception: MESSAGE in PATH`` and exit status 1, no line, PATH the
page (also when the filter ran in an include) or the layout's absolute path.

Every expected string was observed from Jekyll 4.3.1 (Ruby 3.1.2, whose ``NoMethodError`` messages
carry error_highlight's snippet of Jekyll's source line) with the same data file: the table through
the Liquid oracle (``tests/oracle/render_liquid.rb``), the build tests from ``jekyll build``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_tree
from liquid_oracle import liquidsite_render

DATA = """\
nums: {a: 1, b: 2}
strs: {a: x, b: title}
hashes: {a: {title: one, n: 1}, b: {title: two, n: 2}}
arr_nums: [3, 1, 2]
num: 5
with_nil: [{title: a}, ~]
with_float: [1.5]
with_true: [true]
with_date: [2020-01-02]
dotted: [{a: {b: 1}}, {c: 1}, {a: 5}]
"""

#: What Ruby 3.1's error_highlight adds to a ``NoMethodError`` raised on these lines of Jekyll's filters.rb.
SORT = "\n\n        input.sort\n             ^^^^^"
MAP = "\n\n      input.map { |item| [item_property(item, property), item] }\n           ^^^^\nDid you mean?  tap"
INDEX = '\n\n      return liquid_data[property] unless property.include?(".")\n                        ^^^^^^^^^^'

#: ``{{ KEY }}`` -> Jekyll's output, or the message of the error it stopped with.
OBSERVED = {
    'site.data.d.nums | where: "title", "x" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.nums | find: "title", "one" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.nums | where_exp: "i", "i == 1" | jsonify':
        '[1]',
    'site.data.d.nums | find_exp: "i", "i == 1" | jsonify':
        '1',
    'site.data.d.nums | group_by: "title" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.nums | group_by_exp: "i", "i.title" | jsonify':
        '[{"name":null,"items":[["a",1],["b",2]],"size":2}]',
    'site.data.d.nums | sort | jsonify':
        '[["a",1],["b",2]]',
    'site.data.d.nums | sort: "title" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.strs | where: "title", "x" | jsonify':
        '[]',
    'site.data.d.strs | where: "a.b", "false" | jsonify':
        '["x","title"]',
    'site.data.d.strs | where_exp: "i", "i" | jsonify':
        '["x","title"]',
    'site.data.d.strs | group_by: "title" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.strs | sort: "title" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.hashes | where: "title", "one" | jsonify':
        '[{"title":"one","n":1}]',
    'site.data.d.hashes | find: "title", "one" | jsonify':
        '{"title":"one","n":1}',
    'site.data.d.hashes | where_exp: "i", "i.title == \'one\'" | jsonify':
        '[{"title":"one","n":1}]',
    'site.data.d.hashes | group_by: "title" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.hashes | sort: "n" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.arr_nums | where: "title", "x" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.arr_nums | group_by: "title" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.arr_nums | sort: "n" | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.arr_nums | map: "title" | jsonify':
        "Liquid error (line 1): cannot select the property 'title'",
    'site.data.d.arr_nums | sort_natural: "title" | jsonify':
        "Liquid error (line 1): cannot select the property 'title'",
    'site.data.d.num | where: "title", "x" | jsonify':
        '5',
    'site.data.d.num | where_exp: "i", "i" | jsonify':
        '5',
    'site.data.d.num | group_by: "title" | jsonify':
        '5',
    'site.data.d.num | sort | jsonify':
        "undefined method `sort' for 5:Integer" + SORT,
    'site.data.d.num | sort: "title" | jsonify':
        "undefined method `map' for 5:Integer" + MAP,
    'site.data.d.num | sort: "title", "bad" | jsonify':
        "Liquid error (line 1): Invalid nils order: 'bad' is not a valid nils order. It must be 'first' or 'last'.",
    'site.data.d.num | sort_natural: "title" | jsonify':
        '[5]',
    'site.data.d.num | map: "title" | jsonify':
        "Liquid error (line 1): cannot select the property 'title'",
    'missing | where: "title", "x" | jsonify':
        'null',
    'missing | where_exp: "i", "i" | jsonify':
        'null',
    'missing | group_by: "title" | jsonify':
        'null',
    'missing | sort | jsonify':
        'Liquid error (line 1): Cannot sort a null object.',
    '\'abc\' | where: "title", "x" | jsonify':
        '"abc"',
    "'abc' | sort | jsonify":
        'undefined method `sort\' for "abc":String' + SORT,
    '\'abc\' | sort: "title" | jsonify':
        'undefined method `map\' for "abc":String' + MAP,
    'site.data.d.with_nil | where: "title", "x" | jsonify':
        "undefined method `[]' for nil:NilClass" + INDEX,
    'site.data.d.with_nil | where: "a.b", nil | jsonify':
        '[]',
    'site.data.d.with_nil | group_by: "a.b" | jsonify':
        '[{"name":"false","items":[{"title":"a"},null],"size":2}]',
    'site.data.d.with_float | sort: "title" | jsonify':
        "undefined method `[]' for 1.5:Float" + INDEX,
    'site.data.d.with_true | group_by: "title" | jsonify':
        "undefined method `[]' for true:TrueClass" + INDEX,
    'site.data.d.with_date | where: "title", "x" | jsonify':
        "undefined method `[]' for #<Date: 2020-01-02 ((2458851j,0s,0n),+0s,2299161j)>" + INDEX,
    'site.data.d.with_date[0] | sort: "x" | jsonify':
        "undefined method `map' for #<Date: 2020-01-02 ((2458851j,0s,0n),+0s,2299161j)>" + MAP,
    'site.data.d.dotted | where: "a.b", 1 | jsonify':
        'no implicit conversion of String into Integer',
    'site.data.d.dotted | sort: "title" | jsonify':
        '[{"a":{"b":1}},{"c":1},{"a":5}]',
    '1.5 | sort | jsonify':
        "undefined method `sort' for 1.5:Float" + SORT,
    'true | sort: "x" | jsonify':
        "undefined method `map' for true:TrueClass" + MAP,
}


def test_array_filters_on_hashes_scalars_and_odd_items_render_or_fail_as_jekyll(tmp_path: Path) -> None:
    write_tree(tmp_path, {"_data/d.yml": DATA})
    templates = [f"{{{{ {markup} }}}}" for markup in OBSERVED]
    got = {}
    for index, (markup, result) in enumerate(zip(OBSERVED, liquidsite_render(tmp_path, templates), strict=True)):
        got[markup] = result.out if result.err is None else result.err.removesuffix(f" in fuzz{index}.html")
    assert got == OBSERVED


WHERE_ON_NUMBERS = '{{ site.data.d.nums | where: "title", "x" }}'


@pytest.mark.parametrize("files,message,location", [
    ({"index.html": "---\n---\nline 1\n" + WHERE_ON_NUMBERS + "\n"},
     "no implicit conversion of String into Integer in index.html", "index.html:2"),
    ({"index.html": "---\n---\nline 1\n{% include inc.html %}\n", "_includes/inc.html": "x\n" + WHERE_ON_NUMBERS},
     "no implicit conversion of String into Integer in index.html", "_includes/inc.html:2"),
    ({"index.html": "---\nlayout: default\n---\nx\n", "_layouts/default.html": "l\n" + WHERE_ON_NUMBERS},
     "no implicit conversion of String into Integer in {root}/_layouts/default.html", "_layouts/default.html:2"),
    ({"index.html": "---\n---\nline 1\n{{ site.data.d.num | sort }}\n"},
     "undefined method `sort' for 5:Integer input.sort ^^^^^ in index.html", "index.html:2"),
    ({"index.html": "---\n---\nline 1\n{{ site.data.d.num | sort: 'x' }}\n"},
     "undefined method `map' for 5:Integer input.map {{ |item| [item_property(item, property), item] }} ^^^^ "
     "Did you mean? tap in index.html", "index.html:2"),
], ids=["page", "include", "layout", "sort", "sort-by"])
def test_a_filters_ruby_error_stops_the_build_naming_the_page(build_site, tmp_path: Path, files: dict[str, str],
                                                             message: str, location: str) -> None:
    from liquidsite.config import load_config
    from liquidsite.errors import LiquidRenderError, report
    from liquidsite.site import Site

    built = build_site({"_data/d.yml": DATA, **files})
    assert built.code == 1
    assert "  Liquid Exception: " + message.format(root=tmp_path) in built.log.splitlines()
    assert "Traceback" not in built.log
    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True}))
    with pytest.raises(LiquidRenderError) as raised:
        site.process()
    assert report(raised.value).location.removeprefix(f"{tmp_path}/") == location


POST = {"_posts/2024-01-01-one.md": "---\ntitle: One\n---\nOne.\n"}


@pytest.mark.parametrize("name,body,message", [
    # the site drop is Enumerable over [key, value] pairs: Array#[]("a")
    ("a.html", '{{ site | where: "a", "b" | size }}', "no implicit conversion of String into Integer in a.html"),
    # a page is a hash: its values, the nil excerpt among them
    ("b.html", '{{ page | where: "a", "b" | size }}',
     "undefined method `[]' for nil:NilClass return liquid_data[property] unless property.include?(\".\") "
     "^^^^^^^^^^ in b.html"),
    # a post's drop fails on its first pair, before its excerpt is read
    ("_posts/2024-01-02-c.html", '{{ page | where: "a", "b" | size }}',
     "no implicit conversion of String into Integer in {root}/_posts/2024-01-02-c.html"),
    ("d.html", '{{ site | group_by: "a" | size }}', "no implicit conversion of String into Integer in d.html"),
])
def test_where_and_group_by_over_drops_fail_as_jekyll(build_site, tmp_path: Path, name: str, body: str,
                                                      message: str) -> None:
    built = build_site({**POST, name: f"---\ntitle: X\n---\n{body}\n"})
    assert built.code == 1
    assert "  Liquid Exception: " + message.format(root=tmp_path) in built.log.splitlines()


def test_sort_of_a_page_sorts_its_pairs(build_site) -> None:
    built = build_site({**POST, "e.html": "---\ntitle: X\n---\n{{ page | sort | size }}\n"})
    assert built.code == 0, built.log
    assert built.read("e.html") == "7\n"  # observed from Jekyll 4.3.1
