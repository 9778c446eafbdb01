"""nbconvert's HTML export of a notebook, in this process or in a separate one.

Importing nbconvert and loading its templates costs about a CPU second and a half, more than
rendering the rest of an al-folio site. jekyll-jupyter-notebook's generator therefore starts
this file as a script when the site is generated, and that second process converts the
notebooks on another core while the site renders. As a script it reads the notebooks named on
its command line (``NAME PROMPT PATH`` triples, ``PROMPT`` ``1`` or ``0``) and writes a JSON
list of ``[SHA-256 of the notebook as read, HTML export]``; it imports nothing from liquidsite, so
starting it costs Python and nbconvert only.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import warnings


def convert(content: str, name: str, prompt: bool) -> str:
    """``jupyter nbconvert --to html --stdout [--no-prompt]`` of a notebook file called *name*."""
    import nbformat
    from nbconvert import HTMLExporter

    with warnings.catch_warnings():  # nbformat's MissingIDFieldWarning on older notebooks is noise here
        warnings.simplefilter("ignore")
        notebook = nbformat.reads(content, as_version=4)
    html_exporter = HTMLExporter()
    if not prompt:
        html_exporter.exclude_input_prompt = True
        html_exporter.exclude_output_prompt = True
    body, _ = html_exporter.from_notebook_node(notebook, resources={"metadata": {"name": name}})
    return str(body)


def digest(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def main(arguments: list[str]) -> int:
    exports = []
    for index in range(0, len(arguments) - 2, 3):
        name, prompt, path = arguments[index:index + 3]
        with open(path, encoding="utf-8", newline="") as handle:
            content = handle.read()
        exports.append([digest(content), convert(content, name, prompt == "1")])
    sys.stdout.write(json.dumps(exports))
    return 0


if __name__ == "__main__":
    # run as a script, Python put this folder first on the path: its modules (base, common, feed...) are no packages
    HERE = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != HERE]
    sys.exit(main(sys.argv[1:]))
