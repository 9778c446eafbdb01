"""Front matter as Jekyll reads it, and the ``defaults:`` that fill it in."""

from __future__ import annotations

import datetime as dt
import glob
import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Mapping

from . import yamlio
from .encoding import read_utf8
from .timeutil import parse_date
from .utils import deep_merge

# Jekyll's Document::YAML_FRONT_MATTER_REGEXP: ``---`` line, YAML, ``---`` or ``...`` line.
# Ruby's \s includes newlines: the blank line after the closing ``---`` belongs to it.
_FRONT_MATTER = re.compile(r"\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)", re.S | re.M)


@dataclass
class SourceText:
    """A file split into its front matter and body.

    ``body_line`` is the 1-based line of the body's first line in the file, so
    errors in the body can name the line in the file as the user sees it.
    """

    data: dict[str, Any] | None
    body: str
    body_line: int


def read_text(path: str) -> str:
    """A source file as text (UTF-8, a BOM dropped, Windows line ends kept as Ruby keeps them).

    Bytes that are not UTF-8 raise :class:`~liquidsite.encoding.InvalidEncodingError`.
    """
    return read_utf8(path)


def _parts(text: str) -> tuple[str | None, str, int]:
    """The front matter's YAML (None when there is none), the body, the body's first line."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end():], text.count("\n", 0, match.end()) + 1


def split(text: str, origin: str) -> SourceText:
    """Separate front matter from the body; raise YAMLSyntaxError naming *origin* and line."""
    header, body, body_line = _parts(text)
    return SourceText(None if header is None else yamlio.load(header, origin), body, body_line)


def split_without_data(text: str) -> SourceText:
    """The body after the front matter, its YAML left unread (the front matter was broken)."""
    _, body, body_line = _parts(text)
    return SourceText(None, body, body_line)


class FrontmatterDefaults:
    """The ``defaults:`` sets of the config, matched by scope path (globs) and type.

    Matching is cached per (path, type): every document asks once per key.
    """

    def __init__(self, config: Mapping[str, Any], source: str, tz: dt.tzinfo) -> None:
        self.source = source
        self.collections_dir = str(config.get("collections_dir") or "")
        self.sets = self._valid_sets(config.get("defaults"), tz)
        self._matches: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._globs: dict[str, list[str]] = {}

    @staticmethod
    def _valid_sets(sets: Any, tz: dt.tzinfo) -> list[dict[str, Any]]:
        if not isinstance(sets, list):
            return []
        valid = []
        legacy_types = {"page": "pages", "post": "posts", "draft": "drafts"}
        for entry in sets:
            if not (isinstance(entry, dict) and isinstance(entry.get("values"), dict)):
                from .log import logger

                logger.warn("Defaults:", "An invalid front-matter default set was found:")
                logger.warn("", str(entry))
                continue
            entry = dict(entry)
            scope = dict(entry.get("scope") or {})
            if "type" in scope:
                scope["type"] = legacy_types.get(str(scope["type"]), str(scope["type"]))
            entry["scope"] = scope
            values = dict(entry["values"])
            if "date" in values:
                values["date"] = parse_date(
                    values["date"], tz,
                    f"An invalid date format was found in a front-matter default set: {entry}",
                )
            entry["values"] = values
            valid.append(entry)
        return valid

    @staticmethod
    def _sanitize(path: Any) -> str:
        if not path:
            return ""
        path = str(path)
        if path.startswith("/"):
            path = path[1:]
        return path

    def _strip_collections_dir(self, path: str) -> str:
        prefix = f"{self.collections_dir}/"
        if self.collections_dir and path.startswith(prefix):
            return path[len(prefix):]
        return path

    def _applies_path(self, scope: Mapping[str, Any], path: str) -> bool:
        scope_path = scope.get("path")
        if not isinstance(scope_path, str) or not scope_path:
            return True
        sanitized = self._sanitize(path)
        if "*" in scope_path:
            pattern = os.path.join(self.source, scope_path)
            if pattern not in self._globs:
                if sys.version_info >= (3, 11):
                    self._globs[pattern] = glob.glob(pattern, include_hidden=True)
                else:  # Python 3.10's glob has no include_hidden: it always skips dot files
                    self._globs[pattern] = glob.glob(pattern)
            for match in self._globs[pattern]:
                relative = self._strip_collections_dir(os.path.relpath(match, self.source))
                if sanitized.startswith(relative):
                    return True
            return False
        return sanitized.startswith(self._strip_collections_dir(scope_path))

    def _has_precedence(self, old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> bool:
        if old is None:
            return True
        new_path = self._sanitize(new.get("path"))
        old_path = self._sanitize(old.get("path"))
        if len(new_path) != len(old_path):
            return len(new_path) >= len(old_path)
        if "type" in new:
            return True
        return "type" not in old

    def _matching(self, path: str, kind: str) -> list[dict[str, Any]]:
        key = (path, kind)
        if key not in self._matches:
            self._matches[key] = [
                s for s in self.sets
                if ("type" not in s["scope"] or s["scope"]["type"] == kind)
                and self._applies_path(s["scope"], path)
            ]
        return self._matches[key]

    def all(self, path: str, kind: str) -> dict[str, Any]:
        """Every default value for a file at *path* (relative to the source) of type *kind*."""
        result: dict[str, Any] = {}
        old_scope = None
        for entry in self._matching(path, kind):
            if self._has_precedence(old_scope, entry["scope"]):
                result = deep_merge(result, entry["values"])
                old_scope = entry["scope"]
            else:
                result = deep_merge(entry["values"], result)
        return result
