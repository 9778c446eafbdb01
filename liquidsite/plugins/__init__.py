"""Built-in equivalents of the GitHub Pages gems, enabled as Jekyll enables plugins.

Each plugin is one module here, named in :data:`MODULES` by the gem it stands in
for, that declares what it contributes as ``PLUGIN``, a :class:`~.base.BuiltinPlugin`.
A :class:`Site` resolves the enabled ones once (:func:`enabled`, ``site.builtin_plugins``);
the Liquid environment, the generators and the hooks all read that list.
"""

from __future__ import annotations

import importlib
from typing import Any, Mapping

from .base import BuiltinPlugin

#: gem name -> module under ``liquidsite.plugins``
MODULES: dict[str, str] = {
    "jekyll-feed": "feed",
    "jekyll-sitemap": "sitemap",
    "jekyll-seo-tag": "seo",
    "jekyll-redirect-from": "redirect_from",
    "jekyll-paginate": "paginate",
    "jemoji": "jemoji",
    "jekyll-gist": "gist",
    "jekyll-include-cache": "include_cache",
    "jekyll-github-metadata": "github_metadata",
    "jekyll-optional-front-matter": "optional_front_matter",
    "jekyll-default-layout": "default_layout",
    "jekyll-titles-from-headings": "titles_from_headings",
    "jekyll-readme-index": "readme_index",
    "jekyll-relative-links": "relative_links",
    "jekyll-archives": "archives",
    "jekyll-toc": "toc",
    "jekyll-archives-v2": "archives_v2",
    "jekyll-paginate-v2": "paginate_v2",
}


def enabled(config: Mapping[str, Any]) -> list[BuiltinPlugin]:
    """The built-in plugins a configuration enables, highest priority first.

    As Jekyll 4.3 requires gems: those named in ``plugins:`` (the Jekyll 3 ``gems:``
    key is no longer read at all), and with ``safe`` only those also in ``whitelist``.
    """
    names = [str(n) for n in (config.get("plugins") or []) if isinstance(n, str)]
    if config.get("safe"):
        whitelist = config.get("whitelist")
        allowed = {str(n) for n in (whitelist if isinstance(whitelist, list) else [whitelist]) if n is not None}
        names = [n for n in names if n in allowed]
    found: list[BuiltinPlugin] = [
        importlib.import_module(f"{__name__}.{MODULES[n]}").PLUGIN for n in dict.fromkeys(names) if n in MODULES
    ]
    return sorted(found, key=lambda plugin: -plugin.priority)


def warn_unknown(config: Mapping[str, Any]) -> None:
    """Name each plugin in ``plugins:`` that liquidsite has no equivalent for, once per build.

    Jekyll stops when a listed gem is not installed; liquidsite cannot install
    gems, so it says which plugin's output will be missing and builds the rest.
    """
    from ..log import logger

    for name in dict.fromkeys(str(n) for n in (config.get("plugins") or [])):
        if name not in MODULES:
            logger.warn("Plugin Warning:", f"'{name}' is not built into liquidsite; the site is built without it.")

