"""Compiled templates kept in the site's cache folder, so a warm build parses nothing unchanged.

Parsing a template and compiling its tree (:mod:`.compiler`) costs about as much as
rendering al-folio's pages. A compiled template is pickled after its first parse: the
tree and the marshalled code of its generated functions (:class:`.compiler.CompiledModule`),
keyed by the template's source, the environment's dialect (error mode, strictness,
the tags and filters registered and where they come from) and a fingerprint of the
code that parses and compiles (liquidsite's Liquid modules and plugins, python-liquid's
version, Python's). The environment, its site and its filter functions are never
pickled: they are named (:func:`_named`) and found again in the loading
environment, as are the objects a tag shares with its nodes (the build's include files).
Only objects of python-liquid's and liquidsite's own classes are stored:
a template holding anything else (a site plugin's tag, say) is parsed every build, as
is one whose parse logged warnings (they are logged again) or that cannot be pickled.

Nothing in an entry or its key belongs to one site, so each is also kept, under the
same key, in the user's content cache (:mod:`liquidsite.usercache`): a fresh clone of
a site, or another site sharing its layouts and includes (al-folio's forks), finds
them there and parses only what differs.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import pickle
import sys
import types
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from liquid import __version__ as liquid_version
from liquid.ast import Node
from liquid.builtin.expressions.primitive import Identifier

from .. import usercache

if TYPE_CHECKING:
    from .environment import JekyllEnvironment

_FOLDER = "Liquidsite--Templates"
#: the user content cache's folder for compiled templates
USER_CACHE_KIND = "liquid-templates"
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: where the classes of a storable template come from
_OWN_MODULES = ("liquid.", "liquidsite.", "builtins", "datetime", "decimal", "re")


class _Foreign(pickle.PicklingError):
    """An object whose class is neither python-liquid's nor liquidsite's."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The parser's and compiler's code: liquidsite's Liquid and plugin modules, python-liquid, Python."""
    digest = hashlib.sha256(f"{sys.version}\0{liquid_version}\0{pickle.HIGHEST_PROTOCOL}".encode())
    for folder in ("liquid", "plugins"):
        for root, dirs, names in os.walk(os.path.join(_PACKAGE, folder)):
            dirs.sort()
            for name in sorted(n for n in names if n.endswith(".py")):
                status = os.stat(os.path.join(root, name))
                digest.update(f"{root}/{name}\0{status.st_mtime_ns}\0{status.st_size}\0".encode())
    return digest.hexdigest()


def _qualified(value: Any) -> str:
    kind = value if isinstance(value, type) else type(value)
    function = getattr(value, "__wrapped__", value)
    return f"{kind.__module__}.{kind.__qualname__}:{getattr(function, '__module__', '')}." \
           f"{getattr(function, '__qualname__', '')}"


class TemplateCache:
    """The compiled templates of one environment, in *folder* (None: nothing kept)."""

    def __init__(self, env: "JekyllEnvironment", folder: Optional[str]) -> None:
        self.env = env
        self.folder = os.path.join(folder, _FOLDER) if folder else None
        self._dialect: Optional[bytes] = None
        self._names: dict[int, tuple[str, str]] = {}

    def _prefix(self) -> bytes:
        """What every key starts with: the code and the environment's dialect."""
        if self._dialect is None:
            env = self.env
            parts = [code_fingerprint(), str(env.mode), str(env.strict_filters), env.undefined.__qualname__,
                     str(env.autoescape), str(env.suppress_blank_control_flow_blocks),
                     str(getattr(env, "active_support", False))]
            parts += sorted(f"tag {name} {_qualified(tag)}" for name, tag in env.tags.items())
            parts += sorted(f"filter {name} {_qualified(function)}" for name, function in env.filters.items())
            self._dialect = "\0".join(parts).encode("utf-8")
        return self._dialect

    def _digest(self, source: str) -> str:
        return hashlib.sha256(self._prefix() + b"\0\0" + source.encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, digest: str) -> Optional[str]:
        return None if self.folder is None else os.path.join(self.folder, digest[:2], digest[2:])

    def load(self, source: str) -> Optional[list[Node]]:
        """The compiled template for *source* from the site's cache, else from the user's (then kept in the
        site's too), or None when neither holds it (or it cannot be read)."""
        if self.folder is None:
            return None
        digest = self._digest(source)
        path = self._path(digest)
        assert path is not None
        try:
            with open(path, "rb") as handle:
                return list(_Unpickler(handle, self).load())
        except FileNotFoundError:
            pass
        except Exception:  # a torn or stale file: parse again, and replace it
            return None
        shared = usercache.read(USER_CACHE_KIND, digest)
        if shared is None:
            return None
        try:
            nodes = list(_Unpickler(io.BytesIO(shared), self).load())
        except Exception:  # a torn entry: parse again, and replace it
            return None
        usercache.write_file(path, shared)
        return nodes

    def store(self, source: str, nodes: list[Node]) -> None:
        """Keep the compiled template for *source*, unless it holds something that cannot be kept."""
        if self.folder is None:
            return
        digest = self._digest(source)
        path = self._path(digest)
        assert path is not None
        buffer = io.BytesIO()
        try:
            _Pickler(buffer, self).dump(nodes)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(buffer.getvalue())
        os.replace(temporary, path)
        usercache.write(USER_CACHE_KIND, digest, buffer.getvalue())

    def named(self) -> dict[int, tuple[str, str]]:
        """The environment's objects a template refers to by name, by ``id``."""
        if not self._names:
            env = self.env
            self._names[id(env)] = ("env", "")
            self._names[id(env.site)] = ("site", "")
            for name, tag in env.tags.items():  # what a tag shares with its nodes (the include files)
                for attribute, value in vars(tag).items():
                    if not isinstance(value, (str, int, float, bool, type(None))):
                        self._names.setdefault(id(value), ("tag", f"{name}:{attribute}"))
            for name, function in env.filters.items():
                self._names.setdefault(id(function), ("filter", name))
                wrapped = getattr(function, "__wrapped__", None)
                if wrapped is not None:
                    self._names.setdefault(id(wrapped), ("wrapped", name))
        return self._names

    def find(self, kind: str, name: str) -> Any:  # noqa: ANN401 - any object named
        env = self.env
        if kind == "global":
            module, _, attribute = name.partition(":")
            return getattr(importlib.import_module(module), attribute)
        if kind == "tag":
            tag, _, attribute = name.partition(":")
            return getattr(env.tags[tag], attribute)
        if kind == "env":
            return env
        if kind == "site":
            return env.site
        function: Any = env.filters[name]
        return function.__wrapped__ if kind == "wrapped" else function


class _Pickler(pickle.Pickler):
    """Pickles a compiled template, naming what belongs to the environment.

    Everything is decided in ``reducer_override``, which pickle calls only for objects other than
    strings, numbers and plain containers (``persistent_id`` would be called for every object, and
    was half the cost of storing a template); the environment's objects are all instances,
    functions or methods, so none is a plain container."""

    def __init__(self, handle: io.BytesIO, cache: TemplateCache) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.names = cache.named()

    def reducer_override(self, obj: Any) -> Any:  # noqa: ANN401 - pickle's protocol
        named = self.names.get(id(obj))
        if named is not None:
            return (_named, named)
        if type(obj) is Identifier:  # a str whose constructor takes its token by keyword only
            return (_identifier, (str(obj), obj.token))
        if isinstance(obj, (type, types.FunctionType, types.BuiltinFunctionType)):
            module = getattr(obj, "__module__", "") or ""  # pickled by name
            if module.startswith(_OWN_MODULES):
                name = _global_name(obj, module)
                return NotImplemented if name is None else (_named, name)
        else:
            module = type(obj).__module__
        if not module.startswith(_OWN_MODULES):
            raise _Foreign(f"{module}: {obj!r:.60}")
        return NotImplemented


def _named(kind: str, name: str) -> Any:  # noqa: ANN401 - any object named
    """Stands in the pickle for an object of the loading environment (see :meth:`_Unpickler.find_class`)."""
    raise pickle.UnpicklingError(f"{kind} {name}: only a template cache's unpickler finds it")


def _identifier(name: str, token: Any) -> Identifier:  # noqa: ANN401 - a Token
    return Identifier(name, token=token)


def _global_name(obj: Any, module: str) -> Any:  # noqa: ANN401 - pickle's protocol
    """None for a class or function pickle finds by its qualified name; else the name it has in
    its module (a class renamed for its messages, such as ``JekyllBlank``, named ``Blank``)."""
    namespace = vars(sys.modules[module]) if module in sys.modules else {}
    if namespace.get(getattr(obj, "__qualname__", "")) is obj:
        return None
    for name, value in namespace.items():
        if value is obj:
            return ("global", f"{module}:{name}")
    raise _Foreign(f"{module}: {obj!r:.60}")


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle: Any, cache: TemplateCache) -> None:  # noqa: ANN401 - a binary file
        super().__init__(handle)
        self.cache = cache

    def find_class(self, module: str, name: str) -> Any:  # noqa: ANN401 - pickle's protocol
        if module == __name__ and name == "_named":
            return self.cache.find
        return super().find_class(module, name)
