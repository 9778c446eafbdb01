"""``jekyll build --incremental``: skip outputs whose sources and dependencies are unchanged.

Mirrors Jekyll's ``Regenerator``: ``.jekyll-metadata`` in the source maps each
source path to its mtime and the files it depends on (layouts, includes).
The file is written as YAML, which Jekyll reads too (it falls back to YAML when
the file is not in Ruby's Marshal format), so either builder can follow the other.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import TYPE_CHECKING, Any, Iterable, Optional

import yaml

from .log import logger

if TYPE_CHECKING:
    from .site import Site

METADATA_FILE = ".jekyll-metadata"


def _mtime(path: str) -> str:
    """A file's mtime as a YAML timestamp with nanoseconds (Ruby compares Times exactly)."""
    ns = os.stat(path).st_mtime_ns
    stamp = dt.datetime.fromtimestamp(ns // 1_000_000_000, dt.timezone.utc)
    return f"{stamp:%Y-%m-%d %H:%M:%S}.{ns % 1_000_000_000:09d} +00:00"


class Regenerator:
    """Decides per file whether this build must render and write it."""

    def __init__(self, site: "Site") -> None:
        self.site = site
        # A watched site's own dependency index decides what a rebuild renders (selection.py).
        self.disabled = not site.config.get("incremental") or site.dependencies is not None
        self.metadata_file = site.in_source_dir(METADATA_FILE)
        self.metadata: dict[str, dict[str, Any]] = {} if self.disabled else self._read()
        self.cache: dict[str, bool] = {}

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            with open(self.metadata_file, "rb") as handle:
                content = handle.read()
        except OSError:
            return {}
        try:
            loaded = yaml.load(content.decode("utf-8"), Loader=yaml.BaseLoader)
        except (UnicodeDecodeError, yaml.YAMLError) as err:
            logger.warn(f"Failed to load {self.metadata_file}: {err}")
            return {}
        if not isinstance(loaded, dict):
            return {}
        return {str(k): v for k, v in loaded.items() if isinstance(v, dict)}

    def regenerate(self, item: Any) -> bool:
        """True when *item* (page, document or static file) must be rendered and written."""
        from .documents import Document, Page

        if self.disabled:
            return True
        dest = item.destination(self.site.dest)
        if isinstance(item, Page):
            if item.extname.lower() in (".sass", ".scss", ".coffee"):
                return True
            source: Optional[str] = self.site.in_source_dir(item.relative_path)
        elif isinstance(item, Document):
            if not item.write:
                return True
            source = item.path
        else:
            source = getattr(item, "path", None)
        if item.data.get("regenerate") if hasattr(item, "data") else False:
            return True
        return self.modified(source) or not os.path.exists(dest)

    def modified(self, path: Optional[str]) -> bool:
        if self.disabled or path is None:
            return True
        if path in self.cache:
            return self.cache[path]
        entry = self.metadata.get(path)
        if entry is None:
            return self.add(path)
        for dependency in entry.get("deps") or []:
            if self.modified(dependency):
                self.cache[dependency] = self.cache[path] = True
                return True
        if os.path.exists(path) and entry.get("mtime") == _mtime(path):
            self.cache[path] = False
            return False
        return self.add(path)

    def add(self, path: str) -> bool:
        if os.path.exists(path):
            self.metadata[path] = {"mtime": _mtime(path), "deps": []}
        self.cache[path] = True
        return True

    def add_dependencies(self, path: str, dependencies: Iterable[str]) -> None:
        """Record that *path*'s output was built from *dependencies* (files)."""
        if self.disabled or path not in self.metadata:
            return
        deps = self.metadata[path].setdefault("deps", [])
        for dependency in sorted(d for d in dependencies if os.path.isabs(d) and d != path):
            if dependency not in deps:
                deps.append(dependency)
                if dependency not in self.metadata:
                    self.add(dependency)

    def write_metadata(self) -> None:
        if self.disabled:
            return
        logger.debug("Writing Metadata:", METADATA_FILE)
        from .writer import write_file

        write_file(self.metadata_file, self.dump().encode("utf-8"))

    def dump(self) -> str:
        """The metadata as YAML with mtimes as plain (unquoted) timestamps, so Ruby reads Times."""
        lines = ["---"]
        for path, entry in self.metadata.items():
            lines.append(f"{json.dumps(path)}:")
            lines.append(f"  mtime: {entry.get('mtime')}")
            deps = entry.get("deps") or []
            lines.append("  deps:" + ("" if deps else " []"))
            lines.extend(f"  - {json.dumps(dep)}" for dep in deps)
        return "\n".join(lines) + "\n"
