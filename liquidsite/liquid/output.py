"""``{{ }}`` and ``echo`` as Jekyll's Liquid parses and prints them.

The nodes print values as Ruby's ``to_s`` does; the tags parse their markup
with Liquid's filter-argument tokens (:mod:`.expressions`), strictly first and,
outside strict mode, then as Liquid's lax parser would after a warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liquid import Mode
from liquid.ast import Node
from liquid.builtin.expressions import tokenize
from liquid.builtin.expressions.primitive import Nil
from liquid.builtin.output import Output, OutputNode
from liquid.builtin.tags.echo_tag import EchoNode, EchoTag
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG

from .expressions import parse_filtered_expression
from .lax_variables import lax_variable_markup
from .ruby import to_s

if TYPE_CHECKING:
    from typing import TextIO

    from liquid.context import RenderContext


def write_ruby(value: object, context: "RenderContext", buffer: "TextIO") -> int:
    """Write *value* as Ruby's ``to_s`` prints it, times in the site's zone."""
    return buffer.write(to_s(value, context.env.local_zone()))  # type: ignore[attr-defined]


class RubyOutputNode(OutputNode):
    """``{{ value }}`` printed as Ruby prints it (``Array#join``, ``Hash#inspect``, ``1.0e+21``)."""

    __slots__ = ()

    def render_to_output(self, context: "RenderContext", buffer: "TextIO") -> int:
        return write_ruby(self.expression.evaluate(context), context, buffer)


class RubyOutput(Output):
    """``{{ }}`` parsed strictly, then as Liquid's lax parser would after a warning."""

    node_class = RubyOutputNode

    def parse(self, stream: TokenStream) -> OutputNode:
        token = stream.eat(TOKEN_OUTPUT)
        expr_token = stream.expect(TOKEN_EXPRESSION)
        try:
            expression = parse_filtered_expression(self.env, TokenStream(tokenize(expr_token.value, expr_token)))
        except LiquidSyntaxError as err:
            if err.token is None or err.token.start_index < 0:  # an error at the end of the markup
                err.token = expr_token
            lax = lax_variable_markup(expr_token.value) if self.env.mode != Mode.STRICT else None
            if lax is None:
                raise
            try:
                expression = parse_filtered_expression(self.env, TokenStream(tokenize(lax, expr_token)))
            except LiquidError:
                raise err from None
            self.env.error(err)  # the warning Jekyll prints before falling back
        return self.node_class(token, expression)


class RubyEchoNode(EchoNode):
    """``{% echo value %}`` printed as ``{{ value }}`` is."""

    __slots__ = ()

    def render_to_output(self, context: "RenderContext", buffer: "TextIO") -> int:
        return write_ruby(self.expression.evaluate(context), context, buffer)


class RubyEchoTag(EchoTag):
    """``echo``, its markup read with Liquid's filter-argument tokens."""

    node_class = RubyEchoNode

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        if stream.current.kind == TOKEN_EOF:
            return self.node_class(token, Nil(stream.current))
        return self.node_class(token, parse_filtered_expression(self.env, stream.into_inner(tag=token, eat=False)))
