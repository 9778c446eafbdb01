"""Jekyll's Liquid tags: include, include_relative, highlight, link, post_url."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .environment import JekyllEnvironment


def register(env: "JekyllEnvironment") -> None:
    """Add Jekyll's tags to *env*."""
