"""Jekyll's ``include`` and ``include_relative`` tags (``Jekyll::Tags::IncludeTag``).

The markup is Jekyll's, not Liquid's: an unquoted file name, optionally built
with ``{{ }}``, then ``key=value`` parameters whose values are quoted strings
or variable names (no filters). The included file renders in the caller's
context, as Jekyll does: its assigns stay visible to the caller, and
``include`` holds the parameters only while the file renders.

Each build parses an include file once (:class:`IncludeFiles`, one per
Liquid environment); every render of it is recorded with
:func:`liquidsite.dependencies.note` for incremental rebuilds.
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, Optional, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError, LiquidInterrupt, StopRender
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, Token

from ..lazy_re import lazy_pattern
from .. import dependencies
from ..frontmatter import read_text
from .tag_errors import IncludedLiquidError, JekyllTagError

if TYPE_CHECKING:
    from liquid import BoundTemplate, Environment
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from ..profiler import RenderStats
    from ..siteview import SiteView

# Jekyll's patterns (Ruby's \w is ASCII-only, and ^/$ match at line breaks).
_PARAM = (
    r"""([\w-]+)\s*=\s*"""
    r"""(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
)
PARAM_SYNTAX = lazy_pattern(_PARAM, re.ASCII)
FULL_PARAMS_SYNTAX = lazy_pattern(rf"\A\s*(?:{_PARAM}(?=\s|\Z)\s*)*\Z", re.ASCII)
VARIABLE_SYNTAX = lazy_pattern(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.ASCII | re.DOTALL
)
VALID_FILENAME_CHARS = lazy_pattern(r"^[\w/.\-()+~#@]+$", re.ASCII | re.MULTILINE)
INVALID_SEQUENCES = lazy_pattern(r"[./]{2,}")

_LITERALS: dict[str, Any] = {"nil": None, "null": None, "true": True, "false": False, "blank": "", "empty": ""}
_INTEGER = lazy_pattern(r"-?\d+", re.ASCII)
_FLOAT = lazy_pattern(r"-?\d[\d.]+", re.ASCII)
_FLOAT_PREFIX = lazy_pattern(r"-?\d+(?:\.\d+)?", re.ASCII)
_LOOKUP = lazy_pattern(r"[\w-]+\??", re.ASCII)

#: Ruby Liquid allows 99 nested scopes (includes, loops) below a page. python-liquid's
#: chain holds 5 maps while a page renders, and checks its size before each push.
CONTEXT_DEPTH_LIMIT = 103


def join_path(base: str, name: str) -> str:
    """Ruby's ``File.join``: one slash between the parts, so *name* never escapes *base*."""
    return base.rstrip("/") + "/" + name.lstrip("/")


def ruby_inspect(items: list[str]) -> str:
    """An array of strings as Ruby's ``Array#inspect`` prints it."""

    def one(text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("#{", "\\#{")
        escaped = escaped.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
        return f'"{escaped}"'

    return "[" + ", ".join(one(item) for item in items) + "]"


@dataclass
class IncludeMarkup:
    """The parsed markup of one include tag: a file name (maybe a template) and parameters.

    What does not depend on the context is worked out once, when the tag is parsed (an
    include renders for every page): whether the name holds ``{{ }}``, and each parameter's
    literal value or variable path."""

    tag_name: str
    file: Optional[str]
    params: Optional[str]
    has_variable: bool = False
    #: a name without ``{{ }}`` passed :meth:`validate_file_name` (it is checked once, not per render)
    static_name_valid: bool = False
    #: each parameter's name with its value, or with the path of the variable that holds it
    parsed_params: list[tuple[str, Any, Optional[list[object]]]] = field(default_factory=list)

    @classmethod
    def parse(cls, tag_name: str, markup: str) -> "IncludeMarkup":
        markup = markup.strip()
        matched = VARIABLE_SYNTAX.search(markup)
        if matched:
            file: Optional[str] = matched.group("variable").strip()
            params: Optional[str] = matched.group("params").strip()
        else:
            parts = markup.split(None, 1)
            file = parts[0] if parts else None
            params = parts[1] if len(parts) > 1 else None
        parsed = cls(tag_name, file, params)
        if params is not None and not FULL_PARAMS_SYNTAX.match(params):
            # Jekyll raises this while parsing, in a branch that never runs too.
            raise JekyllTagError(
                f"Invalid syntax for include tag:\n\n{params}\n\n"
                f"Valid syntax:\n\n{parsed.syntax_example}\n\n"
            )
        parsed.has_variable = file is not None and VARIABLE_SYNTAX.search(file) is not None
        for match in PARAM_SYNTAX.finditer(params or ""):
            key, double, single, variable = match.groups()
            if double is not None:
                parsed.parsed_params.append((key, double.replace('\\"', '"'), None))
            elif single is not None:
                parsed.parsed_params.append((key, single.replace("\\'", "'"), None))
            else:
                parsed.parsed_params.append((key, *_bare_value(variable)))
        return parsed

    @property
    def syntax_example(self) -> str:
        return f"{{% {self.tag_name} file.ext param='value' param2='value' %}}"

    def validate_file_name(self, file: str) -> None:
        if INVALID_SEQUENCES.search(file) or not VALID_FILENAME_CHARS.search(file):
            raise JekyllTagError(
                "Invalid syntax for include tag. File contains invalid characters or sequences:\n\n"
                f"  {file}\n\nValid syntax:\n\n  {self.syntax_example}\n\n"
            )

    def parameters(self, context: "RenderContext") -> dict[str, Any]:
        """The ``include`` hash: quoted values unescaped, bare values looked up in *context*."""
        values: dict[str, Any] = {}
        for key, value, path in self.parsed_params:
            values[key] = value if path is None else context.get(path, token=None, default=None)
        return values


def _bare_value(markup: str) -> tuple[Any, Optional[list[object]]]:
    """Ruby Liquid's ``context[markup]`` for a bare parameter value: a literal, or the path of
    the variable to look up (nil when the markup names none)."""
    if markup in _LITERALS:
        return _LITERALS[markup], None
    if _INTEGER.fullmatch(markup):
        return int(markup), None
    if _FLOAT.fullmatch(markup):
        return float(_FLOAT_PREFIX.match(markup).group()), None  # type: ignore[union-attr]
    segments: list[object] = _LOOKUP.findall(markup)
    return None, (segments or None)


def includes_load_paths(site: "SiteView") -> list[str]:
    """``site.includes_load_paths``: the site's includes directory, then the theme's."""
    dirs = [site.in_source_dir(str(site.config.get("includes_dir", "_includes")))]
    theme = site.theme
    if theme is not None and theme.includes_path is not None:
        dirs.append(theme.includes_path)
    return dirs


@dataclass
class IncludeFiles:
    """One build's include files: where each name was found, each file parsed once.

    Jekyll keeps ``site.inclusions`` (name to file) and a parse cache per build;
    the parse cache here is also keyed by the file's mtime and size so a
    long-lived environment (the dev server) never renders a stale include.
    """

    env: "Environment"
    site: "SiteView"
    located: dict[str, str] = field(default_factory=dict)
    parsed: dict[str, tuple[tuple[int, int], "BoundTemplate"]] = field(default_factory=dict)

    @property
    def include_dirs(self) -> list[str]:
        return includes_load_paths(self.site)

    @property
    def stats(self) -> Optional["RenderStats"]:
        """The build's ``--profile`` table, if it is being kept."""
        renderer = getattr(self.site, "renderer", None)
        return getattr(renderer, "stats", None)

    def profile_name(self, path: str) -> str:
        """The name Jekyll's profile gives a file: relative to the source, else without the leading slash."""
        source = self.site.source.rstrip("/") + "/"
        return path[len(source):] if path.startswith(source) else path.lstrip("/")

    def locate(self, file: str, dirs: list[str]) -> str:
        """The file named *file* in the first of *dirs* that has it, checked as Jekyll checks it."""
        safe = self.site.safe
        for base in dirs:
            path = join_path(base, file)
            if _is_valid_include(path, base, safe, self.site.source):
                return path
        ending = (
            " is not a symlink as those are not allowed in safe mode."
            if safe
            else ", if it is a symlink, does not point outside your site source."
        )
        raise JekyllTagError(
            f"Could not locate the included file '{file}' in any of {ruby_inspect(dirs)}. "
            f"Ensure it exists in one of those directories and{ending}"
        )

    def template(self, path: str) -> "BoundTemplate":
        """The parsed include at *path*, parsed once per build (and again only if it changed: a
        watched site's files change between its builds; a one-shot build's never asks)."""
        cached = self.parsed.get(path)
        if cached is not None and self.site.dependencies is None:
            return cached[1]
        stat = os.stat(path)
        key = (stat.st_mtime_ns, stat.st_size)
        if cached is not None and cached[0] == key:
            return cached[1]
        source = read_text(path)
        try:
            with warnings.catch_warnings():
                # Jekyll reports parse warnings of pages and layouts, never of includes.
                warnings.simplefilter("ignore")
                template = self.env.from_string(source, name=path, path=path)
        except LiquidError as err:
            # python-liquid wraps parse errors other than syntax errors; report the original
            # (a tag's own error, e.g. bad include markup in the file, propagates as it is).
            cause = err.__cause__ if isinstance(err.__cause__, LiquidError) else err
            raise IncludedLiquidError(cause, path, source) from err
        self.parsed[path] = (key, template)
        return template


def _is_valid_include(path: str, base: str, safe: bool, source: str) -> bool:
    """A regular file whose real path lies inside *base* (or, outside safe mode, the source).

    Jekyll follows an include symlinked anywhere unless in safe mode; liquidsite
    never reads through a link that leaves both the includes folder and the source.
    """
    if not os.path.isfile(path):
        return False
    try:
        real = os.path.realpath(path, strict=True)
    except OSError:
        return False
    roots = [base] if safe else [base, source]
    return any(real.startswith(os.path.realpath(root).rstrip("/") + "/") for root in roots)


def render_partial(template: "BoundTemplate", context: "RenderContext", buffer: TextIO, path: str) -> None:
    """Render an included template in the caller's context, naming the file in Liquid errors."""
    try:
        for node in template.nodes:
            try:
                node.render(context, buffer)
            except (LiquidInterrupt, StopRender):
                raise
            except LiquidError as err:
                context.env.error(err, token=node.token)
    except LiquidError as err:
        raise IncludedLiquidError(err, path) from err
    except IncludedLiquidError as err:
        # Ruby Liquid renames the file as the error leaves each enclosing include.
        err.include_path = path
        raise


class IncludeNode(Node):
    """One ``{% include %}``: resolve the file name, set ``include``, render in the caller's context."""

    __slots__ = ("markup", "files", "file_template")

    def __init__(self, token: Token, markup: IncludeMarkup, files: IncludeFiles) -> None:
        super().__init__(token)
        self.markup = markup
        self.files = files
        self.file_template: Optional["BoundTemplate"] = None
        self.blank = False

    def __str__(self) -> str:
        params = f" {self.markup.params}" if self.markup.params else ""
        return f"{{% {self.markup.tag_name} {self.markup.file or ''}{params} %}}"

    def file_name(self, context: "RenderContext") -> str:
        """The file name, rendering ``{{ }}`` in it with the caller's context."""
        if self.file_template is None:
            self.file_template = self.files.env.from_string(self.markup.file or "")
        buffer = context.get_buffer()
        for node in self.file_template.nodes:
            node.render(context, buffer)
        return buffer.getvalue()

    def locate(self, context: "RenderContext", file: str) -> str:
        files = self.files
        if file not in files.located:
            files.located[file] = files.locate(file, files.include_dirs)
        return files.located[file]

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        path, template = self.resolve(context)
        params = self.markup.parameters(context) if self.markup.params is not None else None
        self.render_file(context, buffer, path, template, params)
        return 1

    def resolve(self, context: "RenderContext") -> tuple[str, "BoundTemplate"]:
        """The included file's path and parsed template (the name validated, the dependency noted)."""
        markup = self.markup
        if markup.has_variable:
            file = self.file_name(context)
            markup.validate_file_name(file)
        else:
            file = markup.file or ""  # no name at all fails validation, as in Jekyll
            if not markup.static_name_valid:
                markup.validate_file_name(file)
                markup.static_name_valid = True
        path = self.locate(context, file)
        dependencies.note(path)
        return path, self.files.template(path)

    def render_file(self, context: "RenderContext", buffer: TextIO, path: str, template: "BoundTemplate",
                    params: Optional[Mapping[str, Any]]) -> None:
        """Render *template* with ``include`` set to *params* (none: ``include`` left as it is)."""
        scope: Mapping[str, Any] = {"include": params} if params is not None else {}
        if context.scope.size() > context.env.context_depth_limit:
            # Ruby Liquid's StackLevelError, fatal in every error mode; the enclosing include names the file.
            raise IncludedLiquidError(LiquidError("Nesting too deep", token=self.token), "")
        # ``context.extend(scope)`` without its context manager (the depth is checked above): a
        # generator entered and left for each of the thousands of includes a site renders.
        chain = context.scope
        chain.push(scope)
        try:
            stats = self.files.stats
            if stats is None:
                render_partial(template, context, buffer, path)
            else:
                # `--profile` lists every include as Jekyll does: renders, output size, time.
                def render() -> str:
                    output = context.get_buffer(buffer)
                    render_partial(template, context, output, path)
                    return output.getvalue()

                buffer.write(stats.measure(self.files.profile_name(path), render))
        finally:
            chain.pop()


class IncludeRelativeNode(IncludeNode):
    """``{% include_relative %}``: the file is looked up next to the page being rendered.

    The directory is always the page's (or document's), also in its layouts
    and in files it includes, as in Jekyll.
    """

    __slots__ = ()

    def locate(self, context: "RenderContext", file: str) -> str:
        return self.files.locate(file, [page_dir(context, self.files.site)])


def page_dir(context: "RenderContext", site: "SiteView") -> str:
    """The source directory of the page or document being rendered (Jekyll's ``page_path``)."""
    page = context.globals.get("page")
    if not isinstance(page, Mapping):
        return site.source
    path = str(page.get("path") or "")
    if page.get("collection"):
        path = join_path(str(site.config.get("collections_dir") or ""), path)
    if path.endswith("/#excerpt"):
        path = path[: -len("/#excerpt")]
    return site.in_source_dir(os.path.dirname(path))


class IncludeTag(Tag):
    """Parses Jekyll's include markup; one instance per environment, sharing its :class:`IncludeFiles`."""

    name = "include"
    block = False
    node_class: type[IncludeNode] = IncludeNode

    def __init__(self, env: "Environment", files: IncludeFiles) -> None:
        super().__init__(env)
        self.files = files

    def parse(self, stream: "TokenStream") -> Node:
        token = stream.current
        markup = ""
        if stream.peek.kind == TOKEN_EXPRESSION:
            next(stream)
            markup = stream.current.value
        return self.node_class(token, IncludeMarkup.parse(self.name, markup), self.files)


class IncludeRelativeTag(IncludeTag):
    name = "include_relative"
    node_class = IncludeRelativeNode
