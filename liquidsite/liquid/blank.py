"""Ruby Liquid's blank rule for ``if``/``unless`` with ``elsif`` branches.

Ruby Liquid drops the output of a block tag only when the whole tag is blank
(every branch holds nothing but whitespace and tags that print nothing). python-liquid
decides so for the first and the ``else`` branch of ``if``/``unless`` (as it does for
every branch of ``case``) but leaves each ``elsif`` block with its own flag, so
``{% if a %}, {% elsif b %}  {% endif %}`` loses the two spaces Jekyll prints.
"""

from __future__ import annotations

from typing import Iterable

from liquid.ast import Node
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.unless_tag import UnlessNode

_BLOCK_ATTRIBUTES = ("block", "consequence", "default")


def apply_tag_blankness(nodes: Iterable[Node]) -> None:
    """Give every ``elsif`` block of the parsed *nodes* its whole tag's blankness."""
    pending = list(nodes)
    while pending:
        node = pending.pop()
        if isinstance(node, (IfNode, UnlessNode)):
            for alternative in node.alternatives:
                alternative.block.blank = node.blank
        for name in _BLOCK_ATTRIBUTES:
            child = getattr(node, name, None)
            if isinstance(child, Node):
                pending.append(child)
        for name in ("nodes", "alternatives", "blocks"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                pending.extend(child for child in children if isinstance(child, Node))
