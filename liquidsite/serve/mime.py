"""Content types as ``jekyll serve`` sends them.

Jekyll hands WEBrick its own ``mime.types`` and adds ``; charset=<encoding>``
for the types its ``mime_types_charset.json`` lists. Python's built-in table
agrees for most web types; the entries below are where Jekyll's answer differs
(observed from Jekyll 4.3.1's tables), and unknown extensions are
``application/octet-stream`` as in WEBrick.
"""

from __future__ import annotations

import mimetypes
import os

_JEKYLL_TYPES = {
    ".js": "application/javascript",
    ".mjs": "application/javascript",
    ".map": "application/json",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".yml": "text/yaml",
    ".yaml": "text/yaml",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".xsl": "application/xml",
    ".svg": "image/svg+xml",
    ".ico": "image/vnd.microsoft.icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".mp3": "audio/mp3",
    ".tex": "application/x-tex",
    ".sh": "application/x-sh",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".log": "text/plain",
    ".xhtml": "application/xhtml+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".eot": "application/vnd.ms-fontobject",
    ".ogg": "audio/ogg",
    ".ics": "text/calendar",
    ".gz": "application/gzip",
    ".epub": "application/epub+zip",
    ".jsonld": "application/ld+json",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".scss": "text/x-scss",
    ".sass": "text/x-sass",
    ".wav": "audio/wav",
    ".flac": "audio/x-flac",
    ".toml": "application/toml",
    ".ini": "text/plain",
    ".bib": "application/octet-stream",
    ".py": "application/octet-stream",
    ".rb": "application/octet-stream",
}

#: Types Jekyll serves with ``; charset=<site encoding>``.
_WITH_CHARSET = {
    "application/javascript", "application/json", "application/manifest+json", "text/cache-manifest",
    "text/calendar", "text/coffeescript", "text/css", "text/csv", "text/html", "text/jsx", "text/less",
    "text/markdown", "text/mathml", "text/plain", "text/richtext", "text/sgml", "text/stylus",
    "text/tab-separated-values", "text/troff", "text/turtle", "text/uri-list", "text/vcard", "text/vtt",
    "text/x-sass", "text/x-scss", "text/x-markdown", "text/yaml", "text/x-c", "text/x-java-source",
}

_builtin = mimetypes.MimeTypes(filenames=())


def content_type(path: str, encoding: str = "utf-8") -> str:
    """The ``Content-Type`` header for the file at *path*."""
    ext = os.path.splitext(path)[1].lower()
    kind = _JEKYLL_TYPES.get(ext) or _builtin.types_map[True].get(ext) or "application/octet-stream"
    if kind in _WITH_CHARSET:
        return f"{kind}; charset={encoding}"
    return kind
