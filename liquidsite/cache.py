"""Jekyll's build cache: content-keyed strings kept in memory and under ``cache_dir``.

Folders are Jekyll's (``<cache_dir>/Jekyll/Cache/<Name>``), but each holds a few pack files
instead of Jekyll's one file per entry: a cold build of a thousand posts made 8,000 files,
and creating them (about 0.1 ms each on this project's machines) was a tenth of the build's
CPU; a warm build opened each again. A build adds at most one pack per folder, written whole
(a temporary file, then renamed) when it ends, and small packs are merged once there are
more than :data:`MAX_PACKS`. Jekyll reads no entry of ours and we none of Jekyll's: each finds
the other's configuration fingerprint missing and clears the cache, so a ``.jekyll-cache``
still passes between the two. Disabled in safe mode and with ``--disable-disk-cache``, as in
Jekyll.

A pack is ``MAGIC``, the entry count, then per entry the SHA-256 of its key, the offset and
the length of its value, then the values (UTF-8). Entries are read with ``pread`` from packs
kept open, so forked render workers read them without opening anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import time
from typing import Any, Callable, Iterable, Optional

MAGIC = b"LSCACHE\x01"
_COUNT = struct.Struct("<I")
_ENTRY = struct.Struct("<32sQI")  # key digest, offset of the value, its length
_SUFFIX = ".pack"
#: packs a folder may hold before a build's end merges all but the largest into one
MAX_PACKS = 8


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


class _Store:
    """One cache folder: the entries of its packs (read lazily) and those this process added."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.index: Optional[dict[bytes, tuple[int, int, int]]] = None  # digest: (fd, offset, length)
        self.fds: list[int] = []
        self.fresh: dict[bytes, str] = {}  # not yet in a pack

    def _load(self) -> dict[bytes, tuple[int, int, int]]:
        if self.index is None:
            self.index = {}
            try:
                names = sorted(n for n in os.listdir(self.directory) if n.endswith(_SUFFIX))
            except OSError:
                names = []
            for name in names:
                self._open(os.path.join(self.directory, name))
        return self.index

    def _open(self, path: str) -> None:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:  # merged away by another build since it was listed
            return
        entries = _read_index(fd)
        if entries is None:
            os.close(fd)
            return
        self.fds.append(fd)
        assert self.index is not None
        for digest, offset, length in entries:
            self.index[digest] = (fd, offset, length)

    def read(self, digest: bytes) -> Optional[str]:
        if digest in self.fresh:
            return self.fresh[digest]
        found = self._load().get(digest)
        if found is None:
            return None
        fd, offset, length = found
        try:
            data = os.pread(fd, length, offset)
            return data.decode("utf-8", "surrogatepass") if len(data) == length else None
        except (OSError, UnicodeDecodeError):
            return None

    def holds(self, digest: bytes) -> bool:
        return digest in self.fresh or digest in self._load()

    def forget(self) -> None:
        """Forget the packs (their folder was removed) and what was not written."""
        self.forget_packs()
        self.fresh = {}

    def flush(self) -> None:
        """Write the entries this process added as one new pack; merge small packs when many."""
        if not self.fresh:
            return
        fresh, self.fresh = self.fresh, {}
        encoded = {digest: value.encode("utf-8", "surrogatepass") for digest, value in fresh.items()}
        try:
            path = _write_pack(self.directory, encoded)
        except OSError:  # a read-only or full disk: the build goes on without its cache
            return
        if self.index is not None:
            self._open(path)
        self._merge_if_many()

    def _merge_if_many(self) -> None:
        try:
            names = [os.path.join(self.directory, n) for n in os.listdir(self.directory) if n.endswith(_SUFFIX)]
        except OSError:
            return
        if len(names) <= MAX_PACKS:
            return
        sizes = {}
        for path in names:
            try:
                sizes[path] = os.path.getsize(path)
            except OSError:
                continue
        merged: dict[bytes, bytes] = {}
        inputs = sorted(sizes, key=sizes.__getitem__)[:-1]  # all but the largest
        for path in inputs:
            merged.update(_read_pack(path))
        try:
            _write_pack(self.directory, merged)
        except OSError:
            return
        for path in inputs:
            try:
                os.unlink(path)
            except OSError:
                pass
        self.forget_packs()

    def stale(self) -> bool:
        """Whether a pack read was deleted since (the folder removed while ``serve`` ran, a merge)."""
        try:
            return any(os.fstat(fd).st_nlink == 0 for fd in self.fds)
        except OSError:
            return True

    def forget_packs(self) -> None:
        """Read the folder's packs again when next asked (after merging them)."""
        for fd in self.fds:
            os.close(fd)
        self.fds, self.index = [], None


def _read_index(fd: int) -> Optional[list[tuple[bytes, int, int]]]:
    """The entries of the pack open as *fd*, or None when it is not a whole pack."""
    try:
        head = os.pread(fd, len(MAGIC) + _COUNT.size, 0)
        if len(head) != len(MAGIC) + _COUNT.size or not head.startswith(MAGIC):
            return None
        (count,) = _COUNT.unpack_from(head, len(MAGIC))
        table = os.pread(fd, count * _ENTRY.size, len(head))
        size = os.fstat(fd).st_size
    except OSError:
        return None
    if len(table) != count * _ENTRY.size:
        return None
    entries = list(_ENTRY.iter_unpack(table))
    if any(offset + length > size for _, offset, length in entries):
        return None
    return entries


def _read_pack(path: str) -> dict[bytes, bytes]:
    """Every entry of the pack at *path* (none when it is unreadable)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return {}
    try:
        entries = _read_index(fd) or []
        return {digest: os.pread(fd, length, offset) for digest, offset, length in entries}
    except OSError:
        return {}
    finally:
        os.close(fd)


def _write_pack(directory: str, entries: dict[bytes, bytes]) -> str:
    """A new pack of *entries* (in key order, so a build's pack does not depend on which
    process rendered what) in *directory*, written whole; its path."""
    os.makedirs(directory, exist_ok=True)
    keys = sorted(entries)
    offset = len(MAGIC) + _COUNT.size + len(keys) * _ENTRY.size
    table = []
    for digest in keys:
        table.append(_ENTRY.pack(digest, offset, len(entries[digest])))
        offset += len(entries[digest])
    path = os.path.join(directory, f"{time.time_ns():x}-{os.getpid()}{_SUFFIX}")
    temporary = f"{path}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(MAGIC + _COUNT.pack(len(keys)) + b"".join(table))
        for digest in keys:
            handle.write(entries[digest])
    os.replace(temporary, path)
    return path


_STORES: dict[str, _Store] = {}


def _store(directory: str) -> _Store:
    store = _STORES.get(directory)
    if store is None:
        store = _STORES[directory] = _Store(directory)
    return store


class Cache:
    """One named cache. ``root`` is ``<cache_dir>/Jekyll/Cache``, or None for memory only.

    Caches of the same folder share its entries within a process (a Sass result kept by one
    is found by the next)."""

    def __init__(self, root: Optional[str], name: str) -> None:
        self.root = root
        self.directory = os.path.join(root, re.sub(r"[^\w\s-]", "-", name)) if root else None
        self.store = _store(self.directory) if self.directory else None
        self.memory: dict[str, Any] = {}

    def get(self, key: str) -> str:
        """The cached string, or raise KeyError."""
        if key in self.memory:
            return self.memory[key]
        value = self.store.read(_digest(key)) if self.store is not None else None
        if value is None:
            raise KeyError(key)
        self.memory[key] = value
        return value

    def holds(self, key: str) -> bool:
        """Whether :meth:`get` would find *key* (without reading it)."""
        return key in self.memory or (self.store is not None and self.store.holds(_digest(key)))

    def set(self, key: str, value: str) -> None:
        self.memory[key] = value
        if self.store is None:
            return
        if deferred_writes is not None:
            deferred_writes.append((self.store.directory, _digest(key), value))
            return
        self.store.fresh[_digest(key)] = value

    def getset(self, key: str, compute: Callable[[], str]) -> str:
        try:
            return self.get(key)
        except KeyError:
            value = compute()
            self.set(key, value)
            return value

    def clear(self) -> None:
        self.memory.clear()
        if self.store is not None:
            self.store.forget()
            shutil.rmtree(self.store.directory, ignore_errors=True)


#: In a render worker (:mod:`liquidsite.pool`): the entries its renders added, (folder, key
#: digest, value), which the parent keeps when it takes the render (a render the parent does
#: again adds its own). Only the parent writes packs.
deferred_writes: Optional[list[tuple[str, bytes, str]]] = None


def keep(entries: Iterable[tuple[str, bytes, str]]) -> None:
    """Entries a worker's render added (:data:`deferred_writes`), to be written by this process."""
    for directory, digest, value in entries:
        _store(directory).fresh[digest] = value


def flush() -> None:
    """Write what this process added to every cache (at the end of a build, however it ends)."""
    for store in list(_STORES.values()):
        store.flush()


def _under(root: str) -> list[_Store]:
    prefix = os.path.join(root, "")
    return [store for directory, store in _STORES.items() if directory.startswith(prefix)]


def plugin_dir(cache_root: Optional[str], source: str, name: str) -> str:
    """A folder for files a plugin makes (``<cache_dir>/NAME``), beside Jekyll's own cache, which
    a config change clears; a temporary folder for this site when disk caching is off."""
    if cache_root is None:
        import tempfile

        key = hashlib.md5(source.encode()).hexdigest()[:12]
        return os.path.join(tempfile.gettempdir(), f"liquidsite-{name}-{key}")
    return os.path.join(os.path.dirname(os.path.dirname(cache_root)), name)


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

    A folder whose packs were deleted since this process read them is read again first.
    *fingerprint* is :func:`config_fingerprint` of the configuration as loaded: a plugin that
    writes into the configuration (jekyll-3rd-party-libraries fills in versions as the site is
    made) would otherwise clear the cache on every build, as it does under Jekyll.
    """
    if root is None:
        return
    for store in _under(root):
        if store.stale():
            store.forget_packs()
    fingerprint = fingerprint or config_fingerprint(config)
    meta = Cache(root, "Jekyll::Cache")
    try:
        if meta.get("config") == fingerprint:
            return
    except KeyError:
        pass
    for store in _under(root):
        store.forget()
    shutil.rmtree(root, ignore_errors=True)
    Cache(root, "Jekyll::Cache").set("config", fingerprint)
