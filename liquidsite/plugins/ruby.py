"""Recognising a site's Ruby plugins (``_plugins/*.rb``) that liquidsite has built-in equivalents for.

al-folio and its forks carry their own small plugins (``details.rb``,
``hide-custom-bibtex.rb``, ``external-posts.rb``...). A ``.rb`` file is taken
for a known plugin when its file name is one of :data:`~liquidsite.plugins.RUBY_PLUGINS`
and its content is that plugin:

- *a known version*: its normalised text (comment lines, indentation and blank
  lines dropped, whitespace runs squeezed) hashes to one of the versions
  al-folio has shipped. Each version names the equivalent reproducing it,
  since some versions differ in output (``hideCustomBibtex`` once dropped every
  line that merely mentioned a keyword).
- *an edited copy*: it registers exactly the known plugin's Liquid tags,
  generator classes and hooks, and defines its filters. The newest version's
  equivalent runs, and one warning says that the edits are not reproduced.

Anything else is unknown: named once in a warning and skipped, as before.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Mapping, Optional

from ..lazy_re import lazy_pattern

_COMMENT_LINE = lazy_pattern(r"^\s*#.*$", re.M)
_SPACES = lazy_pattern(r"[ \t\r\f\v]+")
_TAG = lazy_pattern(r"""register_tag\(\s*['"]([^'"]+)['"]""")
_GENERATOR = lazy_pattern(r"class\s+(\w+)\s*<\s*(?:::)?(?:Jekyll::)?Generator\b")
_HOOK = lazy_pattern(r"Hooks\.register\s*\(?\s*:(\w+)\s*,\s*:(\w+)")
_DEF = lazy_pattern(r"\bdef\s+(?:self\.)?(\w+[?!]?)")


def normalized_digest(text: str) -> str:
    """The hash of *text* with comment lines, indentation, blank lines, spacing, line endings
    and a byte order mark left out."""
    text = text.lstrip("\ufeff")
    lines = (_SPACES.sub(" ", line).strip() for line in _COMMENT_LINE.sub("", text).splitlines())
    return hashlib.sha256("\n".join(line for line in lines if line).encode("utf-8")).hexdigest()[:16]


def registrations(text: str) -> frozenset[str]:
    """What a Ruby plugin file registers: ``tag:NAME``, ``generator:CLASS``, ``hook:OWNER:EVENT``,
    and, when it registers a filter module, ``filter:NAME`` for each method it defines."""
    found = {f"tag:{name}" for name in _TAG.findall(text)}
    found |= {f"generator:{name}" for name in _GENERATOR.findall(text)}
    found |= {f"hook:{owner}:{event}" for owner, event in _HOOK.findall(text)}
    if "register_filter" in text:
        found |= {f"filter:{name}" for name in _DEF.findall(text) if name != "initialize"}
    return frozenset(found)


@dataclass(frozen=True)
class RubyPlugin:
    """The built-in equivalent of one Ruby plugin file.

    ``module`` is a module under ``liquidsite.plugins``, or ``gem`` names the gem
    whose built-in module (``MODULES``) the file duplicates. ``registers`` is the
    file's signature (see :func:`registrations`; every ``filter:`` name must be
    defined, and nothing else registered). ``versions`` maps the
    :func:`normalized_digest` of each shipped version to the name of the module's
    :class:`~liquidsite.plugins.base.BuiltinPlugin` reproducing it; an edited copy
    gets ``latest``.
    """

    registers: frozenset[str]
    versions: Mapping[str, str]
    module: str = ""
    gem: str = ""
    latest: str = "PLUGIN"

    def matches(self, found: frozenset[str]) -> bool:
        """Whether a file registering *found* is this plugin, edited or not (never for a plugin that
        registers nothing: only its known versions are it)."""
        if not self.registers:
            return False
        wanted_filters = {r for r in self.registers if r.startswith("filter:")}
        other = {r for r in found if not r.startswith("filter:")}
        if other != self.registers - wanted_filters:
            return False
        has_filters = any(r.startswith("filter:") for r in found)
        return wanted_filters <= found if wanted_filters else not has_filters


@dataclass(frozen=True)
class Recognition:
    """The outcome for one ``.rb`` file: the equivalent's attribute, and whether the file was edited."""

    plugin: RubyPlugin
    attribute: str
    edited: bool


def recognise(filename: str, text: str, known: Mapping[str, RubyPlugin]) -> Optional[Recognition]:
    """The known plugin *text* (the content of a file named *filename*) is, or None."""
    digest = normalized_digest(text)
    candidate = known.get(filename)
    if candidate is not None and digest in candidate.versions:
        return Recognition(candidate, candidate.versions[digest], edited=False)
    for plugin in known.values():  # a known version under another name
        if digest in plugin.versions:
            return Recognition(plugin, plugin.versions[digest], edited=False)
    if candidate is not None and candidate.matches(registrations(text)):
        return Recognition(candidate, candidate.latest, edited=True)
    return None
