"""Built-in equivalents of the GitHub Pages gems, enabled as Jekyll enables plugins.

Each plugin is one module here, named in :data:`MODULES` by the gem it stands in
for, that declares what it contributes as ``PLUGIN``, a :class:`~.base.BuiltinPlugin`.
A :class:`Site` resolves the enabled ones once (:func:`enabled`, ``site.builtin_plugins``);
the Liquid environment, the generators and the hooks all read that list.
"""

from __future__ import annotations

import importlib
from typing import Any, Mapping, Optional, Sequence

from .base import BuiltinPlugin
from .ruby import RubyPlugin

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
    "jekyll-remote-theme": "remote_theme",
    "jekyll-get-json": "get_json",
    "jekyll-twitter-plugin": "twitter",
    "jekyll-email-protect": "email_protect",
    "jekyll-regex-replace": "regex_replace",
    "jekyll-cache-bust": "cache_bust",
    "jekyll-3rd-party-libraries": "third_party_libraries",
    "jekyll-socials": "socials",
    "jekyll-tabs": "tabs",
    "jekyll-jupyter-notebook": "jupyter_notebook",
    "jekyll-link-attributes": "link_attributes",
    "jekyll-target-blank": "target_blank",
    "jekyll-terser": "terser",
    "jekyll-imagemagick": "imagemagick",
    "jekyll-minifier": "minifier",
    "jekyll-scholar": "scholar",
    "jekyll/scholar": "scholar",
    "jekyll-toc": "toc",
    "jekyll-archives-v2": "archives_v2",
    "jekyll-paginate-v2": "paginate_v2",
}


def _ruby(registers: str, versions: dict[str, str], module: str = "", gem: str = "",
          latest: str = "PLUGIN") -> RubyPlugin:
    return RubyPlugin(frozenset(registers.split()), versions, module=module, gem=gem, latest=latest)


#: a Ruby plugin file's name -> its built-in equivalent: al-folio's ``_plugins`` of every
#: version since 2015 (digests: :func:`.ruby.normalized_digest` of each version shipped)
RUBY_PLUGINS: dict[str, RubyPlugin] = {
    "details.rb": _ruby("tag:details", {"4c5a01efe9f58f50": "PLUGIN"}, module="alfolio.details"),
    "file-exists.rb": _ruby("tag:file_exists", {"266e645bf45fbd41": "PLUGIN"}, module="alfolio.file_exists"),
    "hideCustomBibtex.rb": _ruby(
        "filter:hideCustomBibtex", {"ce9f3d962f4b6337": "PLUGIN_ANY_LINE", "af51e716b3452464": "PLUGIN_FIELD"},
        module="alfolio.hide_custom_bibtex", latest="PLUGIN_FIELD",
    ),
    "hide-custom-bibtex.rb": _ruby(
        "filter:hideCustomBibtex", {"af51e716b3452464": "PLUGIN_FIELD", "c9a829b6b4f76954": "PLUGIN"},
        module="alfolio.hide_custom_bibtex",
    ),
    "remove-accents.rb": _ruby("filter:remove_accents", {"f8f7ed23ef28a3b5": "PLUGIN"},
                               module="alfolio.remove_accents"),
    "cache-bust.rb": _ruby("filter:bust_file_cache filter:bust_css_cache", {"d9772ba1c8bf08da": "PLUGIN"},
                           module="alfolio.cache_bust"),
    "beautify.rb": _ruby("filter:beautify", {"9079b914569f9547": "PLUGIN_BEAUTIFY"},
                         module="alfolio.html_filters", latest="PLUGIN_BEAUTIFY"),
    "minify.rb": _ruby("filter:minify", {"4343b3da17ca3f8d": "PLUGIN_MINIFY"},
                       module="alfolio.html_filters", latest="PLUGIN_MINIFY"),
    "google-scholar-citations.rb": _ruby(
        "tag:google_scholar_citations",
        {"6376a2d7f2069b41": "GOOGLE_SCHOLAR_FIRST_GROUP", "9ab0e565373fb379": "GOOGLE_SCHOLAR",
         "eaffd93a7433ee5f": "GOOGLE_SCHOLAR", "97cc3050da2d276c": "GOOGLE_SCHOLAR"},
        module="alfolio.citations", latest="GOOGLE_SCHOLAR",
    ),
    "inspirehep-citations.rb": _ruby("tag:inspirehep_citations", {"30eba845b84a3893": "INSPIREHEP"},
                                     module="alfolio.citations", latest="INSPIREHEP"),
    "external-posts.rb": _ruby(
        "generator:ExternalPostsGenerator",
        {"070b5a166172669b": "PLUGIN_RSS_ONLY", "f6316084c1955588": "PLUGIN_RSS_ONLY",
         "4eb0118eb595b2cf": "PLUGIN_PAGE_BODY", "1612c0688080fefa": "PLUGIN_SLUG_FALLBACK",
         "45361257d5fdfe73": "PLUGIN_WITH_CONTENT", "4032a90a850ecb61": "PLUGIN_WITH_CONTENT",
         "b1898877c0b34021": "PLUGIN"},
        module="alfolio.external_posts",
    ),
    # copies of gems liquidsite builds in: they run as that gem does
    "terser.rb": _ruby("generator:TerserGenerator", {"27c499a9d875b68c": "PLUGIN"}, gem="jekyll-terser"),
    "download-3rd-party.rb": _ruby(
        "hook:site:after_init",
        dict.fromkeys(("f5a9b8dae9d4b44f", "272415cde7ca46b6", "686af0445947b5fb", "8297604e62405df6",
                       "32b047c4deec2f00", "f31181aee455945f"), "PLUGIN"),
        gem="jekyll-3rd-party-libraries",
    ),
    # 2015-2016: one line, require 'jekyll/scholar'
    "ext.rb": _ruby("", {"dc2c847626194033": "PLUGIN"}, gem="jekyll-scholar"),
    "jekyll-scholar.rb": _ruby("", {"dc2c847626194033": "PLUGIN"}, gem="jekyll-scholar"),
}


def enabled(config: Mapping[str, Any], theme_gems: Sequence[str] = ()) -> list[BuiltinPlugin]:
    """The built-in plugins a configuration enables, highest priority first.

    As Jekyll 4.3 requires gems: the theme's runtime dependencies (*theme_gems*) and
    those named in ``plugins:`` (the Jekyll 3 ``gems:`` key is no longer read at all),
    and with ``safe`` only those also in ``whitelist``.
    """
    names = list(theme_gems) + [str(n) for n in (config.get("plugins") or []) if isinstance(n, str)]
    if config.get("safe"):
        whitelist = config.get("whitelist")
        allowed = {str(n) for n in (whitelist if isinstance(whitelist, list) else [whitelist]) if n is not None}
        names = [n for n in names if n in allowed]
    found: list[BuiltinPlugin] = [
        importlib.import_module(f"{__name__}.{MODULES[n]}").PLUGIN for n in dict.fromkeys(names) if n in MODULES
    ]
    return sorted(dict.fromkeys(found), key=lambda plugin: -plugin.priority)


def ruby_equivalent(plugin: RubyPlugin, attribute: str) -> Optional[BuiltinPlugin]:
    """The built-in plugin a recognised Ruby file runs as, or None when its gem is not built in."""
    module = plugin.module or MODULES.get(plugin.gem)
    if not module:
        return None
    found: BuiltinPlugin = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    return found


#: gems sites list in ``plugins:`` that are libraries, not plugins: Jekyll requires them and they
#: register nothing (``terser`` is what al-folio's ``_plugins/terser.rb`` of 2024–2025 minifies with;
#: kramdown, its GFM parser and Rouge, which Jekyll loads anyway, are liquidsite's own ports)
LIBRARY_GEMS = frozenset(("terser", "kramdown", "kramdown-parser-gfm", "rouge"))


def warn_unknown(config: Mapping[str, Any]) -> None:
    """Name each plugin in ``plugins:`` that liquidsite has no equivalent for, once per build.

    Jekyll stops when a listed gem is not installed; liquidsite cannot install
    gems, so it says which plugin's output will be missing and builds the rest.
    """
    from ..log import logger

    for name in dict.fromkeys(str(n) for n in (config.get("plugins") or [])):
        if name not in MODULES and name not in LIBRARY_GEMS:
            logger.warn("Plugin Warning:", f"'{name}' is not built into liquidsite; the site is built without it.")

