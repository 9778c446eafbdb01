"""Differential fuzzing of Liquid against Jekyll 4.3.1 (Ruby is the oracle, not a dependency).

Every filter call of ``liquid_fuzz_cases`` on every input, whitespace-control templates,
random filter chains and random tag templates (``TemplateGenerator``) render in one Jekyll
process and in liquidsite over the same site; any output that differs is a failure unless
listed in ``KNOWN`` with the reason it is left, or of a kind the template generator leaves out
(its docstring: ``.size`` of a number, printed or non-integer ranges, ``empty``/``blank`` as a
``case`` subject or compared with each other, a ``case`` whose variable its ``when`` bodies
assign, whitespace control on ``raw``, the zone-less time, ``empty``/``blank`` in a condition
only the lax parser reads). Inputs include ``missing``, undefined. ``LIQUIDSITE_FUZZ_SEED`` and
``LIQUIDSITE_FUZZ_SCALE`` (``fuzz_seed.py``) run other seeds and larger counts.
Where Jekyll fails (a filter given a type its Ruby code cannot take: ``sort`` of a string,
``slugify`` of a number...) liquidsite renders a value instead; those cases are counted, not
compared. Each disagreement found so far is a fast regression test in
``test_liquid_fuzz_regressions.py`` holding Jekyll's output.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from conftest import Built, run_build, write_tree
from fuzz_seed import fuzz_scale, fuzz_seed
from liquid_fuzz_cases import (
    TRIM_TEMPLATES, chained_cases, filter_cases, layout_site_pages, site_files, template_cases,
)
from liquid_oracle import Rendered, jekyll_render, liquidsite_render, oracle_available

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not oracle_available(), reason="needs ruby and jekyll")]

#: Random filter chains per run and their seed: with the filter cases, about 10,000 templates in ~15 s
#: (``fuzz_seed`` reads overrides).
CHAINS = 3000 * fuzz_scale()
SEED = fuzz_seed(13)

#: Random tag templates per run (``liquid_fuzz_cases.TemplateGenerator``, same seed): about 10 s.
TEMPLATES = 3000 * fuzz_scale()

#: Cases left different from Jekyll, each with the reason (substring of the template -> why).
KNOWN = {
    "sort_natural: 'n'": "sorting non-hash items by a property: Ruby's unstable sort over equal (nil) keys",
    "sort: 'n'": "sorting non-hash items by a property: Ruby's unstable sort over equal (nil) keys",
    "sort: 'v'": "sorting non-hash items by a property: Ruby's unstable sort over equal (nil) keys",
    "| markdownify": "an array's inspect is a US-ASCII string in Ruby: kramdown writes its curly quotes as &#8220;",
    "| smartify": "as markdownify: non-string input is US-ASCII in Ruby, quotes come out as numeric entities",
    "f.num_junk | date": "Ruby's Time.parse guesses a date in any text (\"12abc\" is the 12th of this month)",
    "f.tabbed | date": "Ruby's Time.parse guesses a date in any text (\"Tab\\tsep\" is September 1st)",
    "f.date | concat": "Date#<=> compares an Integer as a Julian day number; liquidsite cannot order them",
    "f.d_short | concat": "Date#<=> compares an Integer as a Julian day number; liquidsite cannot order them",
    "f.num_padded | date": "Ruby's Time.parse guesses a date in any text (\" 12 \" is the 12th of this month)",
    "f.d_bad | date": "Ruby's Time.parse rolls an impossible date over (2020-02-30 is March 1st)",
    "empty | inspect": "Jekyll's MethodLiteral for empty/blank inspects as an object with its memory address",
    "blank | inspect": "Jekyll's MethodLiteral for empty/blank inspects as an object with its memory address",
}


#: liquidsite's error where Jekyll's Time.parse found a date in arbitrary text.
UNPARSED_DATE = "is not a valid datetime"


#: A date filter reading the text another filter made (``| upcase | date: ...``).
DATE_OF_TEXT = re.compile(r"\|[^|]+\| (?:date|date_to_\w+)\b")


def known_reason(template: str, got: Rendered) -> str | None:
    if (got.err is not None and UNPARSED_DATE in got.err) or DATE_OF_TEXT.search(template):
        return "Ruby's Time.parse guesses a date in any text; liquidsite reads real dates only"
    return next((why for fragment, why in KNOWN.items() if fragment in template), None)


def differences(site: Path, cases: list[str]) -> tuple[list[str], int, int]:
    """The cases rendered differently (with both outputs), how many are known, how many only Jekyll fails."""
    started = time.monotonic()
    theirs = jekyll_render(site, cases, timeout=100 * fuzz_scale())
    ours = liquidsite_render(site, cases)
    assert time.monotonic() - started < 120 * fuzz_scale()
    new, known, jekyll_failed = [], 0, 0
    for case, expected, got in zip(cases, theirs, ours, strict=True):
        if expected.err is not None and got.err is None:
            jekyll_failed += 1
        elif expected.agrees(got):
            continue
        elif known_reason(case, got):
            known += 1
        else:
            new.append(f"{case!r}\n  jekyll:     {expected.out if expected.err is None else expected.err!r}"
                       f"\n  liquidsite: {got.out if got.err is None else got.err!r}")
    return new, known, jekyll_failed


def test_liquid_filters_and_whitespace_control_agree_with_jekyll(tmp_path: Path) -> None:
    write_tree(tmp_path, site_files())
    cases = filter_cases() + TRIM_TEMPLATES + chained_cases(CHAINS, SEED)
    new, known, jekyll_failed = differences(tmp_path, cases)
    print(f"{len(cases)} cases: {len(new)} new differences, {known} known, {jekyll_failed} where only Jekyll fails")
    assert not new, "\n".join(new[:40])


def test_generated_tag_templates_agree_with_jekyll(tmp_path: Path) -> None:
    """``if``/``unless``/``case``/``for``/``tablerow``/``capture``/``liquid``... nested at random, with
    whitespace control, literals, lax conditions and filters."""
    write_tree(tmp_path, site_files())
    cases = template_cases(TEMPLATES, SEED)
    new, known, jekyll_failed = differences(tmp_path, cases)
    print(f"{len(cases)} templates: {len(new)} new differences, {known} known, {jekyll_failed} where only Jekyll fails")
    assert not new, "\n".join(new[:20])


def test_whitespace_control_across_includes_and_layouts_agrees_with_jekyll(tmp_path: Path) -> None:
    """The same site (bodies x layouts x includes) built by ``jekyll build`` and by liquidsite."""
    jekyll_site, ours_site = tmp_path / "jekyll", tmp_path / "ours"
    for root in (jekyll_site, ours_site):
        write_tree(root, layout_site_pages())
    env = dict(os.environ, TZ="UTC", JEKYLL_ENV="development", JEKYLL_NO_BUNDLER_REQUIRE="true")
    subprocess.run(["jekyll", "build", "-q"], cwd=jekyll_site, env=env, check=True, timeout=100,
                   capture_output=True)
    built = run_build(ours_site, "-q")
    assert built.code == 0, built.log
    expected = Built(jekyll_site, 0, "").files
    assert len(expected) > 80
    assert built.files == expected
