"""al-folio's ``beautify`` and ``minify`` filters (``_plugins/beautify.rb``, ``minify.rb``, 2021–2022).

Each changes the page only when its ``_config.yml`` switch (``beautify:``,
``minify:``) is ``true``; al-folio shipped both off. With a switch on,
liquidsite writes the page unchanged and says so once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..base import BuiltinPlugin
from . import as_text

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment


def _switch_filter(env: "JekyllEnvironment", name: str, gem: str) -> Callable[[Any], str]:
    def apply(value: Any) -> str:
        if str(env.site.config.get(name)).lower() == "true":
            env.warn_once(f"{name}.rb", [("Plugins:", f"_plugins/{name}.rb: '{name}: true' needs {gem}, which "
                                                      "liquidsite does not reproduce; pages are written as they are.")])
        return as_text(value)

    return apply


def _plugin(name: str, gem: str) -> BuiltinPlugin:
    def register_liquid(env: "JekyllEnvironment") -> None:
        env.add_filter(name, _switch_filter(env, name, gem))

    return BuiltinPlugin(f"{name}.rb", register_liquid=register_liquid)


PLUGIN_BEAUTIFY = _plugin("beautify", "htmlbeautifier")
PLUGIN_MINIFY = _plugin("minify", "htmlcompressor")
