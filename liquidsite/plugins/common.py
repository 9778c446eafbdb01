"""What the plugin modules share: the few Jekyll filters their
templates use (``absolute_url``, ``xml_escape``, ``date_to_xmlschema``, ``smartify``...).

The gems render Liquid templates; the plugins here build the same bytes in Python, so they
need these filters as plain functions, independent of the Liquid environment.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Optional

from ..errors import InvalidDateError
from ..liquid import uri
from ..liquid.ruby import inspect
from ..timeutil import parse_date

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ..siteview import SiteView


# -- URL filters ---------------------------------------------------------------------------

def relative_url(site: "SiteView", path: Any) -> str:
    """Jekyll's ``relative_url``: baseurl + path, normalised."""
    return uri.relative_url(_config_text(site, "baseurl"), "" if path is None else ruby_to_s(path))


def absolute_url(site: "SiteView", path: Any) -> str:
    """Jekyll's ``absolute_url``: ``url`` + baseurl + path, or relative without ``url``."""
    text = "" if path is None else ruby_to_s(path)
    return uri.absolute_url(_config_text(site, "url"), _config_text(site, "baseurl"), text)


def _config_text(site: "SiteView", key: str) -> str:
    value = site.config.get(key)
    return "" if value is None else str(value)


# -- text filters --------------------------------------------------------------------------


def xml_escape(value: Any) -> str:
    """Jekyll's ``xml_escape``: ``to_s`` (an array or hash as ``inspect``), then Ruby's ``encode(xml: :attr)``
    without the surrounding quotes: ``& < > " '`` escaped."""
    text = "" if value is None else inspect(value) if isinstance(value, (list, tuple, dict)) else ruby_str(value)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&apos;"))


_HTML_BLOCKS = re.compile(r"<script.*?</script>|<!--.*?-->|<style.*?</style>", re.S)
_HTML_TAGS = re.compile(r"<.*?>", re.S)


def strip_html(value: Any) -> str:
    return _HTML_TAGS.sub("", _HTML_BLOCKS.sub("", ruby_str(value)))


def normalize_whitespace(value: Any) -> str:
    """Ruby's ``\\s`` and ``strip``: ASCII whitespace only (a no-break space stays)."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", ruby_str(value)).strip(" \t\r\n\f\v\0")


def smartify(site: "SiteView", value: Any) -> str:
    """Jekyll's ``smartify``: kramdown's SmartyPants pass (quotes, dashes, ellipses) over
    ``input.to_s`` (an array as ``inspect``)."""
    from ..markdown import jekyll_options
    from ..markdown.smartypants import render_smartypants

    return render_smartypants(ruby_to_s(value), jekyll_options(site.config.get("kramdown") or {}))


def ruby_str(value: Any) -> str:
    """Liquid's output form of a value (nil is empty, times as Ruby prints them)."""
    from ..timeutil import ruby_time_string

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return ruby_time_string(value)
    if isinstance(value, list):
        return "".join(ruby_str(v) for v in value)
    if isinstance(value, dict):
        return ruby_inspect(value)
    return str(value)


def ruby_to_s(value: Any) -> str:
    """Ruby's ``to_s``, as filters apply it to their input: lists and hashes inspected."""
    return ruby_inspect(value) if isinstance(value, (list, dict)) else ruby_str(value)


_INSPECT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e"}


def ruby_inspect(value: Any) -> str:
    """Ruby 3.1's ``inspect``: ``{"a"=>1, "b"=>[nil, true]}``."""
    if value is None:
        return "nil"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{ruby_inspect(k)}=>{ruby_inspect(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(ruby_inspect(v) for v in value) + "]"
    if isinstance(value, str):
        text = "".join(_INSPECT_ESCAPES.get(ch, ch) for ch in value)
        return '"' + re.sub(r"#(?=[{$@])", r"\\#", text) + '"'
    return ruby_str(value)


def to_time(site: "SiteView", value: Any) -> Optional[dt.datetime]:
    """A date value as Jekyll's date filters read it (``time(input)``): in the site's zone."""
    if isinstance(value, dt.datetime):
        return parse_date(value, site.tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=site.tz)
    if value is None or str(value) == "":
        return None
    try:
        return parse_date(str(value), site.tz)
    except InvalidDateError:  # Jekyll's date filters word it so
        raise InvalidDateError(f"Invalid Date: '{ruby_inspect(value)}' is not a valid datetime.") from None


def xmlschema(site: "SiteView", value: Any) -> str:
    """``date_to_xmlschema``: ``2024-01-01T08:00:00+08:00``."""
    moment = to_time(site, value)
    if moment is None:
        return ruby_str(value)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{text}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_LOOKUP_SEGMENT = re.compile(r"\[[^\]]+\]|[\w-]+\??")


def liquid_lookup(context: "RenderContext", expression: str) -> Any:
    """Ruby Liquid's ``context[expression]``, as tags resolve their arguments: *expression*
    read as a variable path (``page.ref``, ``a['b'][0]``), None when unset."""
    path: list[Any] = []
    for segment in _LOOKUP_SEGMENT.findall(expression):
        if segment.startswith("["):
            inner = segment[1:-1].strip()
            path.append(int(inner) if inner.lstrip("-").isdigit() else inner.strip("'\""))
        else:
            path.append(segment)
    if not path:
        return None
    return context.get(path, token=None, default=None)


def liquid_truthy(value: Any) -> bool:
    """Liquid truthiness: only nil and false are false."""
    return value is not None and value is not False


def empty(value: Any) -> bool:
    """Liquid's ``== empty``: an empty string, list or hash."""
    return isinstance(value, (str, list, dict)) and len(value) == 0
