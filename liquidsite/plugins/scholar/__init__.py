"""jekyll-scholar 7.3: bibliographies from BibTeX files, formatted with CSL styles.

Enabled by ``jekyll/scholar`` (al-folio's spelling) or ``jekyll-scholar`` in
``plugins:``. ``bibtex`` reads the files as bibtex-ruby does (``names`` parses
name lists, ``latex`` decodes LaTeX as latex-decode does, ``filters`` holds
``bibtex_filters``, ``query`` the query language), ``csl`` formats entries and
citations as citeproc-ruby does, on citeproc-py (``citeproc_compat`` where
citeproc-py renders otherwise); ``tags`` holds the Liquid tags, ``utilities``
what they do (the gem's ``Utilities``), ``listing`` the bibliography's groups
and items, ``sources`` the files read, ``config`` the gem's defaults;
``details`` writes a page per entry when the site has the ``details_layout``
layout, as the gem does; ``converter`` turns ``.bib`` pages into HTML; ``styles``
finds the csl-styles gem's snapshot of a named style.
"""

from __future__ import annotations

from ..base import PRIORITIES, BuiltinPlugin
from .converter import converter
from .details import generate, generate_inputs
from .tags import register_liquid

PLUGIN = BuiltinPlugin("jekyll-scholar", priority=PRIORITIES["high"], register_liquid=register_liquid,
                       generate=generate, generate_reads=(), generate_inputs=generate_inputs, converter=converter)
