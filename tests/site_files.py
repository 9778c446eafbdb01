"""Build a small fixture site inside the test process (a few milliseconds, no subprocess)."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from conftest import write_tree

from liquidsite.config import load_config
from liquidsite.site import Site


def build_files(root: Path, files: Mapping[str, str]) -> dict[str, str]:
    """Write *files* under *root*, build the site, and return every output file's text by path."""
    source, dest = root / "src", root / "_site"
    write_tree(source, files)
    Site(load_config({"source": str(source), "destination": str(dest), "quiet": True})).process()
    return {
        str(path.relative_to(dest)): path.read_text(encoding="utf-8")
        for path in sorted(dest.rglob("*")) if path.is_file()
    }
