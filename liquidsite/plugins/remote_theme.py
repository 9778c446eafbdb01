"""jekyll-remote-theme: ``remote_theme: OWNER/REPO@REF``, resolved with the site (``liquidsite.theme``).

The gem downloads the theme as the site is reset; liquidsite resolves it when the
site is created, from its download cache, so the plugin itself contributes nothing
to the pipeline beyond being enabled.
"""

from __future__ import annotations

from .base import BuiltinPlugin

PLUGIN = BuiltinPlugin("jekyll-remote-theme")
