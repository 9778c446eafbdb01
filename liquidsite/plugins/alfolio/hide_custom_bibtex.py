"""al-folio's ``hideCustomBibtex`` filter (``_plugins/hide-custom-bibtex.rb``, earlier
``hideCustomBibtex.rb``): the BibTeX shown on a publication loses the fields listed in
``filtered_bibtex_keywords``.

Three versions shipped: the first dropped every line that mentioned a keyword
anywhere (:data:`PLUGIN_ANY_LINE`), the second only lines that set the field
(``keyword = {``, :data:`PLUGIN_FIELD`), the current one also removes the
marks ``* † ‡ § ¶ ‖ & ^`` from ``author`` lines (:data:`PLUGIN`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from liquid.filter import with_context

from ..base import BuiltinPlugin
from . import as_text

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ...liquid.environment import JekyllEnvironment

_AUTHOR_LINE = re.compile(r"^.*\bauthor\b *= *\{.*\n", re.M | re.A)
_AUTHOR_MARKS = re.compile(r"[*†‡§¶‖&^]")


def _keywords(context: "RenderContext") -> list[str]:
    configured = context.env.site.config.get("filtered_bibtex_keywords")  # type: ignore[attr-defined]
    return [str(k) for k in configured] if isinstance(configured, list) else []


def _filter(line_pattern: str, clean_authors: bool) -> Callable[..., str]:
    """The filter of one version: *line_pattern* (``{}`` is the keyword) matches a line to drop."""

    @with_context
    def hide_custom_bibtex(value: Any, *, context: "RenderContext") -> str:
        text = as_text(value)
        for keyword in _keywords(context):
            text = re.sub(line_pattern.format(keyword), "", text, flags=re.M | re.A)
        if clean_authors:
            text = _AUTHOR_LINE.sub(lambda found: _AUTHOR_MARKS.sub("", found.group(0)), text)
        return text

    return hide_custom_bibtex


def _plugin(line_pattern: str, clean_authors: bool) -> BuiltinPlugin:
    def register_liquid(env: "JekyllEnvironment") -> None:
        env.add_filter("hideCustomBibtex", _filter(line_pattern, clean_authors))

    return BuiltinPlugin("hide-custom-bibtex.rb", register_liquid=register_liquid)


PLUGIN_ANY_LINE = _plugin(r"^.*{}.*\n", clean_authors=False)
PLUGIN_FIELD = _plugin(r"^.*\b{}\b *= *\{{.*\n", clean_authors=False)
PLUGIN = _plugin(r"^.*\b{}\b *= *\{{.*\n", clean_authors=True)
