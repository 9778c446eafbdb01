"""Watched rebuilds of a site whose built-in generators read declared inputs (al-folio's gems).

jekyll-paginate-v2, jekyll-archives-v2, jekyll-scholar's details pages and jekyll-get-json
read front matter, bibliographies, layouts and data, never a body: an edit of a post's or a
page's body rebuilds only what it touches, while an edit of something a generator read
(front matter, the paginated template, the bibliography, the details layout, the data it
merged into, its JSON file) processes the whole site. Either way every output equals a full
build's, which is the oracle here: what Jekyll writes is tested on the full build elsewhere.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterator

import pytest
from alfolio_site import csl_styles_from
import test_rebuild
from test_rebuild import edit, full_build, tree

from conftest import write_tree
from liquidsite.serve.rebuild import Rebuilder

BIB = """@article{alpha2020,
  title = {Alpha Results},
  author = {Doe, Jane},
  journal = {Journal},
  year = {2020},
}
"""
POST = "---\nlayout: post\ntitle: {title}\ntags: [ml]\n---\n{body}\n"

SITE = {
    "_config.yml": (
        "title: Lab\ntimezone: UTC\ntime: 2024-06-01 12:00:00\n"
        "plugins: [jekyll-paginate-v2, jekyll-archives-v2, jekyll/scholar, jekyll-get-json]\n"
        "pagination:\n  enabled: true\n  per_page: 2\n  permalink: /page/:num/\n"
        "jekyll-archives:\n  posts:\n    enabled: [year, tags]\n    layouts:\n      year: archive\n      tag: archive\n"
        "scholar:\n  bibliography: refs.bib\n  details_layout: bibtex.html\n"
        "jekyll_get_json:\n  - data: people\n    json: assets/json/people.json\n"
        "collections:\n  projects:\n    output: true\n"
    ),
    "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
    "_layouts/post.html": (
        "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}"
        "<nav>{% for p in site.pages %}{{ p.path }} {% endfor %}</nav>"
    ),
    "assets/css/main.scss": "---\n---\n$c: red;\nbody { color: $c; }\n",
    "_projects/lab.md": "---\nlayout: default\ntitle: Lab\n---\nA project without a date.\n",
    "_layouts/archive.html": (
        "---\nlayout: default\n---\n{{ page.title }}:{% for post in page.documents %} {{ post.title }}"
        "{% endfor %}"
    ),
    "_layouts/bibtex.html": "---\nlayout: default\n---\n<h2>{{ page.entry.title }}</h2>\n",
    "_bibliography/refs.bib": BIB,
    "_data/people.yml": "lead: Ada\n",
    "assets/json/people.json": '{"members": ["Bob"]}',
    "_posts/2023-01-01-one.md": POST.format(title="One", body="First body."),
    "_posts/2023-06-01-two.md": POST.format(title="Two", body="Second body."),
    "_posts/2024-01-01-three.md": POST.format(title="Three", body="Third body."),
    "blog.html": (
        "---\nlayout: default\ntitle: Blog\npagination:\n  enabled: true\n---\n"
        "{% for post in paginator.posts %}<p>{{ post.title }}: {{ post.content }}</p>{% endfor %}\n"
    ),
    "about.md": (
        "---\nlayout: default\ntitle: About\n---\n{{ site.data.people.lead }} and "
        "{{ site.data.people.members | join: ', ' }}.\n\n{% bibliography %}\n"
    ),
}

#: (file, new text, the kind of rebuild it must take)
EDITS = [
    ("_posts/2023-06-01-two.md", POST.format(title="Two", body="Second body, edited."), "incremental"),
    ("about.md", SITE["about.md"].replace("and", "with"), "incremental"),
    # a dateless document's date is the site's time: reading it again must not look like a new date
    ("_projects/lab.md", SITE["_projects/lab.md"].replace("without", "with no"), "incremental"),
    ("_layouts/post.html", SITE["_layouts/post.html"].replace("<h1>", "<h1 class=\"t\">"), "incremental"),
    ("_posts/2024-01-01-three.md", POST.format(title="Three, renamed", body="Third body."), "full"),
    ("blog.html", SITE["blog.html"].replace("<p>", "<p class=\"entry\">"), "full"),
    ("_bibliography/refs.bib", BIB + BIB.replace("alpha2020", "beta2021").replace("Alpha", "Beta"), "full"),
    ("_layouts/bibtex.html", SITE["_layouts/bibtex.html"].replace("h2", "h3"), "full"),
    # the data folder is read again, and the JSON merged into it again
    ("_data/people.yml", "lead: Grace\n", "incremental"),
    ("assets/json/people.json", '{"members": ["Bob", "Carol"]}', "full"),
]


watched = test_rebuild.watched  # the fixture: a Rebuilder of an empty source folder


@pytest.fixture(autouse=True)
def _csl_styles_offline() -> Iterator[None]:
    with csl_styles_from():
        yield


@pytest.mark.slow  # a dozen full builds: over 0.4 s
def test_generators_declare_what_they_read_and_rebuilds_equal_full_builds(watched: Rebuilder, tmp_path: Path) -> None:
    source, served = Path(watched.source), tmp_path / "served"
    write_tree(source, SITE)
    watched.build()
    expected = full_build(source, tmp_path / "full")
    assert tree(served) == expected
    # the generators ran: pages of the paginated blog, archives, a details page, the merged JSON
    assert "page/2/index.html" in expected and "posts/tag/ml/index.html" in expected
    assert "<h2>Alpha Results</h2>" in expected["bibliography/alpha2020.html"]
    assert "Ada and Bob." in expected["about.html"]
    # the stylesheet's source map is a page its render adds: posts, rendered before it, do not list it
    assert "assets/css/main.css.map" in expected and "main.css.map" not in expected["2023/06/01/two.html"]
    for name, text, kind in EDITS:
        assert edit(watched, name, text) == kind, name
        assert tree(served) == full_build(source, tmp_path / "full"), name
    final = tree(served)
    assert '<p class="entry">Two: <p>Second body, edited.</p>' in final["index.html"]  # the blog's first page
    assert '<p class="entry">Three, renamed: <p>Third body.</p>' in final["page/2/index.html"]
    assert "<h3>Beta Results</h3>" in final["bibliography/beta2021.html"]
    assert "Grace with Bob, Carol." in final["about.html"]


def test_a_page_whose_destination_a_static_file_takes_is_not_written_over_it(watched: Rebuilder,
                                                                             tmp_path: Path) -> None:
    """An al-folio fork's CV page has the permalink of its PDF: Jekyll writes the page, then the file
    over it; a rebuild after an edit of the page leaves the PDF there too."""
    source, served = Path(watched.source), tmp_path / "served"
    write_tree(source, {"_config.yml": "title: CV\n", "cv.md": "---\npermalink: /assets/cv.pdf\n---\nMy CV.\n",
                        "assets/cv.pdf": "%PDF-1.4 the file\n", "index.md": "---\n---\nHome\n"})
    watched.build()
    assert (served / "assets/cv.pdf").read_text() == "%PDF-1.4 the file\n"
    assert edit(watched, "cv.md", "---\npermalink: /assets/cv.pdf\n---\nMy CV, edited.\n") == "incremental"
    assert tree(served) == full_build(source, tmp_path / "full")
    assert (served / "assets/cv.pdf").read_text() == "%PDF-1.4 the file\n"


def test_a_generator_whose_inputs_cannot_be_listed_makes_the_rebuild_full(watched: Rebuilder,
                                                                          tmp_path: Path) -> None:
    source = Path(watched.source)
    write_tree(source, {"_config.yml": "plugins: [jekyll-get-json]\njekyll_get_json:\n  - data: x\n    json: x.json\n",
                        "x.json": '{"a": 1}', "index.md": "---\n---\n{{ site.data.x.a }}\n"})
    watched.build()
    site = watched.site
    assert site is not None

    def unknown(site: object) -> list[str]:
        raise ValueError("a configuration this generator cannot read")

    site.builtin_plugins = [dataclasses.replace(p, generate_inputs=unknown) if p.gem == "jekyll-get-json" else p
                            for p in site.builtin_plugins]
    assert edit(watched, "index.md", "---\n---\n[{{ site.data.x.a }}]\n") == "full"
    assert tree(tmp_path / "served") == full_build(source, tmp_path / "full")
