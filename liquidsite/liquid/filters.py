"""Jekyll's Liquid filters (``Jekyll::Filters``), registered over Liquid's standard ones.

Each filter follows the Ruby method of the same name in Jekyll 4.3.1
(``filters.rb``, ``filters/url_filters.rb``, ``date_filters.rb``,
``grouping_filters.rb``); the site reaches them through ``env.site``.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import random
import re
import urllib.parse
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from liquid import BoundTemplate
from liquid.builtin.expressions.primitive import Blank, Empty
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.expression import Expression
from liquid.filter import with_context
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token

from ..lazy_re import lazy_pattern
from ..errors import InvalidDateError
from ..utils import RUBY_SPACE, awk_split, slugify
from .drops import CollectionDrop, CurrentSiteDrop, DocumentDrop, Drop, PageDrop, SiteDrop
from .ruby import float_to_s, inspect, is_nil, ruby_join, scalar_to_s, string_to_i, to_s
from .standard_filters import (LiquidArgumentError, RubyError, hash_key, iterate, ruby_compare, to_integer, to_time,
                               with_ruby_arity)
from .strftime import _zone_name, strftime
from . import uri
from .uri import normalize_component

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from .environment import JekyllEnvironment

_CJK = (r"\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f\u30a0-\u30ff\u31f0-\u31ff\u3040-\u309f"
        r"\uac00-\ud7af\u1100-\u11ff\u3130-\u318f")
_CJK_RE = lazy_pattern(f"[{_CJK}]")  # number_of_words in cjk modes only
_NON_CJK_WORD_RE = lazy_pattern(rf"[^{_CJK}{RUBY_SPACE}]+")
_FLOAT_LIKE = lazy_pattern(r"\A\s*-?(?:\d+\.?\d*|\.\d+)\s*\Z")
_INTEGER_LIKE = lazy_pattern(r"\A\s*-?\d+\s*\Z")


def xml_escape(value: Any) -> str:
    """``String#encode(xml: :attr)`` without the quotes: ``& < > "`` escaped."""
    text = scalar_to_s(value)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&apos;"))


def _url_of(value: Any) -> Any:
    if isinstance(value, Mapping) and isinstance(value, Drop) and "url" in value:
        return value["url"]
    return value


class JekyllFilters:
    """The filters of one site; methods read the site's config through ``env.site``."""

    def __init__(self, env: "JekyllEnvironment") -> None:
        self.env = env
        self._expressions: dict[tuple[str, str], BoundTemplate] = {}
        self._values: dict[tuple[str, str], Expression] = {}

    @property
    def config(self) -> Mapping[str, Any]:
        return self.env.site.config

    # --- URLs ---------------------------------------------------------------------------
    def relative_url(self, value: Any) -> Any:
        if is_nil(value):
            return None
        return uri.relative_url(scalar_to_s(self.config.get("baseurl")), scalar_to_s(_url_of(value)))

    def absolute_url(self, value: Any) -> Any:
        if is_nil(value):
            return None
        config = self.config
        return uri.absolute_url(scalar_to_s(config.get("url")), scalar_to_s(config.get("baseurl")),
                                scalar_to_s(_url_of(value)))

    @staticmethod
    def strip_index(value: Any) -> Any:
        if is_nil(value) or scalar_to_s(value) == "":
            return None
        return re.sub(r"/index\.html?$", "/", scalar_to_s(value), count=1)

    # --- dates --------------------------------------------------------------------------
    def _time(self, value: Any) -> dt.datetime:
        moment = to_time(value, self.env.local_zone())
        if moment is None:
            raise InvalidDateError(f"Invalid Date: '{inspect(value)}' is not a valid datetime.")
        if not isinstance(moment, dt.datetime):
            moment = dt.datetime(moment.year, moment.month, moment.day, tzinfo=self.env.local_zone())
        return moment.astimezone(self.env.local_zone())

    def date_to_xmlschema(self, value: Any) -> Any:
        if scalar_to_s(value) == "":
            return value
        moment = self._time(value)
        return strftime(moment, "%Y-%m-%dT%H:%M:%S%:z")

    def date_to_rfc822(self, value: Any) -> Any:
        if scalar_to_s(value) == "":
            return value
        moment = self._time(value)
        return strftime(moment, "%a, %d %b %Y %H:%M:%S %z")

    def date_to_string(self, value: Any, kind: Any = None, style: Any = None) -> Any:
        return self._stringify_date(value, "%b", kind, style)

    def date_to_long_string(self, value: Any, kind: Any = None, style: Any = None) -> Any:
        return self._stringify_date(value, "%B", kind, style)

    def _stringify_date(self, value: Any, month: str, kind: Any, style: Any) -> Any:
        if scalar_to_s(value) == "":
            return value
        moment = self._time(value)
        if kind == "ordinal":
            day = f"{moment.day}{_ordinal(moment.day)}"
            if style == "US":
                return strftime(moment, f"{month} {day}, %Y")
            return strftime(moment, f"{day} {month} %Y")
        return strftime(moment, f"%d {month} %Y")

    # --- conversions --------------------------------------------------------------------
    def markdownify(self, value: Any) -> str:
        converter = next(c for c in self.env.site.converters if c.kind == "markdown")
        return converter.convert(scalar_to_s(value), "markdownify")

    def smartify(self, value: Any) -> str:
        from ..markdown import jekyll_options
        from ..markdown.smartypants import render_smartypants

        return render_smartypants(scalar_to_s(value), jekyll_options(self.env.site.config.get("kramdown") or {}))

    def _sass(self, value: Any, syntax: str) -> str:
        converter = next(c for c in self.env.site.converters if c.kind == "sass")
        return converter.convert(scalar_to_s(value), f"sassify.{syntax}")

    def sassify(self, value: Any) -> str:
        return self._sass(value, "sass")

    def scssify(self, value: Any) -> str:
        return self._sass(value, "scss")

    @staticmethod
    def slugify(value: Any, mode: Any = None) -> Any:
        return slugify(None if is_nil(value) else scalar_to_s(value), None if is_nil(mode) else scalar_to_s(mode))

    @staticmethod
    def cgi_escape(value: Any) -> str:
        return urllib.parse.quote_plus(scalar_to_s(value), safe="-._~").replace("%7E", "~")

    @staticmethod
    def uri_escape(value: Any) -> str | None:
        return None if is_nil(value) else normalize_component(scalar_to_s(value))

    @staticmethod
    def normalize_whitespace(value: Any) -> str:
        # Ruby's \s and strip: ASCII whitespace only (a no-break space stays)
        return re.sub(r"[ \t\r\n\f\v]+", " ", scalar_to_s(value)).strip(" \t\r\n\f\v\0")

    @staticmethod
    def number_of_words(value: Any, mode: Any = None) -> int:
        text = scalar_to_s(value)
        if mode == "cjk":
            return len(_CJK_RE.findall(text)) + len(_NON_CJK_WORD_RE.findall(text))
        if mode == "auto":
            cjk = len(_CJK_RE.findall(text))
            return len(awk_split(text)) if cjk == 0 else cjk + len(_NON_CJK_WORD_RE.findall(text))
        return len(awk_split(text))

    @staticmethod
    def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
        """Ruby string interpolation of the items (an array item prints as ``inspect``), the
        leading ones joined by ``Array#join`` (nested arrays flattened); a string is a sequence
        of characters, a hash's items are ``hash[0]``, ``hash[1]``."""
        if isinstance(value, Mapping) and not isinstance(value, Drop):  # hash[0], hash[1]: no such keys
            if len(value) > 2:
                raise LiquidArgumentError("undefined method `join' for nil:NilClass")
            items: list[Any] = [value.get(index) for index in range(len(value))]
        elif isinstance(value, str):
            items = list(value)
        else:
            items = list(value) if isinstance(value, (list, tuple)) else iterate(value)
        conn = scalar_to_s(connector)
        if not items:
            return ""
        if len(items) == 1:
            return scalar_to_s(items[0])
        if len(items) == 2:
            return f"{scalar_to_s(items[0])} {conn} {scalar_to_s(items[1])}"
        return f"{ruby_join(items[:-1], ', ')}, {conn} {scalar_to_s(items[-1])}"

    @staticmethod
    def jsonify(value: Any) -> str:
        return to_json(value)

    @staticmethod
    def inspect(value: Any) -> str:
        return xml_escape(inspect_value(value))

    @staticmethod
    def to_integer(value: Any) -> int:
        if value is True:
            return 1
        if value is False:
            return 0
        if isinstance(value, (int, float, Decimal)):
            return int(value)
        if isinstance(value, dt.datetime):  # Time#to_i: seconds since the epoch (zone-less YAML times are UTC)
            return int((value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)).timestamp())
        return string_to_i(scalar_to_s(value))

    # --- arrays -------------------------------------------------------------------------
    def where(self, value: Any, prop: Any, target: Any) -> Any:
        matching = _where(value, prop, target)
        return value if matching is None else list(matching)

    def find(self, value: Any, prop: Any, target: Any) -> Any:
        matching = _where(value, prop, target)
        return value if matching is None else next(matching, None)

    @with_context
    def where_exp(self, value: Any, variable: Any, expression: Any, *, context: "RenderContext") -> Any:
        items = _selectable(value)
        if items is None:
            return value
        return [item for item in items if self._test(context, str(variable), str(expression), item)]

    @with_context
    def find_exp(self, value: Any, variable: Any, expression: Any, *, context: "RenderContext") -> Any:
        items = _selectable(value)
        if items is None:
            return value
        return next((item for item in items if self._test(context, str(variable), str(expression), item)), None)

    def group_by(self, value: Any, prop: Any) -> Any:
        items = _groupable(value)
        if items is None:
            return value
        groups: dict[str, list[Any]] = {}
        for item in items:
            groups.setdefault(scalar_to_s(_item_property(item, prop)), []).append(item)
        return [{"name": name, "items": members, "size": len(members)} for name, members in groups.items()]

    @with_context
    def group_by_exp(self, value: Any, variable: Any, expression: Any, *, context: "RenderContext") -> Any:
        """Groups named by the expression's value as it is (``nil``, a number), not its text."""
        items = _groupable(value)
        if items is None:
            return value
        groups: list[tuple[Any, list[Any]]] = []
        for item in items:
            name = self._value(context, str(variable), str(expression), item)
            members = next((found for key, found in groups if hash_key(key) == hash_key(name)), None)
            if members is None:
                groups.append((name, [item]))
            else:
                members.append(item)
        return [{"name": name, "items": members, "size": len(members)} for name, members in groups]

    def _value(self, context: "RenderContext", variable: str, source: str, item: Any) -> Any:
        """What ``Liquid::Variable#render`` returns for *source* with *variable* bound to *item*."""
        if (variable, source) not in self._values:
            token = Token(TOKEN_EXPRESSION, source, start_index=0, source=source)
            self._values[(variable, source)] = FilteredExpression.parse(self.env, TokenStream(tokenize(source, token)))
        with context.extend({variable: item}):
            found = self._values[(variable, source)].evaluate(context)
        return None if is_nil(found) else found

    def _test(self, context: "RenderContext", variable: str, expression: str, item: Any) -> bool:
        return self._evaluate(context, variable, f"{{% if {expression} %}}1{{% endif %}}", item) == "1"

    def _evaluate(self, context: "RenderContext", variable: str, source: str, item: Any) -> str:
        template = self._expressions.get((variable, source))
        if template is None:
            template = self.env.from_string(source)
            self._expressions[(variable, source)] = template
        buffer = io.StringIO()
        with context.extend({variable: item}):
            template.render_with_context(context, buffer)
        return buffer.getvalue()

    def sort(self, value: Any, prop: Any = None, nils: Any = "first") -> Any:
        """``input.sort``, or each item keyed by ``item_property``: a hash's items are its pairs
        (``[key, value]``, so sorting a hash by a property is a ``TypeError``), anything but an
        array or a hash has no ``sort``/``map`` (``NoMethodError``)."""
        if is_nil(value):
            raise LiquidArgumentError("Cannot sort a null object.")
        pairs = isinstance(value, Mapping)  # a hash, or a drop (Enumerable over its pairs)
        if is_nil(prop):
            if pairs:  # Hash#sort: its pairs, in the order of their (distinct) keys
                keys = _sorted_strictly(list(value))
                return [[key, value[key]] for key in keys]
            return _sorted_strictly(_sortable(value, "sort"))
        if nils == "first":
            order = -1
        elif nils == "last":
            order = 1
        else:
            raise LiquidArgumentError(
                f"Invalid nils order: '{scalar_to_s(nils)}' is not a valid nils order. It must be 'first' or 'last'."
            )
        items = _pairs(value) if pairs else _sortable(value, "map")
        keyed = [(_item_property(item, prop), item) for item in items]

        def compare(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
            left, right = a[0], b[0]
            if not is_nil(left) and is_nil(right):
                return -order
            if is_nil(left) and not is_nil(right):
                return order
            result = ruby_compare(left, right)
            if result is None:
                sl, sr = scalar_to_s(left).encode(), scalar_to_s(right).encode()
                return (sl > sr) - (sl < sr)
            return result

        return [item for _, item in sorted(keyed, key=functools.cmp_to_key(compare))]

    @staticmethod
    def pop(value: Any, count: Any = 1) -> Any:
        if not isinstance(value, list):
            return value
        number = to_integer(count)
        return value[: max(len(value) - number, 0)]

    @staticmethod
    def push(value: Any, item: Any) -> Any:
        return value + [item] if isinstance(value, list) else value

    @staticmethod
    def shift(value: Any, count: Any = 1) -> Any:
        return value[to_integer(count):] if isinstance(value, list) else value

    @staticmethod
    def unshift(value: Any, item: Any) -> Any:
        return [item] + value if isinstance(value, list) else value

    @staticmethod
    def sample(value: Any, count: Any = 1) -> Any:
        if not isinstance(value, list):
            return value
        try:
            number = to_integer(count)
        except LiquidArgumentError:
            number = 1
        if number == 1:
            return random.choice(value) if value else None
        return random.sample(value, min(max(number, 0), len(value)))


def _sortable(value: Any, method: str) -> list[Any]:
    """The items of an array, or Ruby's ``NoMethodError`` for *method* (``sort``, ``map``) called
    on anything else but a hash or a drop."""
    if isinstance(value, (list, tuple)):
        return list(value)
    raise _no_method(method, value)


def _sorted_strictly(items: list[Any]) -> list[Any]:
    """``Array#sort`` without a block. Strings alone (compared by their bytes) or numbers alone
    sort by a key, as they compare under ``<=>``, without a Python call per comparison: a site's
    tag and category lists are sorted on every page. Both orders are stable, so the result is the
    one the comparison gives."""
    if all(type(item) is str for item in items):
        return sorted(items, key=str.encode)
    if all(type(item) is int or (type(item) is float and item == item) for item in items):
        return sorted(items)
    return sorted(items, key=functools.cmp_to_key(_strict_compare))


def _strict_compare(left: Any, right: Any) -> int:
    """``Array#sort`` without a block: incomparable values are an error."""
    result = ruby_compare(left, right)
    if result is None:
        raise LiquidArgumentError(
            f"comparison of {_ruby_class(left)} with {_ruby_class(right) if not is_nil(right) else 'nil'} failed"
        )
    return result


def _ruby_class(value: Any) -> str:
    if is_nil(value):
        return "NilClass"
    return {bool: "TrueClass" if value else "FalseClass", int: "Integer", float: "Float", Decimal: "Float",
            str: "String", list: "Array", dict: "Hash", dt.datetime: "Time", dt.date: "Date"}.get(
                type(value), "Hash" if isinstance(value, Mapping) else type(value).__name__)


def _selectable(value: Any) -> Iterable[Any] | None:
    """What ``where``/``where_exp``/``find`` select from: a hash's values (a page is a hash in
    Jekyll), a Jekyll drop's ``[key, value]`` pairs (it is Enumerable over them), an array's items;
    None for what has no ``select`` (given back as it is)."""
    if isinstance(value, (list, tuple)):
        return list(value)
    if not isinstance(value, Mapping) or is_nil(value):  # an undefined variable is a Mapping
        return None
    if isinstance(value, (Drop, CurrentSiteDrop)) and not isinstance(value, PageDrop):
        return _pairs(value)
    return list(value.values())


def _pairs(value: Mapping[str, Any]) -> Iterator[list[Any]]:
    """A hash's or drop's ``[key, value]`` pairs as Ruby's ``each`` yields them: one at a time, so a
    filter failing on the first never reads the others (a document's excerpt renders when read)."""
    for key in list(value):
        yield [key, value[key]]


def _where(value: Any, prop: Any, target: Any) -> Iterator[Any] | None:
    """The items of *value* whose *prop* equals *target* (``where``, ``find``), lazily; None where
    the filters give their input back (no property, a list or hash target, nothing to select from)."""
    if is_nil(prop) or _is_array_or_hash(target):
        return None
    items = _selectable(value)
    if items is None:
        return None
    return (item for item in items if _compare_property(_item_property(item, prop), target))


def _groupable(value: Any) -> Iterable[Any] | None:
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping) and not is_nil(value):
        return _pairs(value)
    return None


def _is_array_or_hash(value: Any) -> bool:
    """Ruby's ``is_a?(Array) || is_a?(Hash)``; an undefined variable is nil (python-liquid's is a Mapping)."""
    return not is_nil(value) and isinstance(value, (list, Mapping))


def _item_property(item: Any, prop: Any) -> Any:
    """Jekyll's ``item_property``: ``item[prop]`` as Ruby reads it (``read_liquid_attribute``: a
    dotted path steps through whatever answers ``[]``, and is ``false`` past a missing step),
    numeric strings as numbers."""
    name = scalar_to_s(prop)
    if "." not in name:
        found = _ruby_index(item, name)
    else:
        found = item
        for key in name.split("."):  # `data.respond_to?(:[]) && data[key]`
            found = _ruby_index(found, key) if _answers_index(found) else False
    text = scalar_to_s(found) if not isinstance(found, (list, Mapping)) else ""
    if _INTEGER_LIKE.match(text):
        return int(text)
    if _FLOAT_LIKE.match(text):
        return float(text)
    return found


#: What Ruby 3.1's error_highlight adds to a NoMethodError raised on these lines of Jekyll 4.3.1's
#: ``filters.rb`` (the source line and a pointer; Jekyll's log squeezes the whitespace).
_NO_METHOD_SNIPPETS = {
    "sort": "\n\n        input.sort\n             ^^^^^",
    "map": "\n\n      input.map { |item| [item_property(item, property), item] }\n           ^^^^\nDid you mean?  tap",
    "[]": '\n\n      return liquid_data[property] unless property.include?(".")\n                        ^^^^^^^^^^',
}


def _no_method(method: str, value: Any) -> RubyError:
    """Ruby's ``NoMethodError`` for *method* called on *value* in Jekyll's filters."""
    text = inspect(value)  # `5:Integer`, `nil:NilClass`, a date's inspect alone
    receiver = text if text.startswith("#<") else f"{text}:{_ruby_class(value)}"
    return RubyError(f"undefined method `{method}' for {receiver}{_NO_METHOD_SNIPPETS[method]}")


def _answers_index(value: Any) -> bool:
    """Ruby's ``respond_to?(:[])``: nil, booleans, floats, dates and times do not."""
    return not (is_nil(value) or isinstance(value, (bool, float, Decimal, dt.date)))


def _ruby_index(data: Any, key: str) -> Any:
    """``data[key]`` in Ruby, *key* a String: a hash's or drop's value, a string's substring; an
    integer or an array raises ``TypeError``, what has no ``[]`` ``NoMethodError``."""
    if isinstance(data, Mapping) and not is_nil(data):  # an undefined variable is a Mapping
        return data.get(key)
    if isinstance(data, str):  # String#[]: the text itself when the string holds it
        return key if key in data else None
    if isinstance(data, (list, tuple)) or (isinstance(data, int) and not isinstance(data, bool)):
        raise RubyError("no implicit conversion of String into Integer")
    if not _answers_index(data):
        raise _no_method("[]", data)
    return None


def _compare_property(value: Any, target: Any) -> bool:
    if is_nil(target):
        return is_nil(value)
    if isinstance(target, (Blank, Empty)):
        # Jekyll compares with the literal's to_s, "": matches "", nil, [] and [""].
        if isinstance(value, Mapping):
            items: list[Any] = [list(pair) for pair in value.items()]
        else:
            items = value if isinstance(value, list) else ([] if is_nil(value) else [value])
        return value == "" or "".join(to_s(item) for item in items) == ""
    target_text = scalar_to_s(target) if not isinstance(target, float) else float_to_s(target)
    if isinstance(value, str):
        return value == target_text
    if isinstance(value, dt.datetime):
        props: list[Any] = _time_to_a(value)
    else:
        props = value if isinstance(value, list) else ([] if is_nil(value) else [value])
    return any(scalar_to_s(prop) == target_text for prop in props)


def _time_to_a(moment: dt.datetime) -> list[Any]:
    """``Time#to_a``, which Jekyll's ``Array(property)`` calls: ``[sec, min, hour, day, month, year, wday, yday,
    isdst, zone]``, so ``where: "date", "2018"`` selects the posts of 2018 (the yat theme's archives)."""
    return [moment.second, moment.minute, moment.hour, moment.day, moment.month, moment.year,
            moment.isoweekday() % 7, moment.timetuple().tm_yday, bool(moment.dst()), _zone_name(moment, False) or None]


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def to_json(value: Any, depth: int = 0, pretty: bool = False) -> str:
    """Ruby's ``to_json`` after Jekyll's ``as_liquid``: compact, UTF-8, drops as their hashes;
    *pretty*: ``JSON.pretty_generate`` (json 2.6's layout), as ``Drop#inspect`` prints."""
    if is_nil(value):
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return float_to_s(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # json 2.6 leaves U+2028/U+2029 as they are
    if isinstance(value, (list, tuple)):
        items = [to_json(item, depth + 1, pretty) for item in value]
        if not pretty:
            return "[" + ",".join(items) + "]"
        inner = "  " * (depth + 1)
        return "[\n" + ",\n".join(inner + item for item in items) + "\n" + "  " * depth + "]"
    if isinstance(value, (SiteDrop, CurrentSiteDrop)):
        value = _site_hash(value)
    elif isinstance(value, Drop):
        data = value.to_dict()
        if isinstance(value, CollectionDrop):
            # CollectionDrop#docs holds Document objects, not drops: JSON prints each as its to_s
            data["docs"] = [doc.ruby_to_s() for doc in data["docs"]]
        # DocumentDrop#hash_for_json collapses next and previous from JSON depth 2 on (a document
        # printed alone or in an array shows its neighbours whole, and theirs collapsed).
        if isinstance(value, DocumentDrop) and depth >= 2:
            for key in ("previous", "next"):
                if isinstance(data.get(key), Drop):
                    data[key] = _collapse(data[key])
        value = data
    if isinstance(value, Mapping):
        members = [(to_json(scalar_to_s(k)), to_json(v, depth + 1, pretty)) for k, v in value.items()]
        if not pretty:
            return "{" + ",".join(f"{key}:{item}" for key, item in members) + "}"
        inner = "  " * (depth + 1)
        return "{\n" + ",\n".join(f"{inner}{key}: {item}" for key, item in members) + "\n" * bool(members) \
            + "  " * depth + "}"
    return to_json(scalar_to_s(value))


def _site_hash(site: Mapping[str, Any]) -> dict[str, Any]:
    """``SiteDrop#to_h`` as JSON sees it: its methods hand out Jekyll's Document and Page objects
    (not drops), which JSON prints as their ``to_s`` (a document's output once rendered, else its
    content; a page's content), in ``posts``, ``html_pages``, ``documents``, ``pages``,
    ``related_posts`` and the lists of ``tags`` and ``categories``."""
    data = dict(site.items())
    for key in ("posts", "html_pages", "documents", "pages", "related_posts"):
        if isinstance(data.get(key), list):
            data[key] = [_object_to_s(item) for item in data[key]]
    for key in ("tags", "categories"):
        if isinstance(data.get(key), Mapping):
            data[key] = {name: [_object_to_s(item) for item in items] for name, items in data[key].items()}
    return data


def _object_to_s(item: Any) -> Any:
    ruby_to_s = getattr(item, "ruby_to_s", None)
    return ruby_to_s() if ruby_to_s is not None else item


def inspect_value(value: Any, nested: bool = False) -> str:
    """What Ruby's ``inspect`` prints for a value Liquid hands a filter: a Jekyll drop is its
    ``JSON.pretty_generate`` (``Drop#inspect``; a page is a hash in Jekyll), and inside an array
    or a hash the documents, pages and static files that Jekyll's lists hold as Ruby objects
    print as those objects do (``#<Jekyll::Document _posts/a.md collection=posts>``)."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect_value(item, True) for item in value) + "]"
    if isinstance(value, (Drop, CurrentSiteDrop)):
        ruby_inspect = getattr(value, "ruby_inspect", None)
        if nested and ruby_inspect is not None:
            return str(ruby_inspect())
        if not isinstance(value, PageDrop):
            return to_json(value, pretty=True)
    if isinstance(value, Mapping) and not is_nil(value):
        items = value.to_dict().items() if isinstance(value, Drop) else value.items()
        return "{" + ", ".join(f"{inspect_value(k, True)}=>{inspect_value(v, True)}" for k, v in items) + "}"
    return inspect(value)


def _collapse(drop: Drop) -> dict[str, Any]:
    return {key: drop[key] for key in drop.keys() if key not in ("content", "output", "excerpt", "next", "previous")}


_FILTER_NAMES = (
    "relative_url", "absolute_url", "strip_index", "date_to_xmlschema", "date_to_rfc822", "date_to_string",
    "date_to_long_string", "markdownify", "smartify", "sassify", "scssify", "slugify", "xml_escape",
    "cgi_escape", "uri_escape", "normalize_whitespace", "number_of_words", "array_to_sentence_string",
    "jsonify", "where", "where_exp", "find", "find_exp", "group_by", "group_by_exp", "to_integer", "sort",
    "pop", "push", "shift", "unshift", "sample", "inspect",
)


def register(env: "JekyllEnvironment") -> None:
    """Add Jekyll's filters to *env*, replacing python-liquid's where Ruby Liquid differs."""
    jekyll_filters = JekyllFilters(env)
    for name in _FILTER_NAMES:
        func: Callable[..., Any] = xml_escape if name == "xml_escape" else getattr(jekyll_filters, name)
        checked = with_ruby_arity(func)
        if getattr(func, "with_context", False):
            checked = with_context(checked)
        env.add_filter(name, checked)
