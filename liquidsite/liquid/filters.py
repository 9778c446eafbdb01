"""Jekyll's Liquid filters (``Jekyll::Filters``) and Liquid's standard filters as Jekyll runs them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .environment import JekyllEnvironment


def register(env: "JekyllEnvironment") -> None:
    """Add Jekyll's filters to *env*, replacing python-liquid's where Ruby Liquid differs."""
