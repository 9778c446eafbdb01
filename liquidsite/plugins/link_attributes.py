"""jekyll-link-attributes 1.0.1: external links get ``rel`` and ``target``.

A ``post_render`` hook on documents (whatever their output) and on ``.html``
pages: the output is parsed as a whole HTML document by Nokogiri, every
``<a href>`` starting ``http://`` or ``https://`` (at the start of any line of
the value, as Ruby's ``^`` matches) and not under the site's ``url`` gets
``rel`` (``external_links.rel``, default ``external nofollow noopener``) and
``target`` (``external_links.target``, default ``_blank``) where it has none,
unless a pattern of ``external_links.exclude`` matches the whole URL; then the
document is written back. The rewrite (and libxml2's normalisation of the whole
page: a DOCTYPE, the Content-Type ``<meta>``, ...) happens on every such page
unless ``external_links.enabled`` is ``false``; see :mod:`.libxml_html`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Mapping

from . import libxml_html
from .base import BuiltinPlugin
from .regex_replace import compile_ruby

if TYPE_CHECKING:
    from ..hooks import Hooks

_HTTP = re.compile(r"^https?://", re.M)
_BLANKS = (" ", "\t", "\n", "\r")
#: the attribute of a page or document holding the output this plugin last wrote, when a new pass keeps it
_STABLE_OUTPUT = "_link_attributes_stable_output"


def _settings(config: Mapping[str, Any]) -> Mapping[str, Any]:
    settings = config.get("external_links")
    return settings if isinstance(settings, Mapping) else {}


def is_external(url: str, site_url: Any) -> bool:
    return bool(_HTTP.search(url)) and (site_url is None or not url.startswith(str(site_url)))


def rewrite(output: str, config: Mapping[str, Any]) -> str:
    """The gem's ``post_render_html`` on one output."""
    return _rewrite(output, config)[0]


def _rewrite(output: str, config: Mapping[str, Any]) -> tuple[str, bool]:
    """The rewritten output, and whether rewriting it again would change nothing.

    A second pass changes what the first one wrote only where libxml2's writing
    changed a link's ``href``: the blanks it strips before a URL can turn a
    link the first pass left alone into an external one.
    """
    settings = _settings(config)
    excludes = [compile_ruby(f"^{pattern}$") for pattern in (settings.get("exclude") or [])]
    rel = str(settings.get("rel") or "external nofollow noopener")
    target = str(settings.get("target") or "_blank")
    document = libxml_html.parse_document(output)
    stable = True
    for anchor in document.root.iter("a"):
        href = anchor.get("href")
        if href is not None and href[:1] in _BLANKS:
            stable = False
        if href is None or not is_external(href, config.get("url")):
            continue
        if any(pattern.search(href) for pattern in excludes):
            continue
        if not anchor.has("rel"):
            anchor.set("rel", rel)
        if not anchor.has("target"):
            anchor.set("target", target)
    return libxml_html.serialize_document(document), stable


def enabled(config: Mapping[str, Any]) -> bool:
    return _settings(config).get("enabled") is not False


def _post_render(item: Any) -> None:
    config = item.site.config
    if item.output is None or not enabled(config):
        return
    if item.kind == "pages" and item.output_ext != ".html":
        return
    if getattr(item, _STABLE_OUTPUT, None) is item.output:
        return  # a post's second pass (as ``documents`` after ``posts``) over its own stable output
    item.output, stable = _rewrite(item.output, config)
    setattr(item, _STABLE_OUTPUT, item.output if stable else None)


def register_hooks(hooks: "Hooks") -> None:
    # the gem hooks posts twice, as ``posts`` and as ``documents``: the second pass can still change a post
    hooks.register(["pages", "documents", "posts"], "post_render", _post_render)


PLUGIN = BuiltinPlugin("jekyll-link-attributes", register_hooks=register_hooks)
