"""jekyll-target-blank 2.0.2: external links open in a new tab (al-folio 2020–2022).

A ``post_render`` hook on pages and documents (written HTML, or a permalink
ending in ``/``, as jemoji decides) whose output holds ``<a``: the ``<body>``'s
content (or the whole output, without ``<body``) is parsed as a Nokogiri HTML
fragment and written back with libxml2's serializer (:mod:`.libxml_html`).
Every ``<a href>`` not ``mailto:`` whose URL holds ``http:`` or ``https:``
(Ruby's unanchored ``URI.regexp``) and whose host is not the ``url``'s gets
``target="_blank"`` and ``rel``: its own value, then ``noopener``,
``noreferrer`` and the ``target-blank: rel`` values. ``target-blank:
css_class`` limits this to links of that class; ``add_css_classes`` puts
classes before a link's own.

Where the gem's ``URI.parse`` raises on a URL it cannot parse (a space in a
link) and stops the build, the host is read leniently here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Mapping, Optional

from . import libxml_html
from .base import BuiltinPlugin
from .jemoji import emojiable

if TYPE_CHECKING:
    from ..hooks import Hooks

_OPENING_BODY = re.compile(r"<body[^<>]*>[ \t\r\n\f\v]*")
_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)")


def _settings(config: Mapping[str, Any]) -> Mapping[str, Any]:
    settings = config.get("target-blank")
    return settings if isinstance(settings, Mapping) else {}


def _set(value: Any) -> bool:
    """Ruby's truthiness of a setting: anything but nil and false."""
    return value is not None and value is not False


def uri_host(url: str) -> Optional[str]:
    """``URI.parse(url).host``: the authority without user info and port (case kept), or nil."""
    match = _AUTHORITY.match(url)
    if match is None:
        return None
    host = match.group(1).rpartition("@")[2]
    if not host.startswith("["):
        host = host.partition(":")[0]
    return host or None


def is_external(href: str, site_url: Any) -> bool:
    return not href.startswith("mailto:") and ("http:" in href or "https:" in href) and (
        uri_host(href) != uri_host("" if site_url is None else str(site_url)))


def _rel(existing: Optional[str], settings: Mapping[str, Any]) -> str:
    values = [existing] if existing else []
    if settings.get("noopener", True) is not False:
        values.append("noopener")
    if settings.get("noreferrer", True) is not False:
        values.append("noreferrer")
    if _set(settings.get("rel")):
        values.append(str(settings["rel"]))
    return " ".join(values)


def process_fragment(html: str, config: Mapping[str, Any]) -> str:
    """The gem's ``process_anchor_tags``: the fragment's external links rewritten, written back by Nokogiri."""
    settings = _settings(config)
    required_class = settings.get("css_class") if _set(settings.get("css_class")) else None
    added_classes = settings.get("add_css_classes") if _set(settings.get("add_css_classes")) else None
    fragment = libxml_html.parse_fragment(html)
    for anchor in fragment.iter("a"):
        if not anchor.has("href") or not is_external(anchor.get("href") or "", config.get("url")):
            continue
        classes = anchor.get("class") or ""
        if required_class is not None and str(required_class) not in classes.split():
            continue
        anchor.set("target", "_blank")
        rel = _rel(anchor.get("rel"), settings)
        if rel:
            anchor.set("rel", rel)
        if added_classes is not None:
            anchor.set("class", str(added_classes) + (" " + classes if classes else ""))
    serializer = libxml_html.Serializer()
    serializer.children(fragment, False)
    return "".join(serializer.out)


def process(output: str, config: Mapping[str, Any]) -> str:
    """``Jekyll::TargetBlank.process`` on one output."""
    if "<a" not in output:
        return output
    return libxml_html.rewrite_body(output, _OPENING_BODY, lambda body: process_fragment(body, config))


def _post_render(item: Any) -> None:
    if item.output and emojiable(item):
        item.output = process(item.output, item.site.config)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register(["pages", "documents"], "post_render", _post_render)


PLUGIN = BuiltinPlugin("jekyll-target-blank", register_hooks=register_hooks)
