"""Where citeproc-py renders CSL differently from citeproc-ruby 2.1, made to render as citeproc-ruby.

- Group suppression: citeproc-ruby watches which variables a ``cs:group``'s
  children actually read while rendering and drops the group when all of them
  were empty; citeproc-py decides from the variables its children could read in
  any branch, so APA's thesis group printed a lone "(Publication)". The group
  here counts the variable elements rendered, and those that gave output.
- Quotes: citeproc-ruby turns quotes inside quoted text into the locale's inner
  quotes (``“a ‘b’ c”``); citeproc-py leaves them.
- Names: ``initialize="false"`` (CSL 1.0.2, Chicago's full given names) keeps given
  names whole; citeproc-py ignores it and initialises them.
- Text case: citeproc-ruby's ``apply_text_case`` rules (:func:`text_case`): title case
  capitalises words of two letters or more that are not stop words, and the last
  word, whatever the item's language when the locale is English; citeproc-py differs
  on quotes, hyphens, one-letter words and words after a period.
- Substitution: what a ``cs:substitute`` printed in place of the names is not printed
  again later in the entry (the CSL rule); citeproc-py forgets it when it came from a macro.
- Labels: citeproc-ruby applies a label's ``text-case`` (APA's "(Eds.)"); citeproc-py
  applies title case only where it knows the language, which it never does for a label.
- Punctuation: citeproc-ruby joins text and suffix with ``squeeze_suffix``, which moves
  a ``.`` or ``,`` inside a closing quote where the locale has ``punctuation-in-quote``
  (``“Title,”``) and drops a ``.`` after text that ends with one, even past a closing
  tag (``<i>Conf.</i>.``); :func:`squeeze_punctuation` does both on the rendered text.

The changes are made once, to citeproc-py's element classes, when this module
is imported (citeproc-py builds its elements from those classes).
"""

from __future__ import annotations

import re
from typing import Any, Callable, Optional

from citeproc import model  # type: ignore[import-untyped]
from citeproc import string as citeproc_string


class _Reads:
    """How many variable elements rendered so far, and how many of them gave text; while a
    ``cs:substitute`` renders, which (element, variable) pairs gave text."""

    attempted = 0
    rendered = 0
    substituted: Optional[list[tuple[str, str]]] = None


def _counted(render: Callable[..., Any], reads_variable: Callable[[Any], bool]) -> Callable[..., Any]:
    def counting_render(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not reads_variable(self):
            return render(self, *args, **kwargs)
        _Reads.attempted += 1
        result = render(self, *args, **kwargs)
        if result:
            _Reads.rendered += 1
            if _Reads.substituted is not None and "variable" in self.attrib:
                _Reads.substituted.append((self.tag, self.get("variable")))
        return result

    return counting_render


def _group_process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    attempted, rendered = _Reads.attempted, _Reads.rendered
    output = []
    delimiter = self.get("delimiter", "")
    for child in self.iterchildren():
        try:
            if isinstance(child, model.Choose):
                text = child.render(item, context=context, delimiter=delimiter, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except model.VariableError:
            continue
        if text is not None:
            output.append(text)
    all_empty = _Reads.attempted > attempted and _Reads.rendered == rendered
    if output and not all_empty:
        return self.join(output)
    raise model.VariableError


_OPEN_INNER = re.compile('(“|"\\b)')
_CLOSE_INNER = re.compile('(”|\\b")')


def _quote(self: Any, string: Any) -> Any:
    if self.get("quotes", "false").lower() != "true":
        return string
    open_quote = self.get_single_term(name="open-quote")
    close_quote = self.get_single_term(name="close-quote")
    inner_open = self.get_single_term(name="open-inner-quote")
    inner_close = self.get_single_term(name="close-inner-quote")
    text = str(string)
    if inner_open or inner_close:
        text = _CLOSE_INNER.sub(inner_close, _OPEN_INNER.sub(inner_open, text))
    return open_quote + text + close_quote


def _substitute_render(render: Callable[..., Any]) -> Callable[..., Any]:
    """A substitute's variables count as empty for the rest of the entry, those reached
    through a macro too (citeproc-py represses only a substitute's direct variables)."""

    def substitute_render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        outer, _Reads.substituted = _Reads.substituted, []
        try:
            result = render(self, item, context=context, **kwargs)
            if result:
                repressed = (context if context is not None else self).get_layout().repressed
                for tag, variable in _Reads.substituted:
                    repressed.setdefault(tag, []).append(variable)
            return result
        finally:
            if outer is not None:
                outer.extend(_Reads.substituted)
            _Reads.substituted = outer

    return substitute_render


def _label_markup(self: Any, text: Any) -> Any:
    if not text:
        return None
    return self.wrap(self.format(self.case(self.strip_periods(text), _language(self))))


def _name_option(get_option: Callable[..., Any]) -> Callable[..., Any]:
    def name_option(self: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "initialize-with" and self.get("initialize", "true") == "false":
            return None
        return get_option(self, name, *args, **kwargs)

    return name_option


#: citeproc-ruby's English stop words (``Format.stopwords[:en]``)
STOP_WORDS = frozenset("""a about above across afore after against along alongside amid amidst among amongst
    an and anenst apropos apud around as aside astride at athwart atop barring before behind below beneath
    beside besides between beyond but by circa despite d down during except for forenenst from given in inside
    into lest like modulo near next nor notwithstanding of off on onto or out over per plus pro qua sans since
    so than the through thru throughout thruout till to toward towards under underneath until unto up upon
    versus vs v via vis-à-vis with within without""".split())

_LETTER = r"[^\W\d_]"
_TITLE_WORD = re.compile(rf"\b({_LETTER})((?:{_LETTER}|\.)+)\b")
_LAST_WORD = re.compile(rf"(\.|\b)({_LETTER})((?:{_LETTER}|\.)+)\b$", re.M)
_FIRST_LOWER = re.compile(r"^([^\w]*|_*)([^\W\d_])", re.M)
_WORD_START = re.compile(rf"\b({_LETTER})")
_CAPITALS = re.compile(rf"\b({_LETTER})({_LETTER}+)\b")


def text_case(text: str, text_case: str, english: bool = True) -> str:
    """citeproc-ruby's ``Format#apply_text_case``."""
    if text_case == "lowercase":
        return text.lower()
    if text_case == "uppercase":
        return text.upper()
    if text_case in ("capitalize-first", "sentence"):
        text = _FIRST_LOWER.sub(lambda m: m.group(1) + m.group(2).upper() if m.group(2).islower() else m.group(0),
                                text, count=1)
        if text_case == "sentence":
            text = _CAPITALS.sub(lambda m: m.group(1) + m.group(2).lower()
                                 if m.group(1).isupper() and m.group(2).isupper() else m.group(0), text)
        return text
    if text_case == "capitalize-all":
        return _WORD_START.sub(lambda m: m.group(1).upper() if m.group(1).islower() else m.group(1), text)
    if text_case == "title" and english:
        first = True

        def word(match: "re.Match[str]") -> str:
            nonlocal first
            result = match.group(0)
            if match.group(1).islower() and (result.lower() not in STOP_WORDS or first):
                result = match.group(1).upper() + match.group(2)
            first = False
            return result

        text = _TITLE_WORD.sub(word, text)
        return _LAST_WORD.sub(lambda m: m.group(0) if m.group(1) == "." or not m.group(2).islower()
                              else m.group(1) + m.group(2).upper() + m.group(3), text)
    return text


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _language(element: Any) -> str:
    """The language of the locale rendering uses (citeproc-ruby's renderer locale), e.g. ``en``."""
    locales = getattr(element.get_root(), "locales", None) or []
    return str(locales[0].get(_XML_LANG, "en") if locales else "en")[:2]


def _case(self: Any, text: Any, language: Any = None) -> Any:
    name = self.get("text-case")
    if name is None or not text:
        return text
    return citeproc_string.String(text_case(str(text), name, _language(self) == "en"))


def _patch() -> None:
    def has_variable(element: Any) -> bool:
        return "variable" in element.attrib

    model.Text.render = _counted(model.Text.render, has_variable)
    model.Number.render = _counted(model.Number.render, lambda element: True)
    model.Date.render = _counted(model.Date.render, has_variable)
    model.Names.render = _counted(model.Names.render, lambda element: True)
    model.Group.process = _group_process
    model.Substitute.render = _substitute_render(model.Substitute.render)
    model.Quoted.quote = _quote
    model.Label.markup = _label_markup
    model.Name.get_option = _name_option(model.Name.get_option)
    model.TextCased.case = _case


_patch()

_QUOTE_THEN_PUNCTUATION = re.compile(r"([”’]+)((?:</[A-Za-z][^>]*>)?)([.,])")
_DOUBLED_PERIOD = re.compile(r"([.?!;,:])(</[A-Za-z][^>]*>)\.")


def squeeze_punctuation(text: str, punctuation_in_quote: bool) -> str:
    """``squeeze_suffix`` on rendered text: ``”,`` becomes ``,”`` (inside a closing tag too)
    when *punctuation_in_quote*, and ``Conf.</i>.`` loses its second period."""
    text = _DOUBLED_PERIOD.sub(r"\1\2", text)
    return _QUOTE_THEN_PUNCTUATION.sub(r"\3\1\2", text) if punctuation_in_quote else text
