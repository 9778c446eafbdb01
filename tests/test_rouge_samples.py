"""Every own lexer against Rouge 3.30 on Rouge's own demo snippets and visual spec samples.

Rouge's files are not copied into the project: ``tests/golden/rouge_samples.json`` holds the
SHA-256 of the markup Rouge 3.30 gives each of them (recorded by
``tools/record_rouge_samples.rb``, which needs Ruby), and these tests read the inputs from a
Rouge installation where there is one: ``ROUGE_DEMOS`` (default Debian's
``/usr/share/ruby-rouge/demos``) and ``ROUGE_SAMPLES`` (a checkout of rouge v3.30.0's
``spec/visual/samples``). A case whose input is absent is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from conftest import GOLDEN
from liquidsite.highlight import rouge_html

RECORDED: dict[str, str] = json.loads((GOLDEN / "rouge_samples.json").read_text())
INPUTS = {
    "demo": os.environ.get("ROUGE_DEMOS", "/usr/share/ruby-rouge/demos"),
    "sample": os.environ.get("ROUGE_SAMPLES", ""),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(RECORDED))
def test_matches_rouge_on_its_samples(case: str) -> None:
    tag, kind = case.rsplit("-", 1)
    path = Path(INPUTS[kind], tag) if INPUTS[kind] else None
    if path is None or not path.is_file():
        pytest.skip(f"Rouge's {kind} file for {tag} is not installed here")
    code = path.read_bytes().decode("utf-8")  # keeping \r
    ours = rouge_html(code, tag)
    assert hashlib.sha256(ours.encode("utf-8")).hexdigest() == RECORDED[case], ours[:2000]
