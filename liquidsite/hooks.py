"""Jekyll's hooks: callbacks that run at fixed points of a build.

Each site holds its own :class:`Hooks` (filled by the site's ``_plugins/*.py``),
so builds never share callbacks through global state. The owners and events
are Jekyll's: ``site`` (after_init, after_reset, post_read, pre_render,
post_render, post_write) and ``pages``, ``documents``, ``posts`` or any other
collection label (post_init, pre_render, post_convert, post_render,
post_write). A document fires its collection's hooks, then the ``documents``
ones. Higher priority runs first; equal priorities run in registration order.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Union

SITE_EVENTS = ("after_init", "after_reset", "post_read", "pre_render", "post_render", "post_write")
ITEM_EVENTS = ("post_init", "pre_render", "post_convert", "post_render", "post_write")

#: Jekyll's ``Hooks::PRIORITY_MAP``
PRIORITIES = {"low": 10, "normal": 20, "high": 30}

Hook = Callable[..., Any]


class HookError(ValueError):
    """A hook registered for an owner or event Jekyll does not have."""


def priority_value(priority: Union[str, int]) -> int:
    """``"low"``, ``"normal"``, ``"high"`` or a number."""
    if isinstance(priority, int):
        return priority
    if str(priority) in PRIORITIES:
        return PRIORITIES[str(priority)]
    raise HookError(f"Invalid hook priority {priority!r}: use low, normal, high or a number")


class Hooks:
    """The hooks one site registered, by owner and event."""

    def __init__(self) -> None:
        self._registry: dict[tuple[str, str], list[tuple[int, int, Hook]]] = {}
        self._count = 0

    def register(self, owners: Union[str, Iterable[str]], event: str, hook: Hook,
                 priority: Union[str, int] = "normal") -> Hook:
        """Run *hook* when *event* happens to any of *owners*; returns *hook* (decorator use)."""
        rank = priority_value(priority)
        for owner in [owners] if isinstance(owners, str) else list(owners):
            events = SITE_EVENTS if owner == "site" else ITEM_EVENTS
            if event not in events:
                raise HookError(
                    f"Invalid hook. {owner} supports only the following hooks {', '.join(events)}"
                )
            self._count += 1
            self._registry.setdefault((owner, event), []).append((-rank, self._count, hook))
        return hook

    def registered(self, *events: str) -> bool:
        """Whether a hook of any owner runs at one of *events*."""
        return any(event in events for _, event in self._registry)

    def trigger(self, owner: str, event: str, *args: Any) -> None:
        """Call the hooks of *owner* for *event* with *args*, highest priority first."""
        for _, _, hook in sorted(self._registry.get((owner, event), ()), key=lambda h: h[:2]):
            hook(*args)

    def trigger_item(self, item: Any, event: str, *args: Any) -> None:
        """Fire *event* for a page (``pages``) or a document (its collection, then ``documents``)."""
        if not self._registry:
            return
        collection = getattr(item, "collection", None)
        if collection is None:
            self.trigger("pages", event, item, *args)
            return
        self.trigger(collection.label, event, item, *args)
        self.trigger("documents", event, item, *args)
