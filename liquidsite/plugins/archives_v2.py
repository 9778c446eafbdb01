"""jekyll-archives-v2 0.0.5: archive pages per collection by year, month, day and any list attribute.

Configured per collection under ``jekyll-archives:`` (al-folio's ``posts:`` and
``books:``): ``enabled`` lists ``year``, ``month``, ``day`` and document
attributes holding lists (``tags``, ``categories``...), or is ``true``/``all``;
``layout`` or ``layouts`` by type; ``permalinks`` by type (defaults
``/:collection/:year/``, ``/:collection/:year/:month/``,
``/:collection/:year/:month/:day/``, ``/:collection/:type/:name/`` where
``:type`` is the attribute's singular); ``slug_mode`` for ``:name``. Each
archive page shows ``page.collection_name``, ``page.documents`` (newest first),
``page.type``, ``page.title`` (attribute archives), ``page.date`` (date
archives), ``page.name``, ``page.path``, ``page.url`` and ``page.permalink``;
``site.archives`` lists them all.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional

from ..liquid.drops import Drop
from ..log import logger
from ..utils import deep_merge, slugify
from .archives import ArchivePage, archive_date, grouped
from .base import ANY_FRONT_MATTER, BuiltinPlugin
from .common import ruby_inspect

if TYPE_CHECKING:
    from ..collection import Collection
    from ..hooks import Hooks
    from ..documents import Document
    from ..site import Site

DATE_TYPES = ("year", "month", "day")

# ActiveSupport's English singularization rules, the last matching one wins.
_SINGULAR_RULES = [
    (r"s$", ""), (r"(ss)$", r"\1"), (r"(n)ews$", r"\1ews"), (r"([ti])a$", r"\1um"),
    (r"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$", r"\1sis"),
    (r"(^analy)(sis|ses)$", r"\1sis"), (r"([^f])ves$", r"\1fe"), (r"(hive)s$", r"\1"), (r"(tive)s$", r"\1"),
    (r"([lr])ves$", r"\1f"), (r"([^aeiouy]|qu)ies$", r"\1y"), (r"(s)eries$", r"\1eries"),
    (r"(m)ovies$", r"\1ovie"), (r"(x|ch|ss|sh)es$", r"\1"), (r"^(m|l)ice$", r"\1ouse"), (r"(bus)(es)?$", r"\1"),
    (r"(o)es$", r"\1"), (r"(shoe)s$", r"\1"), (r"(cris|test)(is|es)$", r"\1is"), (r"^(a)x[ie]s$", r"\1xis"),
    (r"(octop|vir)(us|i)$", r"\1us"), (r"(alias|status)(es)?$", r"\1"), (r"^(ox)en", r"\1"),
    (r"(vert|ind)ices$", r"\1ex"), (r"(matr)ices$", r"\1ix"), (r"(quiz)zes$", r"\1"), (r"(database)s$", r"\1"),
]
_IRREGULAR = {"people": "person", "men": "man", "children": "child", "sexes": "sex", "moves": "move",
              "zombies": "zombie"}
_UNCOUNTABLE = frozenset("equipment information rice money species series fish sheep jeans police".split())


@functools.lru_cache(maxsize=None)
def singularize(word: str) -> str:
    """ActiveSupport's ``String#singularize`` for English."""
    lower = word.lower()
    if not word or any(lower.endswith(u) for u in _UNCOUNTABLE):
        return word
    for plural, singular in _IRREGULAR.items():
        if lower.endswith(plural):
            return word[: len(word) - len(plural)] + singular
    for pattern, replacement in reversed(_SINGULAR_RULES):
        if re.search(pattern, word, re.I):
            return re.sub(pattern, replacement, word, count=1, flags=re.I)
    return word


def _defaults(site_config: dict[str, Any]) -> dict[str, Any]:
    collections = site_config.get("collections")
    names = list(collections) if isinstance(collections, dict) else []
    return {
        name: {
            "layout": "archive",
            "enabled": [],
            "permalinks": {
                "year": "/:collection/:year/",
                "month": "/:collection/:year/:month/",
                "day": "/:collection/:year/:month/:day/",
                "tags": "/:collection/:type/:name/",
            },
        }
        for name in names
    }


class ArchiveV2Drop(Drop):
    """The gem's ``PageDrop``: its nine attributes, then the page's data (``layout``).

    Unlike a page's hash it has no ``content``, ``dir`` or ``excerpt``.
    """

    __slots__ = ("archive",)

    def __init__(self, archive: "ArchiveV2") -> None:
        super().__init__()
        self.archive = archive

    def _properties(self) -> dict[str, Callable[[], Any]]:
        archive = self.archive
        return {
            "collection_name": lambda: archive.collection_name,
            "documents": lambda: [doc.drop for doc in archive.documents],
            "type": lambda: archive.type,
            "title": lambda: archive.archive_title if isinstance(archive.archive_title, str) else None,
            "date": lambda: archive_date(archive.archive_title),
            "name": lambda: archive.name,
            "path": lambda: archive.relative_path,
            "url": lambda: archive.url,
            "permalink": lambda: None,
        }

    def _fallback(self) -> Mapping[str, Any]:
        return self.archive.data


class ArchiveV2(ArchivePage):
    """One archive of a collection's documents."""

    def __init__(
        self, site: "Site", config: dict[str, Any], title: Any, kind: str, collection: str,
        documents: list["Document"],
    ) -> None:
        self.type = kind
        self.archive_title = title
        self.collection_name = collection
        self.documents = documents
        self.slug = slugify(title, mode=config.get("slug_mode")) if isinstance(title, str) else None
        permalinks = config.get("permalinks")
        template = permalinks.get(kind) if isinstance(permalinks, dict) else None
        layouts = config.get("layouts")
        layout = (layouts.get(kind) if isinstance(layouts, dict) else None) or config.get("layout")
        if isinstance(title, dict):
            placeholders: dict[str, Any] = {**title, "collection": collection, "type": singularize(kind)}
        else:
            placeholders = {"collection": collection, "name": self.slug, "type": singularize(kind)}
        super().__init__(site, str(template or "/:collection/:type/:name/"), placeholders, layout)
        # the gem names the page by its file's basename without the extension
        self.name = self.basename

    @functools.cached_property
    def drop(self) -> Any:
        return ArchiveV2Drop(self)

    def liquid_page(self) -> Any:
        return self.drop


def _attribute_groups(docs: list["Document"], attr: str) -> dict[Any, list["Document"]]:
    def values(doc: "Document") -> list[Any]:
        value = doc.data.get(attr)
        return list(value) if isinstance(value, list) else []

    return grouped(docs, values)


def _collection(site: "Site", name: str) -> Optional["Collection"]:
    return site.collections.get(name)


def generate(site: "Site") -> None:
    user = site.config.get("jekyll-archives", {})
    if not isinstance(user, dict):
        logger.warn("Archives:", f"Expected a hash but got {ruby_inspect(user)}")
        logger.warn("", "Archives will not be generated for this site.")
        return
    config = deep_merge(_defaults(site.config), user)
    site.config["jekyll-archives"] = config
    archives: list[ArchiveV2] = []
    for name, settings in config.items():
        if not isinstance(settings, dict):
            continue
        enabled = settings.get("enabled")
        collection = _collection(site, name)
        if isinstance(enabled, list):
            dates = [kind for kind in DATE_TYPES if kind in enabled]
            attributes = [str(kind) for kind in enabled if kind not in DATE_TYPES]
        elif enabled is True or enabled == "all":
            dates = list(DATE_TYPES)
            docs = collection.docs if collection is not None else []
            keys = dict.fromkeys(key for doc in docs for key in doc.data)
            attributes = [key for key in keys if any(isinstance(doc.data.get(key), list) for doc in docs)]
        else:
            continue
        if collection is None:
            continue
        docs = list(collection.docs)
        if dates:
            archives.extend(_date_archives(site, settings, name, docs, dates))
        for attr in attributes:
            for title, group in _attribute_groups(docs, attr).items():
                archives.append(ArchiveV2(site, settings, title, attr, name, group))
    site.pages.extend(archives)


def _date_archives(
    site: "Site", settings: dict[str, Any], name: str, docs: list["Document"], dates: list[str]
) -> list[ArchiveV2]:
    out: list[ArchiveV2] = []
    for year, year_docs in grouped(docs, lambda d: [d.date.strftime("%Y")]).items():
        if "year" in dates:
            out.append(ArchiveV2(site, settings, {"year": year}, "year", name, year_docs))
        if "month" not in dates and "day" not in dates:
            continue
        for month, month_docs in grouped(year_docs, lambda d: [d.date.strftime("%m")]).items():
            if "month" in dates:
                out.append(ArchiveV2(site, settings, {"year": year, "month": month}, "month", name, month_docs))
            if "day" not in dates:
                continue
            for day, day_docs in grouped(month_docs, lambda d: [d.date.strftime("%d")]).items():
                title = {"year": year, "month": month, "day": day}
                out.append(ArchiveV2(site, settings, title, "day", name, day_docs))
    return out


def _show_archives(site: "Site", payload: Any) -> None:
    """``site.archives`` while the site renders: the archive pages, in the order generated."""
    site.config["archives"] = [page.drop for page in site.pages if isinstance(page, ArchiveV2)]


def _forget_archives(site: "Site") -> None:
    """Out of the config once written: the next build's config fingerprint must not see them."""
    site.config.pop("archives", None)


def register_hooks(hooks: "Hooks") -> None:
    hooks.register("site", "pre_render", _show_archives)
    hooks.register("site", "post_write", _forget_archives)


# archives group documents by their dates and by the configured keys, or by every list-valued key
PLUGIN = BuiltinPlugin(
    "jekyll-archives-v2", generate=generate, register_hooks=register_hooks, loads_active_support=True,
    generate_reads=(ANY_FRONT_MATTER,),
)
