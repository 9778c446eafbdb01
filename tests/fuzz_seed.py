"""The seed and size of a differential fuzzer's run: fixed by default, so the slow tier is deterministic.

``LIQUIDSITE_FUZZ_SEED=S`` replaces each fuzzer's committed seed (the site-settings runs of the Markdown
fuzzer add their offset to it as they do to the default), ``LIQUIDSITE_FUZZ_SCALE=K`` multiplies its case
counts and its time limits by K, for a longer search by hand:
``LIQUIDSITE_FUZZ_SEED=7 LIQUIDSITE_FUZZ_SCALE=4 python3 -m pytest -m slow -s tests/test_liquid_fuzz.py``.
"""

from __future__ import annotations

import os


def fuzz_seed(committed: int) -> int:
    """The seed to run: the committed one unless ``LIQUIDSITE_FUZZ_SEED`` names another."""
    return int(os.environ.get("LIQUIDSITE_FUZZ_SEED") or committed)


def fuzz_scale() -> int:
    """How many times the committed counts (and time limits) to run: ``LIQUIDSITE_FUZZ_SCALE``, default 1."""
    return max(1, int(os.environ.get("LIQUIDSITE_FUZZ_SCALE") or 1))
