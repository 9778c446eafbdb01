"""jekyll-jupyter-notebook 0.0.6: ``.ipynb`` files become ``NAME.ipynb.html`` pages.

With nbconvert (``liquidsite[jupyter]``) the page is nbconvert's HTML export, which
equals ``jupyter nbconvert --to html --stdout`` (what the gem runs; compared on
al-folio's ``blog.ipynb`` with nbconvert 7.17.2), titled as the gem's temporary
file; without it the notebook is copied, with one warning.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from inprocess import build

from liquidsite.errors import ConversionError
from liquidsite.plugins import jupyter_notebook, nbconvert_worker

# Ruby's Dir::Tmpname, as in al-folio's reference site: jekyll-jupyter-notebook20261203-15092-qhtcvi
TITLE = re.compile(r"<title>jekyll-jupyter-notebook\d{8}-\d+-[0-9a-z]{1,6}</title>")

NOTEBOOK = json.dumps({
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "Some *text*."]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [
            {"name": "stdout", "output_type": "stream", "text": ["hi\n"]}], "source": ["print('hi')"]},
    ],
    "metadata": {"language_info": {"name": "python"}},
    "nbformat": 4,
    "nbformat_minor": 2,
})
FILES = {"_config.yml": "plugins: [jekyll-jupyter-notebook]\n", "assets/jupyter/n.ipynb": NOTEBOOK}


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_notebook_converted_to_ipynb_html(tmp_path):
    pytest.importorskip("nbconvert")
    site = build(tmp_path, FILES)
    assert not (site / "assets/jupyter/n.ipynb").exists()
    page = (site / "assets/jupyter/n.ipynb.html").read_text()
    assert page.startswith("<!DOCTYPE html>\n\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"/>\n")
    assert TITLE.search(page)
    assert 'href="custom.css"' not in page
    assert "<h1 id=\"Title\">Title" in page and "hi\n</pre>" in page


def test_content_body_without_style():
    converted = "<html><head><title>t</title></head>\n<body>\nBODY\n</body>\n</html>\n"
    assert jupyter_notebook.shape(converted, "body-without-style") == "\nBODY\n"
    assert jupyter_notebook.shape(converted, "body") == "\n\nBODY\n"
    assert jupyter_notebook.shape('<link rel="stylesheet" href="custom.css">x', "html") == "x"


def test_without_nbconvert_copied_with_one_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(jupyter_notebook, "exporter", lambda: None)
    site = build(tmp_path, {**FILES, "assets/jupyter/m.ipynb": NOTEBOOK}, quiet=False)
    assert (site / "assets/jupyter/n.ipynb").read_text() == NOTEBOOK
    assert not (site / "assets/jupyter/n.ipynb.html").exists()
    out = capsys.readouterr()
    assert (out.out + out.err).count("nbconvert is not installed") == 1


def test_exports_kept_in_the_cache_keyed_by_content_across_config_edits(tmp_path, monkeypatch):
    pytest.importorskip("nbconvert")
    first = build(tmp_path, FILES).joinpath("assets/jupyter/n.ipynb.html").read_text()
    shutil.rmtree(tmp_path / "_site")

    def unexpected(content: str, name: str, prompt: bool) -> str:
        raise AssertionError("converted again")

    monkeypatch.setattr(jupyter_notebook, "exporter", lambda: unexpected)
    second = build(tmp_path, {"_config.yml": FILES["_config.yml"] + "title: edited\n"})
    assert second.joinpath("assets/jupyter/n.ipynb.html").read_text() == first
    second = build(tmp_path, {}).joinpath("assets/jupyter/n.ipynb.html").read_text()
    assert second == first
    (tmp_path / "assets/jupyter/n.ipynb").write_text(NOTEBOOK.replace("hi", "ho"))
    with pytest.raises(ConversionError, match="converted again"):
        build(tmp_path, {})


@pytest.mark.slow
def test_background_process_exports_as_this_process_does(tmp_path):
    pytest.importorskip("nbconvert")
    notebook = tmp_path / "n.ipynb"
    notebook.write_text(NOTEBOOK)
    background = jupyter_notebook.BackgroundConversion([str(notebook)], prompt=False)
    assert background.export("another notebook") is None
    exported = background.export(NOTEBOOK)
    assert exported is not None and TITLE.search(exported)
    here = nbconvert_worker.convert(NOTEBOOK, "jekyll-jupyter-notebook20240101-1-a", False)
    assert TITLE.sub("", exported) == TITLE.sub("", here)
    assert background.export(NOTEBOOK) is None  # each export is taken once


def test_a_fresh_clone_takes_the_export_from_the_user_cache(tmp_path, monkeypatch):
    pytest.importorskip("nbconvert")
    monkeypatch.setenv("LIQUIDSITE_CONTENT_CACHE", str(tmp_path / "content"))
    first = build(tmp_path / "first", FILES).joinpath("assets/jupyter/n.ipynb.html").read_text()
    assert len(list((tmp_path / "content/nbconvert").rglob("*"))) == 2  # a shard folder and the export

    def unexpected(content: str, name: str, prompt: bool) -> str:
        raise AssertionError("converted again")

    monkeypatch.setattr(jupyter_notebook, "exporter", lambda: unexpected)
    clone = build(tmp_path / "clone", FILES).joinpath("assets/jupyter/n.ipynb.html").read_text()
    assert clone == first
    # other options are another key
    with pytest.raises(ConversionError, match="converted again"):
        config = FILES["_config.yml"] + "jupyter_notebook:\n  prompt: false\n"
        build(tmp_path / "other", {**FILES, "_config.yml": config})


def test_the_key_names_the_versions_of_what_shapes_an_export(tmp_path):
    pytest.importorskip("nbconvert")
    from liquidsite.config import load_config
    from liquidsite.site import Site

    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True}))
    key = jupyter_notebook.NotebookConverter(site, nbconvert_worker.convert).key("{}")
    for package in ("nbconvert", "nbformat", "mistune", "pygments", "jupyterlab_pygments", "bleach", "jinja2"):
        assert f"{package} " in key
