"""Regular expressions shared by kramdown's block and span parsers.

Translated from kramdown's Ruby regexps. Ruby's ``\\s``, ``\\w`` and ``\\d`` are ASCII
and its ``^``/``$`` are always line anchors, so patterns compile with ``re.ASCII |
re.MULTILINE``; Ruby's ``/m`` is ``re.DOTALL``. Ruby's ``\\Z`` (end, or before a final
newline) is written ``(?=\\n?\\Z)``.

Where kramdown takes the rest of a line lazily (``.*?\\n``) the port takes it greedily
(``.*\\n``): ``.`` stops at a newline, so both match the same, but ``re`` steps through a
lazy repeat character by character, which made matching a long line ten times slower.
"""

from __future__ import annotations

import re

from ..lazy_re import lazy_pattern
from .unicode_classes import OTHER_ALPHABETIC, OTHER_NUMBERS

FLAGS = re.ASCII | re.MULTILINE


def rx(source: str, flags: int = 0) -> re.Pattern[str]:
    return lazy_pattern(source, FLAGS | flags)


END = r"(?=\n?\Z)"  # Ruby's \Z
OPT_SPACE = r" {0,3}"
INDENT_SRC = r"^(?:\t| {4})"
INDENT = rx(INDENT_SRC)

# XML names as REXML defines them (NCName, optionally prefixed), as code point ranges.
_NAME_START_RANGES = (
    (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D),
    (0x37F, 0x1FFF), (0x200C, 0x200D), (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF),
    (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF),
)
_NAME_CHAR_RANGES = _NAME_START_RANGES + ((0x2D, 0x2E), (0x30, 0x39), (0xB7, 0xB7), (0x300, 0x36F), (0x203F, 0x2040))
_COLON = ((0x3A, 0x3A),)


def char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    """A regex class matching exactly the code points in *ranges*, written as the negation of the rest.

    ``re`` builds a class's bitmap one BMP code point at a time: the NCName classes
    (some 60,000 code points each, in some 20 patterns) cost half a second at import
    written as ranges, their complements (some 11,000) a fifth of that.
    """
    parts, start = [], 0
    for low, high in sorted(ranges):
        if low > start:
            parts.append(f"\\U{start:08x}" if low - 1 == start else f"\\U{start:08x}-\\U{low - 1:08x}")
        start = max(start, high + 1)
    if start <= 0x10FFFF:
        parts.append(f"\\U{start:08x}-\\U0010ffff")
    return "[^" + "".join(parts) + "]"


# REXML::XMLTokens' names (XML 1.0 NCName and Name), which kramdown's ``{#id}`` header ids use.
NCNAME = char_class(_NAME_START_RANGES) + char_class(_NAME_CHAR_RANGES) + "*"
XML_NAME = char_class(_NAME_START_RANGES + _COLON) + char_class(_NAME_CHAR_RANGES + _COLON) + "*"


def _ranges(ranges: tuple[tuple[int, int], ...]) -> str:
    """The non-ASCII *ranges* as a class body written in the characters themselves: a seventh of
    the source that ``\\U`` escapes make, which is what ``re`` spends its time parsing."""
    return "".join(chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in ranges)


# Onigmo's Unicode classes from Python's: ``\\w`` without the other numbers (``½``), with the
# alphabetic marks and symbols (``ि``, ``Ⓐ``). [[:alpha:]] adds ``_`` here, as the names need it.
# An ASCII character is decided by a small class first: ``re`` tests a character against a class
# holding characters beyond the BMP range by range, which made the tag and attribute patterns
# spend some hundred steps on each character of a name (none of those classes holds ASCII).
_NOT_OTHER_NUMBER = "(?![" + _ranges(OTHER_NUMBERS) + "])"
_ALPHABETIC_MARK = _ranges(OTHER_ALPHABETIC)
_NON_ASCII_ALNUM = f"(?=[^\\x00-\\x7f])(?:{_NOT_OTHER_NUMBER}(?u:\\w)|[{_ALPHABETIC_MARK}])"
_ALNUM_OR_UNDERSCORE = f"(?:[A-Za-z0-9_]|{_NON_ASCII_ALNUM})"
_NAME_CHAR = f"(?:[A-Za-z0-9_\\-.]|{_NON_ASCII_ALNUM})"

# REXML::Parsers::BaseParser's UNAME_STR, ``[[:alpha:]_][-[:alnum:]._]*`` (optionally prefixed),
# which kramdown's HTML tag and attribute patterns use: not the XML 1.0 names above (``<a·b>``,
# ``<a😀>`` and ``<a\u0301>`` are no tags). Written as name characters of which the first is no
# digit, ``-`` or ``.`` (no alphabetic mark is a digit): the same matches, tried in the same order,
# with the large classes once instead of twice, which halves what ``re`` spends compiling them.
NAME_START = f"(?![\\-.]|(?u:\\d)){_NAME_CHAR}"
TAG_NCNAME = NAME_START + "+"
UNAME = f"(?:{TAG_NCNAME}:)?{TAG_NCNAME}"

BLANK_LINE_SRC = r"(?:^[ \t\r\f\v]*\n)+"
BLANK_LINE = rx(BLANK_LINE_SRC)
EOB_MARKER_SRC = r"^\^\s*?\n"
EOB_MARKER = rx(EOB_MARKER_SRC)

# Attribute lists and extensions
ALD_ID_NAME = r"\w[\w-]*"
ALD_ANY_CHARS = r"(?:\\\}|[^\}])"
IAL_BLOCK_SRC = r"\{:(?!:|/)(" + ALD_ANY_CHARS + r"+)\}\s*?\n"
IAL_BLOCK_START_SRC = "^" + OPT_SPACE + IAL_BLOCK_SRC
IAL_BLOCK_START = rx(IAL_BLOCK_START_SRC)
ALD_START = rx("^" + OPT_SPACE + r"\{:(" + ALD_ID_NAME + r"):(" + ALD_ANY_CHARS + r"+)\}\s*?\n")
EXT_STOP_STR = r"\{:/(%s)?\}"
EXT_START_STR = r"\{::(\w+)(?:\s(" + ALD_ANY_CHARS + r"*?)|)(/)?\}"
EXT_BLOCK_START = rx("^" + OPT_SPACE + "(?:" + EXT_START_STR + "|" + EXT_STOP_STR % ALD_ID_NAME + r")\s*?\n")
BLOCK_EXTENSIONS_START = rx("^" + OPT_SPACE + r"\{:")
EXT_SPAN_START = rx(EXT_START_STR + "|" + EXT_STOP_STR % ALD_ID_NAME)
IAL_SPAN_START = rx(r"\{:(" + ALD_ANY_CHARS + r"+)\}")
LIST_ITEM_IAL = rx(r"^\s*(?:\{:(?!(?:" + ALD_ID_NAME + r")?:|/)(" + ALD_ANY_CHARS + r"+)\})\s*")
LIST_ITEM_IAL_CHECK = rx(r"^(?:\s*(?:\{:(?!(?:" + ALD_ID_NAME + r")?:|/)(" + ALD_ANY_CHARS + r"+)\})\s*)?\s*\n")

# HTML
HTML_SPAN_ELEMENTS = frozenset(
    "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark "
    "option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var".split()
)
HTML_BLOCK_ELEMENTS = frozenset(
    "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset "
    "figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li "
    "main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul".split()
)
HTML_ELEMENTS_WITHOUT_BODY = frozenset(
    "area base br col command embed hr img input keygen link meta param source track wbr".split()
)
_CONTENT_MODEL_BLOCK = (
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption "
    "footer form header hgroup iframe li main map menu nav noscript object section summary td"
)
_CONTENT_MODEL_SPAN = (
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label "
    "legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt"
)
_CONTENT_MODEL_RAW = "script style math option textarea pre code kbd samp var"
HTML_CONTENT_MODEL: dict[str, str] = {
    **dict.fromkeys(_CONTENT_MODEL_BLOCK.split(), "block"),
    **dict.fromkeys(_CONTENT_MODEL_SPAN.split(), "span"),
    **dict.fromkeys(_CONTENT_MODEL_RAW.split(), "raw"),
}
KNOWN_HTML_ELEMENTS = frozenset(
    HTML_SPAN_ELEMENTS | HTML_BLOCK_ELEMENTS | HTML_ELEMENTS_WITHOUT_BODY | HTML_CONTENT_MODEL.keys()
)


def content_model(name: str) -> str:
    return HTML_CONTENT_MODEL.get(name, "raw")


#: Ruby's ``\\p{Word}`` (unquoted attribute values) and ``[[:alnum:]]-_.`` (e-mail autolinks), as
#: above; ``\\p{Word}`` also takes combining marks that are not alphabetic, which this leaves out.
UNICODE_WORD_CLASS = _ALNUM_OR_UNDERSCORE
UNICODE_WORD_OR_DASH_DOT = _NAME_CHAR

HTML_COMMENT_RE = rx(r"<!--(.*?)-->", re.DOTALL)
HTML_INSTRUCTION_RE = rx(r"<\?(.*?)\?>", re.DOTALL)
HTML_ATTRIBUTE_RE = rx(r"\s*(" + UNAME + r")(?:\s*=\s*(?:(" + UNICODE_WORD_CLASS + r"+)|(\"|')(.*?)\3))?", re.DOTALL)
HTML_TAG_SRC = (r"<((?>" + UNAME + r"))\s*((?>\s+" + UNAME + r"(?:\s*=\s*(?:" + UNICODE_WORD_CLASS
                + r"+|(\"|').*?\3))?)*)\s*(/)?>")
HTML_TAG_RE = rx(HTML_TAG_SRC, re.DOTALL)
HTML_TAG_CLOSE_SRC = r"</(" + UNAME + r")\s*>"
HTML_TAG_CLOSE_RE = rx(HTML_TAG_CLOSE_SRC, re.DOTALL)
HTML_ENTITY_RE = rx(r"&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);")

_LAZY_SPAN = "|".join(sorted(HTML_SPAN_ELEMENTS | {"script"}))
# Ruby's \b sees Unicode words (``<spané>`` is no span element): Python's Unicode \b, scoped.
LAZY_END_HTML_START_SRC = r"<(?>(?!(?:" + _LAZY_SPAN + r")(?u:\b))" + UNAME + ")"
LAZY_END_HTML_STOP_SRC = r"</(?!(?:" + _LAZY_SPAN + r")(?u:\b))" + UNAME + r"\s*>"
# The start tag as a lookahead asks for it: whether a name starts, which its first character decides
# (``(?>UNAME)`` matches when that does), without compiling the name's classes for the rest.
LAZY_END_HTML_START_TEST_SRC = r"<(?!(?:" + _LAZY_SPAN + r")(?u:\b))" + NAME_START
LAZY_END_SRC = (
    BLANK_LINE_SRC + "|" + IAL_BLOCK_START_SRC + "|" + EOB_MARKER_SRC
    + "|^" + OPT_SPACE + LAZY_END_HTML_STOP_SRC + "|^" + OPT_SPACE + LAZY_END_HTML_START_SRC + "|" + END
)
LAZY_END = rx(LAZY_END_SRC)

PATTERN_TAIL = r"[\t| ].*\n"
LIST_START_UL_SRC = "^(" + OPT_SPACE + r"[+*-])(" + PATTERN_TAIL + ")"
LIST_START_OL_SRC = "^(" + OPT_SPACE + r"\d+\.)(" + PATTERN_TAIL + ")"
LIST_START_UL = rx(LIST_START_UL_SRC)
LIST_START_OL = rx(LIST_START_OL_SRC)
LIST_START_SRC = LIST_START_UL_SRC + "|" + LIST_START_OL_SRC
LIST_START = rx(LIST_START_SRC)
DEFINITION_LIST_START_SRC = "^(" + OPT_SPACE + ":)(" + PATTERN_TAIL + ")"
DEFINITION_LIST_START = rx(DEFINITION_LIST_START_SRC)

PARAGRAPH_START = rx("^" + OPT_SPACE + r"[^ \t].*\n")
PARAGRAPH_MATCH = rx(r"^.*\n")
PARAGRAPH_END = rx(LAZY_END_SRC + "|" + DEFINITION_LIST_START_SRC)

BLOCK_BOUNDARY = rx(BLANK_LINE_SRC + "|" + EOB_MARKER_SRC + "|" + IAL_BLOCK_START_SRC + r"|" + END)

CODEBLOCK_MATCH_SRC = (
    "(?:(?:" + BLANK_LINE_SRC + ")?(?:" + INDENT_SRC + r"[ \t]*\S.*\n)+(?:(?!" + IAL_BLOCK_START_SRC
    + "|" + EOB_MARKER_SRC + "|^" + OPT_SPACE + LAZY_END_HTML_STOP_SRC + "|^" + OPT_SPACE
    + LAZY_END_HTML_START_TEST_SRC + r")^[ \t]*\S.*\n)*)*"
)
CODEBLOCK_MATCH = rx(CODEBLOCK_MATCH_SRC)

BLOCKQUOTE_START_SRC = "^" + OPT_SPACE + "> ?"
BLOCKQUOTE_START = rx(BLOCKQUOTE_START_SRC)

ESCAPED_CHARS_SRC = r"\\([\\.*_+`<>()\[\]{}#!:|\"'\$=-])"
ESCAPED_CHARS = rx(ESCAPED_CHARS_SRC)

WHITESPACE = " \t\n\v\f\r\0"  # what Ruby's String#strip removes
TRAILING_WHITESPACE = rx(r"[ \t]*\n")
HR_START = rx("^" + OPT_SPACE + r"(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n")
