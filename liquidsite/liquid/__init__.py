"""Jekyll's Liquid dialect on python-liquid.

The build pipeline talks to this package through :class:`LiquidRenderer` only:
one renderer per site build, holding the environment (filters, tags, include
cache) so that per-page work is just parse-and-render.
"""

from .renderer import LiquidRenderer, LiquidRenderError

__all__ = ["LiquidRenderer", "LiquidRenderError"]
