"""jemoji 0.13 (gemoji 4.1): ``:smile:`` in rendered HTML becomes GitHub's emoji image.

jemoji is a ``post_render`` hook on pages and documents. When an HTML output
names an emoji anywhere, the text of its ``<body>`` (or the whole output if
it has no ``<body``) is rewritten outside ``pre``, ``code`` and ``tt``
elements. jemoji does this through html-pipeline and Nokogiri, which
re-serialise that markup; we reproduce what matters for generated HTML: text
re-escaped (``&amp; &lt; &gt;``, entities decoded) and void elements written
``<br>``. Other markup is kept as written.

The alias table (``emoji.tsv``) is data generated from gemoji's
``db/emoji.json``: alias, then the image file's codepoints.
"""

from __future__ import annotations

import functools
import os
import re
from html import escape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from ..hooks import Hooks

DEFAULT_ASSET_ROOT = "https://github.githubassets.com/images/icons/"
_OPENING_BODY = re.compile(r"<body(.*?)>\s*", re.S)
_IGNORED_ANCESTORS = frozenset(("pre", "code", "tt"))
_RAW_TEXT = frozenset(("script", "style"))
_VOID = frozenset((
    "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
    "link", "meta", "param", "source", "track", "wbr",
))
_SELF_CLOSING_END = re.compile(r"\s*/>\Z")


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


def emojify_text(text: str, root: str) -> str:
    """Escape *text* as HTML with each ``:alias:`` replaced by its image."""
    out: list[str] = []
    position = 0
    while (found := _next_match(text, position)) is not None:
        begin, end, name = found
        out.append(escape(text[position:begin], quote=False))
        out.append(image_tag(name, root))
        position = end
    out.append(escape(text[position:], quote=False))
    return "".join(out)


class _Emojifier(HTMLParser):
    """Rewrites an HTML fragment: text re-escaped and emojified, void tags as ``<br>``."""

    def __init__(self, root: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = root
        self.out: list[str] = []
        self.ignored_depth = 0
        self.raw_text: Optional[str] = None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            raw = _SELF_CLOSING_END.sub(">", raw)
        elif tag in _IGNORED_ANCESTORS:
            self.ignored_depth += 1
        elif tag in _RAW_TEXT:
            self.raw_text = tag
        self.out.append(raw)

    def handle_startendtag(self, tag: str, attrs: Any) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        self.out.append(_SELF_CLOSING_END.sub(">", raw) if tag in _VOID else raw)

    def handle_endtag(self, tag: str) -> None:
        if tag in _IGNORED_ANCESTORS and self.ignored_depth:
            self.ignored_depth -= 1
        if tag == self.raw_text:
            self.raw_text = None
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.raw_text is not None:
            self.out.append(data)
        elif self.ignored_depth:
            self.out.append(escape(data, quote=False))
        else:
            self.out.append(emojify_text(data, self.root))

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def emojify_fragment(html: str, root: str) -> str:
    parser = _Emojifier(root)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def emojify(output: str, config: dict[str, Any]) -> str:
    """jemoji's ``Emoji.emojify`` on one rendered output."""
    if not has_emoji(output):
        return output
    root = asset_root(config)
    if "<body" not in output:
        return emojify_fragment(output, root)
    match = _OPENING_BODY.search(output)
    if match is None:
        return output
    head, opener, tail = output[:match.start()], match.group(0), output[match.end():]
    body, closer, rest = tail.partition("</body>")
    return head + opener + emojify_fragment(body, root) + closer + rest


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
