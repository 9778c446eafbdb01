"""NEEDS RUBY and Jekyll 4.3.1: differential fuzzing of the Markdown converter against kramdown.

Generates documents with ``tests/markdown_fuzz_cases.py`` (any seed and count, any ``kramdown:``
settings), converts them with Jekyll's converter in one Ruby process and with liquidsite, and
prints each disagreement minimised, with both outputs, to turn into a regression test in
``tests/test_markdown_fuzz_regressions.py``. Documents on which kramdown raises are counted apart.
The slow test ``tests/test_markdown_fuzz.py`` runs the same comparison on fixed seeds.

    python3 tools/fuzz_markdown.py [--count N] [--seed S] [--config JSON] [--show K]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from markdown_fuzz_cases import documents  # noqa: E402
from markdown_oracle import KramdownOracle, liquidsite_convert, minimise  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000, help="documents to generate (default 3000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--config", default="{}", help="the site's kramdown: settings as JSON")
    parser.add_argument("--show", type=int, default=10, help="disagreements to minimise and print")
    args = parser.parse_args()
    config = json.loads(args.config)
    cases = documents(args.count, args.seed)
    started = time.monotonic()
    with KramdownOracle(config) as oracle:
        theirs = oracle.convert_all(cases)
        kramdown_failed = sum(1 for expected in theirs if expected.err is not None)
        differing = [document for document, expected in zip(cases, theirs, strict=True)
                     if expected.err is None and liquidsite_convert(document, config) != expected]

        def differs(text: str) -> bool:
            expected = oracle.convert(text)
            return expected.err is None and expected != liquidsite_convert(text, config)

        print(f"{len(cases)} documents in {time.monotonic() - started:.0f} s: {len(differing)} differ, "
              f"{kramdown_failed} where kramdown raises")
        shown: set[str] = set()
        for document in differing:
            if len(shown) >= args.show:
                break
            small = minimise(document, differs)
            if small in shown:
                continue
            shown.add(small)
            print(f"\n{small!r}\n  kramdown:   {oracle.convert(small).out!r}"
                  f"\n  liquidsite: {liquidsite_convert(small, config)}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
