"""Every own lexer against Rouge 3.30 on Rouge's own demo snippet and visual spec sample.

tests/golden/rouge_samples/TAG-demo.html and TAG-sample.html hold Rouge's markup of
lib/rouge/demos/TAG and spec/visual/samples/TAG, recorded by tools/record_rouge_samples.rb
(which needs Ruby; the tests never run it). The code is recovered from the markup: Rouge's
formatter only wraps tokens in spans and escapes ``&``, ``<`` and ``>``.
"""

from __future__ import annotations

import re

import pytest

from conftest import GOLDEN
from liquidsite.highlight import rouge_html

SAMPLES = GOLDEN / "rouge_samples"
_SPAN = re.compile(r'<span class="[^"]*">|</span>')


def code_of(markup: str) -> str:
    """The code Rouge highlighted into *markup*."""
    return _SPAN.sub("", markup).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def recorded() -> list:
    return [pytest.param(path.stem, id=path.stem) for path in sorted(SAMPLES.glob("*.html"))]


@pytest.mark.slow
@pytest.mark.parametrize("case", recorded())
def test_matches_rouge_on_its_samples(case: str) -> None:
    expected = (SAMPLES / f"{case}.html").read_bytes().decode("utf-8")  # keeping \r
    tag = case.rsplit("-", 1)[0]
    assert rouge_html(code_of(expected), tag) == expected
