"""jekyll-3rd-party-libraries 0.0.1: ``third_party_libraries:`` URLs with their versions filled in.

At ``after_init`` the gem replaces ``{{version}}`` in every ``url`` of every
library with that library's ``version``, in the site's configuration itself,
so templates read ``site.third_party_libraries.NAME.url.js`` ready to use.

With ``download: true`` the gem also downloads each file into
``assets/libs/NAME/`` (once: an existing file is kept) and points the URL at
that copy (``baseurl`` first). liquidsite does the same for plain file URLs,
with a short timeout; a failed download warns once per file and keeps the CDN
URL. The gem's font and image directory scraping (``fonts``/``images`` URLs
that are not a CSS file) and its rewriting of font CSS are not done: those
URLs stay on the CDN, with one warning.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .. import net
from ..errors import ConfigError
from ..log import logger
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..hooks import Hooks
    from ..site import Site

PLACEHOLDER = "{{version}}"
DOWNLOAD_TIMEOUT = 10.0


def fill_versions(libraries: dict[str, Any]) -> None:
    """Replace ``{{version}}`` in each library's URLs (nested one level, as the gem walks them)."""
    for name, library in libraries.items():
        if name == "download" or not isinstance(library, dict) or not isinstance(library.get("url"), dict):
            continue
        urls: dict[str, Any] = library["url"]
        for kind, url in urls.items():
            targets = url if isinstance(url, dict) else {None: url}
            for sub, value in targets.items():
                if not isinstance(value, str) or PLACEHOLDER not in value:
                    continue
                version = library.get("version")
                if not isinstance(version, str):
                    raise ConfigError(
                        f"third_party_libraries: {name}: version must be a string to fill {PLACEHOLDER} "
                        f"(got {version!r}); quote it in _config.yml"
                    )
                filled = value.replace(PLACEHOLDER, version)
                if sub is None:
                    urls[kind] = filled
                else:
                    url[sub] = filled


def _file_name(url: str) -> str:
    return url.split("/")[-1].split("?")[0]


def _download(url: str, dest: str) -> bool:
    if url.startswith("|"):
        return False
    if os.path.isfile(dest):
        return True
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    logger.info("Third-party libraries:", f"Downloading {url} to {dest}")
    try:
        response = net.get(url, timeout=DOWNLOAD_TIMEOUT)
        if not response.ok:
            raise net.NetworkError(f"HTTP {response.status}")
    except net.NetworkError as err:
        logger.warn("Third-party libraries:", f"could not download {url} ({err}); keeping the CDN URL.")
        return False
    with open(dest, "wb") as handle:
        handle.write(response.body)
    return True


def download(site: "Site", libraries: dict[str, Any]) -> None:
    baseurl = site.config.get("baseurl")
    prefix = str(baseurl) if baseurl else "/"
    skipped = False
    for name, library in libraries.items():
        if name == "download" or not isinstance(library, dict) or not isinstance(library.get("url"), dict):
            continue
        urls: dict[str, Any] = library["url"]
        for kind, url in list(urls.items()):
            targets = url if isinstance(url, dict) else {None: url}
            for sub, value in targets.items():
                if not isinstance(value, str):
                    continue
                file_name = _file_name(value)
                if sub is None and kind in ("fonts", "images"):
                    skipped = True
                    continue
                dest = os.path.join(site.source, "assets", "libs", name, file_name)
                if _download(value, dest):
                    local = "/".join([prefix.rstrip("/"), "assets", "libs", name, file_name])
                    if sub is None:
                        urls[kind] = local
                    else:
                        url[sub] = local
    if skipped:
        logger.warn("Third-party libraries:", "font and image folders are not downloaded; their CDN URLs are kept.")


def _after_init(site: "Site") -> None:
    libraries = site.config.get("third_party_libraries")
    if not isinstance(libraries, dict):
        return
    fill_versions(libraries)
    if libraries.get("download"):
        download(site, libraries)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register("site", "after_init", _after_init)


PLUGIN = BuiltinPlugin("jekyll-3rd-party-libraries", register_hooks=register_hooks)
