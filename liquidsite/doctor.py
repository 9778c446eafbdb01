"""``liquidsite doctor``: Jekyll 4.3's ``doctor`` checks, then the mistakes academic sites make.

Jekyll's checks (``Jekyll::Commands::Doctor.healthy?``), with its wording: relative
permalinks, destinations shared by several files, URLs that differ only by case, an
empty, invalid or relative ``url``, ``_posts`` outside ``collections_dir``. Then
liquidsite's own: a ``baseurl`` that does not fit the GitHub Pages site the repository
publishes, a ``url`` carrying a path, the Jekyll 3 ``gems:`` key, layouts that pages
ask for and nobody defines, and every warning that reading the site printed (plugins
liquidsite does not build in, Ruby plugins it skips, a theme it cannot find). The site
is healthy, and the exit status 0, only when no check failed.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, Mapping, Optional, Union
from urllib.parse import urlsplit

from .log import Level, logger

if TYPE_CHECKING:
    from .documents import Document, Page
    from .site import Site

_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*:")


def deprecated_relative_permalinks(site: "Site") -> bool:
    if site.config.get("relative_permalinks"):
        logger.warn("Deprecation:", "Your site still uses relative permalinks, which was removed in Jekyll v3.0.0.")
        return True
    return False


def _pages_and_docs_to_write(site: "Site") -> list[Union["Page", "Document"]]:
    """``site.pages + site.docs_to_write``."""
    from .documents import Document

    return [*site.pages, *(d for d in site.documents if isinstance(d, Document) and d.write)]


def urls_only_differ_by_case(site: "Site") -> bool:
    by_lower: dict[str, list[str]] = {}
    for thing in _pages_and_docs_to_write(site):
        dest = thing.destination(site.dest)
        by_lower.setdefault(dest.lower(), []).append(dest)
    found = False
    for real_urls in by_lower.values():
        if len(set(real_urls)) > 1:
            found = True
            logger.warn("Warning:", "The following URLs only differ by case. On a case-insensitive file system one "
                                    f"of the URLs will be overwritten by the other: {', '.join(real_urls)}")
    return found


def proper_site_url(url: Any) -> bool:
    """Jekyll's three ``url`` checks; each failing one prints its warning."""
    exists = url is not None and url != ""
    if not exists:
        logger.warn("Warning:", "You didn't set an URL in the config file, you may encounter problems with some "
                                "plugins.")
    valid = url is None or isinstance(url, str)  # Addressable::URI.parse raises TypeError on anything else
    if not valid:
        logger.warn("Warning:", "The site URL does not seem to be valid, check the value of `url` in your config file.")
    absolute = isinstance(url, str) and bool(_SCHEME.match(url))
    if not absolute:
        logger.warn("Warning:", "Your site URL does not seem to be absolute, check the value of `url` in your config "
                                "file.")
    return exists and valid and absolute


def properly_gathered_posts(site: "Site") -> bool:
    collections_dir = str(site.config.get("collections_dir") or "")
    posts_at_root = site.in_source_dir("_posts")
    if not collections_dir or not os.path.isdir(posts_at_root):
        return True
    logger.warn("Warning:", "Detected '_posts' directory outside custom `collections_dir`!")
    logger.warn("", f"Please move '{posts_at_root}' into the custom directory at "
                    f"'{site.in_source_dir(collections_dir)}'")
    return False


# -- liquidsite's checks -------------------------------------------------------------------------


def _repository(config: Mapping[str, Any]) -> Optional[str]:
    from .plugins.github_metadata import Pages, find_nwo

    return find_nwo(config, Pages())


def github_pages_baseurl(site: "Site") -> bool:
    """``baseurl`` against where GitHub Pages publishes the repository: ``""`` for ``OWNER.github.io``,
    ``/NAME`` for a project site on ``*.github.io`` (a custom domain serves it at the root)."""
    baseurl = str(site.config.get("baseurl") or "").strip("/")
    url = site.config.get("url")
    host = (urlsplit(url).hostname or "") if isinstance(url, str) else ""
    ok = True
    if isinstance(url, str) and _SCHEME.match(url) and urlsplit(url).path.strip("/"):
        logger.warn("Warning:", f"`url` ({url}) has a path: `url` is the scheme and host only, the path belongs "
                                "in `baseurl`, or every absolute link gets it twice.")
        ok = False
    nwo = _repository(site.config)
    if not nwo or "/" not in nwo:
        return ok
    owner, name = nwo.split("/", 1)
    if name.lower() == f"{owner.lower()}.github.io":
        if baseurl:
            logger.warn("Warning:", f"{nwo} is a user site, published at https://{name.lower()}/: "
                                    f"set `baseurl: \"\"` (it is \"/{baseurl}\"), or every link gets /{baseurl} "
                                    "and breaks.")
            ok = False
    elif host.endswith(".github.io") and baseurl != name:
        logger.warn("Warning:", f"{nwo} is a project site, published at https://{owner.lower()}.github.io/{name}/: "
                                f"set `baseurl: \"/{name}\"` (it is \"{'/' + baseurl if baseurl else ''}\"), "
                                "or links to pages, styles and images break.")
        ok = False
    return ok


def jekyll3_gems_key(site: "Site") -> bool:
    gems = site.config.get("gems")
    if not gems:
        return True
    logger.warn("Warning:", "`gems:` is not read by Jekyll 4 (it became `plugins:` in Jekyll 3.5): "
                            f"move {', '.join(str(g) for g in gems) if isinstance(gems, list) else gems} "
                            "to `plugins:`, or they do not run.")
    return False


def layouts_exist(site: "Site") -> bool:
    ok = True
    for thing in _pages_and_docs_to_write(site):
        name = thing.layout_name
        if name is None or name == "none" or str(name) in site.layouts:
            continue
        ok = False
        logger.warn("Build Warning:", f"Layout '{name}' requested in {thing.relative_path} does not exist.")
    return ok


def healthy(site: "Site", warned_while_reading: bool) -> bool:
    """Every check runs (each prints its own warnings); the site is healthy when all pass."""
    from . import writer

    results = [
        not deprecated_relative_permalinks(site),
        not writer.report_conflicts(site),
        not urls_only_differ_by_case(site),
        proper_site_url(site.config.get("url")),
        properly_gathered_posts(site),
        github_pages_baseurl(site),
        jekyll3_gems_key(site),
        layouts_exist(site),
    ]
    if warned_while_reading:
        logger.warn("Warning:", "Reading the site printed the warnings above: the build will not be what Jekyll "
                                "builds until they are fixed.")
    return all(results) and not warned_while_reading


def run(config: dict[str, Any]) -> int:
    """``jekyll doctor``: reset, read and generate, then check; exit status 1 when unhealthy."""
    from .site import Site

    first = len(logger.messages)
    site = Site(config)
    site.reset()
    site.read()
    site.generate()
    warned = any(level >= Level.WARN for level, _line in logger.messages[first:])
    if healthy(site, warned):
        logger.info("Your test results", "are in. Everything looks fine.")
        return 0
    return 1
