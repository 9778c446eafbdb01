"""al-folio's former ``_plugins/cache-bust.rb`` (2023–2025, before the jekyll-cache-bust gem).

``bust_file_cache`` appends ``?`` and the MD5 of the file the name points at
(from its ``assets/`` on, read from the site's folder); ``bust_css_cache``
appends the MD5 of everything under ``assets/_sass``. The gem later wrote
``?v=`` instead of ``?``; the plugin file did not.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any

from liquid.exceptions import LiquidError

from ..base import BuiltinPlugin
from . import as_text

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment
    from ...siteview import SiteView


def ruby_glob_files(directory: str) -> list[str]:
    """The files of Ruby's ``Dir["directory/**/*"]``: names sorted, each folder followed by its
    own files, depth first (hidden names skipped)."""
    found: list[str] = []
    if not os.path.isdir(directory):
        return found
    for name in sorted(n for n in os.listdir(directory) if not n.startswith(".")):
        path = os.path.join(directory, name)
        if os.path.isdir(path):
            found.extend(ruby_glob_files(path))
        elif os.path.isfile(path):
            found.append(path)
    return found


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise LiquidError(f"No such file or directory @ rb_sysopen - {err.filename}", token=None) from None


def _plugin_for(site: "SiteView") -> tuple[Any, Any]:
    def bust_file_cache(value: Any) -> str:
        name = as_text(value)
        start = name.find("assets/")
        if start < 0:
            raise LiquidError(f"bust_file_cache: '{name}' does not name a file under assets/", token=None)
        return f"{name}?{hashlib.md5(_read(os.path.join(site.source, name[start:]))).hexdigest()}"

    def bust_css_cache(value: Any) -> str:
        files = ruby_glob_files(os.path.join(site.source, "assets", "_sass"))
        content = b"".join(_read(path) for path in files)
        return f"{as_text(value)}?{hashlib.md5(content).hexdigest()}"

    return bust_file_cache, bust_css_cache


def register_liquid(env: "JekyllEnvironment") -> None:
    bust_file_cache, bust_css_cache = _plugin_for(env.site)
    env.add_filter("bust_file_cache", bust_file_cache)
    env.add_filter("bust_css_cache", bust_css_cache)


PLUGIN = BuiltinPlugin("cache-bust.rb", register_liquid=register_liquid)
