"""kramdown's entity table and its rules for writing an entity back out.

kramdown knows the HTML 4 entity names (plus ``apos``), with a few code points that
differ from the standard table (it swaps ``lceil``/``rceil``, ``lang``/``rang``, and
maps ``vellip`` elsewhere); numeric references 128-159 are read as Windows-1252. An
unknown name is not an entity at all: kramdown then escapes the ampersand.
"""

from __future__ import annotations

from html.entities import name2codepoint
from typing import NamedTuple, Optional


class Entity(NamedTuple):
    code_point: int
    name: Optional[str]

    @property
    def char(self) -> Optional[str]:
        if 0 <= self.code_point <= 0x10FFFF and not 0xD800 <= self.code_point <= 0xDFFF:
            return chr(self.code_point)
        return None


_KRAMDOWN_NAME_OVERRIDES = {
    "vellip": 8942, "rceil": 8968, "lceil": 8969, "rang": 9001, "lang": 9002, "apos": 39,
}
_CODE_POINT_BY_NAME: dict[str, int] = {**name2codepoint, **_KRAMDOWN_NAME_OVERRIDES}
_NAME_BY_CODE_POINT: dict[int, str] = {cp: name for name, cp in _CODE_POINT_BY_NAME.items()}


def _windows_1252(code_point: int) -> Optional[int]:
    try:
        return ord(bytes([code_point]).decode("cp1252"))
    except UnicodeDecodeError:
        return None


_C1_REMAP = {cp: mapped for cp in range(128, 160) if (mapped := _windows_1252(cp)) is not None}


def entity(name_or_code_point: str | int) -> Entity:
    """The entity for a name or code point; ``KeyError`` for an unknown name."""
    if isinstance(name_or_code_point, int):
        cp = _C1_REMAP.get(name_or_code_point, name_or_code_point)
        return Entity(cp, _NAME_BY_CODE_POINT.get(cp))
    return Entity(_CODE_POINT_BY_NAME[name_or_code_point], name_or_code_point)


ESCAPE_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def entity_to_str(ent: Entity, entity_output: str, original: Optional[str] = None) -> str:
    """Render an entity the way kramdown's ``entity_output`` option asks."""
    char = ent.char
    if entity_output == "as_char" and char is not None and (char == '"' or char not in ESCAPE_MAP):
        return char
    if entity_output in ("as_input", "as_char") and original:
        return original
    if (entity_output == "symbolic" or (char is not None and char in ESCAPE_MAP)) and ent.name:
        return f"&{ent.name};"
    return f"&#{ent.code_point};"
