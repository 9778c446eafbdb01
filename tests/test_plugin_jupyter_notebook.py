"""jekyll-jupyter-notebook 0.0.6: ``.ipynb`` files become ``NAME.ipynb.html`` pages.

With nbconvert (``liquidsite[jupyter]``) the page is nbconvert's HTML export, which
equals ``jupyter nbconvert --to html --stdout`` (what the gem runs; compared on
al-folio's ``blog.ipynb`` with nbconvert 7.17.2) but for the ``<title>``, the
gem's temporary file name; without it the notebook is copied, with one warning.
"""

from __future__ import annotations

import json

import pytest
from inprocess import build

from liquidsite.plugins import jupyter_notebook

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


def test_notebook_converted_to_ipynb_html(tmp_path):
    pytest.importorskip("nbconvert")
    site = build(tmp_path, FILES)
    assert not (site / "assets/jupyter/n.ipynb").exists()
    page = (site / "assets/jupyter/n.ipynb.html").read_text()
    assert page.startswith("<!DOCTYPE html>\n\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"/>\n")
    assert "<title>n</title>" in page
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
