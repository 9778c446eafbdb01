"""Ruby Liquid's blank rule for ``if``/``unless`` with ``elsif`` branches and ``for`` with ``else``.

Ruby Liquid drops the output of a block tag only when the whole tag is blank
(every branch holds nothing but whitespace and tags that print nothing). python-liquid
decides so for the first and the ``else`` branch of ``if``/``unless`` (as it does for
every branch of ``case``) but leaves each ``elsif`` block with its own flag, so
``{% if a %}, {% elsif b %}  {% endif %}`` loses the two spaces Jekyll prints; and it
leaves both blocks of ``for`` with their own, so ``{% for i in x %}{{ i }}{% else %}
{% endfor %}`` over nothing loses the newline.
"""

from __future__ import annotations

from typing import Iterable

from liquid.ast import Node
from liquid.builtin.tags.for_tag import ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.unless_tag import UnlessNode

_BLOCK_ATTRIBUTES = ("block", "consequence", "default")


def apply_tag_blankness(nodes: Iterable[Node]) -> None:
    """Give every ``elsif`` block and both blocks of a ``for`` in the parsed *nodes* their whole tag's blankness."""
    pending = list(nodes)
    while pending:
        node = pending.pop()
        if isinstance(node, (IfNode, UnlessNode)):
            for alternative in node.alternatives:
                alternative.block.blank = node.blank
        elif isinstance(node, ForNode):
            node.block.blank = node.blank
            if node.default is not None:
                node.default.blank = node.blank
        for name in _BLOCK_ATTRIBUTES:
            child = getattr(node, name, None)
            if isinstance(child, Node):
                pending.append(child)
        for name in ("nodes", "alternatives", "blocks"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                pending.extend(child for child in children if isinstance(child, Node))
