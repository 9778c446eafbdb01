"""The options of jekyll-scholar's tags (``Utilities#optparse`` and ``split_arguments``).

The gem splits the markup at option names only, not at spaces, so an option's
value runs to the next option and may hold spaces (``--query @*[a=b, c=d]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

_SPLIT = re.compile(
    r"(\B-[cCfhqptTsgGOlLomAr]|\B--(?:cited(?:_in_order)?|clear|bibliography_list_tag|file|query|prefix|text|style"
    r"|group_(?:by|order)|type_order|template|locator|label|offset|max|suppress_author|remove_duplicates|))"
)
_SHORT = {"-c": "cited", "-C": "cited_in_order", "-r": "remove_duplicates", "-A": "suppress_author", "-f": "file",
          "-q": "query", "-h": "bibliography_list_tag", "-p": "prefix", "-t": "text", "-l": "locator",
          "-L": "label", "-o": "offset", "-m": "max", "-s": "style", "-g": "group_by", "-G": "group_order",
          "-O": "type_order", "-T": "template"}
_FLAGS = {"cited", "cited_in_order", "clear", "suppress_author"}


@dataclass
class TagOptions:
    """What a tag's options set; None where the configuration decides."""

    cited: bool = False
    skip_sort: bool = False
    clear: bool = False
    remove_duplicates: bool = False
    match_fields: list[str] = field(default_factory=list)
    suppress_author: bool = False
    files: list[str] = field(default_factory=list)
    query: Optional[str] = None
    bibliography_list_tag: Optional[str] = None
    prefix: Optional[str] = None
    text: Optional[str] = None
    locators: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    offset: int = 0
    max: Optional[int] = None
    style: Optional[str] = None
    group_by: Optional[str] = None
    group_order: Optional[str] = None
    template: Optional[str] = None


def _ruby_to_i(text: str) -> int:
    match = re.match(r"\s*([+-]?\d+)", text)
    return int(match.group(1)) if match else 0


def parse_options(markup: str) -> TagOptions:
    """``optparse``: the options in *markup*; words that are not options are ignored."""
    options = TagOptions()
    if not markup:
        return options
    argv = [part.strip() for part in _SPLIT.split(markup) if part is not None]
    argv = [part for part in argv if part]
    index = 0
    while index < len(argv):
        word = argv[index]
        index += 1
        name = _SHORT.get(word) or (word[2:] if word.startswith("--") else None)
        if name is None:
            continue
        if "=" in name:
            name, inline = name.split("=", 1)
            argv.insert(index, inline)
        if name in _FLAGS:
            _set_flag(options, name)
            continue
        value: Optional[str] = None
        if index < len(argv) and not (name == "remove_duplicates" and argv[index].startswith("-")):
            value = argv[index]
            index += 1
        if name != "remove_duplicates" and value is None:
            continue
        _set_value(options, name, value)
    return options


def _set_flag(options: TagOptions, name: str) -> None:
    if name == "cited":
        options.cited = True
    elif name == "cited_in_order":
        options.cited = options.skip_sort = True
    elif name == "clear":
        options.clear = True
    else:
        options.suppress_author = True


def _set_value(options: TagOptions, name: str, value: Optional[str]) -> None:
    if name == "remove_duplicates":
        options.remove_duplicates = True
        if value is not None:
            options.match_fields = re.split(r",\s+", value)
    elif value is None:
        return
    elif name == "file":
        options.files.append(value)
    elif name == "locator":
        options.locators.append(value)
    elif name == "label":
        options.labels.append(value)
    elif name == "offset":
        options.offset = _ruby_to_i(value)
    elif name == "max":
        options.max = _ruby_to_i(value)
    elif name == "type_order":
        options.group_by = value
    elif name in ("query", "bibliography_list_tag", "prefix", "text", "style", "group_by", "group_order",
                  "template"):
        setattr(options, name, value)


def split_arguments(markup: str) -> tuple[list[str], str]:
    """``split_arguments``: the leading words (citation keys) and the options after them."""
    tokens = markup.strip().split()
    keys: list[str] = []
    for token in tokens:
        if token.startswith("-"):
            break
        keys.append(token)
    rest = [token for token in tokens if token not in keys]
    return keys, " ".join(rest)
