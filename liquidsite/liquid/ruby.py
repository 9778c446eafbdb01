"""Ruby's string forms of Liquid values: what ``to_s``, ``inspect`` and ``Array#join`` print.

Jekyll's output is whatever Ruby prints for a value, so ``{{ page.tags }}`` is
``ab`` (``Array#join``), a hash is ``{"a"=>1}`` and a float is ``1.0e+21``.
Filters that coerce their input to a string (``append``, ``size``...) use
the same forms, so they live here rather than in the output node.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from liquid.undefined import Undefined

from ..lazy_re import lazy_pattern
from ..timeutil import ruby_time_string


#: types never undefined, answered before ``isinstance(value, Undefined)`` (an ABC check: Undefined is a Mapping)
_PLAIN_TYPES = frozenset((str, int, float, bool, list, dict, tuple))


def is_nil(value: Any) -> bool:
    """True for Ruby's ``nil``: ``None`` and python-liquid's undefined values."""
    return value is None or (type(value) not in _PLAIN_TYPES and isinstance(value, Undefined))


def float_to_s(value: float) -> str:
    """``Float#to_s``: shortest round-trip digits, exponent form outside ``1e-4 <= |x| < 1e16``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    digits, exponent = _shortest_digits(abs(value))
    decpt = len(digits) + exponent  # value == 0.<digits> * 10**decpt
    if -4 < decpt <= 0:
        return f"{sign}0.{'0' * -decpt}{digits}"
    if 0 < decpt < 16:
        whole, frac = digits[:decpt].ljust(decpt, "0"), digits[decpt:]
        return f"{sign}{whole}.{frac or '0'}"
    exp = decpt - 1
    return f"{sign}{digits[0]}.{digits[1:] or '0'}e{'+' if exp >= 0 else '-'}{abs(exp):02d}"


def _shortest_digits(value: float) -> tuple[str, int]:
    """The significant digits of ``repr(value)`` and the power of ten of the last one."""
    sign_digits_exp = Decimal(repr(value)).normalize().as_tuple()
    digits = "".join(str(d) for d in sign_digits_exp.digits)
    return digits, int(sign_digits_exp.exponent)


def to_s(value: Any, local: dt.tzinfo | None = None) -> str:
    """What Liquid writes for ``{{ value }}``: ``Array#join`` for lists, ``to_s`` otherwise.

    *local* is the site's zone: a zone-less YAML time is UTC and Ruby shows it in local time.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "".join(to_s(item, local) for item in value)
    if local is not None and isinstance(value, dt.datetime) and value.tzinfo is None:
        return ruby_time_string(value.replace(tzinfo=dt.timezone.utc).astimezone(local))
    return scalar_to_s(value)


def ruby_join(items: Any, separator: str) -> str:
    """``Array#join``: nested arrays joined in place (an empty one still takes its separators)."""
    return separator.join(ruby_join(item, separator) if isinstance(item, (list, tuple)) else scalar_to_s(item)
                          for item in items)


def scalar_to_s(value: Any) -> str:
    """``Object#to_s`` for one value (a list here prints as ``inspect``, as Ruby does)."""
    if isinstance(value, str):
        return value
    if type(value) is int:
        return str(value)
    if value is None or isinstance(value, Undefined):
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, dt.datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)
        return ruby_time_string(moment)
    ruby_to_s = getattr(value, "ruby_to_s", None)
    if ruby_to_s is not None:  # Jekyll objects with their own to_s (documents, pages, collections)
        return str(ruby_to_s())
    if isinstance(value, (list, tuple, Mapping)):
        return inspect(value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    return str(value)


def inspect(value: Any) -> str:
    """``Object#inspect``: ``["a", 1]``, ``{"a"=>nil}``, ``"str"``, ``nil``."""
    if value is None or isinstance(value, Undefined):
        return "nil"
    if isinstance(value, str):
        return _inspect_str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in _items(value)) + "}"
    if isinstance(value, dt.datetime):
        return scalar_to_s(value)
    if isinstance(value, dt.date):
        return f"#<Date: {value.isoformat()} (({value.toordinal() + _JULIAN_DAY_OF_ORDINAL_0}j,0s,0n),+0s,2299161j)>"
    return scalar_to_s(value)


#: The Julian day number of ``date.fromordinal(1) - 1 day`` (``Date#inspect`` prints the day's number).
_JULIAN_DAY_OF_ORDINAL_0 = 1721425


def _items(mapping: Mapping[Any, Any]) -> list[tuple[Any, Any]]:
    to_dict = getattr(mapping, "to_dict", None)
    return list((to_dict() if callable(to_dict) else mapping).items())


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f", "\v": "\\v", "\b": "\\b",
            "\a": "\\a", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "#": "#"}


#: What ``String#inspect`` escapes besides ASCII controls (Onigmo's non-printable characters:
#: line and paragraph separators, unassigned code points, surrogates; U+0085 and format
#: characters print as they are).
_UNPRINTABLE = ("Zl", "Zp", "Cn", "Cs")


def _inspect_str(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        if char == "#" and text[index + 1: index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F or unicodedata.category(char) in _UNPRINTABLE:
            out.append(f"\\u{ord(char):04X}" if ord(char) < 0x10000 else f"\\u{{{ord(char):X}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def to_number(value: Any) -> int | Decimal:
    """``Liquid::Utils.to_number``: floats as exact decimals (so ``0.1 | plus: 0.2`` is ``0.3``),
    ``"1.5"`` as a decimal, other strings by their leading integer (``String#to_i``), else 0."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return Decimal(float_to_s(value)) if math.isfinite(value) else Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _DECIMAL_RE.fullmatch(text):
            return Decimal(text)
        return string_to_i(value)
    return 0


def string_to_i(text: str) -> int:
    """``String#to_i``: the leading integer, underscores between digits allowed, else 0."""
    match = _LEADING_INT_RE.match(text)
    return int(match.group(0).replace("_", "")) if match else 0


def from_number(value: int | Decimal) -> int | float:
    """Back from Liquid's arithmetic: decimals become floats again, as ``apply_operation`` does."""
    return float(value) if isinstance(value, Decimal) else value


_DECIMAL_RE = lazy_pattern(r"-?\d+\.\d+")
_LEADING_INT_RE = lazy_pattern(r"\s*[-+]?\d+(?:_\d+)*")
