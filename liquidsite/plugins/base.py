"""The one interface every built-in plugin module declares: a :class:`BuiltinPlugin` named ``PLUGIN``.

A gem may add Liquid tags and filters, generate pages and files, and hook into
the pipeline; a plugin states which of these it does by the callables it gives,
so the pipeline never probes modules for optional attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Optional

if TYPE_CHECKING:
    from ..converters import Converter
    from ..hooks import Hooks
    from ..liquid.environment import JekyllEnvironment
    from ..site import Site

#: In ``generate_reads``: every front matter key (a generator configured to group or sort by any key)
ANY_FRONT_MATTER = "*"

#: Jekyll's generator priorities by name (``Jekyll::Plugin::PRIORITIES``).
PRIORITIES = {"lowest": -100, "low": -10, "normal": 0, "high": 10, "highest": 100}


@dataclass(frozen=True)
class BuiltinPlugin:
    """What one gem contributes to a build.

    ``priority`` orders ``generate`` among all generators, the site's own
    included, as Jekyll's generator priorities do (higher runs first).
    """

    gem: str
    priority: int = PRIORITIES["normal"]
    #: adds the gem's tags and filters to a Liquid environment
    register_liquid: Optional[Callable[["JekyllEnvironment"], None]] = None
    #: adds pages and files to the site, after reading
    generate: Optional[Callable[["Site"], None]] = None
    #: what ``generate`` reads of pages and documents besides the site's lists (which files,
    #: their order and URLs, dates, tags, categories): front matter keys, or None when it may
    #: read anything, bodies included. A watched site's rebuild after an edit that changes
    #: something ``generate`` read processes the whole site (see ``selection.py``).
    generate_reads: Optional[tuple[str, ...]] = None
    #: the files ``generate`` read other than pages' and documents' front matter (a bibliography,
    #: a layout it copied, a JSON file, the pages a generated page copies), as absolute
    #: paths of files or folders: asked after a build, an edit of one of them processes the whole
    #: site on a watched rebuild, since only ``generate`` would carry the edit into the site
    generate_inputs: Optional[Callable[["Site"], Iterable[str]]] = None
    #: ``generate`` only adds to ``site.data`` (jekyll-get-json): a watched rebuild that reads the
    #: data folder again runs it again, rather than processing the whole site
    generate_data_only: bool = False
    #: the gem's converter (``Jekyll::Converter``) for this site, tried before Jekyll's own: the gems
    #: built in declare ``priority :highest``
    converter: Optional[Callable[["Site"], "Converter"]] = None
    #: registers Jekyll hooks (``Jekyll::Hooks.register``) the gem installs
    register_hooks: Optional[Callable[["Hooks"], None]] = None
    #: the gem loads ActiveSupport's ``Object#blank?``, which changes what Liquid's
    #: ``x == blank`` means for the whole site (see ``liquid/environment.py``)
    loads_active_support: bool = False
