"""Jekyll's build cache: content-keyed strings kept in memory and under ``cache_dir``.

Layout and encoding are Jekyll's (``<cache_dir>/Jekyll/Cache/<Name>/<2 hex>/<62 hex>``,
each value a Ruby Marshal string), so a ``.jekyll-cache`` can pass between
Jekyll and liquidsite: each finds the other's configuration fingerprint
different and clears the cache, and neither chokes on the other's files.
Disabled in safe mode and with ``--disable-disk-cache``, as in Jekyll.
"""

from __future__ import annotations

import hashlib
import json
import os
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

    def get(self, key: str) -> str:
        """The cached string, or raise KeyError."""
        if key in self.memory:
            return self.memory[key]
        path = self._path(key)
        if path is None or not os.path.isfile(path):
            raise KeyError(key)
        with open(path, "rb") as handle:
            value = marshal_load_string(handle.read())
        if value is None:  # not a Marshal string (another value type, a torn write): a miss
            raise KeyError(key)
        self.memory[key] = value
        return value

    def holds(self, key: str) -> bool:
        """Whether :meth:`get` would find *key* (without reading it)."""
        path = self._path(key)
        return key in self.memory or (path is not None and os.path.isfile(path))

    def set(self, key: str, value: str) -> None:
        self.memory[key] = value
        path = self._path(key)
        if path is None:
            return
        if deferred_writes is not None:
            deferred_writes.append((path, value))
            return
        write_entry(path, value)

    def getset(self, key: str, compute: Callable[[], str]) -> str:
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


#: In a render worker (:mod:`liquidsite.pool`): entries held back until the worker knows the
#: parent takes the render (a render the parent does again writes its own).
deferred_writes: Optional[list[tuple[str, str]]] = None


def write_entry(path: str, value: str) -> None:
    """One cache file, written whole or not at all.

    Its folder is made only when the write finds it missing: a cold build writes thousands of
    entries into 256 folders, and asking for each folder first was a quarter of their cost."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        handle = open(tmp, "wb")
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle = open(tmp, "wb")
    with handle:
        handle.write(marshal_dump_string(value))
    os.replace(tmp, path)


def plugin_dir(cache_root: Optional[str], source: str, name: str) -> str:
    """A folder for files a plugin makes (``<cache_dir>/NAME``), beside Jekyll's own cache, which
    a config change clears; a temporary folder for this site when disk caching is off."""
    if cache_root is None:
        import tempfile

        key = hashlib.md5(source.encode()).hexdigest()[:12]
        return os.path.join(tempfile.gettempdir(), f"liquidsite-{name}-{key}")
    return os.path.join(os.path.dirname(os.path.dirname(cache_root)), name)


_MARSHAL_HEADER = b"\x04\x08"
_UTF8_SUFFIX = b"\x06:\x06ET"  # one instance variable, :E => true (UTF-8)


def _marshal_int(n: int) -> bytes:
    if n == 0:
        return b"\x00"
    if 0 < n < 123:
        return bytes([n + 5])
    body = n.to_bytes((n.bit_length() + 7) // 8, "little")
    return bytes([len(body)]) + body


def marshal_dump_string(text: str) -> bytes:
    """Ruby's ``Marshal.dump`` of a UTF-8 String."""
    data = text.encode("utf-8")
    return _MARSHAL_HEADER + b'I"' + _marshal_int(len(data)) + data + _UTF8_SUFFIX


def marshal_load_string(blob: bytes) -> Optional[str]:
    """The String in a Ruby Marshal blob, or None when the blob holds anything else."""
    if not blob.startswith(_MARSHAL_HEADER + b'I"') or not blob.endswith(_UTF8_SUFFIX):
        return None
    pos = 4
    first = blob[pos]
    if first == 0:
        length, pos = 0, pos + 1
    elif 5 < first < 128:
        length, pos = first - 5, pos + 1
    elif 1 <= first <= 4:
        length = int.from_bytes(blob[pos + 1: pos + 1 + first], "little")
        pos += 1 + first
    else:
        return None
    data = blob[pos: pos + length]
    if len(data) != length or pos + length + len(_UTF8_SUFFIX) != len(blob):
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


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


#: Settings that change how a build runs, never what it makes: changing them keeps the cache.
_NOT_SHAPING = ("jobs",)


def config_fingerprint(config: dict[str, Any]) -> str:
    """What :func:`clear_if_config_changed` compares: liquidsite's code and the configuration."""
    shaping = {key: value for key, value in config.items() if key not in _NOT_SHAPING}
    return _code_fingerprint() + json.dumps(shaping, sort_keys=True, default=str)


def clear_if_config_changed(root: Optional[str], config: dict[str, Any], fingerprint: Optional[str] = None) -> None:
    """Drop every cache when the configuration (or liquidsite itself) differs from the last build's.

    *fingerprint* is :func:`config_fingerprint` of the configuration as loaded: a plugin that
    writes into the configuration (jekyll-3rd-party-libraries fills in versions as the site is
    made) would otherwise clear the cache on every build, as it does under Jekyll.
    """
    if root is None:
        return
    fingerprint = fingerprint or config_fingerprint(config)
    meta = Cache(root, "Jekyll::Cache")
    try:
        if meta.get("config") == fingerprint:
            return
    except KeyError:
        pass
    shutil.rmtree(root, ignore_errors=True)
    Cache(root, "Jekyll::Cache").set("config", fingerprint)
