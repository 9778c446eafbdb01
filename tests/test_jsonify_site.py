"""``{{ site | jsonify }}``, ``{{ site | inspect }}`` and the inspect of Jekyll's lists, held to Jekyll 4.3.1.

tests/golden/jsonify/site/ is what Jekyll 4.3.1 (Ruby 3.1, json 2.6) wrote for the site below
(``SRC`` standing for its folder). ``SiteDrop`` hands JSON the Document and Page objects
themselves, which print as their ``to_s`` (a document's output once rendered, else its content;
a page's content) in ``posts``, ``html_pages``, ``documents``, ``pages`` and the lists of ``tags``
and ``categories``; the ``kramdown`` configuration shows what the Markdown converter wrote into
it when it first converted (``syntax_highlighter``, ``syntax_highlighter_opts``, ``coderay``).
``inspect`` of a drop is ``JSON.pretty_generate`` (a page is a hash), and inside an array the
objects print as Ruby's ``#<Jekyll::Document ...>``, ``#<Jekyll::Page ...>``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import run_build, write_tree

GOLDEN = Path(__file__).parent / "golden" / "jsonify" / "site"

SITE = {
    "_config.yml": "timezone: UTC\ntime: 2024-02-03 04:05:06 +0000\ntitle: Probe\njobs: 2\n"
                   "collections:\n  things:\n    output: true\n    permalink: /t/:name/\n",
    "_layouts/default.html": "<html>{{ content }}</html>\n",
    "_posts/2024-01-01-one.md": "---\ntitle: One\n---\nOne.\n",
    "_posts/2024-01-02-two.md": "---\ntitle: Two\nlayout: default\ntags: [t]\ncategories: [c]\n---\nTwo.\n",
    "_things/t1.md": "---\ntitle: T1\n---\nthing\n",
    "_things/t2.html": "---\ntitle: T2\n---\nR {{ site.related_posts | inspect }}\n",
    "_data/d.yml": "k: v\nn: [1, 2]\ne: []\nh: {}\n",
    "assets/a.txt": "x",
    "about.md": "---\ntitle: About\nlayout: default\n---\nabout\n",
    "site.json": "---\n---\n{{ site | jsonify }}\n",
    "site_inspect.txt": "---\n---\n{{ site | inspect }}\n",
    "page_inspect.txt": "---\ntitle: Insp\n---\n{{ page | inspect }}\n",
    "lists.txt": (
        "---\n---\n"
        "A {{ site.posts | inspect }}\nB {{ site.pages | inspect }}\nC {{ site.static_files | inspect }}\n"
        "D {{ site.collections | inspect }}\nE {{ site.tags | inspect }}\nF {{ site.posts.last | inspect }}\n"
        "G {% for p in site.pages limit: 1 %}{{ p | inspect }}{% endfor %}\n"
        "H {{ site.static_files.first | inspect }}\nI {{ site.data | inspect }}\nJ {{ site.things | inspect }}\n"
        "K {{ site.tags | jsonify }}\nM {{ site.html_pages | inspect }}\nO {{ site.collections.first | inspect }}\n"
        "P {{ site.categories | jsonify }}\nS {{ site.related_posts | inspect }}\nT {{ site.config | inspect }}\n"
        "U {{ site.kramdown | jsonify }}\n"
    ),
}

OUTPUTS = ["site.json", "site_inspect.txt", "page_inspect.txt", "lists.txt", "t/t2/index.html"]


def write_site(root: Path) -> None:
    write_tree(root, SITE)
    os.utime(root / "assets/a.txt", (1700000000, 1700000000))


@pytest.mark.parametrize("jobs", [1, 2])
def test_site_and_its_lists_print_as_jekyll_prints_them(tmp_path: Path, jobs: int) -> None:
    """``jobs: 2`` (a key Jekyll ignores and prints) renders in two workers; ``--jobs 1`` in one."""
    write_site(tmp_path)
    built = run_build(tmp_path, *(["--jobs", "1"] if jobs == 1 else []), env={"LIQUIDSITE_POOL_THRESHOLD": "1"})
    assert built.code == 0, built.log
    for name in OUTPUTS:
        got = (tmp_path / "_site" / name).read_text().replace(str(tmp_path), "SRC")
        got = re.sub(r"(jobs\\*(?:&quot;|\")\s*:\s*)1", r"\g<1>2", got)  # --jobs 1 is in the configuration
        assert got == (GOLDEN / name).read_text(), name


def test_kramdown_settings_are_as_read_until_the_first_markdown_conversion(tmp_path: Path) -> None:
    # Observed from Jekyll 4.3.1: a site without Markdown shows `kramdown` as configured.
    write_tree(tmp_path, {"index.html": "---\n---\n{{ site.kramdown | jsonify }}\n"})
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    assert (tmp_path / "_site/index.html").read_text() == (
        '{"auto_ids":true,"toc_levels":[1,2,3,4,5,6],"entity_output":"as_char",'
        '"smart_quotes":"lsquo,rsquo,ldquo,rdquo","input":"GFM","hard_wrap":false,"guess_lang":true,'
        '"footnote_nr":1,"show_warnings":false}\n'
    )


CODERAY = {
    "_config.yml": "kramdown:\n  coderay:\n    coderay_line_numbers: table\n    bold_every: 5\n"
                   "  syntax_highlighter_opts:\n    css: class\n",
    "a.html": "---\n---\nfirst, no Markdown: {{ site.kramdown.coderay | size }}\n",
    **{f"b{n}.md": f"---\n---\nB{n}\n" for n in range(3)},
    "z.html": "---\n---\n{{ site.kramdown | jsonify }}\n",
}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_first_markdown_conversion_fills_in_kramdown_and_warns_of_coderay_settings(tmp_path: Path,
                                                                                      jobs: str) -> None:
    """Observed from Jekyll 4.3.1; with two workers a Markdown page converted in a worker sets the
    converter up there, and z.html (which reads the settings) is the parent's, which applied it."""
    write_tree(tmp_path, CODERAY)
    built = run_build(tmp_path, "--jobs", jobs, env={"LIQUIDSITE_POOL_THRESHOLD": "1"})
    assert built.code == 0, built.log
    deprecations = [line.strip() for line in built.log.splitlines() if "Deprecation:" in line]
    assert deprecations == [
        "Deprecation: You are using 'kramdown.coderay' in your configuration, please use 'syntax_highlighter_opts' "
        "instead.",
        "Deprecation: You are using 'coderay_line_numbers'. Normalizing to line_numbers.",
    ]
    assert built.read("a.html") == "first, no Markdown: 2\n"
    assert built.read("z.html") == (
        '{"auto_ids":true,"toc_levels":[1,2,3,4,5,6],"entity_output":"as_char","smart_quotes":"lsquo,rsquo,ldquo,'
        'rdquo","input":"GFM","hard_wrap":false,"guess_lang":true,"footnote_nr":1,"show_warnings":false,'
        '"coderay":{"coderay_line_numbers":"table","bold_every":5},"syntax_highlighter_opts":{"css":"style",'
        '"default_lang":"plaintext","guess_lang":true,"bold_every":5,"line_numbers":"table","line_number_start":1,'
        '"tab_width":4,"wrap":"div"},"syntax_highlighter":"rouge"}\n'
    )
