"""What Liquid's ``x == blank`` means under Jekyll.

Ruby Liquid answers ``x == blank`` with ``x.blank?``, a method only ActiveSupport
defines: in a plain Jekyll build the comparison is false for every value (strings,
nil, arrays alike). A gem that loads ActiveSupport (jemoji through html-pipeline,
jekyll-archives-v2 through its inflector) makes it ActiveSupport's answer for the
whole site: nil, false, empty or blank strings, empty arrays and hashes are blank.
python-liquid's ``blank`` literal knows no per-environment hook, so the renderer
sets :data:`ACTIVE_SUPPORT_BLANK` for the site it renders.
"""

from __future__ import annotations

from contextvars import ContextVar

from liquid.builtin.expressions import logical
from liquid.builtin.expressions.primitive import Blank
from liquid.undefined import is_undefined

#: whether the site being rendered loaded ActiveSupport's ``Object#blank?``
ACTIVE_SUPPORT_BLANK: ContextVar[bool] = ContextVar("active_support_blank", default=False)


def active_support_blank(value: object) -> bool:
    """ActiveSupport's ``blank?``: nil, false, empty or whitespace-only strings, empty arrays and hashes."""
    if value is None or value is False or is_undefined(value):
        return True
    if isinstance(value, str):
        return not value or value.isspace()
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    return False


def _blank_equal(self: Blank, other: object) -> bool:
    if isinstance(other, Blank):
        return True
    return ACTIVE_SUPPORT_BLANK.get() and active_support_blank(other)


_interpreter_eq = logical._eq


def jekyll_eq(left: object, right: object) -> bool:
    """python-liquid's ``==``, except that an undefined value is compared with ``blank`` too."""
    if isinstance(right, Blank) and is_undefined(left) or isinstance(left, Blank) and is_undefined(right):
        return ACTIVE_SUPPORT_BLANK.get()
    return _interpreter_eq(left, right)


Blank.__eq__ = _blank_equal  # type: ignore[method-assign]
Blank.__hash__ = object.__hash__  # type: ignore[method-assign]
logical._eq = jekyll_eq
