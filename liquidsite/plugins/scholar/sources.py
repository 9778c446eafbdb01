"""Where jekyll-scholar's data comes from: the BibTeX files (read once while unchanged) and
the ``repository:`` folder of files named after entry keys."""

from __future__ import annotations

import glob
import os
import re
from typing import Any, Optional, Sequence

from ... import dependencies
from ...encoding import read_utf8
from ...pool import parent_only
from .bibtex import Bibliography, parse


class ScholarError(Exception):
    """A bibliography the site names but does not have."""


def repository_files(source: str, folder: str, delimiter: str) -> dict[str, dict[Optional[str], str]]:
    """``load_repository``: every path under *folder* (site-relative) by the part of its name
    before *delimiter*, then by the rest (nil when the name has no delimiter)."""
    files: dict[str, dict[Optional[str], str]] = {}
    root = os.path.join(source, folder)
    for path in sorted(glob.glob(os.path.join(glob.escape(root), "**", "*"), recursive=True)):
        key, delimited, rest = os.path.relpath(path, root).partition(delimiter)
        files.setdefault(key, {})[rest if delimited else None] = os.path.relpath(path, source)
    return files


_BIBLIOGRAPHIES: dict[tuple[Any, ...], Bibliography] = {}


def read_bibliography(files: tuple[tuple[str, int, int], ...], replace: bool, join: bool,
                       duplicates: Optional[Sequence[str]]) -> Bibliography:
    """The bibliography of *files* (path, mtime, size), read once while they are unchanged.

    As the gem's ``bib_cache``, duplicates are removed only if the tag that first reads the
    files asks for it (*duplicates*: the fields to compare); later tags get that same copy.
    """
    key = (files, replace, join)
    bibliography = _BIBLIOGRAPHIES.get(key)
    if bibliography is None:
        parent_only()  # its warnings, and which tag's duplicates are removed, follow the render order
        sources = []
        for path, _, _ in files:
            sources.append((path, read_utf8(path, strip_bom=False)))
        bibliography = parse(sources, replace, join)
        if duplicates is not None:
            for removed in bibliography.duplicates(duplicates):
                del bibliography.entries[removed]
        _BIBLIOGRAPHIES[key] = bibliography
    return bibliography


def join_path(*parts: str) -> str:
    """Ruby's ``File.join``: one slash between parts, however many they bring."""
    return re.sub(r"/{2,}", "/", "/".join(parts))


def note_dependency(path: str) -> None:
    """The page being rendered reads *path* (so ``serve`` and ``-I`` re-render it when it changes)."""
    dependencies.note(os.path.normpath(path))
