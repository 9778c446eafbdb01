"""al-folio's former ``_plugins/cache-bust.rb`` (2023–2025, before the jekyll-cache-bust gem).

The gem's code (:mod:`..cache_bust`) writing ``?`` instead of ``?v=`` between
the URL and the MD5.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import BuiltinPlugin
from ..cache_bust import register_filters

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment


def register_liquid(env: "JekyllEnvironment") -> None:
    register_filters(env, "?")


PLUGIN = BuiltinPlugin("cache-bust.rb", register_liquid=register_liquid)
