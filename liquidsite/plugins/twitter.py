"""jekyll-twitter-plugin 2.x: ``{% twitter URL [key=value...] %}`` embeds a tweet or timeline.

The tag asks Twitter's oEmbed endpoint for the URL (the ``key=value`` pairs go
along as parameters) and writes the answer's ``html`` in
``<div class='jekyll-twitter-plugin'>``. As the gem does, an answer stored in
the site's ``.tweet-cache/`` (the gem's own cache, MD5-named) is used without
asking; otherwise the request goes through :mod:`liquidsite.net`, so that a
build without network uses liquidsite's cache or writes the gem's
``Tweet could not be processed``. ``twitternocache`` skips ``.tweet-cache``.
A first argument that is not a URL names a variable holding it.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
from typing import TYPE_CHECKING, Any, Optional

from ..encoding import read_utf8
from ..errors import LiquidsiteError
from ..site_plugins import TagContext, tag_class
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..liquid.environment import JekyllEnvironment
    from ..siteview import SiteView

GEM = "jekyll-twitter-plugin"
TWITTER_API_URL = "https://publish.twitter.com/oembed"
ERROR_BODY_TEXT = "<p>Tweet could not be processed</p>"
_URL_OR_STRING = re.compile(r"^(\"|')?(http|https)://", re.I | re.M)
_README = "Please see 'https://github.com/rob-murray/jekyll-twitter-plugin' for usage."


def _form_component(text: str) -> str:
    """Ruby's ``URI.encode_www_form_component``: ``*-._`` and alphanumerics kept, space as ``+``."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if char.isascii() and (char.isalnum() or char in "*-._"):
            out.append(char)
        elif char == " ":
            out.append("+")
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def _ruby_hash_inspect(params: dict[str, str]) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "{" + ", ".join(f"{quoted(k)}=>{quoted(v)}" for k, v in params.items()) + "}"


def _arguments(text: str) -> list[str]:
    """The gem's ``normalize_string_params``: quotes removed, split on whitespace."""
    return [part for part in re.split(r"\s+", re.sub(r"[\"']", "", text)) if part]


def _options(args: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for arg in args:
        parts = [p.strip() for p in arg.split("=")]
        if len(parts) >= 2 and parts[0] and parts[1]:
            found[parts[0]] = parts[1]
    return found


class _Request:
    def __init__(self, args: list[str]) -> None:
        if not any(args):
            raise LiquidsiteError(f"Invalid arguments '{' '.join(args)}' passed to '{GEM}'. {_README}")
        if args[0] == "oembed":
            args = args[1:]
        self.url = args[0] if args else ""
        self.params = _options(args[1:])

    @property
    def uri(self) -> str:
        query = {**self.params, "url": self.url}
        return TWITTER_API_URL + "?" + "&".join(f"{_form_component(k)}={_form_component(v)}" for k, v in query.items())

    @property
    def cache_key(self) -> str:
        key = f"TwitterJekyll::ApiRequest-{self.url}-{_ruby_hash_inspect(self.params)}"
        return hashlib.md5(key.encode("utf-8")).hexdigest()


def _tweet_cache(site: "SiteView", request: _Request) -> Optional[dict[str, Any]]:
    path = os.path.join(site.source, ".tweet-cache", f"{request.cache_key}.cache")
    try:
        found = json.loads(read_utf8(path, strip_bom=False, name=os.path.relpath(path, site.source)))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _live(site: "SiteView", request: _Request) -> Optional[dict[str, Any]]:
    response = site.net.fetch(request.uri, GEM, {"User-Agent": "jekyll-twitter-plugin-v2.0.0"})
    if response is None:
        return None
    if not response.ok:
        reason = http.client.responses.get(response.status, str(response.status))
        return {"html": f"<p>There was a '{reason}' error fetching URL: '{request.url}'</p>"}
    try:
        found = json.loads(response.text())
    except ValueError:
        return None
    return found if isinstance(found, dict) else None


def _tag(use_tweet_cache: bool, env: "JekyllEnvironment") -> Any:
    def render(markup: str, context: TagContext) -> str:
        if _URL_OR_STRING.search(markup) or markup.startswith("oembed"):
            request = _Request(_arguments(markup))
        else:
            variable, *rest = _arguments(markup) or [""]
            request = _Request([context.evaluate_to_s(variable), *rest])
        answer = (_tweet_cache(context.site, request) if use_tweet_cache else None) or _live(context.site, request)
        body = answer.get("html") if answer else None
        return f"<div class='jekyll-twitter-plugin'>{body or ERROR_BODY_TEXT}</div>"

    return render


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(tag_class("twitter", _tag(True, env), env.site, block=False))
    env.add_tag(tag_class("twitternocache", _tag(False, env), env.site, block=False))


PLUGIN = BuiltinPlugin(GEM, register_liquid=register_liquid)
