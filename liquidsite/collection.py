"""Collections: ``_posts`` and every ``collections:`` entry of the config."""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING, Any

from .log import logger
from .utils import add_permalink_suffix

if TYPE_CHECKING:
    from .documents import Document, StaticFile
    from .siteview import SiteView


class Collection:
    """A labelled set of documents (and static files) read from ``_<label>``."""

    def __init__(self, site: "SiteView", label: str) -> None:
        self.site = site
        self.label = re.sub(r"[^a-z0-9_\-.]", "", label, flags=re.I)
        collections = site.config.get("collections")
        meta = collections.get(self.label) if isinstance(collections, dict) else None
        self.metadata: dict[str, Any] = dict(meta) if isinstance(meta, dict) else {}
        self.docs: list["Document"] = []
        self.files: list["StaticFile"] = []
        #: ``id(doc)`` to its first index in ``docs``, rebuilt when found stale (:meth:`position`)
        self._positions: dict[int, int] = {}

    def position(self, doc: "Document") -> int | None:
        """The index of *doc* in ``docs`` (Jekyll's ``docs.index { |d| d.equal?(self) }``).

        Every document asks for its neighbours while it renders; searching the list each
        time made that quadratic in the size of the collection. The table is checked
        against the list on every use and rebuilt when the list has changed."""
        docs = self.docs
        pos = self._positions.get(id(doc))
        if pos is not None and pos < len(docs) and docs[pos] is doc:
            return pos
        positions: dict[int, int] = {}
        for index, item in enumerate(docs):
            positions.setdefault(id(item), index)
        self._positions = positions
        return positions.get(id(doc))

    @functools.cached_property
    def drop(self) -> Any:
        from .liquid.drops import CollectionDrop

        return CollectionDrop(self)

    @property
    def relative_directory(self) -> str:
        return f"_{self.label}"

    @property
    def directory(self) -> str:
        return os.path.join(self.site.collections_path, self.relative_directory)

    @property
    def write(self) -> bool:
        return bool(self.metadata.get("output", False))

    @functools.cached_property
    def url_template(self) -> str:
        permalink = self.metadata.get("permalink")
        if permalink:
            return str(permalink)
        return add_permalink_suffix("/:collection/:path", self.site.permalink_style)

    def sort_docs(self) -> None:
        """Jekyll's order: ``order:`` list, else ``sort_by:`` key, else date then path."""
        order = self.metadata.get("order")
        sort_by = self.metadata.get("sort_by")
        if isinstance(order, list):
            table = {d.relative_path: d for d in sorted(self.docs, key=lambda d: d.sort_key())}
            ordered = []
            for entry in order:
                doc = table.pop(os.path.join(self.relative_directory, str(entry)), None)
                if doc is not None:
                    ordered.append(doc)
            self.docs = ordered + list(table.values())
        elif isinstance(sort_by, str):
            self.docs.sort(key=functools.cmp_to_key(lambda a, b: self._compare_by(sort_by, a, b)))
        else:
            self.docs.sort(key=lambda d: d.sort_key())

    def _compare_by(self, key: str, a: "Document", b: "Document") -> int:
        left, right = a.data.get(key), b.data.get(key)
        if left is None and right is not None:
            logger.warn("Sort warning:", f"'{key}' not defined in {a.relative_path}")
            return 1
        if left is not None and right is None:
            logger.warn("Sort warning:", f"'{key}' not defined in {b.relative_path}")
            return -1
        try:
            if left != right:
                return -1 if left < right else 1  # type: ignore[operator]
        except TypeError:
            pass
        ka, kb = a.sort_key(), b.sort_key()
        return -1 if ka < kb else (1 if ka > kb else 0)
