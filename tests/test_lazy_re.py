"""``lazy_re.lazy_pattern``: a pattern compiled on first use that answers as the compiled one."""

from __future__ import annotations

import re

import pytest

from liquidsite.lazy_re import LazyPattern, lazy_pattern


def _filled(pattern: object) -> bool:
    try:
        object.__getattribute__(pattern, "match")
    except AttributeError:
        return False
    return True


def test_compiles_on_first_use_only() -> None:
    pattern = lazy_pattern(r"(?P<word>\w+) (\d)", re.ASCII)
    assert isinstance(pattern, LazyPattern) and not _filled(pattern)
    assert pattern.pattern == r"(?P<word>\w+) (\d)" and not _filled(pattern)
    assert pattern.groups == 2 and _filled(pattern)


def test_answers_as_the_compiled_pattern() -> None:
    source, flags = r"^(a+)(b)?", re.MULTILINE
    compiled, lazy = re.compile(source, flags), lazy_pattern(source, flags)
    text = "aab\nxa\naa"
    assert lazy.match(text).group(0, 1, 2) == compiled.match(text).group(0, 1, 2)  # type: ignore[union-attr]
    assert lazy.search(text, 4).span() == compiled.search(text, 4).span()  # type: ignore[union-attr]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.subn("-", text, count=1) == compiled.subn("-", text, count=1)
    assert lazy.split(text) == compiled.split(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.fullmatch("aa") is not None and lazy.flags == compiled.flags
    assert lazy.groupindex == compiled.groupindex


def test_a_bad_pattern_raises_when_used_and_other_names_are_missing() -> None:
    pattern = lazy_pattern("(")
    with pytest.raises(re.error):
        pattern.match("x")
    with pytest.raises(AttributeError):
        pattern.no_such_method  # noqa: B018
    assert repr(lazy_pattern("a", re.M)) == f"lazy_pattern('a', {re.M!r})"
