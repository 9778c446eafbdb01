"""What the Markdown port raises on purpose."""

from __future__ import annotations


class GemError(Exception):
    """An input the kramdown gems themselves fail on (a Ruby exception in their code, whose message
    this carries): Jekyll stops with a ``Conversion error``, and so does a build here."""
