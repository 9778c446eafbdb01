"""NEEDS RUBY and the rouge 3.30.0 gem: differential fuzzing of the own lexers against Rouge.

Cuts random pieces (up to 400 characters, starting anywhere, so mid-string and mid-comment)
out of Rouge's demo and visual sample files (ROUGE_DEMOS, ROUGE_SAMPLES as the tests read
them), lexes each with Rouge (one Ruby process for
all) and with liquidsite, and prints per lexer how many disagree; the disagreeing cases go to
a JSON file to turn into regression tests. Pieces on which Rouge raises are counted apart.
Not run by the tests.

    python3 tools/fuzz_rouge_lexers.py [--cases N] [--seed S] [--out FILE] [TAG ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liquidsite.highlight import _OWN_LEXERS, rouge_html  # noqa: E402

INPUTS = [os.environ.get("ROUGE_DEMOS", "/usr/share/ruby-rouge/demos"), os.environ.get("ROUGE_SAMPLES", "")]
_ROUGE = (
    'cases = JSON.parse(STDIN.read); '
    'puts JSON.dump(cases.map { |tag, code| '
    'begin; Rouge::Formatters::HTML.new.format(Rouge::Lexer.find(tag).lex(code)); rescue StandardError; nil; end })'
)


def sample_codes(tag: str) -> list[str]:
    """The code of Rouge's demo and visual sample for *tag*, where installed."""
    paths = [Path(directory, tag) for directory in INPUTS if directory]
    return [path.read_bytes().decode("utf-8") for path in paths if path.is_file()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tags", nargs="*", help="Rouge lexer tags (default: every own lexer with samples)")
    parser.add_argument("--cases", type=int, default=40, help="pieces per lexer")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rouge_fuzz_disagreements.json")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases: list[tuple[str, str]] = []
    for tag in args.tags or sorted(_OWN_LEXERS):
        codes = [code for code in sample_codes(tag) if code]
        for _ in range(args.cases if codes else 0):
            code = rng.choice(codes)
            start = rng.randrange(len(code))
            cases.append((tag, code[start:start + rng.randrange(1, 400)]))
    rouge = subprocess.run(["ruby", "-rrouge", "-rjson", "-e", _ROUGE], input=json.dumps(cases),
                           capture_output=True, text=True, check=True)
    disagreements: dict[str, list[dict[str, str]]] = {}
    rouge_raised: dict[str, int] = {}
    for (tag, code), expected in zip(cases, json.loads(rouge.stdout), strict=True):
        if expected is None:
            rouge_raised[tag] = rouge_raised.get(tag, 0) + 1
            continue
        got = rouge_html(code, tag)
        if got != expected:
            disagreements.setdefault(tag, []).append({"code": code, "rouge": expected, "liquidsite": str(got)})
    for tag in dict.fromkeys(tag for tag, _ in cases):
        raised = f" (Rouge raised on {rouge_raised[tag]})" if tag in rouge_raised else ""
        print(f"{tag}: {len(disagreements.get(tag, []))} of {args.cases} differ{raised}")
    if disagreements:
        args.out.write_text(json.dumps(disagreements, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"disagreements written to {args.out}")


if __name__ == "__main__":
    main()
