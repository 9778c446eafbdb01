"""Jekyll's drops as lazy, read-only mappings.

python-liquid resolves ``a.b`` with ``a["b"]``, so every drop is a
``Mapping``: named properties are computed on first access (``site.posts`` is
sorted once per build, not per page), and other keys fall back to the
object's data (front matter, config), as Jekyll's ``Drop#fallback_data``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterator, Optional

from .. import JEKYLL_VERSION
from ..dependencies import SITE_PAGES, note, note_body

if TYPE_CHECKING:
    from ..collection import Collection
    from ..documents import Document, Excerpt, Page, StaticFile
    from ..siteview import SiteView


class Drop(Mapping[str, Any]):
    """Properties from ``_properties()`` first, then the fallback mapping."""

    __slots__ = ("_cache", "_props")

    #: A Jekyll drop (a Ruby object, ``Enumerable`` without ``#size``): ``drop.size`` is nil unless
    #: its data has a ``size``. False for drops standing for Ruby hashes (a page), whose size counts keys.
    sizeless: ClassVar[bool] = False

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}
        self._props: Optional[dict[str, Callable[[], Any]]] = None

    def _properties(self) -> dict[str, Callable[[], Any]]:
        raise NotImplementedError

    def _property_table(self) -> dict[str, Callable[[], Any]]:
        """``_properties()`` built once per drop: its getters read live state when called."""
        if self._props is None:
            self._props = self._properties()
        return self._props

    def _fallback(self) -> Mapping[str, Any]:
        return {}

    def __getitem__(self, key: str) -> Any:
        if key in self._cache:
            return self._cache[key]
        props = self._property_table()
        if key in props:
            value = props[key]()
            self._cache[key] = value
            return value
        fallback = self._fallback()
        if key == "size" and self.sizeless and key not in fallback:
            return None
        return fallback[key]

    def __contains__(self, key: object) -> bool:
        return key in self._property_table() or key in self._fallback()

    def keys(self) -> list[str]:  # type: ignore[override]
        props = list(self._property_table())
        return props + [k for k in self._fallback() if k not in props]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def __eq__(self, other: object) -> bool:
        return self is other

    def __hash__(self) -> int:
        return id(self)

    def to_dict(self) -> dict[str, Any]:
        return {key: self[key] for key in self.keys()}


class JekyllDrop(Drop):
    """``jekyll.version`` and ``jekyll.environment``."""

    sizeless = True

    def __init__(self, environment: str) -> None:
        super().__init__()
        self._environment = environment

    def _properties(self) -> dict[str, Callable[[], Any]]:
        return {"version": lambda: JEKYLL_VERSION, "environment": lambda: self._environment}


class DocumentDrop(Drop):
    """A post or collection document."""

    sizeless = True

    __slots__ = ("doc",)

    def __init__(self, doc: "Document") -> None:
        super().__init__()
        self.doc = doc

    def ruby_to_s(self) -> str:
        """``Document#to_s``: the output once rendered, else the content (``output || content``:
        an empty string is a value in Ruby, so an empty body prints as nothing)."""
        doc = self.doc
        note_body(doc)
        if doc.output is not None:
            return doc.output
        return doc.content if doc.content is not None else "NO CONTENT"

    def ruby_inspect(self) -> str:
        """``Document#inspect``: how Ruby prints the document inside an array or hash."""
        return f"#<Jekyll::Document {self.doc.relative_path} collection={self.doc.collection.label}>"

    def _properties(self) -> dict[str, Callable[[], Any]]:
        doc = self.doc
        # The order of DocumentDrop's getter methods as Jekyll 4.3.1 on Ruby 3.1 lists them (Ruby's
        # method table order, observed with ``{{ site.posts | jsonify }}``), which ``jsonify`` shows.
        return {
            "name": lambda: doc.data.get("name") or doc.basename,
            "id": lambda: doc.id,
            "relative_path": lambda: doc.relative_path,
            "excerpt": self._excerpt,
            "title": lambda: doc.data.get("title"),
            "categories": lambda: doc.data.get("categories"),
            "collection": lambda: doc.collection.label,
            "next": lambda: _drop_or_none(doc.next_doc()),
            "tags": lambda: doc.data.get("tags"),
            "previous": lambda: _drop_or_none(doc.previous_doc()),
            "content": lambda: doc.content,
            "output": lambda: doc.output,
            "path": lambda: doc.relative_path,
            "url": lambda: doc.url,
            "date": lambda: doc.date,
        }

    # content, output and excerpt change while the site renders: never cache them.
    def __getitem__(self, key: str) -> Any:
        cache = self._cache
        if key in cache:  # never one of the four below, which are not cached
            return cache[key]
        if key in ("content", "output", "excerpt"):
            note_body(self.doc, excerpt=key == "excerpt")
            return self._property_table()[key]()
        if key == "date":
            return self._property_table()[key]()
        return super().__getitem__(key)

    def _excerpt(self) -> str:
        if "excerpt" in self.doc.data:
            return _ruby_str(self.doc.data["excerpt"])
        return self.doc.excerpt.output if self.doc.excerpt is not None else ""

    def _fallback(self) -> Mapping[str, Any]:
        return self.doc.data

    def __lt__(self, other: "DocumentDrop") -> bool:
        return self.doc.sort_key() < other.doc.sort_key()


class ExcerptDrop(DocumentDrop):
    """``page`` while an excerpt renders: the document's data, no layout, no excerpt."""

    def __init__(self, excerpt: "Excerpt") -> None:
        super().__init__(excerpt.doc)
        self.excerpt = excerpt

    def ruby_to_s(self) -> str:
        """``Excerpt#to_s``: its output once rendered, else its content."""
        return self.excerpt._output or self.excerpt.content or ""

    def _properties(self) -> dict[str, Callable[[], Any]]:
        props = super()._properties()
        props.update({
            "content": lambda: self.excerpt.content,
            "output": lambda: self.excerpt._output,
            "excerpt": lambda: None,
            "layout": lambda: self.doc.data.get("layout"),
            "path": lambda: self.excerpt.relative_path,
            "relative_path": lambda: self.excerpt.relative_path,
            "id": lambda: f"{self.doc.id}#excerpt",
        })
        return props

    def _fallback(self) -> Mapping[str, Any]:
        return {k: v for k, v in self.doc.data.items() if k not in ("layout", "excerpt")}


class PageDrop(Drop):
    """A page: its data merged with ``content dir excerpt name path url``.

    Jekyll hands Liquid a hash built when the page starts rendering, so
    ``page.content`` in a page's layouts is the unconverted source; a
    snapshot of the content can be passed in to reproduce that.
    """

    __slots__ = ("page", "_content")

    def __init__(self, page: "Page", content: Optional[str] = None) -> None:
        super().__init__()
        self.page = page
        self._content = content

    def ruby_to_s(self) -> str:
        """``Page#to_s`` (its content) for pages in ``site.pages``; ``page`` itself is a hash."""
        if self._content is not None:
            from .ruby import inspect

            return inspect(self)
        note_body(self.page)
        return self.page.content or ""

    def ruby_inspect(self) -> str:
        """``Page#inspect``: how Ruby prints a page of ``site.pages`` inside an array or hash."""
        from .ruby import inspect

        return f"#<{self.page.ruby_class_name} @relative_path={inspect(self.page.relative_path)}>"

    def _properties(self) -> dict[str, Callable[[], Any]]:
        page = self.page
        return {
            "content": lambda: page.content if self._content is None else self._content,
            "dir": lambda: page.dir,
            "excerpt": lambda: page.data.get("excerpt"),
            "name": lambda: page.name,
            "path": lambda: page.page_path,
            "url": lambda: page.url,
        }

    def __getitem__(self, key: str) -> Any:
        if key == "content":
            if self._content is None:  # another page's body, not the one rendering
                note_body(self.page)
            return self._property_table()[key]()
        if key in self.page.data and key not in self._property_table():
            return self.page.data[key]
        return super().__getitem__(key)

    def _fallback(self) -> Mapping[str, Any]:
        return self.page.data

    def keys(self) -> list[str]:  # type: ignore[override]
        """A page is a hash in Jekyll: its data first, then ``content dir excerpt name path url``."""
        data = list(self.page.data)
        return data + [key for key in self._property_table() if key not in data]


class StaticFileDrop(Drop):
    sizeless = True
    __slots__ = ("file",)

    def __init__(self, file: "StaticFile") -> None:
        super().__init__()
        self.file = file

    def ruby_inspect(self) -> str:
        """``StaticFile#inspect``: how Ruby prints the file inside an array or hash."""
        from .ruby import inspect

        return f"#<Jekyll::StaticFile @relative_path={inspect(self.file.relative_path)}>"

    def _properties(self) -> dict[str, Callable[[], Any]]:
        f = self.file
        # StaticFileDrop's methods in Jekyll 4.3.1's order on Ruby 3.1 (``jsonify`` shows it)
        return {
            "name": lambda: f.name,
            "basename": lambda: f.basename,
            "extname": lambda: f.extname,
            "path": lambda: f.relative_path,
            "collection": lambda: f.collection.label if f.collection is not None else None,
            "modified_time": lambda: f.modified_time,
        }

    def _fallback(self) -> Mapping[str, Any]:
        return self.file.data


class CollectionDrop(Drop):
    sizeless = True
    __slots__ = ("collection",)

    def __init__(self, collection: "Collection") -> None:
        super().__init__()
        self.collection = collection

    def ruby_to_s(self) -> str:
        """``CollectionDrop#to_s``: the documents' ``inspect``, as Ruby prints an array of them."""
        label = self.collection.label
        docs = self.collection.docs
        return "[" + ", ".join(f"#<Jekyll::Document {d.relative_path} collection={label}>" for d in docs) + "]"

    def _properties(self) -> dict[str, Callable[[], Any]]:
        c = self.collection
        # CollectionDrop's methods in Jekyll 4.3.1's order on Ruby 3.1 (``jsonify`` shows it)
        return {
            "label": lambda: c.label,
            "files": lambda: [f.drop for f in c.files],
            "docs": lambda: [d.drop for d in c.docs],
            "output": lambda: c.write,
            "relative_directory": lambda: c.relative_directory,
            "directory": lambda: c.directory,
        }

    def _fallback(self) -> Mapping[str, Any]:
        return self.collection.metadata


class SiteDrop(Drop):
    """``site``: computed lists, collections by label, then every config key."""

    sizeless = True

    __slots__ = ("site", "_listed")

    def __init__(self, site: "SiteView") -> None:
        super().__init__()
        self.site = site
        self._listed: dict[str, tuple[int, list[Any]]] = {}

    def _properties(self) -> dict[str, Callable[[], Any]]:
        site = self.site
        # Jekyll's order (SiteDrop's methods, then the configuration's keys): `{% for key in site %}` shows it
        return {
            "posts": lambda: [d.drop for d in sorted(site.posts.docs, key=lambda d: d.sort_key(), reverse=True)],
            "time": lambda: site.time,
            "html_pages": lambda: [p.drop for p in self.listed_pages() if p.html or p.url.endswith("/")],
            "config": lambda: None,
            "documents": lambda: [d.drop for d in site.documents],
            "pages": lambda: [p.drop for p in self.listed_pages()],
            "data": lambda: site.config.get("data") or site.data,
            "categories": lambda: site.post_attr_hash("categories"),
            "related_posts": lambda: None,
            "tags": lambda: site.post_attr_hash("tags"),
            "static_files": lambda: [s.drop for s in site.static_files],
            "collections": lambda: [site.collections[k].drop for k in sorted(site.collections)],
        }

    def __getitem__(self, key: str) -> Any:
        # A collection named like a site method but ``posts`` (``pages``, ``html_pages``...) is what
        # ``site.<name>`` gives, as Jekyll's ``SiteDrop#[]`` looks collections up first.
        if key != "posts" and key in self.site.collections:
            if key not in self._cache:
                self._cache[key] = [d.drop for d in self.site.collections[key].docs]
            return self._cache[key]
        if key in ("pages", "html_pages"):
            # Converters add pages while the site renders (a Sass source map): later pages see them.
            note(SITE_PAGES)
            count = len(self.listed_pages())
            cached = self._listed.get(key)
            if cached is None or cached[0] != count:
                self._listed[key] = cached = (count, self._properties()[key]())
            return cached[1]
        if key == "kramdown":  # the Markdown converter fills it in when it first converts
            for converter in self.site.converters:
                converter.before_config_read()
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        return (key != "posts" and key in self.site.collections) or super().__contains__(key)

    def listed_pages(self) -> list[Any]:
        """The pages ``site.pages`` lists now (a watched site's selective render may hide some)."""
        return self.site.pages

    def _fallback(self) -> Mapping[str, Any]:
        return self.site.config


class CurrentSiteDrop(Mapping[str, Any]):
    """``site`` while one document renders: the shared site drop plus ``related_posts``.

    Jekyll mutates one site drop per document; a thin per-render view keeps
    the shared drop (and its cached lists) free of per-page state.
    """

    __slots__ = ("base", "document")

    sizeless = SiteDrop.sizeless

    def __init__(self, base: SiteDrop, document: Any) -> None:
        self.base = base
        self.document = document

    def __getitem__(self, key: str) -> Any:
        if key == "related_posts":
            related_posts = getattr(self.document, "related_posts", None)  # documents have them, pages not
            if related_posts is None:
                return None
            return [d.drop for d in related_posts()]
        return self.base[key]

    def __contains__(self, key: object) -> bool:
        return key in self.base

    def __iter__(self) -> Iterator[str]:
        return iter(self.base)

    def __len__(self) -> int:
        return len(self.base)


def _drop_or_none(doc: Optional["Document"]) -> Optional[DocumentDrop]:
    return doc.drop if doc is not None else None


def _ruby_str(value: Any) -> str:
    return "" if value is None else str(value)


__all__ = [
    "Drop", "JekyllDrop", "DocumentDrop", "ExcerptDrop", "PageDrop", "StaticFileDrop",
    "CollectionDrop", "SiteDrop", "CurrentSiteDrop",
]
