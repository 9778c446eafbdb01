"""The one place that talks to ``liquidsite.highlight`` (Rouge-compatible highlighting).

``liquidsite.highlight.rouge_html(code, lang)`` returns Rouge's token markup for the
code, or None when Rouge has no lexer for *lang*. Until that module exists, every
language is treated as known and the code is only HTML-escaped.
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
        return _escape(code)
    return highlight.rouge_html(code, name)
