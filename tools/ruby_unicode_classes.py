"""NEEDS RUBY: writes liquidsite/highlight/ruby_unicode.py, where Ruby's character classes differ from Python's.

For each Ruby (Onigmo) class the ported lexers use, the code points Ruby puts in it and the Python
approximation leaves out (``EXTRA``) and the other way round (``MISSING``), as Ruby 3.1 (Unicode 13)
and this Python answer them code point by code point. Not run by the tests.

    python3 tools/ruby_unicode_classes.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liquidsite.highlight.ruby_classes import RUBY_APPROXIMATIONS  # noqa: E402

OUT = ROOT / "liquidsite" / "highlight" / "ruby_unicode.py"

#: name (as in ``ruby_classes.RUBY_APPROXIMATIONS``) -> Ruby's test of one character ``s``.
RUBY_TESTS = {
    "B_WORD": '!("a" + s).match?(/\\Aa\\b/)',
    "WORD": "s.match?(/\\p{Word}/)",
    "ALPHA": "s.match?(/[[:alpha:]]/)",
    "ALNUM": "s.match?(/[[:alnum:]]/)",
    "LETTER": "s.match?(/\\p{L}/)",
    "LETTER_NL": "s.match?(/[\\p{L}\\p{Nl}]/)",
    "LETTER_NL_ND": "s.match?(/[\\p{L}\\p{Nl}\\p{Nd}]/)",
    "XID_START": "s.match?(/[\\p{XID_Start}_]/)",
    "XID_CONTINUE": "s.match?(/\\p{XID_Continue}/)",
}
RUBY = """
require "json"
tests = JSON.parse(ARGV[0])
out = tests.to_h do |name, test|
  check = eval("->(s) { #{test} }")
  [name, (0..0x10FFFF).reject { |cp| cp.between?(0xD800, 0xDFFF) }.select { |cp| check.(cp.chr(Encoding::UTF_8)) }]
end
puts JSON.dump(out)
"""


def ranges(code_points: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for code in sorted(code_points):
        if out and out[-1][1] == code - 1:
            out[-1] = (out[-1][0], code)
        else:
            out.append((code, code))
    return out


def literal(name: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return f"{name}: Spans = ()\n"
    items = [f"(0x{low:X}, 0x{high:X})," for low, high in spans]
    lines, line = [], "   "
    for item in items:
        if len(line) + len(item) + 1 > 118:
            lines.append(line)
            line = "   "
        line += " " + item
    lines.append(line)
    return f"{name}: Spans = (\n" + "\n".join(lines) + "\n)\n"


def main() -> None:
    answer = subprocess.run(["ruby", "-e", RUBY, json.dumps(RUBY_TESTS)], capture_output=True, text=True, check=True)
    ruby = {name: set(points) for name, points in json.loads(answer.stdout).items()}
    every = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    parts = []
    written: dict[tuple[tuple[int, int], ...], str] = {}  # a table already written, by its spans
    for name in RUBY_TESTS:
        pattern = re.compile(RUBY_APPROXIMATIONS[name])
        python = {code for code in every if pattern.match(chr(code))}
        for table, code_points in ((f"{name}_EXTRA", ruby[name] - python), (f"{name}_MISSING", python - ruby[name])):
            spans = tuple(ranges(code_points))
            parts.append(f"{table} = {written[spans]}\n" if spans in written else literal(table, list(spans)))
            written.setdefault(spans, table)
    OUT.write_text(
        '"""Where Ruby 3.1\'s character classes (Onigmo, Unicode 13) differ from Python\'s ``re`` ones.\n\n'
        "Written by ``tools/ruby_unicode_classes.py`` from what Ruby and Python answer for every code point:\n"
        "``NAME_EXTRA`` are in Ruby's class and not in the Python approximation ``ruby_classes`` names,\n"
        "``NAME_MISSING`` the other way round. ``B_WORD`` is what Ruby's ``\\\\b`` takes for a word character:\n"
        "``\\\\p{Word}`` plus Latin-1's ``² ³ ¹ ¼ ½ ¾``.\n"
        '"""\n\nSpans = tuple[tuple[int, int], ...]\n\n' + "\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
