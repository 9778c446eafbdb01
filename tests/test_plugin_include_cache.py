"""jekyll-include-cache: ``include_cached`` renders as Jekyll's ``include``.

The gem is not installed; the expected text is Jekyll 4.3.1's output for the same ``include``.
"""

from __future__ import annotations

import pytest

from liquidsite.config import load_config
from liquidsite.site import Site


def test_include_cached_is_a_renamed_copy_of_include(tmp_path):
    (tmp_path / "_config.yml").write_text("plugins: [jekyll-include-cache]\n")
    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site")}))
    tags = site.renderer.liquid.env.tags
    assert type(tags["include_cached"]) is type(tags["include"])
    assert tags["include_cached"].name == "include_cached"
    assert tags["include"].name == "include"


def test_include_cached_output(build_site):
    pytest.importorskip("liquidsite.liquid.include_tag", reason="Jekyll's include tag not merged yet")
    built = build_site({
        "_config.yml": "plugins: [jekyll-include-cache]\n",
        "_includes/greet.html": "Hi {{ include.who }}!",
        "index.html": '---\n---\n[{% include_cached greet.html who="Ann" %}] [{% include greet.html who="Bob" %}]\n',
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "[Hi Ann!] [Hi Bob!]\n"
