"""Ruby Liquid drops a block tag's output only when the whole tag is blank: an ``elsif``
branch of whitespace prints it when another branch prints text. Expected output observed
from Jekyll 4.3.1 (Liquid 5.4)."""

from __future__ import annotations

from pathlib import Path

from liquidsite.config import load_config
from liquidsite.site import Site

PAGE = """---
---
1[{% if false %}, {% elsif true %}  {% endif %}]
2[{% if false %}  {% elsif true %}  {% endif %}]
3[{% unless true %}x{% elsif true %}   {% endunless %}]
4[{% for a in (1..3) %}{% if forloop.last %}.{% elsif forloop.first %} {% else %}  {% endif %}{% endfor %}]
5[{% if false %}{% assign z = 1 %}{% elsif true %} {% assign y = 2 %} {% endif %}]
6[{% case 2 %}{% when 1 %}x{% when 2 %}  {% endcase %}]
"""

EXPECTED = "1[  ]\n2[]\n3[   ]\n4[   .]\n5[]\n6[  ]\n"


def test_elsif_whitespace_prints_unless_the_whole_tag_is_blank(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(PAGE)
    Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True})).process()
    assert (tmp_path / "_site/index.html").read_text() == EXPECTED
