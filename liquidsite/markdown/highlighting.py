"""The one place that talks to ``liquidsite.highlight`` (Rouge-compatible highlighting).

``liquidsite.highlight.rouge_html(code, lang)`` returns Rouge's token markup for the
code, or None when Rouge has no lexer for *lang*. Until that module exists, the code is
only HTML-escaped, and Pygments' lexer names stand in for Rouge's to decide whether a
language is known.
"""

from __future__ import annotations

from typing import Optional

PLAINTEXT_NAMES = frozenset({"plaintext", "text"})


def _escape(code: str) -> str:
    return code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rouge_tokens(code: str, lang: Optional[str], guess_lang: bool) -> Optional[str]:
    """Token markup for *code* in *lang*, or None where kramdown would not highlight.

    Mirrors kramdown's rouge adapter: an unknown lexer means no highlighting, and the
    plaintext lexer counts only when ``guess_lang`` is on (Jekyll turns it on).
    """
    name = (lang or "plaintext").split("?", 1)[0]
    if name in PLAINTEXT_NAMES:
        return _escape(code) if guess_lang else None
    try:
        from liquidsite import highlight  # type: ignore[attr-defined]
    except ImportError:
        return _escape(code) if _pygments_knows(name) else None
    return highlight.rouge_html(code, name)


def _pygments_knows(name: str) -> bool:
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    try:
        find_lexer_class_by_name(name)
    except ClassNotFound:
        return False
    return True
