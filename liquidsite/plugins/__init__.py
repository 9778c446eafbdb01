"""Built-in equivalents of the GitHub Pages gems, enabled as Jekyll enables plugins.

The pipeline reaches plugins at two points only: :func:`register_liquid` when a
site's Liquid environment is made (plugin tags and filters such as ``seo`` and
``feed_meta``) and :func:`generate` in ``Site.generate`` (feeds, sitemaps,
pagination, redirects).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..liquid.environment import JekyllEnvironment
    from ..site import Site


def register_liquid(env: "JekyllEnvironment") -> None:
    """Add the enabled plugins' tags and filters to *env*."""


def generate(site: "Site") -> None:
    """Run the enabled plugins' generators, in Jekyll's priority order."""
