"""The python-liquid environment configured as Jekyll's Liquid dialect."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from liquid import Environment, Mode
from liquid.builtin import FileSystemLoader

from . import filters, highlight_tag, tags

if TYPE_CHECKING:
    from ..site import Site

_MODES = {"lax": Mode.LAX, "warn": Mode.WARN, "strict": Mode.STRICT}


class JekyllEnvironment(Environment):
    """A Liquid environment bound to one site: filters and tags reach it as ``env.site``."""

    def __init__(self, site: "Site") -> None:
        liquid_config = site.config.get("liquid") or {}
        mode = _MODES.get(str(liquid_config.get("error_mode", "warn")), Mode.WARN)
        includes = Path(site.source) / str(site.config.get("includes_dir", "_includes"))
        super().__init__(
            tolerance=mode,
            strict_filters=bool(liquid_config.get("strict_filters", False)),
            loader=FileSystemLoader(str(includes)),
        )
        self.site = site
        filters.register(self)
        tags.register(self)
        highlight_tag.register(self)
        from ..plugins import register_liquid

        register_liquid(self)
        site.site_plugins.register_liquid(self)
