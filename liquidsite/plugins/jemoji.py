"""jemoji 0.13 (gemoji 4.1): ``:smile:`` in rendered HTML becomes GitHub's emoji image.

jemoji is a ``post_render`` hook on pages and documents. When an HTML output
names an emoji anywhere, the text of its ``<body>`` (or the whole output if
it has no ``<body``) is rewritten outside ``pre``, ``code`` and ``tt``
elements. jemoji does this through html-pipeline and Nokogiri, which parse
that markup and write it back with libxml2's HTML serializer; so does
:mod:`.libxml_html` here.

The alias table (``emoji.tsv``) is data generated from gemoji's
``db/emoji.json``: alias, then the image file's codepoints.
"""

from __future__ import annotations

import functools
import os
import re
from html import escape
from typing import TYPE_CHECKING, Any, Optional

from . import libxml_html
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..hooks import Hooks

DEFAULT_ASSET_ROOT = "https://github.githubassets.com/images/icons/"
_OPENING_BODY = re.compile(r"<body(.*?)>\s*", re.S)
_IGNORED_ANCESTORS = frozenset(("pre", "code", "tt"))


@functools.lru_cache(maxsize=1)
def emoji_files() -> dict[str, str]:
    """Alias -> image file below the asset root, e.g. ``smile`` -> ``emoji/unicode/1f604.png``."""
    table: dict[str, str] = {}
    with open(os.path.join(os.path.dirname(__file__), "emoji.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "\t" not in line:
                continue
            name, codepoints = line.rstrip("\n").split("\t")
            table[name] = f"emoji/unicode/{codepoints}.png"
    return table


def asset_root(config: dict[str, Any]) -> str:
    """``emoji.src`` from the config, else ``$ASSET_HOST_URL/images/icons/``, else GitHub's."""
    emoji = config.get("emoji")
    if isinstance(emoji, dict) and "src" in emoji:
        return str(emoji["src"])
    host = os.environ.get("ASSET_HOST_URL", "")
    if host:
        return host.rstrip("/") + "/images/icons/"
    return DEFAULT_ASSET_ROOT


def image_tag(name: str, root: str) -> str:
    """html-pipeline's emoji ``<img>`` (jemoji drops its ``align`` attribute)."""
    src = root.rstrip("/") + "/" + emoji_files()[name]
    return f'<img class="emoji" title=":{name}:" alt=":{name}:" src="{src}" height="20" width="20">'


def _next_match(text: str, start: int) -> Optional[tuple[int, int, str]]:
    """The first ``:alias:`` at or after *start*: (begin, end, alias).

    Aliases hold no colon, so a match starting at a colon can only end at the
    next colon: scanning colon to colon finds what gemoji's big regex finds.
    """
    names = emoji_files()
    begin = text.find(":", start)
    while begin != -1:
        end = text.find(":", begin + 1)
        if end == -1:
            return None
        if text[begin + 1:end] in names:
            return begin, end + 1, text[begin + 1:end]
        begin = end
    return None


def has_emoji(text: str) -> bool:
    return _next_match(text, 0) is not None


def emojify_text(text: str, root: str, escaped: bool = True) -> str:
    """*text* with each ``:alias:`` replaced by its image, the rest HTML-escaped if *escaped*."""
    keep = (lambda part: escape(part, quote=False)) if escaped else (lambda part: part)
    out: list[str] = []
    position = 0
    while (found := _next_match(text, position)) is not None:
        begin, end, name = found
        out.append(keep(text[position:begin]))
        out.append(image_tag(name, root))
        position = end
    out.append(keep(text[position:]))
    return "".join(out)


class _EmojiSerializer(libxml_html.Serializer):
    """libxml2's serializer, emoji replaced in text outside ``pre``, ``code`` and ``tt``."""

    def __init__(self, root: str) -> None:
        super().__init__()
        self.root = root

    def ignores(self, name: str) -> bool:
        return name in _IGNORED_ANCESTORS

    def text(self, text: str, parent: libxml_html.Element, ignored: bool) -> None:
        if ignored or not has_emoji(text):
            self.out.append(escape(text, quote=False))
        elif "<" not in text and "&" not in text:
            self.out.append(emojify_text(text, self.root))
        else:
            # html-pipeline swaps the text node for its emojified (decoded) text parsed as HTML
            fragment = libxml_html.parse_fragment(emojify_text(text, self.root, escaped=False))
            fragment.name = parent.name
            self.children(fragment, True)


def emojify_fragment(html: str, root: str) -> str:
    """What html-pipeline's EmojiFilter and Nokogiri's ``to_html`` make of an HTML fragment."""
    serializer = _EmojiSerializer(root)
    serializer.children(libxml_html.parse_fragment(html), False)
    return "".join(serializer.out)


def emojify(output: str, config: dict[str, Any]) -> str:
    """jemoji's ``Emoji.emojify`` on one rendered output."""
    if not has_emoji(output):
        return output
    root = asset_root(config)
    return libxml_html.rewrite_body(output, _OPENING_BODY, lambda body: emojify_fragment(body, root))


def emojiable(item: Any) -> bool:
    """jemoji's ``emojiable?``: written HTML pages and documents, or permalinks ending in ``/``."""
    from ..documents import Page

    permalink = item.permalink
    written = isinstance(item, Page) or item.write
    return (written and item.output_ext == ".html") or (isinstance(permalink, str) and permalink.endswith("/"))


def _post_render(item: Any) -> None:
    if item.output and emojiable(item):
        item.output = emojify(item.output, item.site.config)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register(["pages", "documents"], "post_render", _post_render)


# jemoji requires html-pipeline, which loads ActiveSupport (active_support/xml_mini/nokogiri)
PLUGIN = BuiltinPlugin("jemoji", register_hooks=register_hooks, loads_active_support=True)
