"""jekyll-get-json 1.0: ``jekyll_get_json:`` entries load JSON into ``site.data``.

Each entry ``{data: NAME, json: URL-or-path}`` (one entry or a list) loads the
JSON document at ``json`` (an ``http(s)`` URL, fetched through
:mod:`liquidsite.net`, or a file relative to the site) into ``site.data[NAME]``;
when ``_data`` already holds NAME the two are deep-merged as the ``deep_merge``
gem's ``Hash#deep_merge`` does (existing values win, arrays are united), unless
one of al-folio's citation plugins loaded ActiveSupport, whose ``deep_merge``
leaves ``_data`` as it is. An
entry that cannot be read or parsed is skipped silently, as by the gem; a URL
the network cannot give (and the cache does not hold) is named once. A document
that is not valid UTF-8 stops the build naming it, line and column (Ruby's JSON
keeps the bad bytes and fails later, wherever they are used).
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, Optional

from ..encoding import read_utf8
from ..log import logger
from .base import PRIORITIES, BuiltinPlugin

if TYPE_CHECKING:
    from ..site import Site

GEM = "jekyll-get-json"


def deep_merge(dest: Any, source: Any) -> Any:
    """``DeepMerge.deep_merge!(source, dest, preserve_unmergeables: true)``: *dest* updated in place."""
    if dest is None:
        return source
    if isinstance(source, dict) and isinstance(dest, dict):
        for key, value in source.items():
            dest[key] = deep_merge(dest[key], value) if key in dest else value
        return dest
    if isinstance(source, list) and isinstance(dest, list):
        dest.extend(item for item in source if item not in dest)
        return dest
    return dest


#: al-folio plugins that ``require "active_support/all"``, replacing the deep_merge gem's
#: ``Hash#deep_merge`` (which merges in place) with ActiveSupport's (which returns a copy)
_ACTIVE_SUPPORT_PLUGINS = ("google-scholar-citations.rb", "inspirehep-citations.rb")


def _active_support_loaded(site: "Site") -> bool:
    return any(plugin.gem in _ACTIVE_SUPPORT_PLUGINS for plugin in site.builtin_plugins)


def _load(site: "Site", location: str) -> Optional[str]:
    if location.startswith(("http://", "https://")):
        response = site.net.fetch(location, GEM)
        return response.utf8_text(location) if response is not None and response.ok else None
    try:
        return read_utf8(os.path.join(site.source, location), strip_bom=False, name=location)
    except OSError:
        return None


def _entries(config: Any) -> list[dict[Any, Any]]:
    """The ``jekyll_get_json:`` entries (one, or a list), what is no mapping left out as by the gem."""
    return [entry for entry in (config if isinstance(config, list) else [config]) if isinstance(entry, dict)]


def generate(site: "Site") -> None:
    config = site.config.get("jekyll_get_json")
    if not config:
        logger.warn(f"{GEM}:", "No config")
        return
    for entry in _entries(config):
        text = _load(site, str(entry.get("json")))
        try:
            loaded = json.loads(text) if text is not None else None
        except ValueError:
            loaded = None
        if loaded is None:
            continue
        name = str(entry.get("data"))
        if name in site.data and _active_support_loaded(site):
            continue  # ActiveSupport's Hash#deep_merge returns a new hash, which the gem drops
        site.data[name] = deep_merge(site.data.get(name), loaded)


def generate_inputs(site: "Site") -> list[str]:
    """The local JSON files (a watched rebuild reading the data folder again merges them again itself)."""
    local = [str(entry.get("json")) for entry in _entries(site.config.get("jekyll_get_json"))]
    return [os.path.join(site.source, path) for path in local if not path.startswith(("http://", "https://"))]


PLUGIN = BuiltinPlugin(GEM, priority=PRIORITIES["highest"], generate=generate, generate_reads=(),
                       generate_inputs=generate_inputs, generate_data_only=True)
