"""Source files as UTF-8, as Jekyll reads them (``encoding: bom|utf-8``), never garbled.

Ruby reads a Latin-1 or cp1252 file into a String with invalid bytes and fails
with ``invalid byte sequence in UTF-8`` when the text is used; decoding with
replacement characters instead would publish "Caf\ufffd" without a word.
:class:`InvalidEncodingError` names the file, line and column of the first bad byte.
"""

from __future__ import annotations

import codecs
from typing import Optional

from .errors import LiquidsiteError

_REASON = "invalid byte sequence in UTF-8"


class InvalidEncodingError(LiquidsiteError):
    """A file that is not valid UTF-8: ``str(err)`` is ``REASON in PATH``."""

    def __init__(self, path: str, line: int, column: int) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.reason = f"{_REASON} at line {line} column {column}"
        super().__init__(f"{self.reason} in {path}")


def decode_utf8(raw: bytes, path: str, strip_bom: bool = True) -> str:
    """*raw* as text; a leading byte-order mark dropped when *strip_bom* (Ruby's ``bom|utf-8``)."""
    if strip_bom and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[:err.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise InvalidEncodingError(path, before.count(b"\n") + 1, column) from None


def read_utf8(path: str, strip_bom: bool = True, name: Optional[str] = None) -> str:
    """The file at *path* as text, or :class:`InvalidEncodingError` naming it (as *name* when given)."""
    with open(path, "rb") as handle:
        return decode_utf8(handle.read(), path if name is None else name, strip_bom)
