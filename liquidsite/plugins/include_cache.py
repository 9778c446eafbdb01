"""jekyll-include-cache 0.2: ``{% include_cached file.html param=value %}``.

The gem renders each (file, parameters) pair once per build and writes that output again wherever
the pair comes back, without rendering: the include's ``assign``\\ s, which reach the including
page's scope, happen the first time only, and an include whose output depends on the page shows
the first page's everywhere. Themes render their sidebars and footers this way (Chirpy's lists of
recent posts and tags walk every post, on each of its 1,400 pages), so the cache is a large part of
their build time. The gem's key is the file's path and the *values* of the parameters in the order
of their names (their names are not in it: ``a=1`` and ``b=1`` share an entry), each value by its
Ruby ``hash``, a Jekyll drop by its identity. The cache is emptied before each build renders
(the gem's ``site, :pre_render`` hook).

In worker processes (:mod:`liquidsite.pool`) a pair not yet cached is left to the parent, which
renders in the build's order: so the output cached is the first page's, as in Jekyll, and workers
forked after it reuse it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Mapping, Optional, TextIO

from .. import dependencies, pool
from ..liquid.drops import Drop
from ..liquid.include_tag import IncludeNode, IncludeTag
from ..liquid.ruby import is_nil
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..hooks import Hooks
    from ..liquid.environment import JekyllEnvironment
    from ..site import Site

TAG_NAME = "include_cached"


class CachedIncludeNode(IncludeNode):
    """An ``include_cached``: the output of its (path, parameters) pair, rendered the first time."""

    __slots__ = ("outputs",)

    outputs: "IncludeOutputs"

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        path, template = self.resolve(context)
        params = self.markup.parameters(context) if self.markup.params is not None else None
        outputs = self.outputs
        key = outputs.key(path, params)
        output = outputs.get(key)
        if output is None:
            pool.parent_only()
            collected = context.get_buffer(buffer)
            with dependencies.recording() as read:
                self.render_file(context, collected, path, template, params)
            output = outputs[key] = collected.getvalue()
            outputs.reads[key] = frozenset(read)
        else:
            # what the output came from, noted for this page too: an edit to it rebuilds every page
            # showing the output (the dev server), and a worker knows what its page holds.
            dependencies.note_all(outputs.reads[key])
        buffer.write(output)
        return 1


class IncludeOutputs(dict[tuple[Any, ...], str]):
    """One build's cached outputs, what each render read (:mod:`liquidsite.dependencies`), and the
    drops their keys name (kept alive, so that no other object takes the identity a key holds while
    the build runs)."""

    def __init__(self) -> None:
        super().__init__()
        self.reads: dict[tuple[Any, ...], frozenset[str]] = {}
        self.drops: list[Any] = []

    def key(self, path: str, params: Optional[Mapping[str, Any]]) -> tuple[Any, ...]:
        if params is None:
            return (path, None)
        return (path, tuple(self._hashed(params[name]) for name in sorted(params)))

    def _hashed(self, value: Any) -> Any:
        """*value* as Ruby's ``hash`` tells values apart: ``1``, ``1.0`` and ``true`` are three
        values, arrays and hashes compare by content (a hash in any order), drops by identity."""
        if value is None or is_nil(value):
            return None
        if isinstance(value, (bool, int, float)):
            return (type(value), value)
        if isinstance(value, (str, dt.date)):
            return value
        if isinstance(value, Mapping) and not isinstance(value, Drop):
            return (dict, frozenset((self._hashed(k), self._hashed(v)) for k, v in value.items()))
        if isinstance(value, (list, tuple)):
            return (list, tuple(self._hashed(item) for item in value))
        self.drops.append(value)
        return (object, id(value))

    def clear(self) -> None:
        super().clear()
        self.reads.clear()
        self.drops.clear()


class CachedIncludeTag(IncludeTag):
    """Jekyll's ``include`` markup, under the gem's name, its nodes sharing one :class:`IncludeOutputs`."""

    name = TAG_NAME
    node_class = CachedIncludeNode

    def __init__(self, include: IncludeTag) -> None:
        super().__init__(include.env, include.files)
        self.outputs = IncludeOutputs()

    def parse(self, stream: "TokenStream") -> CachedIncludeNode:
        node = super().parse(stream)
        assert isinstance(node, CachedIncludeNode)
        node.outputs = self.outputs
        return node


def register_liquid(env: "JekyllEnvironment") -> None:
    include = env.tags["include"]
    assert isinstance(include, IncludeTag)
    env.tags[TAG_NAME] = CachedIncludeTag(include)


def _empty_cache(site: "Site", _payload: Any) -> None:
    tag = site.renderer.liquid.env.tags.get(TAG_NAME)
    if isinstance(tag, CachedIncludeTag):
        tag.outputs.clear()


def register_hooks(hooks: "Hooks") -> None:
    hooks.register("site", "pre_render", _empty_cache)


PLUGIN = BuiltinPlugin("jekyll-include-cache", register_liquid=register_liquid, register_hooks=register_hooks)
