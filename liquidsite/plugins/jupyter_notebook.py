"""jekyll-jupyter-notebook 0.0.6: notebooks become HTML pages, ``{% jupyter_notebook PATH %}`` embeds one.

The gem turns every static ``.ipynb`` file into a page written as
``NAME.ipynb.html``, converted by ``jupyter nbconvert --to html --stdout``;
liquidsite calls the same exporter in process (nbconvert's ``HTMLExporter``,
the optional extra ``liquidsite[jupyter]``), which writes the same HTML as the
command line does, except the ``<title>``: the gem converts a temporary copy
(``jekyll-jupyter-notebookYYYYMMDD-PID-xxxxxx``), liquidsite names the
notebook. The ``jupyter_notebook:`` config keeps the gem's options: ``prompt:
false`` (``--no-prompt``) and ``content: html | body | body-without-style``.

Without nbconvert, one warning says so and the notebooks are copied as they
are, as Jekyll does without the plugin. Notebooks inside collections (which
the gem also converts when they have no front matter) are left as they are.

The tag renders its markup as a Liquid expression and writes an ``<iframe>``
of ``PATH.html``; a markup that is not an expression warns and is used as
written, as in the gem.
"""

from __future__ import annotations

import html
import importlib.metadata
import importlib.util
import os
import re
import warnings
from typing import TYPE_CHECKING, Any, Callable, Optional, TextIO

from liquid.ast import Node
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.exceptions import LiquidError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.undefined import Undefined

from ..documents import Page
from ..log import logger
from ..site_plugins import tag_markup
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ..liquid.environment import JekyllEnvironment
    from ..site import Site

_CUSTOM_CSS = re.compile(r"<link.+?href=\"custom.css\">")
_MISSING = "nbconvert is not installed (pip install 'liquidsite[jupyter]'): notebooks are copied, not converted."


def iframe(notebook_path: str) -> str:
    """The tag's output (the gem's heredoc)."""
    src = html.escape(f"{notebook_path}.html", quote=True).replace("&#x27;", "&#39;")
    return (
        '<div\n  class="jupyter-notebook"\n  style="position: relative; width: 100%; margin: 0 auto;">\n'
        '  <div class="jupyter-notebook-iframe-container">\n    <iframe\n'
        f'      src="{src}"\n'
        '      style="position: absolute; top: 0; left: 0; border-style: none;"\n'
        '      width="100%"\n      height="100%"\n'
        "      onload=\"this.parentElement.style.paddingBottom = "
        "(this.contentWindow.document.documentElement.scrollHeight + 10) + 'px'\"></iframe>\n"
        "  </div>\n</div>\n"
    )


class JupyterNotebookNode(Node):
    __slots__ = ("markup", "expression")

    def __init__(self, token: Any, markup: str, expression: Any) -> None:
        super().__init__(token)
        self.markup = markup
        self.expression = expression
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        value = self.expression.evaluate(context) if self.expression is not None else None
        if value is None or isinstance(value, Undefined):
            logger.warn("Warning:", f"Jupyter Notebook path be string literal: <{self.markup.strip()!r}>"
                        .replace("<'", '<"').replace("'>", '">'))
            path = self.markup.strip()
        else:
            from ..liquid.ruby import to_s

            path = to_s(value)
        return buffer.write(iframe(path))


class JupyterNotebookTag(Tag):
    name = "jupyter_notebook"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        token, markup = tag_markup(stream)
        try:
            expression = FilteredExpression.parse(self.env, TokenStream(tokenize(markup, token))) if markup else None
        except LiquidError:  # the gem falls back to the raw markup
            expression = None
        return JupyterNotebookNode(token, markup, expression)


def exporter() -> Optional[Callable[[str, str, dict[str, Any]], str]]:
    """nbconvert's HTML export as ``convert(json, name, options)``, or None when nbconvert is missing.

    nbconvert is imported on the first conversion (a cached one needs none): importing it takes a second.
    """
    if importlib.util.find_spec("nbconvert") is None or importlib.util.find_spec("nbformat") is None:
        return None

    def convert(content: str, name: str, options: dict[str, Any]) -> str:
        import nbformat
        from nbconvert import HTMLExporter

        with warnings.catch_warnings():  # nbformat's MissingIDFieldWarning on older notebooks is noise here
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(content, as_version=4)
        html_exporter = HTMLExporter()
        if options.get("prompt", True) is False:
            html_exporter.exclude_input_prompt = True
            html_exporter.exclude_output_prompt = True
        body, _ = html_exporter.from_notebook_node(notebook, resources={"metadata": {"name": name}})
        return str(body)

    return convert


def shape(converted: str, content: str) -> str:
    """The gem's post-processing: drop the ``custom.css`` link, keep the part ``content:`` asks for."""
    converted = _CUSTOM_CSS.sub("", converted, count=1)
    if content == "body":
        converted = re.sub(r"\A.*?</title>", "", converted, count=1, flags=re.S)
        converted = converted.replace("</head>", "", 1).replace("<body>", "", 1)
        converted = re.sub(r"</body>.*?\Z", "", converted, count=1, flags=re.S)
    elif content == "body-without-style":
        converted = re.sub(r"\A.*?<body>", "", converted, count=1, flags=re.S)
        converted = re.sub(r"</body>.*?\Z", "", converted, count=1, flags=re.S)
    return converted


class NotebookConverter:
    """The gem's ``Converter``: ``.ipynb`` -> ``.html`` through nbconvert."""

    def __init__(self, site: "Site", convert: Callable[[str, str, dict[str, Any]], str]) -> None:
        from ..cache import Cache

        options = site.config.get("jupyter_notebook")
        self.options: dict[str, Any] = options if isinstance(options, dict) else {}
        self._convert = convert
        # nbconvert takes about a second a notebook: its output is kept in the site's cache
        self.cache = Cache(site.cache_root, "JekyllJupyterNotebook")

    def matches(self, ext: str) -> bool:
        return ext == ".ipynb"

    def output_ext(self, ext: str) -> str:
        return ".html"

    def convert(self, content: str, origin: str) -> str:
        name = os.path.splitext(os.path.basename(origin))[0]
        key = f"{importlib.metadata.version('nbconvert')}\0{name}\0{sorted(self.options.items())!r}\0{content}"
        converted = self.cache.getset(key, lambda: self._convert(content, name, self.options))
        return shape(converted, str(self.options.get("content") or "html"))


class NotebookPage(Page):
    """A notebook read as a page, written as ``NAME.ipynb.html`` (the gem's ``IFramable``)."""

    notebook_converter: NotebookConverter

    def converter(self) -> NotebookConverter:
        return self.notebook_converter

    @property
    def output_ext(self) -> str:
        return self.extname + super().output_ext


def generate(site: "Site") -> None:
    notebooks = [f for f in site.static_files if f.extname == ".ipynb" and f.collection is None]
    if not notebooks:
        return
    convert = exporter()
    if convert is None:
        logger.warn("Jupyter Notebook:", _MISSING)
        return
    converter = NotebookConverter(site, convert)
    for static in notebooks:
        site.static_files.remove(static)
        page = NotebookPage(site, static.dir_name, static.name)
        page.notebook_converter = converter
        site.pages.append(page)


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(JupyterNotebookTag)


PLUGIN = BuiltinPlugin("jekyll-jupyter-notebook", register_liquid=register_liquid, generate=generate)
