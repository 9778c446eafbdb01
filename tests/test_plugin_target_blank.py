"""jekyll-target-blank 2.0.2: expected output observed from Jekyll 4.3.1 with the gem (the al-folio oracle
with the gem's lib on RUBYLIB).

``tests/target_blank/defaults/site`` is a fixture site of this project's own (links in a layout's body, a
post, a page without ``<body``, a ``.txt`` page with a permalink ending in ``/`` and one without; own host,
port, ``mailto:``, relative, upper-case scheme, ``http:`` in a query, user info, existing ``rel``/``target``,
no ``href``); ``settings`` is the same site with its own ``_config.yml`` (``css_class``,
``add_css_classes``, ``rel``, ``noreferrer: false``). ``expected`` is what Jekyll built from each.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from liquidsite.config import load_config
from liquidsite.plugins.target_blank import is_external, uri_host
from liquidsite.site import Site

HERE = Path(__file__).parent / "target_blank"
PAGES = sorted((site.name, page.relative_to(site / "expected").as_posix())
               for site in HERE.iterdir() for page in (site / "expected").rglob("*") if page.is_file())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each variant built from the one fixture site, with the variant's ``_config.yml`` if it has one."""
    root = tmp_path_factory.mktemp("target_blank")
    outputs = {}
    for variant in sorted(HERE.iterdir()):
        source = root / variant.name
        shutil.copytree(HERE / "defaults/site", source)
        if (variant / "_config.yml").is_file():
            shutil.copy(variant / "_config.yml", source / "_config.yml")
        outputs[variant.name] = root / f"{variant.name}_site"
        Site(load_config({"source": str(source), "destination": str(outputs[variant.name]), "quiet": True})).process()
    return outputs


def test_the_site_has_the_files_jekyll_writes(built: dict[str, Path]) -> None:
    for name, dest in built.items():
        expected = HERE / name / "expected"
        assert sorted(p.relative_to(dest) for p in dest.rglob("*") if p.is_file()) == sorted(
            p.relative_to(expected) for p in expected.rglob("*") if p.is_file())


@pytest.mark.parametrize(("site", "page"), PAGES)
def test_fixture_page_is_what_jekyll_target_blank_writes(built: dict[str, Path], site: str, page: str) -> None:
    assert (built[site] / page).read_bytes() == (HERE / site / "expected" / page).read_bytes()


@pytest.mark.parametrize(("url", "host"), [
    ("https://a.org/x", "a.org"), ("http://u:p@B.org:80/", "B.org"), ("/go?to=http://x", None), ("mailto:a@b", None),
])
def test_the_host_is_uri_parse_host(url: str, host: str) -> None:
    assert uri_host(url) == host


def test_a_link_without_a_host_but_with_http_in_it_is_external() -> None:
    assert is_external("/go?to=http://x.org", "https://me.org") and not is_external("https://me.org/a", "https://me.org")
