"""jekyll-email-protect 1.0.3: the ``encode_email`` filter.

Every letter, mark and decimal digit (Ruby's ``\\p{Alnum}``) of the value's
``to_s`` becomes the percent-encoding of its UTF-8 bytes (``%7A``), so an
address in a ``mailto:`` link still works but is not plain text in the page;
``@``, ``.``, ``+`` and the like stay as they are.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from ..liquid.ruby import scalar_to_s
from ..liquid.standard_filters import with_ruby_arity
from .base import BuiltinPlugin

if TYPE_CHECKING:
    from ..liquid.environment import JekyllEnvironment


def _alnum(char: str) -> bool:
    """Onigmo's Unicode ``Alnum``: letters, marks and decimal digits."""
    category = unicodedata.category(char)
    return category[0] in "LM" or category == "Nd"


def encode_email(value: Any) -> str:
    return "".join(
        "".join(f"%{byte:02X}" for byte in char.encode("utf-8")) if _alnum(char) else char
        for char in scalar_to_s(value)
    )


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_filter("encode_email", with_ruby_arity(encode_email))


PLUGIN = BuiltinPlugin("jekyll-email-protect", register_liquid=register_liquid)
