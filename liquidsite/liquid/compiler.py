"""Parsed templates compiled to Python functions, so a page renders without walking the tree.

python-liquid renders by calling ``render`` and ``evaluate`` on every node and
expression: academicpages' ``single`` layout chain costs some 7,600 Python calls
per page, two thirds of them dispatch rather than work. The compiler turns each
block of a parsed template into one generated function in which text, output,
``if``/``unless``, ``assign`` and ``capture`` are inlined, a variable is looked
up in one call and filters are called directly. Every other node (``for``,
``include``, ``highlight``, a site plugin's tag) stays python-liquid's node and is
called from the generated code; its own blocks are compiled in turn.

Semantics stay python-liquid's (as configured by :mod:`.environment`): the
generated code calls the interpreter's own helpers (``is_truthy``, ``_eq``,
``_lt``, ``_contains``, each filter function), and whenever an inlined lookup
misses or an inlined filter call raises, the original expression is evaluated
instead, so an undefined value, an error's wording and its line number are
exactly the interpreter's.
"""

from __future__ import annotations

import marshal
import types
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Optional

from liquid.ast import BlockNode, Node
from liquid.builtin.content import ContentNode
from liquid.builtin.expressions.arguments import KeywordArgument, PositionalArgument
from liquid.builtin.expressions.filtered import FilteredExpression
from liquid.builtin.expressions.logical import (
    BooleanExpression, ContainsExpression, EqExpression, GeExpression, GtExpression, LeExpression,
    LogicalAndExpression, LogicalNotExpression, LogicalOrExpression, LtExpression, NeExpression,
    _eq, _le, _lt, is_truthy,
)
from liquid.builtin.expressions.path import Path
from liquid.builtin.expressions.primitive import (
    FalseLiteral, FloatLiteral, IntegerLiteral, Nil, StringLiteral, TrueLiteral,
)
from liquid.builtin.expressions.loop import LoopExpression
from liquid.output import NullIO
from liquid.undefined import Undefined
from liquid.utils.chain_map import ReadOnlyChainMap
from liquid.builtin.tags.assign_tag import AssignNode
from liquid.builtin.tags.capture_tag import CaptureNode
from liquid.builtin.tags.for_tag import ForNode
from liquid.builtin.tags.if_tag import IfNode
from liquid.builtin.tags.unless_tag import UnlessNode

from .expressions import (
    RubyContainsExpression, RubyGeExpression, RubyGtExpression, RubyLeExpression, RubyLtExpression, ruby_contains,
    ruby_le, ruby_lt,
)
from .output import RubyEchoNode, RubyOutputNode
from .ruby import to_s

if TYPE_CHECKING:
    from typing import TextIO

    from liquid import Environment
    from liquid.context import RenderContext
    from liquid.expression import Expression

_MISSING = object()
# Keys python-liquid's ``get_item`` gives meaning beyond indexing.
_SPECIAL_KEYS = frozenset(("size", "first", "last"))
_PLAIN_TRUTHY = frozenset((str, int, float, list, dict, tuple))
# Python allows 20 statically nested blocks; deeper Liquid blocks become functions of their own.
_MAX_INLINE_DEPTH = 8


def lookup(context: "RenderContext", root: str, keys: tuple[Any, ...], path: Path) -> object:
    """``context.get`` for a path whose root is a name.

    The namespaces are searched as ``ReadOnlyChainMap`` would, without an exception
    for each one that misses. A miss gives the interpreter's answer: the default
    ``Undefined`` directly (its ``hint`` is never shown), any other kind through the
    original path, which words the hint a strict undefined raises with.
    """
    obj: Any = _MISSING
    for mapping in context.scope._maps:
        kind = type(mapping)
        if kind is dict:
            if root in mapping:  # most namespaces miss: `in` costs less than a `get` call
                obj = mapping[root]
                break
        elif kind is ReadOnlyChainMap:
            for inner in mapping._maps:  # type: ignore[attr-defined]  # `kind is` does not narrow `mapping`
                if type(inner) is dict:
                    if root in inner:
                        obj = inner[root]
                        break
                else:
                    try:
                        obj = inner[root]
                    except KeyError:
                        continue
                    break
            if obj is not _MISSING:
                break
        else:
            try:
                obj = mapping[root]
            except KeyError:
                continue
            break
    else:
        return _undefined(context, root, path)
    for key in keys:
        try:
            if type(key) is str and key not in _SPECIAL_KEYS:
                obj = obj[key]
            else:
                obj = context.get_item(obj, key)
        except (KeyError, TypeError, IndexError):
            return _undefined(context, root, path)
    return obj


def _undefined(context: "RenderContext", root: str, path: Path) -> object:
    undefined = context.env.undefined
    if undefined is Undefined:
        return Undefined(root, token=path.token)
    return path.evaluate(context)


def truthy(obj: object) -> bool:
    """``is_truthy`` with the common cases answered first."""
    if obj is None or obj is False:
        return False
    if type(obj) in _PLAIN_TRUTHY or obj is True:
        return True
    return is_truthy(obj)


def guarded(compiled: Callable[["RenderContext"], object], original: "Expression",
            context: "RenderContext") -> object:
    """Evaluate *compiled*; if it raises, evaluate *original* so the error is the interpreter's."""
    try:
        return compiled(context)
    except Exception:
        return original.evaluate(context)


class CompiledBlock(BlockNode):
    """A block whose nodes render through one generated function of a :class:`CompiledModule`.

    Pickled (:mod:`.template_cache`) with its module but not its function: the first render
    after unpickling runs the module's code again, which gives every block of the module its
    function."""

    __slots__ = ("function", "module")

    def __init__(self, block_token: Any, nodes: list[Node], blank: bool) -> None:
        super().__init__(block_token, nodes)
        self.blank = blank
        self.function: Callable[["RenderContext", "TextIO"], int] = _not_compiled
        self.module: Optional[CompiledModule] = None

    def render_to_output(self, context: "RenderContext", buffer: "TextIO") -> int:
        return self.function(context, buffer)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_empty_block, (), (self.token, self.nodes, self.blank, self.module))

    def __setstate__(self, state: tuple[Any, list[Node], bool, Optional["CompiledModule"]]) -> None:
        self.token, self.nodes, self.blank, self.module = state
        self.function = partial(_bind_and_render, self)


def _empty_block() -> CompiledBlock:
    return CompiledBlock.__new__(CompiledBlock)


def _bind_and_render(block: CompiledBlock, context: "RenderContext", buffer: "TextIO") -> int:
    if block.module is None:
        return _not_compiled(context, buffer)
    block.module.bind()
    return block.function(context, buffer)


def _not_compiled(context: "RenderContext", buffer: "TextIO") -> int:
    raise RuntimeError("template block used before its module was compiled")


#: what generated code calls besides a template's own constants
_HELPERS: dict[str, Any] = {
    "lookup": lookup, "truthy": truthy, "guarded": guarded, "to_s": to_s, "NullIO": NullIO,
    "_eq": _eq, "_lt": _lt, "_le": _le, "_ruby_lt": ruby_lt, "_ruby_le": ruby_le, "_contains": ruby_contains,
}


class CompiledModule:
    """The generated code of one template, its constants and the blocks its functions render.

    Pickled as marshalled code, constants and blocks; :meth:`bind` runs the code and gives
    each block its function (after unpickling, at the first render, once every constant exists)."""

    def __init__(self, code: types.CodeType, constants: dict[str, Any], blocks: list[tuple[CompiledBlock, str]]
                 ) -> None:
        self.code, self.constants, self.blocks = code, constants, blocks
        for block, _ in blocks:
            block.module = self

    def bind(self) -> None:
        namespace = {**_HELPERS, **self.constants}
        exec(self.code, namespace)  # noqa: S102 - code generated by TemplateCompiler from parsed Liquid
        for block, name in self.blocks:
            block.function = namespace[name]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_empty_module, (), (marshal.dumps(self.code), self.constants, self.blocks))

    def __setstate__(self, state: tuple[bytes, dict[str, Any], list[tuple[CompiledBlock, str]]]) -> None:
        code, self.constants, self.blocks = state
        self.code = marshal.loads(code)


def _empty_module() -> CompiledModule:
    return CompiledModule.__new__(CompiledModule)


class _Function:
    """The source of one generated function."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: list[str] = []
        self.temporaries = 0

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * (depth + 1) + line)

    def temporary(self, stem: str) -> str:
        self.temporaries += 1
        return f"{stem}{self.temporaries}"


class TemplateCompiler:
    """Compiles the node tree of one template into a module of generated functions."""

    def __init__(self, env: "Environment", name: str) -> None:
        self.env = env
        self.name = name
        self.suppress_blank = env.suppress_blank_control_flow_blocks
        self.namespace: dict[str, Any] = {}
        self.constants: dict[int, str] = {}
        self.module: Optional[CompiledModule] = None
        self.functions: list[_Function] = []
        self.blocks: list[tuple[CompiledBlock, str]] = []
        self.lambdas: list[str] = []
        self.replacements: list[Callable[[], None]] = []

    # -- entry points ---------------------------------------------------------------------

    def compile_root(self, nodes: list[Node]) -> list[Node]:
        """The template's top-level nodes, compiled.

        The interpreter catches a stray ``break``/``continue`` per top-level node and
        names that node in its error, so a top-level node that may raise one stays a
        node of its own; runs of the others share one function. Python refuses some
        generated code (expressions nested beyond its parser's limits); such a
        template is left to the interpreter, untouched.
        """
        compiled: list[Node] = []
        run: list[Node] = []
        for node in nodes:
            if not _may_interrupt(node):
                run.append(node)
                continue
            if run:
                compiled.append(self._block(run[0].token, run, blank=False))
                run = []
            self._compile_children(node)
            compiled.append(node)
        if run:
            compiled.append(self._block(run[0].token, run, blank=False))
        try:
            self._finish()
        except (SyntaxError, RecursionError, MemoryError):
            return nodes
        for replace in self.replacements:
            replace()
        return compiled

    # -- module assembly ------------------------------------------------------------------

    def _finish(self) -> None:
        source = "\n".join(self.lambdas + [line for fn in self.functions for line in
                                           [f"def {fn.name}(context, buffer):"] + fn.lines])
        code = compile(source, f"<liquid {self.name}>", "exec")
        self.module = CompiledModule(code, self.namespace, self.blocks)
        self.module.bind()

    def constant(self, value: object) -> str:
        name = self.constants.get(id(value))
        if name is None:
            name = f"k{len(self.constants)}"
            self.constants[id(value)] = name
            self.namespace[name] = value
        return name

    def _block(self, token: Any, nodes: list[Node], blank: bool) -> CompiledBlock:
        """A compiled block whose function renders *nodes* (suppressed when *blank*)."""
        block = CompiledBlock(token, nodes, blank)
        function = _Function(f"block{len(self.functions)}")
        self.functions.append(function)
        self.blocks.append((block, function.name))
        suppressed = blank and self.suppress_blank
        if suppressed:
            function.emit(0, "buffer = NullIO()")
        function.emit(0, "write = buffer.write")
        self._statements(function, nodes, 0, "buffer", "write", suppressed)
        function.emit(0, "return 0")
        return block

    def _compile_block(self, block: BlockNode) -> BlockNode:
        """*block* compiled, unless it is already or is a kind of block this module does not know."""
        if type(block) is not BlockNode:
            self._compile_children(block)
            return block
        return self._block(block.token, block.nodes, block.blank)

    def _compile_children(self, node: Node) -> None:
        """Compile the blocks held by a node that is rendered by its own class."""
        loop = getattr(node, "expression", None)
        if isinstance(loop, LoopExpression) and type(loop.identifier) is not str:
            # A loop variable named by an ``Identifier`` (a ``str`` whose ``__eq__`` and ``__hash__``
            # are Python functions) slows every lookup in the loop's namespace.
            plain = str(loop.identifier)
            self.replacements.append(partial(setattr, loop, "identifier", plain))
        for attribute in _attributes(node):
            value = getattr(node, attribute, None)
            if isinstance(value, BlockNode):
                compiled = self._compile_block(value)
                self.replacements.append(partial(setattr, node, attribute, compiled))
            elif isinstance(value, Node):
                self._compile_children(value)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, BlockNode):
                        compiled = self._compile_block(item)
                        self.replacements.append(partial(value.__setitem__, index, compiled))
                    elif isinstance(item, Node):
                        self._compile_children(item)

    # -- statements -----------------------------------------------------------------------

    def _statements(self, fn: _Function, nodes: list[Node], depth: int, buffer: str, write: str,
                    suppressed: bool) -> None:
        text: list[str] = []
        for node in nodes:
            kind = type(node)
            if kind is ContentNode:
                if not suppressed:
                    text.append(node.text)  # type: ignore[attr-defined]
                continue
            if text:
                fn.emit(depth, f"{write}({self.constant(''.join(text))})")
                text = []
            if _is_output(node):
                value = self._value(fn, depth, node.expression, named=True)  # type: ignore[attr-defined]
                fn.emit(depth, f"{write}({value} if type({value}) is str else "
                               f"to_s({value}, context.env.local_zone()))")
            elif kind is AssignNode:
                value = self._value(fn, depth, node.expression)  # type: ignore[attr-defined]
                fn.emit(depth, f"context.assign({self.constant(str(node.name))}, {value})")  # type: ignore[attr-defined]
            elif kind is CaptureNode:
                self._capture(fn, node, depth, buffer)  # type: ignore[arg-type]
            elif kind in (IfNode, UnlessNode) and depth < _MAX_INLINE_DEPTH:
                self._conditional(fn, node, depth, buffer, write)  # type: ignore[arg-type]
            else:
                self._compile_children(node)
                fn.emit(depth, f"{self.constant(node)}.render(context, {buffer})")
        if text:
            fn.emit(depth, f"{write}({self.constant(''.join(text))})")

    def _capture(self, fn: _Function, node: CaptureNode, depth: int, buffer: str) -> None:
        captured = fn.temporary("captured")
        fn.emit(depth, f"{captured} = context.get_buffer({buffer})")
        self._body(fn, node.block, depth, captured, f"{captured}.write")
        if self.env.autoescape:
            fn.emit(depth, f"{self.constant(node)}._assign(context, {captured})")
        else:
            fn.emit(depth, f"context.assign({self.constant(str(node.name))}, {captured}.getvalue())")

    def _conditional(self, fn: _Function, node: IfNode | UnlessNode, depth: int, buffer: str,
                     write: str) -> None:
        condition = self._condition(node.condition)
        if isinstance(node, UnlessNode):
            condition = f"not ({condition})"
        branches = [(condition, node.consequence)]
        branches += [(self._condition(alt.expression), alt.block) for alt in node.alternatives]
        for index, (test, block) in enumerate(branches):
            fn.emit(depth, f"{'if' if index == 0 else 'elif'} {test}:")
            self._branch(fn, block, depth + 1, buffer, write)
        if node.default is not None:
            fn.emit(depth, "else:")
            self._branch(fn, node.default, depth + 1, buffer, write)

    def _branch(self, fn: _Function, block: BlockNode, depth: int, buffer: str, write: str) -> None:
        before = len(fn.lines)
        self._body(fn, block, depth, buffer, write)
        if len(fn.lines) == before:
            fn.emit(depth, "pass")

    def _body(self, fn: _Function, block: BlockNode, depth: int, buffer: str, write: str) -> None:
        """*block*'s nodes inlined; a blank block renders into a null buffer, as ``BlockNode`` does."""
        suppressed = block.blank and self.suppress_blank
        if suppressed:
            buffer, write = fn.temporary("null"), fn.temporary("write")
            fn.emit(depth, f"{buffer} = NullIO()")
            fn.emit(depth, f"{write} = {buffer}.write")
        self._statements(fn, block.nodes, depth, buffer, write, suppressed)

    # -- expressions ----------------------------------------------------------------------

    def _value(self, fn: _Function, depth: int, expression: "Expression", named: bool = False) -> str:
        """*expression*'s value, computed by statements emitted at *depth*; a name if *named*."""
        code, fallible = self._expression(expression)
        if not fallible and not named:
            return code
        name = fn.temporary("value")
        if not fallible:
            fn.emit(depth, f"{name} = {code}")
            return name
        fn.emit(depth, "try:")
        fn.emit(depth + 1, f"{name} = {code}")
        fn.emit(depth, "except Exception:")
        fn.emit(depth + 1, f"{name} = {self.constant(expression)}.evaluate(context)")
        return name

    def _condition(self, expression: "Expression") -> str:
        """*expression* as one Python expression; a fallible one goes through ``guarded``."""
        code, fallible = self._expression(expression)
        if not fallible:
            return code
        function = f"condition{len(self.lambdas)}"
        self.lambdas.append(f"{function} = lambda context: {code}")
        return f"guarded({function}, {self.constant(expression)}, context)"

    def _expression(self, expression: "Expression") -> tuple[str, bool]:
        """Python source evaluating *expression*, and whether it may raise where the original would not."""
        kind = type(expression)
        if kind is Path:
            return self._path(expression)  # type: ignore[arg-type]
        if kind is FilteredExpression:
            return self._filtered(expression)  # type: ignore[arg-type]
        if kind is StringLiteral and not self.env.autoescape:
            return self.constant(expression.value), False  # type: ignore[attr-defined]
        if kind in (IntegerLiteral, FloatLiteral):
            return self.constant(expression.value), False  # type: ignore[attr-defined]
        if kind is TrueLiteral:
            return "True", False
        if kind is FalseLiteral:
            return "False", False
        if kind is Nil:
            return "None", False
        if kind is BooleanExpression:
            inner, fallible = self._expression(expression.expression)  # type: ignore[attr-defined]
            return f"truthy({inner})", fallible
        if kind is LogicalNotExpression:
            inner, fallible = self._expression(expression.right)  # type: ignore[attr-defined]
            return f"(not truthy({inner}))", fallible
        binary = _BINARY.get(kind)
        if binary is not None:
            left, left_fallible = self._expression(expression.left)  # type: ignore[attr-defined]
            right, right_fallible = self._expression(expression.right)  # type: ignore[attr-defined]
            token = self.constant(expression.token)
            return binary.format(left=left, right=right, token=token), left_fallible or right_fallible
        return f"{self.constant(expression)}.evaluate(context)", False

    def _path(self, path: Path) -> tuple[str, bool]:
        segments = path.path
        if not segments or type(segments[0]) is not str:
            return f"{self.constant(path)}.evaluate(context)", False
        keys: list[str] = []
        fallible = False
        for segment in segments[1:]:
            if isinstance(segment, Path):
                code, nested_fallible = self._path(segment)
                keys.append(code)
                fallible = fallible or nested_fallible
            else:
                keys.append(self.constant(segment))
        if all(not isinstance(segment, Path) for segment in segments[1:]):
            key_tuple = self.constant(tuple(segments[1:]))
        else:
            key_tuple = f"({', '.join(keys)},)"
        return f"lookup(context, {self.constant(segments[0])}, {key_tuple}, {self.constant(path)})", fallible

    def _filtered(self, expression: FilteredExpression) -> tuple[str, bool]:
        code, fallible = self._expression(expression.left)
        for filter_ in expression.filters or ():
            function: Any = self.env.filters.get(filter_.name)
            if function is None or getattr(function, "with_context", False) \
                    or getattr(function, "with_environment", False):
                callee = f"context.filter({self.constant(filter_.name)}, token={self.constant(filter_.token)})"
            else:
                arity = getattr(function, "ruby_arity", None)
                if arity is not None and not any(isinstance(arg, KeywordArgument) for arg in filter_.args) \
                        and arity[0] <= 1 + len(filter_.args) <= arity[1]:
                    function = function.__wrapped__  # the argument count is right; no need to check it again
                callee = self.constant(function)
            arguments = [code]
            keywords: list[str] = []
            for argument in filter_.args:
                value, _ = self._expression(argument.value)
                if isinstance(argument, KeywordArgument):
                    keywords.append(f"{self.constant(argument.name)}: {value}")
                elif isinstance(argument, PositionalArgument):
                    arguments.append(value)
                else:  # an argument kind this module does not know
                    return f"{self.constant(expression)}.evaluate(context)", False
            if keywords:
                arguments.append("**{" + ", ".join(keywords) + "}")
            code = f"{callee}({', '.join(arguments)})"
            fallible = True
        return code, fallible


_BINARY: dict[type, str] = {
    EqExpression: "_eq({left}, {right})",
    NeExpression: "(not _eq({left}, {right}))",
    LtExpression: "_lt({token}, {left}, {right})",
    GtExpression: "_lt({token}, {right}, {left})",
    LeExpression: "_le({left}, {right})",
    GeExpression: "_le({right}, {left})",
    ContainsExpression: "_contains({token}, {left}, {right})",
    RubyContainsExpression: "_contains({token}, {left}, {right})",
    RubyLtExpression: "_ruby_lt({token}, {left}, {right})",
    RubyGtExpression: "_ruby_lt({token}, {right}, {left}, True)",
    RubyLeExpression: "_ruby_le({token}, {left}, {right})",
    RubyGeExpression: "_ruby_le({token}, {right}, {left}, True)",
    LogicalAndExpression: "(truthy({left}) and truthy({right}))",
    LogicalOrExpression: "(truthy({left}) or truthy({right}))",
}


def _is_output(node: Node) -> bool:
    return type(node) in (RubyOutputNode, RubyEchoNode)


def _may_interrupt(node: Node) -> bool:
    """False when rendering *node* can never raise ``break``/``continue`` out of it."""
    kind = type(node)
    if kind in (ContentNode, AssignNode) or _is_output(node):
        return False
    if kind in (IfNode, UnlessNode, CaptureNode):
        return any(_may_interrupt(child) for block in _blocks_of(node) for child in block.nodes)
    if kind is ForNode:  # the loop catches its body's interrupts, not its ``else`` block's
        default = node.default  # type: ignore[attr-defined]
        return default is not None and any(_may_interrupt(child) for child in default.nodes)
    return True


def _blocks_of(node: Node) -> list[BlockNode]:
    if isinstance(node, CaptureNode):
        return [node.block]
    blocks = [node.consequence] + [alt.block for alt in node.alternatives]  # type: ignore[attr-defined]
    if node.default is not None:  # type: ignore[attr-defined]
        blocks.append(node.default)  # type: ignore[attr-defined]
    return blocks


def _attributes(node: Node) -> list[str]:
    names: list[str] = []
    for cls in type(node).__mro__:
        names.extend(getattr(cls, "__slots__", ()))
    names.extend(getattr(node, "__dict__", {}))
    return [name for name in names if name not in ("token", "blank")]


def compile_template(env: "Environment", nodes: list[Node], name: Optional[str] = None) -> list[Node]:
    """*nodes* (a parsed template) as compiled nodes that render the same output."""
    return TemplateCompiler(env, name or "template").compile_root(nodes)
