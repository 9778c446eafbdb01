"""Jekyll's build cache: content-keyed values kept in memory and under ``cache_dir``.

Layout as Jekyll's (``<cache_dir>/Jekyll/Cache/<Name>/<2 hex>/<62 hex>``) so one
``.jekyll-cache`` serves both tools; entries Jekyll wrote (Ruby Marshal) do not
unpickle and simply count as misses. Disabled in safe mode and with
``--disable-disk-cache``, as in Jekyll.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
from typing import Any, Callable, Optional


class Cache:
    """One named cache. ``root`` is ``<cache_dir>/Jekyll/Cache``, or None for memory only."""

    def __init__(self, root: Optional[str], name: str) -> None:
        self.root = root
        self.directory = os.path.join(root, re.sub(r"[^\w\s-]", "-", name)) if root else None
        self.memory: dict[str, Any] = {}

    def _path(self, key: str) -> Optional[str]:
        if self.directory is None:
            return None
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return os.path.join(self.directory, digest[:2], digest[2:])

    def get(self, key: str) -> Any:
        """The cached value, or raise KeyError."""
        if key in self.memory:
            return self.memory[key]
        path = self._path(key)
        if path is None or not os.path.isfile(path):
            raise KeyError(key)
        try:
            with open(path, "rb") as handle:
                value = pickle.load(handle)
        except Exception:  # a Marshal file from Jekyll, or a torn write: a miss
            raise KeyError(key) from None
        self.memory[key] = value
        return value

    def set(self, key: str, value: Any) -> None:
        self.memory[key] = value
        path = self._path(key)
        if path is None:
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def getset(self, key: str, compute: Callable[[], Any]) -> Any:
        try:
            return self.get(key)
        except KeyError:
            value = compute()
            self.set(key, value)
            return value

    def clear(self) -> None:
        self.memory.clear()
        if self.directory and os.path.isdir(self.directory):
            shutil.rmtree(self.directory, ignore_errors=True)


def cache_root(config: dict[str, Any], source: str) -> Optional[str]:
    """Where disk caches live for this configuration, or None when disk caching is off."""
    if config.get("safe") or config.get("disable_disk_cache"):
        return None
    return os.path.join(source, str(config.get("cache_dir") or ".jekyll-cache"), "Jekyll", "Cache")


def _code_fingerprint() -> str:
    """Size and mtime of liquidsite's own modules: a cached conversion never outlives the code."""
    package = os.path.dirname(os.path.abspath(__file__))
    parts = []
    for folder, _dirs, files in os.walk(package):
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()


def clear_if_config_changed(root: Optional[str], config: dict[str, Any]) -> None:
    """Drop every cache when the configuration (or liquidsite itself) differs from the last build's."""
    if root is None:
        return
    fingerprint = _code_fingerprint() + json.dumps(config, sort_keys=True, default=str)
    meta = Cache(root, "Jekyll::Cache")
    try:
        if meta.get("config") == fingerprint:
            return
    except KeyError:
        pass
    shutil.rmtree(root, ignore_errors=True)
    Cache(root, "Jekyll::Cache").set("config", fingerprint)
