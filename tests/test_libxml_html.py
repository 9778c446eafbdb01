"""Nokogiri's HTML fragment round trip, ``HTML::DocumentFragment.parse(html).inner_html``.

``golden/nokogiri_fragments.json`` holds pairs (fragment, what Nokogiri 1.13.10 on Debian 12's
libxml2 2.9.14 wrote back): hand-written edge cases (``<p>`` closed by a block, HTML 5 elements
unknown, server-side includes in attributes, ``<x/>``, a fragment starting with ``<body>``,
character references libxml2 reads otherwise than HTML 5, a tag or comment the input ends in,
end tags that are not quite one, processing instructions, ``<!`` as text) and random nestings of
tags, attributes, entities, comments and raw text; ``golden/nokogiri_documents.json`` holds
whole documents and what ``Nokogiri::HTML(html).to_s`` wrote.
"""

from __future__ import annotations

import json
from pathlib import Path

from liquidsite.plugins.libxml_html import Serializer, parse_document, parse_fragment, serialize_document

GOLDEN = Path(__file__).parent / "golden"
PAIRS = json.loads((GOLDEN / "nokogiri_fragments.json").read_text(encoding="utf-8"))
DOCUMENTS = json.loads((GOLDEN / "nokogiri_documents.json").read_text(encoding="utf-8"))


def inner_html(source: str) -> str:
    serializer = Serializer()
    serializer.children(parse_fragment(source), False)
    return "".join(serializer.out)


def test_fragments_are_written_back_as_nokogiri_writes_them() -> None:
    wrong = [(source, expected, inner_html(source)) for source, expected in PAIRS if inner_html(source) != expected]
    assert not wrong, f"{len(wrong)} of {len(PAIRS)} differ; first: {wrong[0]!r}"


def test_documents_are_written_back_as_nokogiri_writes_them() -> None:
    """``Nokogiri::HTML(html).to_s``: a few whole documents, then random markup read as one."""
    wrong = [(source, expected) for source, expected in DOCUMENTS
             if serialize_document(parse_document(source)) != expected]
    assert not wrong, f"{len(wrong)} of {len(DOCUMENTS)} differ; first: {wrong[0]!r}"


def test_known_cases() -> None:
    assert inner_html("<p>a<div>b</div>") == "<p>a</p><div>b</div>"
    assert inner_html("<p>a<section>b</section>") == "<p>a<section>b</section></p>"
    assert inner_html('<img alt="a<!-- b -->&{c}<d>">') == '<img alt="a<!-- b -->&{c}&lt;d&gt;">'
    assert inner_html("<ul><li></li></ul>") == "<ul><li></ul>"
    assert inner_html("<li></li>") == "<li>"


def test_a_line_starting_with_body_is_found_as_rubys_multiline_caret_finds_it() -> None:
    """Ruby's ``/^\\s*?<body/i``: blanks before ``<body`` reaching the start or holding a line break
    (found in linear time: Python's ``re`` with that pattern took minutes on pages of blank lines)."""
    from liquidsite.plugins.libxml_html import _line_starts_with_body

    assert _line_starts_with_body(" \t<BODY>")
    assert _line_starts_with_body("<p>x</p>\n  \f<body class=a>")
    assert _line_starts_with_body("x \n\n \v<Body")
    assert not _line_starts_with_body("x <body>")
    assert not _line_starts_with_body("x\n y<body>")
    assert not _line_starts_with_body("<bod y>\n")
    assert not _line_starts_with_body("x\n" + " \n" * 50_000 + "x<body>")
