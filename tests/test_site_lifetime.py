"""A Site is freed once dropped: nothing process-wide (a method cache, say) holds it."""

from __future__ import annotations

import pytest

import gc
import weakref

from liquid.parser import get_parser

from liquidsite.config import load_config
from liquidsite.site import Site


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_site_is_freed_after_converter_lookups(tmp_path):
    (tmp_path / "index.md").write_text("---\n---\n*hi*\n")
    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True}))
    markdown = site.converter_for(".md")
    assert site.converter_for(".md") is markdown
    assert site.converter_for(".html") is not markdown
    ref = weakref.ref(site)
    del site, markdown
    get_parser.cache_clear()  # python-liquid's own parser cache keeps its last 128 environments
    gc.collect()
    assert ref() is None
