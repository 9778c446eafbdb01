"""Bad input files: invalid UTF-8, byte-order marks, CRLF, YAML errors, wrong types.

Each expected message beside Jekyll 4.3.1's (observed with ``jekyll build``) is
listed in ``docs/errors.md``. Builds run in-process through the CLI entry point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pytest

from liquidsite import yamlio
from liquidsite.cli import main

LAYOUT = {"_config.yml": "title: t\n", "_layouts/default.html": "<html>{{ content }}</html>\n"}


def build(tmp_path: Path, files: Mapping[str, bytes | str], capsys, *args: str) -> tuple[int, str, Path]:
    source = tmp_path / "src"
    for name, content in {**LAYOUT, **files}.items():
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    dest = tmp_path / "out"
    code = main(["build", "-s", str(source), "-d", str(dest), *args])
    captured = capsys.readouterr()
    log = captured.out + captured.err
    assert "Traceback" not in log
    return code, log, dest


# Jekyll: "Error: could not read file PATH: invalid byte sequence in UTF-8", post left out, exit 0.
def test_latin1_post_is_left_out_with_jekylls_message(tmp_path, capsys):
    code, log, dest = build(tmp_path, {
        "_posts/2020-01-01-a.md": b"---\ntitle: Caf\xe9\n---\nMontr\xe9al\n",
        "index.md": "---\n---\nhome\n",
    }, capsys)
    assert code == 0
    assert "could not read file " in log
    assert "2020-01-01-a.md: invalid byte sequence in UTF-8 at line 2 column 11" in log
    assert sorted(p.name for p in dest.rglob("*.html")) == ["index.html"]


# Jekyll crashes in kramdown ("The source text contains invalid characters"), exit 1.
def test_latin1_page_fails_the_build_naming_file_and_line(tmp_path, capsys):
    code, log, _ = build(tmp_path, {"p.md": b"---\n---\n\nMontr\xe9al\n"}, capsys)
    assert code == 1
    assert "invalid byte sequence in UTF-8 at line 4 column 6 in " in log and "p.md" in log


# Jekyll: "Liquid Exception: invalid byte sequence in UTF-8 in p.md", exit 1.
def test_cp1252_include_fails_naming_include_and_page(tmp_path, capsys):
    code, log, _ = build(tmp_path, {
        "_includes/x.html": b"Montr\xe9al \x93quoted\x94\n", "p.md": "---\n---\n{% include x.html %}\n",
    }, capsys)
    assert code == 1
    assert "Liquid Exception: invalid byte sequence in UTF-8 at line 1 column 6 in " in log
    assert "_includes/x.html" in log and log.rstrip().count("p.md") >= 1


# Jekyll: "Liquid Exception: invalid byte sequence in UTF-8 in /src/_layouts/default.html", exit 1.
def test_latin1_layout_fails_naming_it(tmp_path, capsys):
    code, log, _ = build(tmp_path, {
        "_layouts/default.html": b"<html>Caf\xe9 {{ content }}</html>\n", "p.md": "---\nlayout: default\n---\nx\n",
    }, capsys)
    assert code == 1
    assert "invalid byte sequence in UTF-8 at line 1 column 10 in " in log and "_layouts/default.html" in log


# Jekyll (Psych): "(<unknown>): incomplete UTF-8 octet sequence at line 1 column 1", exit 1.
@pytest.mark.parametrize("name", ["_data/x.yml", "_data/x.json", "_data/x.csv", "_config.yml"])
def test_latin1_data_and_config_fail_naming_the_file(tmp_path, capsys, name):
    code, log, _ = build(tmp_path, {name: b"name,x\nCaf\xe9,1\n", "p.md": "---\n---\nx\n"}, capsys)
    assert code == 1
    assert f"invalid byte sequence in UTF-8 at line 2 column 4 in {tmp_path / 'src' / name}" in log
    assert "UnicodeDecodeError" not in log


# Jekyll: a post with a BOM renders; a page with a BOM is not recognised as a page (copied as
# it is); a CSV's BOM ends up in its first header.
def test_byte_order_mark_as_jekyll_reads_it(tmp_path, capsys):
    bom = b"\xef\xbb\xbf"
    code, log, dest = build(tmp_path, {
        "_posts/2020-01-01-b.md": bom + b"---\ntitle: BomPost\n---\n# {{ page.title }}\n",
        "p.md": bom + b"---\ntitle: Bom\n---\n# {{ page.title }}\n",
        "_data/c.csv": bom + b"a,b\n1,2\n",
        "q.md": "---\n---\n{{ site.data.c | jsonify }}\n",
    }, capsys)
    assert code == 0
    assert (dest / "2020/01/01/b.html").read_text() == '<h1 id="bompost">BomPost</h1>\n'
    assert (dest / "p.md").read_bytes().startswith(bom + b"---\n")
    assert "Byte-order mark: " in log and "p.md starts with a UTF-8 byte-order mark" in log
    assert (dest / "q.html").read_text() == "<p>[{\u201c\ufeffa\u201d:\u201d1\u201d,\u201db\u201d:\u201d2\u201d}]</p>\n"


# Jekyll: CRLF front matter is read, the body keeps its line ends through kramdown.
def test_crlf_front_matter_and_body(tmp_path, capsys):
    code, _, dest = build(tmp_path, {
        "p.md": "---\r\ntitle: Crlf\r\nlayout: default\r\n---\r\n# {{ page.title }}\r\n\r\npara\r\n",
    }, capsys)
    assert code == 0
    assert (dest / "p.html").read_bytes() == b'<html><h1 id="crlf">Crlf</h1>\n\n<p>para</p>\n</html>\n'


# Messages observed from Psych 4 (Ruby 3.1, the YAML library Jekyll 4.3.1 uses).
PSYCH = [
    ("a: b\nc: [1, 2\nd: e\n",
     "did not find expected ',' or ']' while parsing a flow sequence at line 2 column 4"),
    ("title: a\nfoo: bar\n  baz: 1\nx: y\n", "mapping values are not allowed in this context at line 3 column 6"),
    ("a:\n  - b\n c: d\n", "did not find expected key while parsing a block mapping at line 1 column 1"),
    ('a: "unterminated\nb: c\n', "found unexpected end of stream while scanning a quoted scalar at line 1 column 4"),
    ("- a\nb: c\n", "did not find expected '-' indicator while parsing a block collection at line 1 column 1"),
    ("a: b\n\tc: d\n",
     "found a tab character that violates indentation while scanning a plain scalar at line 1 column 4"),
    ("key: value: other\n", "mapping values are not allowed in this context at line 1 column 11"),
    ("a: {b: c\n", "did not find expected ',' or '}' while parsing a flow mapping at line 1 column 4"),
    ("a: @foo\n", "found character that cannot start any token while scanning for the next token at line 1 column 4"),
    ("a: b\nb\n", "could not find expected ':' while scanning a simple key at line 2 column 1"),
    ("title: [\n", "did not find expected node content while parsing a flow node at line 2 column 1"),
]


@pytest.mark.parametrize(("text", "message"), PSYCH)
def test_yaml_errors_are_worded_and_placed_as_psych_does(text, message):
    with pytest.raises(yamlio.YAMLSyntaxError) as caught:
        yamlio.load(text, "f.yml")
    assert str(caught.value) == f"(f.yml): {message}"


def test_yaml_reads_only_the_first_document_as_psych():
    assert yamlio.load("a: b\n...\nc: d\n") == {"a": "b"}
    assert yamlio.load("a: b\n--- x\n c: d\n") == {"a": "b"}


def test_yaml_unknown_alias_and_bad_tagged_value():
    with pytest.raises(yamlio.YAMLSyntaxError, match=r"^\(f\.yml\): Unknown alias: nope$"):
        yamlio.load("a: *nope\n", "f.yml")
    with pytest.raises(yamlio.YAMLSyntaxError, match=r"^\(f\.yml\): "):
        yamlio.load("a: !!int x\n", "f.yml")


# Jekyll: warns "YAML Exception reading PATH: (<unknown>): ... at line 4 column 6" and renders the body.
def test_page_with_broken_front_matter_renders_its_body(tmp_path, capsys):
    code, log, dest = build(tmp_path, {"p.md": "---\ntitle: a\nfoo: bar\n  baz: 1\nx: y\n---\nbody\n"}, capsys)
    assert code == 0
    assert "YAML Exception reading " in log
    assert "p.md: (<unknown>): mapping values are not allowed in this context at line 4 column 6" in log
    assert (dest / "p.html").read_text() == "<p>body</p>\n"


def test_data_yaml_error_names_the_file(tmp_path, capsys):
    code, log, _ = build(tmp_path, {"_data/x.yml": "a: b\nc: [1, 2\nd: e\n"}, capsys)
    assert code == 1
    assert "_data/x.yml): did not find expected ',' or ']' while parsing a flow sequence at line 2 column 4" in log


# Jekyll: NoMethodError `end_with?' for ["a"]:Array (a crash), exit 1.
def test_permalink_that_is_not_a_string_is_refused(tmp_path, capsys):
    code, log, _ = build(tmp_path, {"p.md": "---\npermalink: [a]\n---\nbody\n"}, capsys)
    assert code == 1
    assert "Invalid permalink in " in log and "p.md: expected a string, found Array ['a']" in log


# Jekyll: "Error: could not read file PATH: no implicit conversion of Integer into Array".
def test_categories_of_the_wrong_type(tmp_path, capsys):
    code, log, _ = build(tmp_path, {"_posts/2020-01-01-x.md": "---\ncategories: 3\n---\nbody\n"}, capsys)
    assert code == 0
    assert "2020-01-01-x.md: no implicit conversion of Integer into Array" in log


# Jekyll: "Invalid date 'notadate': Document '_posts/2020-01-01-x.md' does not have a valid date
# in the YAML front matter.", exit 1.
def test_invalid_date(tmp_path, capsys):
    code, log, _ = build(tmp_path, {"_posts/2020-01-01-x.md": "---\ndate: notadate\n---\nbody\n"}, capsys)
    assert code == 1
    assert ("Invalid date 'notadate': Document '_posts/2020-01-01-x.md' does not have a valid date"
            " in the YAML front matter.") in log


# Jekyll: "stack level too deep (SystemStackError)" with a Ruby backtrace; PyYAML's C composer would
# crash the process with a segmentation fault. PyYAML 6.0.4 stops at a depth of its own first.
@pytest.mark.parametrize("text", ["a: " + "[" * 30000 + "]" * 30000, "- " * 30000 + "x"])
def test_yaml_nested_too_deep_is_an_error_not_a_crash(text):
    deep = r"^\(f\.yml\): (nesting deeper than 10000 levels|exceeded maximum nesting depth .*) at line 1 "
    with pytest.raises(yamlio.YAMLSyntaxError, match=deep):
        yamlio.load(text, "f.yml")


# Jekyll: "Liquid Exception: Invalid Date: '"x"' is not a valid datetime. in sitemap.xml", exit 1.
def test_invalid_last_modified_at_names_the_sitemap(tmp_path, capsys):
    code, log, _ = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-sitemap]\n", "p.md": "---\nlast_modified_at: x\n---\nbody\n",
    }, capsys)
    assert code == 1
    assert "Invalid Date: '\"x\"' is not a valid datetime. in sitemap.xml" in log


# Jekyll: "Conversion error: Jekyll::Converters::Markdown encountered an error while converting
# 'index.md':" then "undefined method `value' for nil:NilClass" (kramdown-parser-gfm 1.1.0 reads the
# text of a list item's empty paragraph), exit 1.
def test_a_markdown_input_the_gfm_gem_fails_on(tmp_path, capsys):
    code, log, _ = build(tmp_path, {"index.md": "---\n---\n* \0\n"}, capsys)
    assert code == 1
    assert "Conversion error: Jekyll::Converters::Markdown encountered an error while converting 'index.md':" in log
    assert "undefined method `value' for nil:NilClass" in log
