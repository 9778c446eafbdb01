"""Build a small fixture site in-process (well under a second), for plugin tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from conftest import write_tree

from liquidsite.config import load_config
from liquidsite.site import Site


def build(root: Path, files: Mapping[str, str], **overrides: Any) -> Path:
    """Write *files* under *root*, build the site into ``root/_site`` and return that folder."""
    write_tree(root, files)
    config = load_config({"source": str(root), "destination": str(root / "_site"), "quiet": True, **overrides})
    Site(config).process()
    return root / "_site"
