"""Sass/SCSS through libsass, configured as jekyll-sass-converter 2.x runs it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .errors import ConversionError

if TYPE_CHECKING:
    from .site import Site


def compile_sass(site: "Site", content: str, origin: str) -> str:
    """Compile the body of a Sass page; errors name the file and line and fail the build."""
    import sass

    config = site.config.get("sass") or {}
    sass_dir = os.path.join(site.source, str(config.get("sass_dir", "_sass")))
    load_paths = [sass_dir] + [os.path.join(site.source, str(p)) for p in config.get("load_paths", []) or []]
    style = str(config.get("style", "expanded")).lstrip(":")
    indented = origin.endswith(".sass")
    try:
        css = sass.compile(
            string=content, include_paths=load_paths, output_style=style, precision=10, indented=indented
        )
    except sass.CompileError as err:
        raise ConversionError(f"{origin}: {err}") from None
    return css
