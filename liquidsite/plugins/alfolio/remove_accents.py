"""al-folio's ``remove_accents`` filter (``_plugins/remove-accents.rb``): ``I18n.transliterate``.

Every non-ASCII character becomes the i18n gem's default approximation
(``é`` → ``e``, ``Æ`` → ``AE``, ``ß`` → ``ss``; the table covers U+00C0–U+017E),
or ``?`` when it has none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..base import BuiltinPlugin
from . import as_text

if TYPE_CHECKING:
    from ...liquid.environment import JekyllEnvironment

# i18n 1.x HashTransliterator::DEFAULT_APPROXIMATIONS, for U+00C0 onwards ("-": none)
_TABLE_START = 0xC0
_TABLE = (
    "A A A A A A AE C E E E E I I I I D N O O O O O x O U U U U Y Th ss a a a a a a ae c e e e e i i i i d n o o "
    "o o o - o u u u u y th y A a A a A a C c C c C c C c D d D d E e E e E e E e E e G g G g G g G g H h H h I i "
    "I i I i I i I i IJ ij J j K k k L l L l L l L l L l N n N n N n 'n NG ng O o O o O o OE oe R r R r R r S s S "
    "s S s S s T t T t T t U u U u U u U u U u U u W w Y y Y Z z Z z Z z -"
).split()
APPROXIMATIONS = {chr(_TABLE_START + i): value for i, value in enumerate(_TABLE) if value != "-"}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def remove_accents(value: Any) -> str:
    return _NON_ASCII.sub(lambda found: APPROXIMATIONS.get(found.group(0), "?"), as_text(value))


def register_liquid(env: "JekyllEnvironment") -> None:
    env.add_filter("remove_accents", remove_accents)


PLUGIN = BuiltinPlugin("remove-accents.rb", register_liquid=register_liquid)
