"""jekyll-gist 1.5.0: ``{% gist user/id [file] %}`` embeds a gist's script tag, after a
``<noscript>`` block holding the gist's code.

As the gem does, the code is fetched from ``gist.githubusercontent.com/ID/raw[/FILE]`` and
written HTML-escaped (``CGI.escapeHTML``) in ``<noscript><pre>...</pre></noscript>``; the
request goes through :mod:`liquidsite.net` (short timeout, the answer cached in the site's
cache folder, used again offline). When there is no code (``--offline`` with nothing cached,
or the request failed), the gem logs three warning lines and its ``noscript`` method returns
the value of its last ``Jekyll.logger.warn`` call, which the tag interpolates before the
script tag: ``true``, or ``false`` when ``--quiet`` keeps warnings from being written
(observed from Jekyll 4.3.1). liquidsite writes the same, so an offline build matches an
offline Jekyll byte for byte. ``gist: {noscript: false}`` writes the script tag alone.

Not followed: with ``JEKYLL_GITHUB_TOKEN`` set the gem asks GitHub's API through Octokit
instead; liquidsite always reads the raw URL. Redirects are followed (Ruby's Net::HTTP
would write a redirect's body).
Either argument may name a Liquid variable (``{% gist page.gist %}``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Optional, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.tag import Tag

from ..encoding import decode_utf8
from ..log import Level, logger
from ..site_plugins import tag_markup
from .base import BuiltinPlugin
from .common import liquid_lookup

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..liquid.environment import JekyllEnvironment
    from ..siteview import SiteView

GEM = "jekyll-gist"
#: where the gem fetches a gist's raw code (tests point it at 127.0.0.1)
RAW_URL = "https://gist.githubusercontent.com"
_ARGUMENTS = re.compile(r"\A(\S+|.*(?=/).+)\s?(\S*)\Z")
_SYNTAX_HELP = (
    "Syntax error in tag 'gist' while parsing the following markup: {markup} Valid syntax: "
    "{{% gist user/1234567 %}} {{% gist user/1234567 foo.js %}} {{% gist 28949e1d5ee2273f9fd3 %}} "
    "{{% gist 28949e1d5ee2273f9fd3 best.md %}}"
)
#: Ruby's ``CGI.escapeHTML``
_HTML_ESCAPES = str.maketrans({"'": "&#39;", "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;"})


def arguments(markup: str) -> Optional[tuple[str, str]]:
    """jekyll-gist's ``determine_arguments``: (gist id, file name) or None."""
    match = _ARGUMENTS.match(markup.strip())
    return (match.group(1).strip(), match.group(2).strip()) if match else None


def script_tag(gist_id: str, filename: str) -> str:
    url = f"https://gist.github.com/{gist_id}.js"
    if filename:
        url += f"?file={filename}"
    return f'<script src="{url}"> </script>'


def raw_code(site: "SiteView", gist_id: str, filename: str) -> Optional[str]:
    """The gist's code as the gem's ``fetch_raw_code`` reads it (any answer's body), or None."""
    url = f"{RAW_URL}/{gist_id}/raw"
    if filename:
        url += f"/{filename}"
    response = site.net.fetch(url, GEM, warn=False)
    return None if response is None else decode_utf8(response.body, url, strip_bom=False)


def noscript_tag(site: "SiteView", gist_id: str, filename: str) -> str:
    """The gem's ``gist_noscript_tag`` as the tag interpolates it."""
    settings = site.config.get("gist")
    if isinstance(settings, dict) and settings.get("noscript") is False:
        return ""
    code = raw_code(site, gist_id, filename)
    if code is not None:
        return f"<noscript><pre>{code.translate(_HTML_ESCAPES)}</pre></noscript>"
    logger.warn("Warning:", f"The <noscript> tag for your gist {gist_id} ")
    logger.warn("", "could not be generated. This will affect users who do ")
    logger.warn("", "not have JavaScript enabled in their browsers.")
    # Jekyll.logger.warn returns whether the line was written
    return "true" if logger.level <= Level.WARN else "false"


class GistNode(Node):
    __slots__ = ("markup",)

    def __init__(self, token: Any, markup: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        parsed = arguments(self.markup)
        if parsed is None:
            raise LiquidError(_SYNTAX_HELP.format(markup=self.markup), token=self.token)
        gist_id, filename = parsed
        resolved_id = liquid_lookup(context, gist_id)
        resolved_file = liquid_lookup(context, filename) if filename else None
        gist_id = gist_id if resolved_id is None else str(resolved_id)
        filename = filename if resolved_file is None else str(resolved_file)
        site: "SiteView" = context.env.site  # type: ignore[attr-defined]
        text = noscript_tag(site, gist_id, filename) + script_tag(gist_id, filename)
        buffer.write(text)
        return len(text)


class GistTag(Tag):
    name = "gist"
    block = False

    def parse(self, stream: "TokenStream") -> Node:
        return GistNode(*tag_markup(stream))


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_tag(GistTag)


PLUGIN = BuiltinPlugin(GEM, register_liquid=register_liquid)
