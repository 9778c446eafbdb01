"""python-liquid's template lexer with text running to the very end of the template.

python-liquid's rule for text stops at ``$``, which without ``re.MULTILINE`` also
matches just before a final newline; that newline then becomes a text token of its
own, which a right-trimming tag earlier in the text (``{{ x -}}``) strips as well.
Liquid keeps it: ``{{ "A" -}}\\nx\\n`` renders ``Ax\\n``. Ending the rule at ``\\Z``
instead keeps the whole text in one token, trimmed at its start only.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import Callable, Iterator

from liquid.lex import _tokenize_template, compile_liquid_rules
from liquid.token import Token

_END_OF_TEXT = "|$)"


@lru_cache(maxsize=8)
def jekyll_lexer(*delimiters: str) -> Callable[[str], Iterator[Token]]:
    """A tokenizer for these delimiters (as ``liquid.lex.get_lexer`` takes them)."""
    rules = compile_liquid_rules(*delimiters)
    if rules.pattern.count(_END_OF_TEXT) != 1:  # a python-liquid whose text rule we do not know
        return partial(_tokenize_template, rules=rules)
    fixed = re.compile(rules.pattern.replace(_END_OF_TEXT, r"|\Z)"), rules.flags)
    return partial(_tokenize_template, rules=fixed)
