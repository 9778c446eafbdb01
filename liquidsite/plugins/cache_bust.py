"""jekyll-cache-bust 0.0.1: ``bust_file_cache`` and ``bust_css_cache`` append ``?v=MD5``.

``bust_file_cache`` hashes the file the URL names, read from the part of the
URL that starts at ``assets/``; ``bust_css_cache`` ignores the file and hashes
every file below ``assets/_sass`` (the Sass sources the CSS is built from),
concatenated in Ruby's sorted ``Dir['assets/_sass/**/*']`` order. The gem reads
these paths relative to the directory Jekyll runs in; liquidsite reads them
from the site's source, where a site is built from.
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


def file_digest(source: str, url: str) -> str:
    start = url.find("assets/")
    if start < 0:
        raise JekyllTagError("no implicit conversion from nil to integer")
    path = os.path.join(source, url[start:])
    try:
        with open(path, "rb") as handle:
            return hashlib.md5(handle.read()).hexdigest()
    except OSError as err:
        raise JekyllTagError(f"No such file or directory @ rb_sysopen - {url[start:]}") from err


def sass_digest(source: str) -> str:
    digest = hashlib.md5()
    for path in ruby_glob_all(os.path.join(source, SASS_DIRECTORY)):
        if not os.path.isdir(path):
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def register_liquid(env: "JekyllEnvironment") -> None:
    source = env.site.source

    def bust_file_cache(file_name: Any) -> str:
        url = scalar_to_s(file_name)
        return f"{url}?v={file_digest(source, url)}"

    def bust_css_cache(file_name: Any) -> str:
        return f"{scalar_to_s(file_name)}?v={sass_digest(source)}"

    env.add_filter("bust_file_cache", with_ruby_arity(bust_file_cache))
    env.add_filter("bust_css_cache", with_ruby_arity(bust_css_cache))


PLUGIN = BuiltinPlugin("jekyll-cache-bust", register_liquid=register_liquid)
