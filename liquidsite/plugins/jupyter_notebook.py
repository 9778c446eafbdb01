"""jekyll-jupyter-notebook 0.0.6: notebooks become HTML pages, ``{% jupyter_notebook PATH %}`` embeds one.

The gem turns every static ``.ipynb`` file into a page written as
``NAME.ipynb.html``, converted by ``jupyter nbconvert --to html --stdout``;
liquidsite calls the same exporter (nbconvert's ``HTMLExporter``, the optional
extra ``liquidsite[jupyter]``), which writes the same HTML as the command line
does. Its ``<title>`` is the name of the gem's temporary copy of the notebook,
``jekyll-jupyter-notebookYYYYMMDD-PID-xxxxxx``, random as in Jekyll. The
``jupyter_notebook:`` config keeps the gem's options: ``prompt: false``
(``--no-prompt``) and ``content: html | body | body-without-style``.

Exports are kept in the site's cache and in the user's content cache
(:mod:`liquidsite.usercache`), keyed by the notebook's content, the options and
the versions of nbconvert and of the packages its HTML depends on, so a build
(or a fresh clone of the site) converts only new or edited notebooks. Those it
converts in a second process started by the generator
(:mod:`.nbconvert_worker`), which spends nbconvert's second and a half of
imports on another core while the site renders; a render worker leaves the
notebook's page to the parent, which takes that process's export.

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
import json
import os
import random
import re
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any, Callable, Optional, TextIO

from liquid.ast import Node
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.exceptions import LiquidError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.undefined import Undefined

from .. import pool, usercache
from ..documents import Page
from ..log import logger
from ..site_plugins import tag_markup
from . import nbconvert_worker
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ..liquid.environment import JekyllEnvironment
    from ..site import Site

_CUSTOM_CSS = re.compile(r"<link.+?href=\"custom.css\">")
_MISSING = "nbconvert is not installed (pip install 'liquidsite[jupyter]'): notebooks are copied, not converted."
#: the packages whose versions shape an export: the exporter, the notebook reader, and what its HTML
#: template runs (Markdown, highlighting and its stylesheet, sanitising, the templates themselves)
_EXPORT_PACKAGES = ("nbconvert", "nbformat", "mistune", "pygments", "jupyterlab_pygments", "bleach", "jinja2")
#: the user content cache's folder for exports
USER_CACHE_KIND = "nbconvert"


def _versions() -> str:
    found = []
    for package in _EXPORT_PACKAGES:
        try:
            found.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{package} -")
    return ", ".join(found)


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


def exporter() -> Optional[Callable[[str, str, bool], str]]:
    """nbconvert's HTML export as ``convert(json, name, prompt)``, or None when nbconvert is missing."""
    if importlib.util.find_spec("nbconvert") is None or importlib.util.find_spec("nbformat") is None:
        return None
    return nbconvert_worker.convert


def tempfile_name() -> str:
    """The name of the gem's ``Tempfile.new(["jekyll-jupyter-notebook", ".ipynb"])``, which nbconvert
    writes as the page's ``<title>``: Ruby's ``Dir::Tmpname``, the local date, the process id and a
    random base-36 number below 36**6."""
    number, digits = random.randrange(36 ** 6), ""
    while True:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not number:
            break
    return f"jekyll-jupyter-notebook{time.strftime('%Y%m%d')}-{os.getpid()}-{digits}"


class BackgroundConversion:
    """The notebooks a second process converts while this one renders the site (see
    :mod:`.nbconvert_worker`), its exports keyed by the SHA-256 of each notebook's content."""

    def __init__(self, notebooks: list[str], prompt: bool) -> None:
        arguments = [part for path in notebooks for part in (tempfile_name(), "1" if prompt else "0", path)]
        self.process: Optional[subprocess.Popen[bytes]] = subprocess.Popen(
            [sys.executable, nbconvert_worker.__file__, *arguments],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self.exports: dict[str, str] = {}
        self.parent = os.getpid()

    def export(self, content: str) -> Optional[str]:
        """The export of *content*, waiting for the process; None when it converted other content or failed
        (then the conversion runs again in this process, where its error is reported), or when asked in
        a process forked since (a render worker), which cannot wait for it: its page is left to the parent
        while the conversion runs, rather than converted a second time."""
        if os.getpid() != self.parent:
            if self.process is not None:
                pool.parent_only()
            return None
        if self.process is not None:
            out, _ = self.process.communicate()
            if self.process.returncode == 0:
                self.exports = dict(json.loads(out))
            self.process = None
        return self.exports.pop(nbconvert_worker.digest(content), None)


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

    def __init__(self, site: "Site", convert: Callable[[str, str, bool], str]) -> None:
        from ..cache import Cache, plugin_dir

        options = site.config.get("jupyter_notebook")
        self.options: dict[str, Any] = options if isinstance(options, dict) else {}
        self.prompt = self.options.get("prompt", True) is not False
        self._convert = convert
        # nbconvert takes a second or more: its exports are kept in the site's cache folder, keyed by the
        # notebook, beside Jekyll's cache (which an edit of _config.yml clears), unless disk caching is off
        folder = None if site.cache_root is None else plugin_dir(site.cache_root, site.source, "liquidsite-jupyter")
        self.cache = Cache(folder, "exports")
        self.background: Optional[BackgroundConversion] = None
        self.versions = _versions()

    def key(self, content: str) -> str:
        return f"{self.versions}\0{self.prompt}\0{content}"

    def cached(self, content: str) -> Optional[str]:
        """The export of *content* from the site's cache, else from the user's (then kept in the site's too)."""
        key = self.key(content)
        try:
            return self.cache.get(key)
        except KeyError:
            pass
        shared = usercache.read(USER_CACHE_KIND, usercache.digest(key))
        if shared is None:
            return None
        export = shared.decode("utf-8")
        self.cache.set(key, export)
        return export

    def start(self, notebooks: list[NotebookPage]) -> None:
        """Start converting the notebooks in neither cache in a second process, unless nbconvert is
        imported here already (a second build in one process), which then converts faster."""
        missing = [page.path for page in notebooks if self.cached(page.content) is None]
        if missing and "nbconvert" not in sys.modules:
            self.background = BackgroundConversion(missing, self.prompt)

    def matches(self, ext: str) -> bool:
        return ext == ".ipynb"

    def output_ext(self, ext: str) -> str:
        return ".html"

    def _export(self, content: str) -> str:
        exported = self.background.export(content) if self.background is not None else None
        return exported if exported is not None else self._convert(content, tempfile_name(), self.prompt)

    def convert(self, content: str, origin: str) -> str:
        converted = self.cached(content)
        if converted is None:
            converted = self._export(content)
            key = self.key(content)
            self.cache.set(key, converted)
            usercache.write(USER_CACHE_KIND, usercache.digest(key), converted.encode("utf-8"))
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
    pages: list[NotebookPage] = []
    for static in notebooks:
        site.static_files.remove(static)
        page = NotebookPage(site, static.dir_name, static.name)
        page.notebook_converter = converter
        pages.append(page)
    site.pages.extend(pages)
    converter.start(pages)


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(JupyterNotebookTag)


# the generator turns static notebooks into pages: it reads no page or document, and an edited notebook,
# a file without front matter read as a page, is processed in full on a watched rebuild
PLUGIN = BuiltinPlugin("jekyll-jupyter-notebook", register_liquid=register_liquid, generate=generate,
                       generate_reads=())
