"""jekyll-terser (al-folio's revision, terser-ruby 1.2 / terser.js 5.37): JS files minified in every build.

The gem replaces each static ``*.js`` file (not ``*.min.js``) by terser.js's
minified output, run through ExecJS on Node. terser's output is its own: it
renames locals, folds statements into sequences, drops what ``compress``
options (al-folio: ``drop_console``) remove; no Python minifier writes the
same bytes, and PyPI has no package that ships terser.js with an engine to run
it. liquidsite needs neither Node nor Ruby, so it copies these files unminified
(they work the same, only larger) and says so once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..log import logger
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site


def minifiable(site: "Site") -> list[str]:
    """The static files the gem would minify: ``.js`` but not ``.min.js``."""
    return [
        f.relative_path for f in site.static_files
        if f.extname == ".js" and not f.name.endswith(".min.js")
    ]


def generate(site: "Site") -> None:
    files = minifiable(site)
    if files:
        logger.warn(
            "Terser:",
            f"{len(files)} JavaScript file(s) copied unminified: terser.js needs a JavaScript engine "
            "(Node), which liquidsite does without.",
        )


PLUGIN = BuiltinPlugin("jekyll-terser", generate=generate)
