"""Differential fuzzing of the own lexers against Rouge 3.30 (slow tier; Ruby and the rouge gem are the
oracle only, the test is skipped without them).

``rouge_fuzz_cases`` cuts pieces of Rouge's own demo and visual sample for every own lexer, half of
them with characters put in where Ruby's and Python's character classes disagree (``²``, ``½``,
combining marks, the Kelvin sign, Unicode spaces). Each disagreement found so far is a fast case in
``golden/rouge_unicode.json`` (``test_rouge_unicode.py``) holding Rouge's markup.
"""

from __future__ import annotations

import time

import pytest

from fuzz_seed import fuzz_scale, fuzz_seed
from liquidsite.highlight import _OWN_LEXERS
from rouge_fuzz_cases import cases, disagreements, oracle_available, rouge_oracle, sample_codes

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not oracle_available(), reason="needs ruby and rouge 3.30")]

#: Cases per lexer and their seed: about 3 s for the 98 lexers on one core (``fuzz_seed`` reads overrides).
PER_LEXER = 40 * fuzz_scale()
SEED = fuzz_seed(13)


def test_generated_code_is_marked_up_as_rouge_does() -> None:
    tags = sorted(tag for tag in _OWN_LEXERS if sample_codes(tag))
    if not tags:
        pytest.skip("no Rouge demo or sample is installed here (ROUGE_DEMOS, ROUGE_SAMPLES)")
    generated = list(cases(tags, PER_LEXER, SEED))
    started = time.monotonic()
    with rouge_oracle() as oracle:
        found, raised = disagreements(generated, oracle)
    elapsed = time.monotonic() - started
    print(f"{len(generated)} cases of {len(tags)} lexers in {elapsed:.1f} s: {len(found)} differ, "
          f"Rouge raised on {raised}")
    assert not found, "\n".join(map(str, found[:20]))
