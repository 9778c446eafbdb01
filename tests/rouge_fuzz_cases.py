"""Generated inputs for the differential fuzzing of the own lexers against Rouge 3.30.

A case is a random piece (up to 400 characters, starting anywhere: mid-string, mid-comment) of
Rouge's own demo or visual sample for the lexer, with a few characters put in where Ruby's and
Python's character classes disagree: letters outside ASCII, other numbers (``²``, ``½``, ``①``),
letter numbers (``Ⅻ``), combining marks, connector punctuation and Unicode whitespace, mostly next
to a word, where identifiers, keywords and ``\\b`` see them. The samples are read from a Rouge
installation (``ROUGE_DEMOS``, ``ROUGE_SAMPLES`` as ``test_rouge_samples.py`` reads them). Rouge is
the oracle (``oracle/rouge_lex.rb``), run once for many cases; ``test_rouge_fuzz.py`` (slow tier) and
``tools/fuzz_rouge_lexers.py`` compare.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path
from typing import Iterator, NamedTuple

from markdown_oracle import JsonLinesOracle, minimise

ORACLE_SCRIPT = Path(__file__).resolve().parent / "oracle" / "rouge_lex.rb"

INPUTS = (os.environ.get("ROUGE_DEMOS", "/usr/share/ruby-rouge/demos"), os.environ.get("ROUGE_SAMPLES", ""))

#: Characters Ruby's regexes and Python's ``re`` classify differently (or that lexers treat apart).
SPICE = (
    "é", "ß", "Ж", "中", "ª", "µ", "ſ", "\u212a", "ǅ", "ʰ",  # letters: Latin-1, folding, title case, modifier
    "²", "³", "¹", "½", "¼", "①", "⁴", "Ⅻ", "٣", "５",  # other, letter and non-ASCII decimal numbers
    "\u0301", "ि", "Ⓐ", "‿", "\u200c",  # marks, Other_Alphabetic, connector punctuation, joiner
    "\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "\ufeff", "\u200b", "\v", "\f", "\r",  # spaces
    "€", "→", "—", "·",  # symbols and punctuation
)


class Disagreement(NamedTuple):
    tag: str
    code: str
    rouge: str
    liquidsite: str

    def __str__(self) -> str:
        return f"{self.tag} {self.code!r}\n  rouge:      {self.rouge!r}\n  liquidsite: {self.liquidsite!r}"


def sample_codes(tag: str) -> list[str]:
    """The code of Rouge's demo and visual sample for *tag*, where installed."""
    paths = [Path(directory, tag) for directory in INPUTS if directory]
    return [code for path in paths if path.is_file() for code in [path.read_bytes().decode("utf-8")] if code]


def spiced(text: str, rng: random.Random) -> str:
    """*text* with one to four spice characters put in, most of them next to a word character."""
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        words = [index for index, ch in enumerate(chars) if ch.isalnum()]
        at = rng.choice(words) + rng.randint(0, 1) if words and rng.random() < 0.8 else rng.randint(0, len(chars))
        chars.insert(at, rng.choice(SPICE) * rng.choice((1, 1, 1, 2)))
    return "".join(chars)


def cases(tags: list[str], per_tag: int, seed: int) -> Iterator[tuple[str, str]]:
    """``per_tag`` (tag, code) cases for each tag with an installed sample: half plain pieces, half spiced."""
    rng = random.Random(seed)
    for tag in tags:
        codes = sample_codes(tag)
        for number in range(per_tag if codes else 0):
            code = rng.choice(codes)
            start = rng.randrange(len(code))
            piece = code[start:start + rng.randrange(1, 400)]
            yield tag, spiced(piece, rng) if number % 2 else piece


def oracle_available() -> bool:
    """Whether Ruby with the rouge 3.30.0 gem is here to be the oracle."""
    if shutil.which("ruby") is None:
        return False
    probe = subprocess.run(["ruby", "-rrouge", "-e", 'exit(Rouge.version == "3.30.0")'], capture_output=True)
    return probe.returncode == 0


def rouge_oracle() -> JsonLinesOracle:
    """Rouge 3.30's HTML formatter over its lexers, in one Ruby process (``oracle/rouge_lex.rb``)."""
    return JsonLinesOracle(ORACLE_SCRIPT)


def disagreements(cases: list[tuple[str, str]], oracle: JsonLinesOracle,
                  minimise_first: int = 20) -> tuple[list[Disagreement], int]:
    """The cases liquidsite marks up differently from Rouge (the first *minimise_first* minimised),
    and how many Rouge raised on (those are not compared)."""
    from liquidsite.highlight import rouge_html

    found: list[Disagreement] = []
    raised = 0
    for (tag, code), expected in zip(cases, oracle.ask_all(cases), strict=True):
        if expected.out is None:
            raised += 1
            continue
        if rouge_html(code, tag) == expected.out:
            continue
        if len(found) < minimise_first:
            def differs(text: str, tag: str = tag) -> bool:
                theirs = oracle.ask_all([(tag, text)])[0].out
                return theirs is not None and rouge_html(text, tag) != theirs

            code = minimise(code, differs)
            expected = oracle.ask_all([(tag, code)])[0]
        found.append(Disagreement(tag, code, str(expected.out), str(rouge_html(code, tag))))
    return found, raised
