"""al-folio's ``_plugins/file-exists.rb``: ``{% file_exists path %}`` writes ``true`` or ``false``.

The markup is rendered as Liquid first, so the path may hold ``{{ }}``; it is
taken relative to the site's source.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ...site_plugins import TagContext, tag_class
from ..base import BuiltinPlugin

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment


def render(markup: str, context: TagContext) -> str:
    path = f"{context.site.config.get('source') or context.site.source}/{context.render(markup)}"
    return "true" if os.path.exists(path.strip()) else "false"


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(tag_class("file_exists", render, env.site, block=False))


PLUGIN = BuiltinPlugin("file-exists.rb", register_liquid=register_liquid)
