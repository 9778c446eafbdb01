"""terser.js as terser-ruby runs it, in Node or QuickJS: the JavaScript minifier of jekyll-terser and jekyll-minifier.

No Python minifier writes terser's bytes (it renames locals, folds statements
into sequences, evaluates constants), so liquidsite runs terser.js itself:

- **The bundle** is the one terser-ruby 1.2.5 (terser.js 5.37.0) evaluates
  through ExecJS: its ``lib/`` files ``es5.js``, ``split.js``,
  ``source-map.js``, ``terser.js`` and ``terser_wrapper.js``, joined by
  newlines. It is not shipped with liquidsite: :func:`bundle_source` downloads
  the files once from the gem's repository at a pinned commit
  (:data:`BUNDLE`), checks each one's SHA-256, and keeps them in the user's
  download cache (``$LIQUIDSITE_CACHE_DIR``, as remote themes); ``--offline``
  only reads that cache.
- **The engine** is Node when ``node`` is on PATH (what ExecJS uses for the
  gem; about four times faster), else QuickJS from the ``quickjs`` wheel (the
  optional ``terser`` extra) in a Python process of its own
  (:mod:`.quickjs_runner`); ``$LIQUIDSITE_TERSER_ENGINE`` chooses. Both give
  the gem's bytes on all of al-folio's scripts. A build starts up to one engine
  process per job (``--jobs``, every core by default), which minify the scripts
  while the site renders; a script's result is taken when it is written.
- **The options** are what ``Terser.new(options).compile(source)`` sends to
  ``terser_wrapper``: :func:`wrapper_options` ports terser-ruby's merging of
  its ``DEFAULTS`` with the site's settings, Ruby's symbol/string key
  distinction included (a YAML setting nested under ``compress:`` is a string
  key, which JSON writes after the default of the same name, so it wins).

:class:`Minifier` keeps every result in a folder of the site's cache, keyed by
the bundle, the options and the source, so that a warm build neither loads the
engine nor needs the bundle, and under the same key in the user's content cache
(:mod:`.usercache`), so that a fresh clone of a site, or another site with the
same vendor scripts, does not minify them again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import weakref
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from . import net, quickjs_runner, usercache

#: Where the bundle's files are downloaded from (a test points it at a local server).
BUNDLE_URL_ENV = "LIQUIDSITE_TERSER_URL"
BUNDLE_TIMEOUT = 30.0


@dataclass(frozen=True)
class Bundle:
    """The JavaScript files terser-ruby concatenates, in order, with their SHA-256."""

    name: str
    url: str
    files: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        """What identifies this bundle's behaviour (part of every cached result's key)."""
        return hashlib.sha256("".join(digest for _, digest in self.files).encode()).hexdigest()


#: terser-ruby 1.2.5 (commit 875d507, terser.js 5.37.0): the gem al-folio's Gemfile.lock resolves
BUNDLE = Bundle(
    "terser-ruby 1.2.5 (terser.js 5.37.0)",
    "https://raw.githubusercontent.com/ahorek/terser-ruby/875d50706a047fffc28df5746dfb37cadefb42b8/lib",
    (
        ("es5.js", "2b07ae9bb832c97dd626abf842fa9eb679097d3d89247c14995025eb34edf945"),
        ("split.js", "a3bf0ca991071d83b773bc084731cc7d1b57c9076696c5236619f6ef61402c8b"),
        ("source-map.js", "1379839b045b79890513f133f40901f73d68d10ea3e41065f5f53b95031770a3"),
        ("terser.js", "fd8f2c793a9cc5c4b57274846bf728df6a6bbed3e118ce22769d95516fceedca"),
        ("terser_wrapper.js", "07e4cf643a6e353e707bb540ce379e9091003ec3fc27dd882ec087134fa387c0"),
    ),
)


class Unavailable(Exception):
    """terser cannot run: the engine is not installed or the bundle is neither cached nor downloadable.
    The message says what to do."""


class TerserError(Exception):
    """terser rejected a source (``Terser::Error``): its message, line and column."""

    def __init__(self, message: str, line: Optional[int] = None, column: Optional[int] = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def bundle_folder(bundle: Bundle) -> str:
    from .theme import cache_dir

    return os.path.join(cache_dir(), "terser", bundle.key[:16])


def bundle_source(bundle: Bundle, offline: bool = False) -> str:
    """The bundle's files joined as terser-ruby joins them: from the download cache, else downloaded into it."""
    folder = bundle_folder(bundle)
    base = os.environ.get(BUNDLE_URL_ENV, bundle.url).rstrip("/")
    parts: list[str] = []
    for name, digest in bundle.files:
        path = os.path.join(folder, name)
        body = _read(path)
        if body is None or hashlib.sha256(body).hexdigest() != digest:
            url = f"{base}/{name}"
            if offline and _remote(url):
                raise Unavailable(f"{bundle.name} is not in the download cache ({folder}) and --offline "
                                  f"forbids fetching {url}; build once online to cache it")
            body = _download(url, digest)
            usercache.write_file(path, body)
        parts.append(body.decode("utf-8"))
    return "\n".join(parts)


def _remote(url: str) -> bool:
    return "://" in url and not url.startswith("file://")


def _read(path: str) -> Optional[bytes]:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _download(url: str, digest: str) -> bytes:
    """*url*'s body, checked against *digest*; a folder (``$LIQUIDSITE_TERSER_URL`` naming an installed
    terser gem's ``lib``, say) is read directly."""
    if not _remote(url):
        local = urllib.request.url2pathname(urllib.parse.urlsplit(url).path) if "://" in url else url
        body = _read(local)
        if body is None:
            raise Unavailable(f"could not read {local}")
    else:
        try:
            response = net.get(url, timeout=BUNDLE_TIMEOUT)
        except net.NetworkError as err:
            raise Unavailable(f"could not download {url}: {err}") from err
        if not response.ok:
            raise Unavailable(f"could not download {url}: HTTP {response.status}")
        body = response.body
    actual = hashlib.sha256(body).hexdigest()
    if actual != digest:
        raise Unavailable(f"{url} has SHA-256 {actual}, not the pinned {digest}; not used")
    return body


# --- terser-ruby's options -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sym:
    """A Ruby Symbol key: terser-ruby's own keys, distinct from the string keys YAML gives nested settings."""

    name: str


RubyHash = dict[Any, Any]


def _h(**entries: Any) -> RubyHash:
    return {Sym(k): v for k, v in entries.items()}


_DEFAULTS: RubyHash = _h(
    output=_h(ascii_only=True, comments=Sym("copyright"), inline_script=False, keep_numbers=False,
              quote_keys=False, max_line_len=32 * 1024, semicolons=True, beautify=False, indent_level=4,
              indent_start=0, width=80, preamble=None, wrap_iife=False, shebang=True, quote_style=0,
              keep_quoted_props=False),
    mangle=_h(eval=False, reserved=["$super"], properties=False, toplevel=False),
    compress=_h(sequences=True, properties=True, dead_code=True, drop_debugger=True, unsafe=False,
                unsafe_comps=False, unsafe_math=False, unsafe_proto=False, conditionals=True, comparisons=True,
                evaluate=True, booleans=True, loops=True, unused=True, toplevel=False, top_retain=[],
                hoist_funs=True, hoist_vars=False, if_return=True, join_vars=True, collapse_vars=True,
                inline=True, reduce_vars=False, negate_iife=True, pure_getters=False, pure_funcs=None,
                pure_new=False, drop_console=False, keep_fargs=False, keep_classnames=False, keep_fnames=False,
                passes=1, keep_infinity=False, lhs_constants=True, side_effects=True, switches=True),
    parse=_h(bare_returns=False, expression=False, html5_comments=True, shebang=True, strict=False),
    define=_h(), keep_fnames=False, keep_classnames=False, toplevel=False, source_map=False,
    error_context_lines=8,
)
_EXTRA_OPTIONS = (Sym("comments"), Sym("mangle_properties"))
_MANGLE_PROPERTIES_DEFAULTS = _h(debug=False, regex=None, keep_quoted=False, reserved=[], builtins=False)
_SOURCE_MAP_DEFAULTS = _h(map_url=False, url=False, sources_content=False, filename=None, root=None,
                          output_filename=None, input_source_map=None)
_COPYRIGHT = ["(^!)|Copyright", "i"]  # encode_regexp(/(^!)|Copyright/i)


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def _get(value: Any, key: Any) -> Any:
    """Ruby's ``value[key]`` on a Hash (nil for anything else here)."""
    return value.get(key) if isinstance(value, dict) else None


def _merge(*hashes: Any) -> RubyHash:
    merged: RubyHash = {}
    for one in hashes:
        if not isinstance(one, dict):
            raise ValueError(f"no implicit conversion of {_ruby_class(one)} into Hash")
        merged.update(one)
    return merged


def _ruby_class(value: Any) -> str:
    return {bool: "true", int: "Integer", float: "Float", str: "String", list: "Array"}.get(type(value), "Object")


def _conditional(value: Any, defaults: RubyHash, overrides: Optional[RubyHash] = None) -> Any:
    if value is True or value is None:
        return _merge(defaults, overrides or {})
    if _truthy(value):
        return _merge(defaults, value, overrides or {})
    return False


def ruby_options(settings: Mapping[str, Any]) -> RubyHash:
    """``options.transform_keys(&:to_sym)`` of a YAML mapping; ``Terser.new`` rejects unknown keys."""
    options = {Sym(str(key)): _ruby_value(value) for key, value in settings.items()}
    missing = [key.name for key in options if key not in _DEFAULTS and key not in _EXTRA_OPTIONS]
    if missing:
        raise ValueError(f"Invalid option: {missing[0]}")
    return options


def _ruby_value(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _ruby_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_ruby_value(v) for v in value]
    return value


def wrapper_options(options: RubyHash) -> RubyHash:
    """The options terser-ruby's ``run_terserjs`` passes to ``terser_wrapper`` (source aside), no source map."""
    return {
        Sym("output"): _output_options(options),
        Sym("compress"): _compressor_options(options),
        Sym("mangle"): _mangle_options(options),
        Sym("parse"): _conditional(options.get(Sym("parse")), _DEFAULTS[Sym("parse")]),
        Sym("sourceMap"): _source_map_options(options),
    }


def _keep(options: RubyHash, flag: str, kind: str) -> Any:
    """``keep_fnames?(type)`` / ``keep_classnames?(type)``."""
    if _truthy(options.get(Sym(flag))) or _truthy(_DEFAULTS[Sym(flag)]):
        return True
    mine = options.get(Sym(kind))
    first = isinstance(mine, dict) and mine.get(Sym(flag))
    if _truthy(first):
        return first
    return _get(_DEFAULTS[Sym(kind)], Sym(flag))


def _output_options(options: RubyHash) -> RubyHash:
    output = options.get(Sym("output"))
    merged = _merge(_DEFAULTS[Sym("output")], output if _truthy(output) else {})
    return _merge(merged, {Sym("comments"): _comment_options(options), Sym("quote_style"): _quote_style(options)})


def _comment_options(options: RubyHash) -> Any:
    output = options.get(Sym("output"))
    if isinstance(output, dict) and Sym("comments") in output:
        setting = output[Sym("comments")]
    elif Sym("comments") in options:
        setting = options[Sym("comments")]
    else:
        setting = _DEFAULTS[Sym("output")][Sym("comments")]
    if setting == Sym("all") or setting is True:
        return True
    if setting == Sym("jsdoc"):
        return "jsdoc"
    if setting == Sym("copyright"):
        return list(_COPYRIGHT)
    return False


def _quote_style(options: RubyHash) -> Any:
    option = _conditional(options.get(Sym("output")), _DEFAULTS[Sym("output")])
    value = _get(option, Sym("quote_style")) if option is not False else None
    styles = {Sym("single"): 1, Sym("double"): 2, Sym("original"): 3}
    if isinstance(value, Sym):
        return styles.get(value, 0)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return 0


def _compressor_options(options: RubyHash) -> Any:
    define = options.get(Sym("define"))
    defaults = _conditional(_DEFAULTS[Sym("compress")], {Sym("global_defs"): define if _truthy(define) else {}})
    overrides = {Sym("keep_fnames"): _keep(options, "keep_fnames", "compress"),
                 Sym("keep_classnames"): _keep(options, "keep_classnames", "compress")}
    if _truthy(_output_options(options).get(Sym("wrap_iife"))):
        overrides[Sym("negate_iife")] = False
    return _conditional(options.get(Sym("compress")), defaults, overrides)


def _mangle_options(options: RubyHash) -> Any:
    defaults = _conditional(_DEFAULTS[Sym("mangle")], {Sym("keep_fnames"): _keep(options, "keep_fnames", "mangle"),
                                                       Sym("keep_classnames"): _keep(options, "keep_classnames",
                                                                                     "mangle")})
    return _conditional(options.get(Sym("mangle")), defaults, {Sym("properties"): _mangle_properties(options)})


def _mangle_properties(options: RubyHash) -> Any:
    mangle = _conditional(options.get(Sym("mangle")), _DEFAULTS[Sym("mangle")])
    if Sym("mangle_properties") in options:
        setting = options[Sym("mangle_properties")]
    else:
        setting = mangle and _get(mangle, Sym("properties"))
    return _conditional(setting, _MANGLE_PROPERTIES_DEFAULTS)


def _source_map_options(options: RubyHash) -> RubyHash:
    found = _conditional(options.get(Sym("source_map")), _SOURCE_MAP_DEFAULTS)
    chosen = found if _truthy(found) else _SOURCE_MAP_DEFAULTS
    root = chosen[Sym("root")] if Sym("root") in chosen else None
    return {Sym("input"): chosen.get(Sym("filename")), Sym("filename"): chosen.get(Sym("output_filename")),
            Sym("root"): root, Sym("content"): None, Sym("url"): chosen.get(Sym("url")),
            Sym("includeSources"): chosen.get(Sym("sources_content"))}


def to_json(value: Any) -> str:
    """Ruby's ``JSON.generate``: a symbol key and a string key of the same name are both written, in hash order."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(_key(k))}:{to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(to_json(v) for v in value) + "]"
    if isinstance(value, Sym):
        return json.dumps(value.name)
    return json.dumps(value, ensure_ascii=False)


def _key(key: Any) -> str:
    if isinstance(key, Sym):
        return key.name
    if isinstance(key, bool) or key is None:
        return json.dumps(key)
    return str(key)


# --- the engines -------------------------------------------------------------------------------------------

#: chooses the engine: ``node`` or ``quickjs``; unset, Node when it is on PATH (about four times faster), else QuickJS
ENGINE_ENV = "LIQUIDSITE_TERSER_ENGINE"
#: Node's side: the bundle evaluated as ExecJS's Node runtime evaluates it (in a function, without
#: ``module``/``exports``/``require``), the options read once, then the protocol of :mod:`.quickjs_runner`
#: (a request line ``{"id", "input", "output"}`` in, an answer line out)
_NODE_RUNNER = """
const fs = require('fs'), readline = require('readline');
const wrapper = new Function('module', 'exports', 'require',
  fs.readFileSync(process.argv[1], 'utf8') + '\\n;return terser_wrapper;')();
const options = fs.readFileSync(process.argv[2], 'utf8');
readline.createInterface({input: process.stdin, crlfDelay: Infinity}).on('line', (line) => {
  const request = JSON.parse(line), answer = {id: request.id};
  try {
    const given = JSON.parse(options);
    given.source = fs.readFileSync(request.input, 'utf8');
    const result = wrapper(given);
    if (result.error != null) answer.error = result.error;
    else fs.writeFileSync(request.output, String(result.code === undefined ? '' : result.code), 'utf8');
  } catch (err) { answer.fatal = String(err); }
  process.stdout.write(JSON.stringify(answer) + '\\n');
});
"""


class Runner:
    """One engine process (Node, or Python running :mod:`.quickjs_runner`) minifying the scripts sent to it,
    in order, while this process goes on; :meth:`answer` waits for one of them."""

    def __init__(self, command: list[str], name: str) -> None:
        self.name = name
        self.errors = tempfile.TemporaryFile()  # a file, so that a chatty engine never blocks on a full pipe
        try:
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=self.errors, encoding="utf-8")
        except OSError as err:
            self.errors.close()
            raise Unavailable(f"could not start {command[0]}: {err}") from err
        self.answers: dict[int, dict[str, Any]] = {}
        self.stopped: Optional[Unavailable] = None
        #: characters of source sent so far (scripts go to the runner with the least)
        self.load = 0

    def send(self, ident: int, source_path: str, output_path: str) -> None:
        """Ask for the script at *source_path* minified into *output_path* (a short line: never blocks)."""
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps({"id": ident, "input": source_path, "output": output_path}) + "\n")
            stdin.flush()
        except (OSError, ValueError):  # the process is gone: said when an answer is awaited
            pass

    def answer(self, ident: int) -> dict[str, Any]:
        """The answer to request *ident*, waiting for it; :class:`Unavailable` when the process stopped."""
        stdout = self.process.stdout
        assert stdout is not None
        while ident not in self.answers:
            if self.stopped is not None:
                raise self.stopped
            try:
                line = stdout.readline()
            except (OSError, ValueError):
                line = ""
            if not line:
                self.process.kill()
                status = self.process.wait()
                self.errors.seek(0)
                said = self.errors.read().decode("utf-8", "replace").strip()
                self.stopped = Unavailable(f"{self.name} stopped ({said or f'status {status}'})")
                raise self.stopped
            answered = json.loads(line)
            self.answers[int(answered["id"])] = answered
        return self.answers.pop(ident)

    def close(self) -> None:
        _end(self.process)
        self.errors.close()


def _end(process: "subprocess.Popen[str]") -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
    for stream in (process.stdin, process.stdout):
        try:
            if stream is not None:
                stream.close()
        except OSError:  # a line for a process that had ended
            pass


def _quickjs_installed() -> bool:
    try:
        return importlib.util.find_spec("quickjs") is not None
    except (ImportError, ValueError):  # ValueError: a module entry of None (imports of it fail)
        return False


def engine_command(bundle_path: str, options_path: str) -> tuple[list[str], str]:
    """The command of a runner of the engine ``$LIQUIDSITE_TERSER_ENGINE`` names, else of Node when it is on
    PATH, else of QuickJS, and the engine's name."""
    wanted = os.environ.get(ENGINE_ENV, "").strip().lower()
    node = shutil.which("node") or shutil.which("nodejs")
    if wanted == "node" or (not wanted and node):
        if node is None:
            raise Unavailable(f"{ENGINE_ENV}=node, and Node is not on PATH")
        return [node, "-e", _NODE_RUNNER, bundle_path, options_path], "Node"
    if not _quickjs_installed():
        raise Unavailable("no JavaScript engine: pip install 'liquidsite[terser]' (QuickJS), or put Node on PATH")
    return [sys.executable, quickjs_runner.__file__, bundle_path, options_path], "QuickJS"


def runner_count(engine: str, jobs: int, scripts: int) -> int:
    """How many runners minify *scripts* in a build of *jobs* processes. Node compiles and collects garbage on
    threads of its own, and each process compiles terser again: on two cores, two Node processes beside the
    render workers took a third more CPU time than one and finished later, so Node gets half the jobs;
    QuickJS, one thread and no compiler, gets them all."""
    share = jobs if engine == "QuickJS" else jobs // 2
    return max(1, min(share, scripts))


@dataclass
class Pending:
    """One script's minification: done (``path``, or ``error``), or running as request ``ident`` of ``runner``."""

    key: str
    path: Optional[str] = None
    error: Optional[TerserError] = None
    runner: Optional[Runner] = None
    ident: int = 0
    #: where a result made before came from: ``site`` (the site's cache) or ``user`` (the user's content cache)
    cached: str = ""


class Minifier:
    """terser with one site's options; results kept in *cache_folder* (warm builds load nothing) and in the
    user's content cache (:mod:`.usercache`: another site with the same scripts minifies nothing).

    Scripts not cached are minified by up to *jobs* engine processes at once, the longest first, each
    sent to the process with the least work, while the build goes on; :meth:`result` takes one when it
    is needed. The results do not depend on which process made them, nor on the order.
    """

    def __init__(self, settings: Mapping[str, Any], cache_folder: str, offline: bool,
                 bundle: Optional[Bundle] = None, jobs: int = 1) -> None:
        options = ruby_options(settings)
        if _truthy(options.get(Sym("source_map"))):
            raise ValueError("source_map: liquidsite does not write terser's source maps")
        self.options = to_json(wrapper_options(options))
        self.cache_folder = cache_folder
        self.offline = offline
        self.bundle = bundle or BUNDLE
        self.jobs = max(1, jobs)
        self.prefix = hashlib.sha256(f"{self.bundle.key}\n{self.options}\n".encode()).digest()
        self.unavailable: Optional[Unavailable] = None
        self.used: set[str] = set()
        self.runners: list[Runner] = []
        self.scratch: Optional[str] = None
        self.requests = 0
        self._ending = weakref.finalize(self, _shut_down, self.runners, [])

    def key(self, source: str) -> str:
        """The SHA-256 naming *source*'s result: the bundle, the options and the source."""
        key = hashlib.sha256(self.prefix + source.encode("utf-8", "surrogatepass")).hexdigest()
        self.used.add(key)
        return key

    def cache_path(self, source: str) -> str:
        """The file holding *source*'s minified form (whether made yet or not); beside it, with
        ``.error`` for ``.js``, terser's complaint about a source it rejected."""
        return self._path(self.key(source))

    def _path(self, key: str) -> str:
        return os.path.join(self.cache_folder, key[:2], key + ".js")

    def start(self, sources: list[str]) -> list[Pending]:
        """Each source's result, from a cache or started in the engine processes (:meth:`result` takes it).

        Raises :class:`Unavailable` when something must be minified and nothing can be.
        """
        jobs = [self._cached(self.key(source)) for source in sources]
        todo = [(job, source) for job, source in zip(jobs, sources, strict=True)
                if job.path is None and job.error is None]
        if todo:
            self._dispatch(todo)
        return jobs

    def _cached(self, key: str) -> Pending:
        path = self._path(key)
        if os.path.isfile(path):
            return Pending(key, path=path, cached="site")
        origin = "site"
        stored = _read(path[:-3] + ".error")
        if stored is None:
            origin, stored = "user", usercache.read(USER_CACHE_KIND, key, ".error")
            if stored is not None:
                usercache.write_file(path[:-3] + ".error", stored)
        if stored is not None:
            return Pending(key, error=TerserError(*json.loads(stored)), cached=origin)
        shared = usercache.read(USER_CACHE_KIND, key, ".js")
        if shared is not None:
            return Pending(key, path=self._keep(path, shared), cached="user")
        return Pending(key)

    def _dispatch(self, todo: list[tuple[Pending, str]]) -> None:
        if self.unavailable is not None:
            raise self.unavailable
        if self.scratch is None:
            self.scratch = tempfile.mkdtemp(prefix="liquidsite-terser-")
            self._ending.detach()
            self._ending = weakref.finalize(self, _shut_down, self.runners, [self.scratch])
        try:
            if not self.runners:
                bundle_path = os.path.join(self.scratch, "bundle.js")
                options_path = os.path.join(self.scratch, "options.json")
                usercache.write_file(bundle_path, bundle_source(self.bundle, self.offline).encode("utf-8"))
                usercache.write_file(options_path, self.options.encode("utf-8"))
                command, engine = engine_command(bundle_path, options_path)
                for _ in range(runner_count(engine, self.jobs, len(todo))):
                    self.runners.append(Runner(command, engine))
        except Unavailable as err:
            self.unavailable = err  # no second try in this build
            raise
        for job, source in sorted(todo, key=lambda pair: -len(pair[1])):
            self.requests += 1
            job.ident, job.runner = self.requests, min(self.runners, key=lambda runner: runner.load)
            source_path = os.path.join(self.scratch, f"{job.ident}.js")
            usercache.write_file(source_path, source.encode("utf-8", "surrogatepass"))
            job.runner.send(job.ident, source_path, source_path + ".out")
            job.runner.load += len(source)

    def result(self, job: Pending) -> str:
        """The file with *job*'s script minified, waiting for its engine process if need be.

        Raises :class:`TerserError` (terser rejected the script) or :class:`Unavailable` (its process stopped).
        """
        if job.error is not None:
            raise job.error
        if job.path is not None:
            return job.path
        assert job.runner is not None
        answer = job.runner.answer(job.ident)
        error, fatal = answer.get("error"), answer.get("fatal")
        if fatal is not None:  # the engine's exception (stack, memory): not a verdict on the script, not kept
            job.error = TerserError(str(fatal))
            raise job.error
        target = self._path(job.key)
        if error is not None:
            job.error = TerserError(str(error.get("message")), error.get("line"), error.get("col"))
            if job.error.line is not None:  # terser's own verdict
                verdict = json.dumps([str(job.error), job.error.line, job.error.column]).encode()
                usercache.write_file(target[:-3] + ".error", verdict)
                usercache.write(USER_CACHE_KIND, job.key, verdict, ".error")
            raise job.error
        assert self.scratch is not None
        try:
            with open(os.path.join(self.scratch, f"{job.ident}.js.out"), "rb") as handle:
                code = handle.read()
        except OSError as err:  # a full or vanished scratch folder: nothing more can be minified
            raise Unavailable(f"{job.runner.name} left no result ({err})") from err
        usercache.write(USER_CACHE_KIND, job.key, code, ".js")
        job.path = self._keep(target, code)
        return job.path

    def _keep(self, path: str, code: bytes) -> str:
        """*code* stored at *path* in the site's cache; in an unwritable cache, a temporary file of this build."""
        if usercache.write_file(path, code):
            return path
        handle, temporary = tempfile.mkstemp(suffix=".js")
        with os.fdopen(handle, "wb") as out:
            out.write(code)
        return temporary

    def minified_path(self, source: str) -> str:
        """The cached file with *source* minified: made now unless a build made it before.

        Raises :class:`Unavailable` (nothing can be minified) or :class:`TerserError` (this source).
        """
        return self.result(self.start([source])[0])

    def minified_text(self, source: str) -> str:
        """*source* minified (from the cache when a build made it before)."""
        with open(self.minified_path(source), encoding="utf-8", newline="") as handle:
            return handle.read()

    def close(self) -> None:
        """End the engine processes and remove their scratch files (a later :meth:`start` starts others)."""
        self._ending()
        self.scratch = None

    def prune(self) -> None:
        """Remove cached results this build did not use (sources edited or deleted since)."""
        if not os.path.isdir(self.cache_folder):
            return
        for shard in os.listdir(self.cache_folder):
            folder = os.path.join(self.cache_folder, shard)
            if not os.path.isdir(folder):
                continue
            for name in os.listdir(folder):
                if name.split(".")[0] not in self.used:
                    try:
                        os.remove(os.path.join(folder, name))
                    except OSError:
                        pass


#: the user content cache's folder for terser's results (keyed as the site's cache is)
USER_CACHE_KIND = "terser"


def _shut_down(runners: list[Runner], folders: list[str]) -> None:
    """End *runners* and remove *folders* (when the build ends with its minifier, or with the interpreter)."""
    while runners:
        runners.pop().close()
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
