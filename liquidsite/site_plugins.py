"""A site's own plugins: the Python files in ``_plugins/`` (``plugins_dir``).

Each ``_plugins/**/*.py`` file (sorted by path, skipped in safe mode) defines
``register(api)``; :class:`PluginAPI` is that ``api``. It offers Liquid
filters and tags, generators and hooks, the four things Jekyll plugins add::

    def register(api):
        @api.filter("shout")
        def shout(value):
            return f"{value}!".upper()

        @api.tag("build_year")               # {% build_year %}
        def build_year(markup, context):
            return str(context.site.time.year)

        @api.block("box")                    # {% box note %}...{% endbox %}
        def box(markup, body, context):
            return f'<div class="{markup}">{body}</div>'

        @api.generator(priority="high")      # before jekyll-paginate (lowest)
        def count_words(site):
            for post in site.posts.docs:
                post.data["words"] = len(post.content.split())

        @api.hook("posts", "post_render")    # hooks.py lists owners and events
        def sign(post):
            post.output += "<!-- signed -->"

Ruby plugins (``*.rb``) cannot run here. Those liquidsite knows (al-folio's,
``RUBY_PLUGINS`` in :mod:`liquidsite.plugins`) run as their built-in
equivalents; any other is named once in a warning and the build goes on
without it, as it does without a Python file lacking ``register``. Everything registered belongs to one site (no
module-level registries), so builds never leak plugins into each other.
"""

from __future__ import annotations

import io
import os
import sys
import traceback
import types
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, TextIO, Union

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG, Token

from .encoding import InvalidEncodingError, read_utf8
from .errors import LiquidsiteError
from .hooks import Hooks
from .log import logger
from .plugins.base import PRIORITIES

if TYPE_CHECKING:
    from liquid.context import RenderContext
    from liquid.stream import TokenStream

    from .liquid.environment import JekyllEnvironment
    from .site import Site
    from .siteview import SiteView


Generator = Callable[["Site"], Any]
#: Page and document events that fire while pages render.
RENDER_EVENTS = ("pre_render", "post_convert", "post_render")


class PluginError(LiquidsiteError):
    """A site plugin failed to load or raised while the site built."""


def _plugin_error(relative: str, err: BaseException, path: str, text: str) -> PluginError:
    """``RELATIVE (line N): TEXT``, N the deepest frame of *err* in the plugin file *path*."""
    line = getattr(err, "lineno", None) if isinstance(err, SyntaxError) else None
    for frame in traceback.extract_tb(err.__traceback__):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno
    where = f" (line {line})" if line else ""
    return PluginError(f"{relative}{where}: {text}", relative, line)


def _guarded(func: Callable[..., Any], what: str, path: str, relative: str) -> Callable[..., Any]:
    """*func* with its exceptions turned into a :class:`PluginError` naming the plugin file."""

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (LiquidsiteError, LiquidError):
            raise
        except Exception as err:
            raise _plugin_error(relative, err, path, f"{what} failed: {type(err).__name__}: {err}") from err

    call.__name__ = getattr(func, "__name__", what)
    return call


class TagContext:
    """What a plugin tag sees while it renders: the site and the template's variables."""

    def __init__(self, context: "RenderContext", site: "SiteView") -> None:
        self.liquid = context
        self.site = site

    def get(self, name: str, default: Any = None) -> Any:
        """The variable *name* (``page``, ``site``, an ``assign``ed one), or *default*."""
        return self.liquid.resolve(name, default=default)

    def render(self, source: str) -> str:
        """*source* rendered as a Liquid template with the template's variables (Ruby:
        ``Liquid::Template.parse(source).render(context)``)."""
        buffer = io.StringIO()
        self.liquid.env.from_string(source).render_with_context(self.liquid, buffer)
        return buffer.getvalue()

    def evaluate_to_s(self, expression: str) -> str:
        """``"#{context[expression]}"``: a variable or literal as Ruby interpolates it (nil is "")."""
        return self.render("{{ " + expression + " }}")


class _PluginNode(Node):
    """A plugin tag or block in a parsed template."""

    __slots__ = ("markup", "body", "render_func", "site")

    def __init__(self, token: Any, markup: str, body: Optional[Node], render_func: Callable[..., Any],
                 site: "SiteView") -> None:
        super().__init__(token)
        self.markup = markup
        self.body = body
        self.render_func = render_func
        self.site = site
        self.blank = False

    def render_to_output(self, context: "RenderContext", buffer: TextIO) -> int:
        tag_context = TagContext(context, self.site)
        if self.body is None:
            text = self.render_func(self.markup, tag_context)
        else:
            inner = context.get_buffer(buffer)
            self.body.render(context, inner)
            text = self.render_func(self.markup, inner.getvalue(), tag_context)
        text = "" if text is None else str(text)
        buffer.write(text)
        return len(text)


def tag_markup(stream: "TokenStream") -> tuple[Token, str]:
    """The tag token and its raw markup, leaving the stream on the tag's last token
    (the parser steps past it), as python-liquid's own tags do."""
    token = stream.current
    markup = ""
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        markup = stream.current.value.strip()
    return token, markup


def tag_class(name: str, render_func: Callable[..., Any], site: "SiteView", block: bool) -> type[Tag]:
    """A python-liquid tag that hands its raw markup (and rendered body) to *render_func*."""
    end = f"end{name}"

    def parse(self: Tag, stream: "TokenStream") -> Node:
        token, markup = tag_markup(stream)
        if not block:
            return _PluginNode(token, markup, None, render_func, site)
        next(stream)
        body = get_parser(self.env).parse_block(stream, (end, TOKEN_EOF))
        stream.expect(TOKEN_TAG, value=end)
        return _PluginNode(token, markup, body, render_func, site)

    return type(f"PluginTag_{name}", (Tag,), {"name": name, "end": end, "block": block, "parse": parse})


@dataclass
class SitePlugins:
    """What a site's plugins registered."""

    hooks: Hooks = field(default_factory=Hooks)
    filters: dict[str, Callable[..., Any]] = field(default_factory=dict)
    tags: list[tuple[str, Callable[..., Any], bool]] = field(default_factory=list)
    generators: list[tuple[int, Generator]] = field(default_factory=list)
    #: the site's files that run Python while pages render (filters, tags, page and document
    #: hooks) without declaring ``PARALLEL_SAFE = True``: the site renders in one process
    serial_files: list[str] = field(default_factory=list)

    def register_liquid(self, env: "JekyllEnvironment") -> None:
        """Add the plugins' filters and tags to *env* (after Jekyll's, so they may replace them)."""
        for name, func in self.filters.items():
            env.add_filter(name, func)
        for name, func, block in self.tags:
            env.add_tag(tag_class(name, func, env.site, block))


class PluginAPI:
    """The ``api`` handed to a plugin's ``register(api)``: decorators that record into one site."""

    def __init__(self, site: "Site", plugins: SitePlugins, path: str) -> None:
        self.site = site
        self._plugins = plugins
        self._path = path
        self._relative = os.path.relpath(path, site.source)
        self.renders = False  # the file registered code that runs while pages render

    def _guard(self, func: Callable[..., Any], what: str) -> Callable[..., Any]:
        return _guarded(func, what, self._path, self._relative)

    def filter(self, name: Optional[str] = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """``{{ value | name: arg }}`` calls ``func(value, arg)``; the name defaults to the function's."""

        def add(func: Callable[..., Any]) -> Callable[..., Any]:
            filter_name = name or func.__name__
            self.renders = True
            self._plugins.filters[filter_name] = self._guard(func, f"filter '{filter_name}'")
            return func

        return add

    def tag(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """``{% name markup %}`` outputs ``func(markup, context)`` (*context*: :class:`TagContext`)."""
        return self._add_tag(name, block=False)

    def block(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """``{% name markup %}body{% endname %}`` outputs ``func(markup, rendered_body, context)``."""
        return self._add_tag(name, block=True)

    def _add_tag(self, name: str, block: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def add(func: Callable[..., Any]) -> Callable[..., Any]:
            self.renders = True
            self._plugins.tags.append((name, self._guard(func, f"tag '{name}'"), block))
            return func

        return add

    def generator(self, priority: Union[str, int] = "normal") -> Callable[[Generator], Generator]:
        """``func(site)`` runs between reading and rendering, higher priority first."""
        if isinstance(priority, str) and priority not in PRIORITIES:
            raise PluginError(f"{self._relative}: unknown generator priority {priority!r}", self._relative)
        rank = PRIORITIES[priority] if isinstance(priority, str) else int(priority)

        def add(func: Generator) -> Generator:
            self._plugins.generators.append((rank, self._guard(func, f"generator '{func.__name__}'")))
            return func

        return add

    def hook(self, owners: Union[str, list[str]], event: str,
             priority: Union[str, int] = "normal") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """``func(item, ...)`` runs at *event* of *owners* (see :mod:`liquidsite.hooks`)."""

        def add(func: Callable[..., Any]) -> Callable[..., Any]:
            try:
                self._plugins.hooks.register(owners, event, self._guard(func, f"hook '{func.__name__}'"), priority)
            except ValueError as err:
                raise PluginError(f"{self._relative}: {err}", self._relative) from None
            if event in RENDER_EVENTS and owners != "site":
                self.renders = True
            return func

        return add


def plugin_dirs(site: "Site") -> list[str]:
    """``plugins_dir`` (one directory or a list), inside the source."""
    configured = site.config.get("plugins_dir") or "_plugins"
    names = configured if isinstance(configured, list) else [configured]
    return [site.in_source_dir(str(name)) for name in names]


def _files(directory: str, ext: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        found.extend(os.path.join(root, name) for name in files if name.endswith(ext))
    return sorted(found)


def _load_file(site: "Site", plugins: SitePlugins, path: str, index: int) -> None:
    relative = os.path.relpath(path, site.source)
    module_name = f"liquidsite_site_plugin_{index}_{os.path.splitext(os.path.basename(path))[0]}"
    try:
        code = compile(read_utf8(path, name=relative), path, "exec")
        # executed directly rather than imported: no __pycache__ is written into the site
        module = types.ModuleType(module_name)
        module.__file__ = path
        sys.modules[module_name] = module  # dataclasses and pickling look modules up here
        exec(code, module.__dict__)
        register = getattr(module, "register", None)
        if not callable(register):
            logger.warn("Plugins:", f"{relative} defines no register(api): nothing registered.")
            return
        api = PluginAPI(site, plugins, path)
        register(api)
        if api.renders and getattr(module, "PARALLEL_SAFE", False) is not True:
            plugins.serial_files.append(relative)
    except PluginError:
        raise
    except InvalidEncodingError as err:
        raise PluginError(str(err), relative, err.line) from None
    except Exception as err:
        message = err.msg if isinstance(err, SyntaxError) else str(err)
        raise _plugin_error(relative, err, path, f"{type(err).__name__}: {message}") from err


def _load_ruby_file(site: "Site", plugins: SitePlugins, path: str) -> None:
    """Run a known Ruby plugin as its built-in equivalent (added to ``site.builtin_plugins``
    after the gems, as Jekyll requires ``_plugins`` after them); name any other once."""
    from .plugins import RUBY_PLUGINS, ruby_equivalent
    from .plugins.ruby import recognise

    relative = os.path.relpath(path, site.source)
    with open(path, encoding="utf-8", errors="replace") as handle:
        recognised = recognise(os.path.basename(path), handle.read(), RUBY_PLUGINS)
    if recognised is None:
        logger.warn("Plugins:", f"Skipping {relative}: Ruby plugins cannot run in liquidsite.")
        return
    equivalent = ruby_equivalent(recognised.plugin, recognised.attribute)
    if equivalent is None:
        logger.warn("Plugins:", f"Skipping {relative}: it is a copy of {recognised.plugin.gem}, "
                                "which is not built into liquidsite.")
        return
    if recognised.edited:
        logger.warn("Plugins:", f"{relative} differs from every version al-folio shipped; liquidsite runs its "
                                "built-in equivalent of the current version, without the edits.")
    else:
        logger.debug("Plugins:", f"{relative} runs as liquidsite's built-in equivalent.")
    if any(existing is equivalent for existing in site.builtin_plugins):
        return
    site.builtin_plugins.append(equivalent)
    if equivalent.register_hooks is not None:
        equivalent.register_hooks(plugins.hooks)


def load(site: "Site") -> SitePlugins:
    """Load the site's ``_plugins`` (none in safe mode; known Ruby files run as built-ins, others skipped),
    after the hooks of the enabled built-in plugins (their ``register_hooks(hooks)``)."""
    plugins = SitePlugins()
    for builtin in site.builtin_plugins:
        if builtin.register_hooks is not None:
            builtin.register_hooks(plugins.hooks)
    if site.safe:
        return plugins
    index = 0
    for directory in plugin_dirs(site):
        if not os.path.isdir(directory):
            continue
        for path in _files(directory, ".rb"):
            _load_ruby_file(site, plugins, path)
        for path in _files(directory, ".py"):
            index += 1
            _load_file(site, plugins, path, index)
    return plugins


def generate(site: "Site") -> None:
    """Run the enabled built-in plugins' and the site's generators together, by priority.

    Jekyll sorts all generators by priority, so a site generator adding posts
    runs before jekyll-paginate (``lowest``) splits them into pages.
    """
    generators = [
        (builtin.priority, builtin.generate) for builtin in site.builtin_plugins if builtin.generate is not None
    ]
    generators += site.site_plugins.generators
    for _, run in sorted(generators, key=lambda pair: -pair[0]):
        run(site)
