"""al-folio's ``_plugins/details.rb``: ``{% details caption %}body{% enddetails %}``.

Caption and body are each converted as Markdown; the caption loses its ``<p>``
tags (the plugin's regular expression also strips ``<pre>``, ``<param>``...)
and one trailing newline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...site_plugins import TagContext, tag_class
from ..base import BuiltinPlugin
from . import ruby_chomp

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment

_P_TAGS = re.compile(r"</?p[^>]*>")


def render(markup: str, body: str, context: TagContext) -> str:
    site = context.site
    caption = ruby_chomp(_P_TAGS.sub("", site.markdownify(markup)))
    return f"<details><summary>{caption}</summary>{site.markdownify(body)}</details>"


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(tag_class("details", render, env.site, block=True))


PLUGIN = BuiltinPlugin("details.rb", register_liquid=register_liquid)
