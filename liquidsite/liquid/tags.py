"""Jekyll's Liquid tags: include, include_relative, link, post_url.

``highlight`` is registered by its own module; ``raw`` is python-liquid's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .include_tag import CONTEXT_DEPTH_LIMIT, IncludeFiles, IncludeRelativeTag, IncludeTag
from .link_tags import LinkTag, PostUrlTag

if TYPE_CHECKING:
    from .environment import JekyllEnvironment


def register(env: "JekyllEnvironment") -> None:
    """Add Jekyll's tags to *env*; both include tags share one per-build include cache."""
    env.context_depth_limit = CONTEXT_DEPTH_LIMIT  # type: ignore[misc]
    files = IncludeFiles(env, env.site)
    env.tags[IncludeTag.name] = IncludeTag(env, files)
    env.tags[IncludeRelativeTag.name] = IncludeRelativeTag(env, files)
    env.add_tag(LinkTag)
    env.add_tag(PostUrlTag)
