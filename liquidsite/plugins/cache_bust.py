"""jekyll-cache-bust 0.0.1: ``bust_file_cache`` and ``bust_css_cache`` append ``?v=MD5``.

``bust_file_cache`` hashes the file the URL names, read from the part of the
URL that starts at ``assets/`` (the whole URL when it holds none: Ruby slices
with a beginless range); ``bust_css_cache`` ignores the file and hashes
every file below ``assets/_sass`` (the Sass sources the CSS is built from),
concatenated in Ruby's sorted ``Dir['assets/_sass/**/*']`` order. The gem reads
these paths relative to the directory Jekyll runs in; liquidsite reads them
from the site's source, where a site is built from. al-folio's older
``_plugins/cache-bust.rb`` is the same code writing ``?`` alone
(:mod:`.alfolio.cache_bust` registers these filters with that separator).
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Any

from ..liquid.ruby import scalar_to_s
from ..liquid.standard_filters import with_ruby_arity
from ..liquid.tag_errors import JekyllTagError
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..liquid.environment import JekyllEnvironment

SASS_DIRECTORY = "assets/_sass"


def ruby_glob_all(root: str) -> list[str]:
    """``Dir[root/**/*]`` as Ruby 3 sorts it: each directory's entries sorted, a folder before its contents."""
    found: list[str] = []
    if not os.path.isdir(root):
        return found
    for name in sorted(os.listdir(root)):
        if name.startswith("."):
            continue
        path = os.path.join(root, name)
        found.append(path)
        if os.path.isdir(path) and not os.path.islink(path):
            found.extend(ruby_glob_all(path))
    return found


def _read(path: str, shown: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise JekyllTagError(f"No such file or directory @ rb_sysopen - {shown}") from err


def file_digest(source: str, url: str) -> str:
    """The MD5 of the file *url* names, from its ``assets/`` on."""
    start = url.find("assets/")
    local = url[start:] if start >= 0 else url
    return hashlib.md5(_read(os.path.join(source, local), local)).hexdigest()


def sass_digest(source: str) -> str:
    """The MD5 of every file below ``assets/_sass``, concatenated in Ruby's glob order."""
    digest = hashlib.md5()
    for path in ruby_glob_all(os.path.join(source, SASS_DIRECTORY)):
        if not os.path.isdir(path):
            digest.update(_read(path, os.path.relpath(path, source)))
    return digest.hexdigest()


def register_filters(env: "JekyllEnvironment", separator: str) -> None:
    """Both filters, writing *separator* between the URL and its digest.

    The gem reads and hashes the file at every call; a build's sources do not change while it
    renders, so each digest is made once per environment, which is once per build (al-folio
    busts some twenty URLs on every page)."""
    source = env.site.source
    digests: dict[str, str] = {}
    sass: list[str] = []

    def bust_file_cache(file_name: Any) -> str:
        url = scalar_to_s(file_name)
        digest = digests.get(url)
        if digest is None:
            digest = digests[url] = file_digest(source, url)
        return f"{url}{separator}{digest}"

    def bust_css_cache(file_name: Any) -> str:
        if not sass:
            sass.append(sass_digest(source))
        return f"{scalar_to_s(file_name)}{separator}{sass[0]}"

    env.add_filter("bust_file_cache", with_ruby_arity(bust_file_cache))
    env.add_filter("bust_css_cache", with_ruby_arity(bust_css_cache))


def register_liquid(env: "JekyllEnvironment") -> None:
    register_filters(env, "?v=")


PLUGIN = BuiltinPlugin("jekyll-cache-bust", register_liquid=register_liquid)
