"""NEEDS RUBY and the rouge 3.30.0 gem: differential fuzzing of the own lexers against Rouge.

Generates cases with ``tests/rouge_fuzz_cases.py`` (random pieces of Rouge's demo and visual sample
files, ROUGE_DEMOS and ROUGE_SAMPLES as the tests read them, half of them with characters put in
where Ruby's and Python's character classes disagree), marks them up with Rouge (one Ruby process
for all) and with liquidsite, and prints per lexer how many disagree; the first disagreements are
minimised and all go to a JSON file, to turn into regression cases (``tests/golden/rouge_unicode.json``).
Pieces on which Rouge raises are counted apart. The slow test ``tests/test_rouge_fuzz.py`` runs the
same comparison on a fixed seed.

    python3 tools/fuzz_rouge_lexers.py [--cases N] [--seed S] [--out FILE] [TAG ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from liquidsite.highlight import _OWN_LEXERS  # noqa: E402
from rouge_fuzz_cases import cases, disagreements, rouge_oracle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tags", nargs="*", help="Rouge lexer tags (default: every own lexer with samples)")
    parser.add_argument("--cases", type=int, default=40, help="cases per lexer")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rouge_fuzz_disagreements.json")
    args = parser.parse_args()
    tags = args.tags or sorted(_OWN_LEXERS)
    generated = list(cases(tags, args.cases, args.seed))
    with rouge_oracle() as oracle:
        found, raised = disagreements(generated, oracle)
    for tag in dict.fromkeys(tag for tag, _ in generated):
        print(f"{tag}: {sum(1 for item in found if item.tag == tag)} of {args.cases} differ")
    print(f"{len(generated)} cases, {len(found)} differ, Rouge raised on {raised}")
    for item in found[:20]:
        print(item)
    if found:
        args.out.write_text(json.dumps([item._asdict() for item in found], indent=1, ensure_ascii=False),
                            encoding="utf-8")
        print(f"disagreements written to {args.out}")


if __name__ == "__main__":
    main()
