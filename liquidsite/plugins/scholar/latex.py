"""LaTeX to Unicode as latex-decode 0.4.2 does it (``LaTeX.decode``), for jekyll-scholar's ``latex`` filter.

latex-decode runs a fixed chain of regular-expression decoders over a string:
maths (``$x$`` loses its dollars: no MathML library is installed with the gem),
accents, diacritics, punctuation, symbols and Greek letters, then strips the
remaining braces and normalises to NFC. The tables and patterns below are the
gem's, in its order: the order of alternatives decides which macro wins.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Optional

_NARROW_NBSP = "\u202f"


def _pairs(text: str) -> dict[str, str]:
    words = text.split()
    return dict(zip(words[::2], words[1::2], strict=True))


#: ``Decode::Symbols``: macro name -> character (``\\,`` is added below)
SYMBOLS = _pairs(
    "textcolonmonetary ₡ textlira ₤ textnaira ₦ textwon ₩ textdong ₫ euro € texteuro € textnumero № texttrademark ™ "
    "leftarrow ← uparrow ↑ rightarrow → downarrow ↓ leftrightarrow ↔ updownarrow ↕ leadsto ↝ rightleftharpoons ⇌ "
    "Rightarrow ⇒ Leftrightarrow ⇔ forall ∀ complement ∁ partial ∂ exists ∃ nexists ∄ set ∅ Delta ∆ nabla ∇ "
    "in ∈ notin ∉ ni ∋ prod ∏ coprod ∐ sum ∑ mp ∓ dotplus ∔ setminus ∖ ast ∗ circ ∘ bullet ∙ surd √ propto ∝ "
    "infty ∞ angle ∠ measuredangle ∡ sphericalangle ∢ mid ∣ nmid ∤ parallel ∥ nparallel ∦ wedge ∧ vee ∨ "
    "cap ∩ cup ∪ int ∫ iint ∬ iiint ∭ oint ∮ therefore ∴ because ∵ sim ∼ backsim ∽ wr ≀ nsim ≁ simeq ≃ "
    "cong ≅ ncong ≇ approx ≈ approxeq ≊ asymp ≍ Bumpeq ≎ bumpeq ≏ doteq ≐ doteqdot ≑ fallingdotseq ≒ risingdotseq ≓ "
    "eqcirc ≖ circeq ≗ triangleq ≜ neq ≠ equiv ≡ leq ≤ geq ≥ leqq ≦ geqq ≧ lneqq ≨ gneqq ≩ ll ≪ gg ≫ between ≬ "
    "nless ≮ ngtr ≯ nleq ≰ ngeq ≱ lesssim ≲ gtrsim ≳ lessgtr ≶ gtrless ≷ prec ≺ succ ≻ preccurlyeq ≼ succcurlyeq ≽ "
    "precsim ≾ succsim ≿ nprec ⊀ nsucc ⊁ subset ⊂ supset ⊃ subseteq ⊆ supseteq ⊇ nsubseteq ⊈ nsupseteq ⊉ "
    "subsetneq ⊊ supsetneq ⊋ uplus ⊎ sqsubset ⊏ sqsupset ⊐ sqsubseteq ⊑ sqsupseteq ⊒ sqcap ⊓ sqcup ⊔ oplus ⊕ "
    "ominus ⊖ otimes ⊗ oslash ⊘ odot ⊙ circledcirc ⊚ circledast ⊛ circleddash ⊝ boxplus ⊞ boxminus ⊟ boxtimes ⊠ "
    "boxdot ⊡ vdash ⊢ dashv ⊣ top ⊤ bot ⊥ Vdash ⊩ Vvdash ⊪ nVdash ⊮ lhd ⊲ rhd ⊳ unlhd ⊴ unrhd ⊵ multimap ⊸ "
    "intercal ⊺ veebar ⊻ barwedge ⊼ bigwedge ⋀ bigvee ⋁ bigcap ⋂ bigcup ⋃ diamond ⋄ cdot ⋅ star ⋆ divideontimes ⋇ "
    "bowtie ⋈ ltimes ⋉ rtimes ⋊ leftthreetimes ⋋ rightthreetimes ⋌ backsimeq ⋍ curlyvee ⋎ curlywedge ⋏ "
    "Subset ⋐ Supset ⋑ Cap ⋒ Cup ⋓ pitchfork ⋔ lessdot ⋖ gtrdot ⋗ lll ⋘ ggg ⋙ lesseqgtr ⋚ gtreqless ⋛ curlyeqprec ⋞ "
    "curlyeqsucc ⋟ lnsim ⋦ gnsim ⋧ precnsim ⋨ succnsim ⋩ ntriangleleft ⋪ ntriangleright ⋫ ntrianglelefteq ⋬ "
    "ntrianglerighteq ⋭ vdots ⋮ cdots ⋯ ddots ⋱ lceil ⌈ rceil ⌉ lfloor ⌊ rfloor ⌋ Box □ spadesuit ♠ heartsuit ♡ "
    "diamondsuit ♢ clubsuit ♣ flat ♭ natural ♮ sharp ♯ tone5 ˥ tone4 ˦ tone3 ˧ tone2 ˨ tone1 ˩ ss ß"
)
SYMBOLS[","] = _NARROW_NBSP

#: ``Decode::Greek``
GREEK = _pairs(
    "alpha α beta β gamma γ delta δ epsilon ε zeta ζ eta η theta θ iota ι kappa κ lambda λ mu μ nu ν xi ξ "
    "rho ρ sigma σ tau τ upsilon υ phi φ chi χ psi ψ omega ω Alpha Α Beta Β Gamma Γ Delta Δ Epsilon Ε Zeta Ζ "
    "Eta Η Theta Θ Iota Ι Kappa Κ Lambda Λ Mu Μ Nu Ν Xi Ξ Rho Ρ Sigma Σ Tau Τ Upsilon Υ Phi Φ Chi Χ Psi Ψ "
    "Omega Ω"
)

#: ``Decode::Accents``: the accent character after the backslash -> combining mark
ACCENTS = {"`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
           "''": "\u0308", '"': "\u0308"}
#: ``Decode::Diacritics``: macros that take an argument -> combining mark
DIACRITIC_MACROS = {"r": "\u030a", "H": "\u030b", "u": "\u0306", "v": "\u030c", "G": "\u030f", "M": "\u0322",
                    "d": "\u0323", "c": "\u0327", "k": "\u0328", "b": "\u0331", "B": "\u0335", "t": "\u0361"}
#: ... and the letters written as a macro alone
DIACRITIC_LETTERS = {"l": "ł", "L": "Ł", "o": "ø", "O": "Ø", "AA": "Å", "aa": "å", "AE": "Æ", "ae": "æ"}
#: ``Decode::Punctuation``
PUNCTUATION_MACROS = _pairs(
    "textendash – textemdash — textquoteleft ‘ textquoteright ’ quotesinglbase ‚ textquotedblleft “ "
    "textquotedblright ” quotedblbase „ dag † ddag ‡ textbullet • dots … textperthousand ‰ "
    "textpertenthousand ‱ guilsinglleft ‹ guilsinglright › textreferencemark ※ textinterrobang ‽ "
    "textoverline ‾ langle ⟨ rangle ⟩ textasciicircum ^ textbackslash \\ textasciitilde ~ textquotesingle '"
)
PUNCTUATION_SYMBOLS = {"-": "-", "--": "–", "---": "—", "``": "“", "`": "‘", "''": "”", "'": "’"}


def _alternation(keys: Mapping[str, str]) -> str:
    return "|".join(re.escape(key) for key in keys)


def _marks() -> str:
    """A character class body for ``\\p{M}`` (combining marks) of the Basic Multilingual Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


_LETTER = r"[^\W\d_]"  # Onigmo's \p{L} and [[:alpha:]] as Python's re spells them
_LETTER_WITH_MARKS = f"{_LETTER}[{_marks()}]*"

Replacement = tuple["re.Pattern[str]", Mapping[str, str]]

#: (pattern, map) in latex-decode's order; each match becomes ``[$2, map[$1], $3].compact.join``
_DECODERS: list[Replacement] = [
    (re.compile(rf"\\({_alternation(ACCENTS)})\{{({_LETTER_WITH_MARKS})\}}"), ACCENTS),
    (re.compile(rf"\\({_alternation(ACCENTS)})({_LETTER_WITH_MARKS})"), ACCENTS),
    (re.compile(rf"\\({_alternation(DIACRITIC_MACROS)})\{{({_LETTER_WITH_MARKS})({_LETTER}*)\}}"),
     DIACRITIC_MACROS),
    (re.compile(r"\\(o|O|l|L|aa|AA|ae|AE)\b"), DIACRITIC_LETTERS),
    (re.compile(rf"\\({_alternation(PUNCTUATION_MACROS)})(?:\{{\}}|\s+|\b|$)", re.M), PUNCTUATION_MACROS),
    (re.compile(r"(-+|`{1,2}|'{1,2})"), PUNCTUATION_SYMBOLS),
    (re.compile(r"()\\([$%;#_&])(\{\})?"), {}),
    (re.compile(r"()\\(~)\{\}"), {}),
    (re.compile(r"()\\( )"), {}),
    (re.compile(rf"\\({_alternation(SYMBOLS)})(?:\{{\}}|\s+|\b)"), SYMBOLS),
    (re.compile(rf"\\({_alternation(GREEK)})(?:\{{\}}|\s+|\b)"), GREEK),
]

_MATHS = re.compile(r"\$([^$]+)\$")
_DOTLESS = re.compile(r"\\(?:i|j)\b")
_MACRO_BEFORE_ESCAPED_SPACE = re.compile(r"(\\[a-zA-Z]+)\\(\s+)")
_MACRO_BEFORE_PUNCTUATION = re.compile(r"([^{]\\[A-Za-z0-9_])([;,.:%])")
_MACRO_SPACE_ARGUMENT = re.compile(rf"(\\[^\sijIJ&#$\{{\}}_~%])\s+({_LETTER}+)\b")
_TILDE = re.compile(r"(\A|[^\\])~")
_BRACES = re.compile(r"(^|[^\\])([{}]+)", re.M)
_ESCAPED_BRACE = re.compile(r"\\([{}])")


def _group(match: "re.Match[str]", index: int) -> Optional[str]:
    return match.group(index) if index <= (match.re.groups or 0) else None


def _replace(pattern: "re.Pattern[str]", table: Mapping[str, str], text: str) -> str:
    def substitute(match: "re.Match[str]") -> str:
        parts = (_group(match, 2), table.get(match.group(1)), _group(match, 3))
        return "".join(part for part in parts if part is not None)

    return pattern.sub(substitute, text)


def normalize(text: str) -> str:
    """``Decode::Base.normalize``: the forms later patterns expect (``\\i``, ``\\c c``, ``~``)."""
    text = _DOTLESS.sub(lambda m: "ı" if m.group(0) == "\\i" else "ȷ", text)
    text = _MACRO_BEFORE_ESCAPED_SPACE.sub(r"\1{}\2", text)
    text = _MACRO_BEFORE_PUNCTUATION.sub(r"\1{}\2", text)
    text = _MACRO_SPACE_ARGUMENT.sub(r"\1{\2}", text)
    return _TILDE.sub("\\1\u00a0", text)


def strip_braces(text: str) -> str:
    """``Decode::Base.strip_braces``: drop unescaped braces, unescape escaped ones."""
    return _ESCAPED_BRACE.sub(r"\1", _BRACES.sub(r"\1", text))


def decode(text: str) -> str:
    """``LaTeX.decode(text)``."""
    text = normalize(text)
    text = _MATHS.sub(r"\1", text)
    for pattern, table in _DECODERS:
        text = _replace(pattern, table, text)
    return unicodedata.normalize("NFC", strip_braces(text))
