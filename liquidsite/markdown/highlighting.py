"""The one place the Markdown converter talks to ``liquidsite.highlight`` (Rouge's markup).

kramdown's Rouge adapter looks the language up with ``Rouge::Lexer.find_fancy``, which
reads ``lang?option=value`` (so does ``rouge_html``); ``rouge_html`` returns None when
Rouge has no lexer of that name.
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
    lang = lang or "plaintext"
    if lang.split("?", 1)[0] in PLAINTEXT_NAMES:
        return _escape(code) if guess_lang else None
    from liquidsite import highlight  # imported by the first code block: a site without any never loads it

    return highlight.rouge_html(code, lang)
