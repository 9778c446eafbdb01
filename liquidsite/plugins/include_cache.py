"""jekyll-include-cache: ``{% include_cached file.html param=value %}``.

The gem renders each (file, parameters) pair once per build and reuses the
output; an include whose output depends only on its file and parameters
renders the same either way, which is what the gem requires of its users. So
``include_cached`` is Jekyll's ``include`` under a second name.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..liquid.environment import JekyllEnvironment

TAG_NAME = "include_cached"


def register_liquid(env: "JekyllEnvironment") -> None:
    """Register a copy of the environment's ``include`` tag named ``include_cached``."""
    include = copy.copy(env.tags["include"])
    include.name = TAG_NAME  # the name its syntax messages show
    env.tags[TAG_NAME] = include


PLUGIN = BuiltinPlugin("jekyll-include-cache", register_liquid=register_liquid)
