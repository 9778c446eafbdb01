"""Disagreements the Liquid differential fuzzer (tests/test_liquid_fuzz.py) found, held to Jekyll.

Each expected string was observed from Jekyll 4.3.1 (Liquid 5.4.0) rendering the same template
with the same ``_data/f.yml`` (``liquid_fuzz_cases.DATA_YAML``); no Ruby is needed here.
"""

from __future__ import annotations

import re
from pathlib import Path

from liquid_fuzz_cases import site_files
from liquid_oracle import liquidsite_render
from conftest import write_tree


#: How the oracle reports a failed render: the Ruby exception's class, then Jekyll's message.
JEKYLL_ERROR = re.compile(r"\ALiquid::\w+: ")


def assert_renders(tmp_path: Path, expected: dict[str, str]) -> None:
    """Each template (key) renders its observed Jekyll output (value) in the fuzzer's site; an
    expected ``Liquid::ArgumentError: Liquid error (line 1): ...`` is a failure with that message
    (followed by ``in <file>``)."""
    write_tree(tmp_path, site_files())
    templates = list(expected)
    rendered = liquidsite_render(tmp_path, templates)
    got = {}
    for template, result in zip(templates, rendered, strict=True):
        error = JEKYLL_ERROR.sub("", expected[template])
        if result.err is not None and error != expected[template] and result.err.startswith(error + " in "):
            got[template] = expected[template]
        else:
            got[template] = result.out if result.err is None else result.err
    assert got == expected


def test_whitespace_control_trims_only_ascii_whitespace_and_nul(tmp_path: Path) -> None:
    assert_renders(tmp_path, {
        "a\u3000{{- 'x' -}}\u3000b": "a\u3000x\u3000b",
        "a\u00a0{{- 'x' -}}\u00a0b": "a\u00a0x\u00a0b",
        "a \u3000 {{- 'x' -}} \u3000 b": "a \u3000x\u3000 b",
        "a\u2003\n{%- if true -%}\n\u2003b{%- endif -%}\u00a0c": "a\u2003\u2003b\u00a0c",
        "\u3000{%- assign q = 1 -%}\u3000|": "\u3000\u3000|",
        "a\x00{{- 1 -}}\x00b": "a1b",
        "a\x0b{{- 1 -}}\x0cb": "a1b",
        "a\x85{{- 1 -}}\x85b": "a\x851\x85b",
        "x{%- comment -%} c {%- endcomment -%}\u3000y": "x\u3000y",
        "[\n{%- for i in (1..2) -%}\n\u3000{{ i }}\u3000\n{%- endfor -%}\n]": "[\u30001\u3000\u30002\u3000]",
        "[{%- include ws.html -%}]": "[\u3000w\u3000\n]",
        "[{%- include inc.html -%}]": "[\n  inc\n\n]",
    })


def test_string_filters_treat_only_ascii_as_whitespace_and_case_map_like_ruby(tmp_path: Path) -> None:
    """Ruby's ``split``/``\\s``/``strip`` know ASCII whitespace only; ``downcase`` has no final
    sigma, ``capitalize`` titlecases; ``size`` of a Float is 0; ``slugify: 'latin'`` is
    I18n's table (other letters become ``?``, then dashes)."""
    assert_renders(tmp_path, {
        '[{{ site.data.f.upper | downcase }}]': '[école àö σασ]',
        '[{{ site.data.f.upper | capitalize }}]': '[École àö σασ]',
        '[{{ site.data.f.title | capitalize }}]': '[ǅemo i̇stanbul]',
        '[{{ site.data.f.lower | capitalize }}]': '[Été ß ﬁ ǆ ı]',
        '[{{ site.data.f.upper | slugify }}]': '[école-àö-σασ]',
        '[{{ site.data.f.float | size }}]': '[0]',
        '[{{ site.data.f.int | size }}]': '[8]',
        "[{{ site.data.f.ideo | split: ' ' | join: '|' }}]": '[\u3000abc\u3000]',
        "[{{ site.data.f.nbsp | split: ' ' | join: '|' }}]": '[\xa0x|y\xa0]',
        "[{{ site.data.f.spaces | split: ' ' | join: '|' }}]": '[many|spaces|and|lines]',
        "[{{ site.data.f.nbsp | truncatewords: 1, '…' }}]": '[\xa0x…]',
        "[{{ site.data.f.ascii_ws | truncatewords: 1, '…' }}]": '[x…]',
        '[{{ site.data.f.nel | truncatewords: 0 }}]': '[\x85a\u2028b\u2029]',
        '[{{ site.data.f.space | truncatewords: 1 }}]': '[ ]',
        '[{{ site.data.f.words | truncatewords: 3 }}]': '[héllo wörld ünïcode...]',
        "[{{ site.data.f.ideo | slugify: 'raw' }}]": '[\u3000abc\u3000]',
        "[{{ site.data.f.nel | slugify: 'raw' }}]": '[\x85a\u2028b\u2029]',
        "[{{ site.data.f.lower | slugify: 'latin' }}]": '[ete-ss-i]',
        "[{{ site.data.f.title | slugify: 'latin' }}]": '[emo-istanbul]',
        "[{{ site.data.f.slug | slugify: 'latin' }}]": '[hello-world-the-quick-brown-fox-txt]',
        '[{{ site.data.f.nel | number_of_words }}]': '[1]',
        "[{{ site.data.f.nbsp | number_of_words: 'cjk' }}]": '[2]',
        "[{{ site.data.f.cjk | number_of_words: 'auto' }}]": '[12]',
        '[{{ site.data.f.ideo | normalize_whitespace }}]': '[\u3000abc\u3000]',
        '[{{ site.data.f.nul | normalize_whitespace }}]': '[x]',
        '[{{ site.data.f.nel | normalize_whitespace }}]': '[\x85a\u2028b\u2029]',
        '[{{ site.data.f.spaces | normalize_whitespace }}]': '[many spaces and lines]',
    })


def test_group_by_exp_names_groups_by_value_and_inspect_jsonify_escape_like_ruby(tmp_path: Path) -> None:
    """``group_by_exp`` keys are the expression's values (``nil``, numbers), not their text;
    ``inspect`` escapes NUL as ``\\u0000`` and U+2028 but not U+0085; ``jsonify`` (json 2.6)
    leaves U+2028 unescaped; a Date inspects with its Julian day number."""
    assert_renders(tmp_path, {
        "[{{ site.data.f.arr_hash | group_by_exp: 'i', 'i.n' }}]": (
            '[{"name"=>"x", "items"=>[{"n"=>"x", "v"=>2, "t"=>["a"]}], "size"=>1}{"name"=>"y"'
            ', "items"=>[{"n"=>"y", "v"=>nil}], "size"=>1}{"name"=>"Z", "items"=>[{"n"=>"Z"}]'
            ', "size"=>1}{"name"=>nil, "items"=>[{"v"=>"1"}], "size"=>1}]'
        ),
        "[{{ site.data.f.arr_hash | group_by_exp: 'i', 'i.v' }}]": (
            '[{"name"=>2, "items"=>[{"n"=>"x", "v"=>2, "t"=>["a"]}], "size"=>1}{"name"=>nil, '
            '"items"=>[{"n"=>"y", "v"=>nil}, {"n"=>"Z"}], "size"=>2}{"name"=>"1", "items"=>[{'
            '"v"=>"1"}], "size"=>1}]'
        ),
        "[{{ site.data.f.arr_mixed | group_by_exp: 'i', 'i' | jsonify }}]": (
            '[[{"name":3,"items":[3],"size":1},{"name":"10","items":["10"],"size":1},{"name":'
            '2.5,"items":[2.5],"size":1},{"name":"x","items":["x"],"size":1}]]'
        ),
        "[{{ site.data.f.arr_num | group_by_exp: 'i', 'i | modulo: 2' | jsonify }}]": (
            '[[{"name":1,"items":[3,1],"size":2},{"name":0,"items":[2],"size":1}]]'
        ),
        "[{{ site.data.f.arr_hash | group_by_exp: 'i', 'i.n | downcase' | map: 'name' | join: ',' }}]": '[x,y,z,]',
        '[{{ site.data.f.nul | inspect }}]': '[&quot;\\u0000x\\u0000&quot;]',
        '[{{ site.data.f.nel | inspect }}]': '[&quot;\x85a\\u2028b\\u2029&quot;]',
        '[{{ site.data.f.date | inspect }}]': '[#&lt;Date: 2020-01-02 ((2458851j,0s,0n),+0s,2299161j)&gt;]',
        '[{{ site.data.f.nel | jsonify }}]': '["\x85a\u2028b\u2029"]',
    })


def test_url_filters_normalize_like_addressable(tmp_path: Path) -> None:
    """``relative_url``/``absolute_url`` are ``Addressable::URI.parse(...).normalize``: escapes
    decoded then re-encoded, NFKC, dot segments removed, ``[ ]`` encoded, stripped;
    ``uri_escape`` is ``normalize_component`` (``%2F`` becomes ``/``, a stray ``%`` ``%25``)."""
    assert_renders(tmp_path, {
        '[{{ site.data.f.url_dots | relative_url }}]': '[/a/c/]',
        '[{{ site.data.f.url_query | relative_url }}]': '[/x%20y?q=a%20b&c=%5B1%5D%7C%C3%A9#frag%20ment%5B%5D]',
        '[{{ site.data.f.url_pct | relative_url }}]': '[/A%25zz%E9/%C3%A9%20%C3%BC/]',
        '[{{ site.data.f.url_pct | uri_escape }}]': '[/A%25zz%E9/%C3%A9%20%C3%BC/]',
        '[{{ site.data.f.url_query | uri_escape }}]': '[x%20y?q=a%20b&c=[1]%7C%C3%A9#frag%20ment[]]',
        '[{{ site.data.f.ideo | relative_url }}]': '[/%20abc%20]',
        '[{{ site.data.f.spaces | relative_url }}]': '[/%20%20many%20%20%20spaces%09%09and%0A%0Alines]',
        '[{{ site.data.f.lower | uri_escape }}]': '[%C3%A9t%C3%A9%20%C3%9F%20fi%20d%C5%BE%20%C4%B1]',
        '[{{ site.data.f.nul | relative_url }}]': '[/%00x]',
        '[{{ site.data.f.arr_num | relative_url }}]': '[/%5B3,%201,%202%5D]',
        "[{{ '../../a/../b/./c/..' | relative_url }}]": '[/b/]',
        "[{{ '/a/b/..' | relative_url }}]": '[/a/]',
        "[{{ 'a?x=1+2%2B3&y=%2b;z' | relative_url }}]": '[/a?x=1+2%2B3&y=%2B%3Bz]',
        "[{{ 'a%2Fb%20c' | uri_escape }}]": '[a/b%20c]',
        "[{{ 'a%2Fb%20c%2B' | relative_url }}]": '[/a%2Fb%20c+]',
        "[{{ '/x y' | absolute_url }}]": '[/x%20y]',
    })


def test_smartify_is_kramdowns_smartypants_parser_and_sentences_interpolate_like_ruby(tmp_path: Path) -> None:
    """``smartify`` reads HTML and entities as kramdown does (``<br>`` is ``<br />``, ``'80s``
    an apostrophe, ``<<`` with a no-break space); ``array_to_sentence_string`` joins the leading
    items with ``Array#join`` (flattened) and reads a string as its characters."""
    assert_renders(tmp_path, {
        '[{{ site.data.f.html | smartify }}]': '[<a href="x">&amp; “q” &lt;</a>]',
        '[{{ site.data.f.ascii_ws | smartify }}]': '[\t\n x \n\x0c\x0b]',
        "[{{ 'x << y >> z -- a --- b...' | smartify }}]": '[x «\xa0y\xa0» z – a — b…]',
        '[{{ "rock \'n\' roll \'80s" | smartify }}]': '[rock ‘n’ roll ’80s]',
        "[{{ 'a &copy; &#169; &#xA9; &bogus; & b' | smartify }}]": '[a © © © &amp;bogus; &amp; b]',
        "[{{ 'x<br>y<br/>z' | smartify }}]": '[x<br />y<br />z]',
        '[{{ site.data.f.upper | smartify }}]': '[ÉCOLE ÀÖ ΣΑΣ]',
        '[{{ site.data.f.num_int | array_to_sentence_string }}]': '[1 and 0]',
        "[{{ site.data.f.arr_hash | compact | last | array_to_sentence_string: 'or' }}]": '[]',
        '[{{ site.data.f.arr_nested | array_to_sentence_string }}]': '[1, 2, 3, 4, x, and []]',
        "[{{ site.data.f.hash_empty | array_to_sentence_string: 'or' }}]": '[]',
        '[{{ site.data.f.arr_nil | array_to_sentence_string }}]': '[, a, , and 1]',
        '[{{ site.data.f.arr_mixed | array_to_sentence_string }}]': '[3, 10, 2.5, and x]',
    })


def test_yaml_timestamps_are_read_as_psych_reads_them(tmp_path: Path) -> None:
    """Psych makes a Time of ``2020-01-02 03:04:05 +0000`` (a zone without colon; its ``%Z`` is
    empty), a UTC Time of ``...Z`` (printed ``UTC``) and a Date of ``2020-1-2``; an impossible
    date stays text. Jekyll's date filters show a Time in the site's zone."""
    assert_renders(tmp_path, {
        "{% assign t = site.data.f.tz_z %}{{ t }}|{{ t | date: '%Z %z' }}|{{ t | date_to_xmlschema }}": (
            '2020-01-02 03:04:05 UTC|UTC +0000|2020-01-02T03:04:05+00:00'
        ),
        "{% assign t = site.data.f.tz_colon %}{{ t }}|{{ t | date: '%Z %z' }}|{{ t | date_to_xmlschema }}": (
            '2020-01-02 03:04:05 +0100| +0100|2020-01-02T02:04:05+00:00'
        ),
        "{% assign t = site.data.f.tz_plain %}{{ t }}|{{ t | date: '%Z %z' }}|{{ t | date_to_xmlschema }}": (
            '2020-01-02 03:04:05 -0500| -0500|2020-01-02T08:04:05+00:00'
        ),
        "{% assign t = site.data.f.time %}{{ t }}|{{ t | date: '%Z %z' }}|{{ t | date_to_xmlschema }}": (
            '2020-01-02 03:04:05 +0000| +0000|2020-01-02T03:04:05+00:00'
        ),
        "{% assign t = site.data.f.tz_none %}{{ t }}|{{ t | date: '%Z %z' }}|{{ t | date_to_xmlschema }}": (
            '2020-01-02 03:04:05 +0000|UTC +0000|2020-01-02T03:04:05+00:00'
        ),
        "{% assign t = site.data.f.d_short %}{{ t }}|{{ t | date: '%Z %z' }}|{{ t | date_to_xmlschema }}": (
            '2020-01-02|+00:00 +0000|2020-01-02T00:00:00+00:00'
        ),
        '{{ site.data.f.d_bad }}|{{ site.data.f.d_bad | inspect }}': '2020-02-30|&quot;2020-02-30&quot;',
        '{{ site.data.f.time | plus: 1 }}|{{ site.data.f.time | size }}|{{ site.data.f.time | inspect }}': (
            '1|0|2020-01-02 03:04:05 +0000'
        ),
        '{{ site.data.f.time | jsonify }}|{{ site.data.f.time | to_integer }}|{{ site.data.f.tz_none | to_integer }}': (
            '"2020-01-02 03:04:05 +0000"|1577934245|1577934245'
        ),
    })


def test_a_time_is_enumerable_as_time_to_a(tmp_path: Path) -> None:
    """Liquid's InputIterator turns a Time into ``Time#to_a`` for the array filters."""
    assert_renders(tmp_path, {
        '[{{ site.data.f.time | reverse }}]': '[false24202012345]',
        "[{{ site.data.f.tz_z | join: ',' }}]": '[5,4,3,2,1,2020,4,2,false,UTC]',
        "[{{ site.data.f.tz_colon | join: ',' }}]": '[5,4,3,2,1,2020,4,2,false,]',
        '[{{ site.data.f.time | concat: site.data.f.arr_num | size }}]': '[13]',
        '[{{ site.data.f.time | size }}|{{ site.data.f.time | first }}]': '[0|]',
    })


def test_compact_by_property_reads_the_property_only_when_the_first_item_has_one(tmp_path: Path) -> None:
    """Liquid 5.4's ``compact: prop`` is nil when the first item has no ``[]`` (a float, nil,
    true, a date), and fails on an Integer (whose ``[]`` takes a bit index)."""
    assert_renders(tmp_path, {
        "[{{ site.data.f.int | compact: 'v' }}]": (
            "Liquid::ArgumentError: Liquid error (line 1): cannot select the property 'v'"
        ),
        "[{{ site.data.f.float | compact: 'v' }}]": '[]',
        "[{{ site.data.f.true_v | compact: 'v' }}]": '[]',
        "[{{ site.data.f.arr_num | compact: 'v' }}]": (
            "Liquid::ArgumentError: Liquid error (line 1): cannot select the property 'v'"
        ),
        "[{{ site.data.f.arr_nil | compact: 'v' }}]": '[]',
        "[{{ site.data.f.arr_str | compact: 'v' | size }}]": '[0]',
        "[{{ site.data.f.hash | compact: 'v' | size }}]": '[0]',
        "[{{ site.data.f.arr_hash | compact: 'v' | size }}]": '[2]',
        "[{{ site.data.f.date | compact: 'v' }}]": '[]',
        "[{{ site.data.f.arr_empty | compact: 'v' | size }}]": '[0]',
    })


def test_uniq_sort_and_properties_of_odd_items_as_jekyll_reads_them(tmp_path: Path) -> None:
    """``uniq: prop`` is nil when the first item has no ``[]``; ``sort`` of a hash sorts its
    [key, value] pairs; a string's property is ``String#[]`` (the name if the text holds it);
    ``Array#join`` keeps an empty nested array's separators."""
    assert_renders(tmp_path, {
        "[{{ site.data.f.arr_nil | uniq: 'n' }}]": '[]',
        "[{{ site.data.f.arr_num | uniq: 'n' }}]": (
            "Liquid::ArgumentError: Liquid error (line 1): cannot select the property 'n'"
        ),
        "[{{ site.data.f.arr_hash | uniq: 'v' | size }}]": '[3]',
        '[{{ site.data.f.hash | sort }}]': '[a1bxc12d]',
        '[{{ site.data.f.arr_hash | first | sort }}]': '[nxtav2]',
        "[{{ site.data.f.slug | where_exp: 'i', 'i.v' | uniq: 'n' | group_by: 'n' | map: 'name' }}]": '[n]',
        "[{{ site.data.f.arr_str | where: 'a', 'a' }}]": '[a]',
        "[{{ site.data.f.arr_nested | sort | array_to_sentence_string: 'or' }}]": '[, 1, 2, or [3, [4, "x"]]]',
        "[{{ site.data.f.arr_nested | push: 'z' | array_to_sentence_string }}]": '[1, 2, 3, 4, x, , and z]',
    })


def test_uniq_and_compact_by_property_read_each_item_in_order(tmp_path: Path) -> None:
    """Liquid 5.4 reads ``item[prop]`` item by item: one without ``[]`` makes the result nil, an
    Integer fails; ``uniq`` of a single item reads nothing. A Bignum's ``size`` is its bytes."""
    assert_renders(tmp_path, {
        '[{{ site.data.f.big_float | floor | size }}]': '[9]',
        '[{{ site.data.f.int | size }}]': '[8]',
        "[{{ site.data.f.date_str | times: '2.0' | uniq: 'n' }}]": '[4040.0]',
        "[{{ site.data.f.int | uniq: 'n' | times: 3 }}]": '[0]',
        "[{{ site.data.f.arr_num | uniq: 'n' }}]": (
            "Liquid::ArgumentError: Liquid error (line 1): cannot select the property 'n'"
        ),
        "[{{ site.data.f.arr_nil | uniq: 'n' }}]": '[]',
        "[{{ site.data.f.arr_mixed | uniq: 'n' }}]": (
            "Liquid::ArgumentError: Liquid error (line 1): cannot select the property 'n'"
        ),
        "[{{ site.data.f.arr_str | uniq: 'n' | size }}]": '[1]',
        "[{{ site.data.f.tz_z | reverse | uniq: 'n' | truncatewords: 0 }}]": '[]',
        "[{{ site.data.f.arr_nil | compact: 'n' }}]": '[]',
        "[{{ site.data.f.arr_mixed | compact: 'n' }}]": (
            "Liquid::ArgumentError: Liquid error (line 1): cannot select the property 'n'"
        ),
    })


def test_numbers_in_strings_read_as_string_to_i(tmp_path: Path) -> None:
    """``to_integer`` and the math filters read a string's leading integer as ``String#to_i``
    does, underscores between digits included."""
    assert_renders(tmp_path, {
        "[{{ site.data.f.num_under | to_integer }}|{{ site.data.f.num_padded | to_integer }}]": '[1000|12]',
        "[{{ site.data.f.num_hex | to_integer }}|{{ site.data.f.num_under | plus: 1 }}]": '[0|1001]',
        "[{{ site.data.f.num_grouped | plus: 1 }}|{{ site.data.f.num_whole | plus: 1 }}]": '[2|4.0]',
    })


def test_url_hosts_nil_uri_escape_and_zero_remainders_as_ruby(tmp_path: Path) -> None:
    """Addressable lower-cases a host; ``uri_escape`` of nil is nil; a zero remainder of
    ``modulo`` prints ``0.0``, never ``-0.0``."""
    assert_renders(tmp_path, {
        "[{{ site.data.f.url_host | upcase | absolute_url }}]": '[//host/P%20Q]',
        "[{{ '//User@EXAMPLE.com/A B' | relative_url }}]": '[//User@example.com/A%20B]',
        "[{{ site.data.f.null_v | uri_escape | reverse | size }}]": '[0]',
        "[{{ site.data.f.neg | times: 3 | plus: '1.5' | modulo: 2.5 }}]": '[0.0]',
        "[{{ -7.5 | modulo: 2.5 }}|{{ 7.5 | modulo: -2.5 }}]": '[0.0|0.0]',
        "[{{ -7 | modulo: 2 }}|{{ -7.5 | modulo: 2 }}]": '[1|0.5]',
    })


def test_sort_natural_folds_only_ascii_letters(tmp_path: Path) -> None:
    """``sort_natural`` compares with ``String#casecmp``: bytes, only A-Z folded."""
    assert_renders(tmp_path, {
        "[{{ site.data.f.title | split: '' | sort_natural }}]": '[ abelmnostuİǅ]',
        "[{{ site.data.f.upper | split: '' | sort_natural | join: '' }}]": '[  CELOÀÉÖΑΣΣ]',
        "[{{ site.data.f.arr_str | sort_natural | join: ',' }}]": '[a,b,C,ä]',
        "[{{ site.data.f.arr_hash | sort_natural: 'n' | map: 'n' | join: ',' }}]": '[x,y,Z,]',
    })


def test_uniq_and_sort_by_key_keep_rubys_eql_and_order(tmp_path: Path) -> None:
    """``uniq`` keeps a set of the keys that hash and ``sort`` sorts strings or numbers alone by a
    key (an eighth of the render time of Chirpy's 1,600 pages was spent in both): Ruby's ``eql?``
    (1 and 1.0 are two values, nil and a missing property one, arrays flattened first) and ``<=>``
    (strings by bytes, 1 before 1.0 as given) as observed from Jekyll 4.3.1."""
    data = "site.data.f."
    assert_renders(tmp_path, {
        f"{{{{ {data}arr_hash | map: 'v' | uniq | jsonify }}}}": '[2,null,"1"]',
        f"{{{{ {data}arr_hash | uniq: 'v' | jsonify }}}}": '[{"n":"x","v":2,"t":["a"]},{"n":"y","v":null},{"v":"1"}]',
        f"{{% assign a = {data}arr_nil | concat: {data}arr_nil | concat: {data}arr_num %}}{{{{ a | uniq | jsonify }}}}":
            '[null,"a",1,3,2]',
        f"{{% assign a = {data}arr_hash | concat: {data}arr_hash %}}{{{{ a | uniq | size }}}}": "4",
        f"{{% assign a = {data}arr_mixed | concat: {data}arr_num %}}{{{{ a | push: {data}whole_float | push: "
        f"{data}zero | push: {data}true_v | push: {data}int | uniq | jsonify }}}}": '[3,"10",2.5,"x",1,2,1.0,0,true,7]',
        f"{{% assign a = {data}arr_nested | concat: {data}arr_nested %}}{{{{ a | uniq | jsonify }}}}": '[1,2,3,4,"x"]',
        f"{{{{ {data}arr_str | concat: {data}arr_dup | sort | join: ',' }}}}": "A,C,a,a,a,b,b,ä",
        f"{{{{ {data}arr_num | push: {data}float | push: {data}whole_float | push: {data}neg | sort | join: ',' }}}}":
            "-3,1,1.0,2,2.5,3",
        f"{{{{ {data}arr_num | push: {data}tenth | push: {data}big_float | sort | jsonify }}}}": "[0.1,1,2,3,1.0e+20]",
        f"{{{{ {data}hash | sort | jsonify }}}}": '[["a",1],["b","x"],["c",[1,2]],["d",null]]',
        f"{{{{ {data}upper | split: '' | sort | join }}}}": "    C E L O À É Ö Α Σ Σ",
        f"{{{{ {data}emoji | split: '' | sort | uniq | join }}}}": "  e i j m o t x 🏽 👍 😀",
    })


def test_for_limit_and_offset_slice_as_ruby(tmp_path: Path) -> None:
    """``limit: 0`` takes nothing (python-liquid took everything), a negative limit nothing, a
    string is one item whatever the two say, ``reversed`` after an attribute is dropped by the lax
    parser, a float limit is Ruby's ``invalid integer``."""
    assert_renders(tmp_path, {
        "{% for item in site.data.f.arr_num limit:0 %}x{% else %}E{% endfor %}": "E",
        "{% for item in site.data.f.arr_num limit: -1 %}x{% else %}E{% endfor %}": "E",
        "{% for item in site.data.f.arr_num offset: -1 limit: 2 %}{{item}}{% endfor %}": "3",
        "{% for item in 'abc' offset:1 limit: 0 %}{{ item }}{% endfor %}": "abc",
        "{% for item in site.data.f.arr_num offset: 7 %}{{item}}{% endfor %}|"
        "{% for item in site.data.f.arr_num offset: continue %}{{item}}{% else %}E{% endfor %}": "|E",
        "{% for item in site.data.f.arr_num limit: 2 reversed %}{{item}}{% endfor %}|"
        "{% for item in site.data.f.arr_num reversed limit: 2 %}{{item}}{% endfor %}": "31|13",
        "{% for item in site.data.f.arr_num limit: 1.5 %}{{item}}{% endfor %}":
            "Liquid::ArgumentError: Liquid error (line 1): invalid integer",
    })


def test_tablerow_writes_an_empty_row_for_any_collection_but_nil(tmp_path: Path) -> None:
    """Ruby writes the empty row for any collection but nil and false, and the cells keep whitespace-only
    text (Liquid strips blank strings from ``if``/``unless``/``case``/``for`` only)."""
    assert_renders(tmp_path, {
        "{% tablerow item in site.data.f.arr_empty %}x{% endtablerow %}|{% tablerow item in 0 %}x{% endtablerow %}|"
        "{% tablerow item in nil %}x{% endtablerow %}|{% tablerow item in false %}x{% endtablerow %}":
            '<tr class="row1">\n</tr>\n|<tr class="row1">\n</tr>\n||',
        "{% tablerow item in site.data.f.arr_num cols: 2 limit: 0 %}x{% endtablerow %}": '<tr class="row1">\n</tr>\n',
        "{% tablerow item in site.data.f.arr_num offset: 1 limit: 1 %}{{ item }}{% endtablerow %}":
            '<tr class="row1">\n<td class="col1">1</td></tr>\n',
        "{% tablerow item in site.data.f.url_colon cols:1 offset:1 %}\t{% endtablerow %}":
            '<tr class="row1">\n<td class="col1">\t</td></tr>\n',
    })


def test_ordering_comparisons_as_ruby(tmp_path: Path) -> None:
    """Times and dates compare among themselves, a date with a number as its Julian day (a number
    with a date fails); a side without ``<`` (array, hash, range, drop, boolean, ``blank``/``empty``)
    makes the condition false rather than an error."""
    assert_renders(tmp_path, {
        "{% if site.data.f.date < site.data.f.date %}y{% else %}n{% endif %}": "n",
        "{% if site.time > site.data.f.time %}y{% else %}n{% endif %}": "y",
        "{% if site.data.f.tz_z >= site.data.f.tz_colon %}y{% else %}n{% endif %}": "y",
        "{% if true > 0 %}y{% else %}n{% endif %}": "n",
        "{% if site > 1 %}y{% else %}n{% endif %}": "n",
        "{% if page.path > blank or site.data.f.date < empty %}y{% else %}n{% endif %}": "n",
        "{% if site.data.f.arr_nil > 'a' or site.data.f.hash < 1 or (1..2) <= 1 %}y{% else %}n{% endif %}": "n",
        "{% if site.data.f.date < 2458851 %}y{% else %}n{% endif %}|{% if site.data.f.date <= 2458850.5 %}y{% endif %}"
        "|{% if site.data.f.date > site.data.f.float %}y{% else %}n{% endif %}": "y|y|y",
        "{% if 1 <= site.data.f.date %}y{% endif %}":
            "Liquid::ArgumentError: Liquid error (line 1): comparison of Integer with Date failed",
    })


def test_blank_blocks_as_ruby(tmp_path: Path) -> None:
    """Only ASCII whitespace makes a block blank (Ruby's ``\\s``), and ``for`` drops its blank
    strings only when the whole tag, ``else`` included, is blank."""
    assert_renders(tmp_path, {
        "{% for item in 'a' %}\u3000{% endfor %}|{% if true %}\u00a0{% endif %}|{% if true %} \t\n{% endif %}"
        "|{% if true %}\u0085{% endif %}": "\u3000|\u00a0||\u0085",
        "{% for item in 0 %}{% break %}{% else %}\n{% endfor %}|{% for item in 0 %} {% else %}\n{% endfor %}"
        "|{% for item in 'a' %} {% else %}\n{% endfor %}": "\n||",
    })


def test_parentheses_in_conditions_are_read_by_the_lax_parser(tmp_path: Path) -> None:
    """Ruby Liquid has no grouping: a ``(`` opening no range fails its strict parser, and the lax one
    reads ``(true)`` and ``true)`` as variables named ``true`` (nil)."""
    assert_renders(tmp_path, {
        "{% unless (c != true) %}y{% endunless %}|{% if (true) %}y{% endif %}|{% if (false) or true %}y{% endif %}":
            "y||y",
        "{% if true and (false or true) %}y{% endif %}|{% if (1 == 1) %}y{% endif %}|"
        "{% if page.path == '(fuzz.html)' %}y{% endif %}": "|y|",
    })


def test_where_on_an_undefined_value_is_nil_and_raw_text_is_blank_only_when_empty(tmp_path: Path) -> None:
    """``where``/``where_exp``/``find`` give an undefined input back (nil, falsy), not ``[]`` (truthy);
    a ``raw`` block of whitespace is no blank string (``Raw#blank?`` asks for an empty body)."""
    assert_renders(tmp_path, {
        "{{ site.data.f.zwsp[1] | where: 'v', nil | inspect }}|{{ undefined_q | where_exp: 'i', 'i' | inspect }}"
        "|{{ undefined_q | find: 'a', 1 | inspect }}": "nil|nil|nil",
        "{% assign v = site.data.f.missing | where: 'n', 'x' %}{% if v %}y{% else %}n{% endif %}": "n",
        "{% unless nil %}{% raw %}\n{% endraw %}{% endunless %}"
        "|{% for item in (1..3) %}{% raw %} {% endraw %}{% endfor %}|{% if true %}{% raw %}{% endraw %} {% endif %}":
            "\n|   |",
    })


def test_a_hash_contains_no_array_or_hash(tmp_path: Path) -> None:
    """``Hash#include?`` of an array or a hash is false (python-liquid raised a Python ``TypeError``)."""
    assert_renders(tmp_path, {
        "{% if site.data.f.hash contains site.data.f.arr_num %}y{% else %}n{% endif %}"
        "|{% if site.data.f.hash contains site.data.f.hash %}y{% else %}n{% endif %}"
        "|{% if site.data.f.hash contains 'a' %}y{% else %}n{% endif %}": "n|n|y",
    })
