"""``liquidsite``: Jekyll's command line (build, serve, clean, doctor) with Jekyll's flag spellings."""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import time
from typing import TYPE_CHECKING, Any, Optional, Sequence

from . import JEKYLL_VERSION, __version__
from . import serve_flags
from .log import logger

if TYPE_CHECKING:
    from .errors import ErrorReport

_VERSION = f"liquidsite {__version__} (Jekyll {JEKYLL_VERSION})"


def _add_build_options(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("-s", "--source", help="Custom source directory")
    add("-d", "--destination", help="Custom destination directory")
    add("--config", help="Custom configuration file(s), comma separated: a.yml,b.yml")
    add("-b", "--baseurl", help="Serve the website from the given base URL")
    add("-D", "--drafts", action="store_true", default=None, help="Render posts in the _drafts folder")
    add("--future", action="store_true", default=None, help="Publishes posts with a future date")
    add("--unpublished", action="store_true", default=None, help="Render posts marked unpublished")
    add("--limit_posts", type=int, help="Limits the number of posts to parse and publish")
    add("-q", "--quiet", action="store_true", default=None, help="Silence output")
    add("-V", "--verbose", action="store_true", default=None, help="Print verbose output")
    add("-t", "--trace", action="store_true", help="Show the full backtrace when an error occurs")
    add("--profile", action="store_true", default=None, help="Generate a Liquid rendering profile")
    add("--strict_front_matter", action="store_true", default=None, help="Fail if errors are in front matter")
    add("--safe", action="store_true", default=None, help="Safe mode (no custom plugins)")
    add("-I", "--incremental", action="store_true", default=None, help="Enable incremental rebuild.")
    add("--disable-disk-cache", dest="disable_disk_cache", action="store_true", default=None)
    add("--layouts", help="Custom layouts directory")
    add("-p", "--plugins", help="Custom plugins directory")
    add("--lsi", action="store_true", default=None, help="Accepted for compatibility")
    add("-w", "--watch", action="store_true", default=None, help="Watch for changes and rebuild")
    add("--no-watch", dest="watch", action="store_false", help="Do not watch for changes")
    add("--force_polling", action="store_true", default=None, help="Force watch to use polling")
    add("-j", "--jobs", type=_process_count, metavar="N",
        help="Render in N processes (default: one per core; 1 keeps one process)")
    add("--offline", action="store_true", default=None,
        help="Do not use the network: plugins that fetch use their cached answers")


def _process_count(text: str) -> int:
    """``--jobs N``: a whole number of processes, 1 or more (a usage error otherwise, as argparse's)."""
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more: {text!r}")
    return count


def _parser(tools_used: Optional[Sequence[str]] = None) -> argparse.ArgumentParser:
    """The command line. The tools named in *tools_used* (all by default) get their arguments, which
    imports their modules: a build does not import ``diff`` and ``check``."""
    parser = argparse.ArgumentParser(
        prog="liquidsite", description="Build Jekyll sites without Ruby."
    )
    parser.add_argument("--version", "-v", action="version", version=_VERSION)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser("build", aliases=["b"], help="Build your site")
    _add_build_options(build)
    serve = commands.add_parser("serve", aliases=["s", "server"], help="Serve your site locally")
    _add_build_options(serve)
    serve.add_argument("-H", "--host", help="Host to bind to (default 127.0.0.1)")
    serve.add_argument("-P", "--port", help="Port to listen on (default 4000)")
    serve.add_argument("-l", "--livereload", action="store_true", default=None,
                       help="Reload pages in the browser on change (the default)")
    serve.add_argument("--no-livereload", dest="livereload", action="store_false", help="Do not reload browsers")
    serve.add_argument("--livereload-ignore", dest="livereload_ignore",
                       help="Files for LiveReload to ignore: GLOB1[,GLOB2[,...]] over source paths")
    serve.add_argument("-o", "--open-url", dest="open_url", action="store_true", default=None,
                       help="Launch your site in a browser")
    serve.add_argument("--skip-initial-build", dest="skip_initial_build", action="store_true", default=None,
                       help="Skips the initial site build which occurs before the server is started")
    serve_flags.add_arguments(serve)
    clean = commands.add_parser("clean", help="Clean the site (removes site output and metadata file)")
    _add_build_options(clean)
    new = commands.add_parser("new", help="Creates a new site scaffold in PATH")
    new.add_argument("path", help="where to create the site")
    new.add_argument("--blank", action="store_true", help="Creates scaffolding but with empty files")
    new.add_argument("--force", action="store_true", help="Force creation even if PATH already exists")
    new.add_argument("--skip-bundle", dest="skip_bundle", action="store_true", help="Accepted; there is no bundle")
    new.add_argument("-t", "--trace", action="store_true", help="Show the full backtrace when an error occurs")
    doctor = commands.add_parser("doctor", aliases=["hyde"], help="Search site and print specific deprecation warnings")
    _add_build_options(doctor)
    for name, summary in _TOOLS.items():
        tool_parser = commands.add_parser(name, help=summary)
        if tools_used is None or name in tools_used:
            _tool(name).add_arguments(tool_parser)
        tool_parser.add_argument("-t", "--trace", action="store_true", help="Show the full backtrace on an error")
    helper = commands.add_parser("help", help="Show the help message, optionally for a given subcommand.")
    helper.add_argument("subcommand", nargs="?", help="the command to explain")
    helper.add_argument("-t", "--trace", action="store_true", help="Show the full backtrace when an error occurs")
    for subparser in {id(p): p for p in commands.choices.values()}.values():
        subparser.add_argument("-v", "--version", action="version", version=_VERSION)
    return parser


#: commands Jekyll does not have: name (of the module defining add_arguments(parser) and run(args)) -> help
_TOOLS = {
    "diff": "Compare this site's build with a _site that Jekyll produced",
    "check": "Check the built site's internal links, anchors, images, scripts and stylesheets",
}


def _tool(name: str) -> Any:
    return importlib.import_module(f"{__package__}.{name}")


def _print_failure(command: str, err: BaseException, trace: bool, found: ErrorReport) -> None:
    """The error line, then Jekyll's `--trace` hint box (or, with --trace, the traceback)."""
    logger.error(found.topic, found.message)
    if trace:
        import traceback

        traceback.print_exception(err)
        return
    rule = " " * 20 + "-" * 48
    print(rule, file=sys.stderr)
    print(f"      Jekyll {JEKYLL_VERSION}   Please append `--trace` to the `{command}` command ", file=sys.stderr)
    print(" " * 21 + "for any additional information or backtrace. ", file=sys.stderr)
    print(rule, file=sys.stderr)


def command_build(args: argparse.Namespace) -> int:
    from .config import load_config, overrides_from
    from .site import Site

    overrides = overrides_from(args)
    overrides["serving"] = False  # as `jekyll build` sets it: the last key of the configuration (`site.serving`)
    config = load_config(overrides)
    rebuilder = None
    if config.get("watch"):
        from .serve.rebuild import Rebuilder

        rebuilder = Rebuilder(overrides)
    site = Site(config, rebuilder.index if rebuilder is not None else None)
    logger.info("Source:", site.source)
    logger.info("Destination:", site.dest)
    if config.get("incremental"):
        logger.info("Incremental build:", "enabled")
    else:
        logger.info("Incremental build:", "disabled. Enable with --incremental")
    logger.info("Generating...")
    started = time.monotonic()
    if rebuilder is None:
        site.process()
    else:
        rebuilder.process(site)
    summary = f"done in {time.monotonic() - started:.3f} seconds."
    if logger.on_terminal():  # what was built, where a person reads it; logs keep Jekyll's line
        files = sum(1 for _ in site.each_site_file())
        summary = summary[:-1] + f": {files} files, {len(site.render_order())} pages and documents rendered."
    logger.info("", summary)
    if rebuilder is not None:
        from .serve import watch

        return watch(rebuilder, config)
    logger.info("Auto-regeneration:", "disabled. Use --watch to enable.")
    return 0


def command_clean(args: argparse.Namespace) -> int:
    from .config import load_config, overrides_from

    config = load_config(overrides_from(args))
    source = config["source"]
    targets = [
        config["destination"],
        os.path.join(source, ".jekyll-metadata"),
        os.path.join(source, str(config.get("cache_dir", ".jekyll-cache"))),
        os.path.join(source, ".sass-cache"),
    ]
    for path in targets:
        if os.path.exists(path):
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
            logger.info("Cleaner:", f"Removing {path}...")
        else:
            logger.info("Cleaner:", f"Nothing to do for {path}.")
    return 0


def command_doctor(args: argparse.Namespace) -> int:
    from . import doctor
    from .config import load_config, overrides_from

    return doctor.run(load_config(overrides_from(args)))


def command_new(args: argparse.Namespace) -> int:
    from . import scaffold

    scaffold.create(args.path, blank=args.blank, force=args.force)
    where = os.path.abspath(args.path)
    logger.info("", f"New jekyll site installed in {where}.")
    if not args.blank:
        logger.info("", "Build it with `liquidsite build`, or preview it with `liquidsite serve`.")
    return 0


def command_serve(args: argparse.Namespace) -> int:
    ended = serve_flags.prepare(args, args.argv)
    if ended is not None:
        return ended
    try:
        from .serve import serve
    except ImportError:
        logger.error("Error:", "liquidsite serve is not available in this version yet.")
        return 1
    return serve(args)


def command_help(args: argparse.Namespace) -> int:
    """``jekyll help [SUBCOMMAND]``."""
    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if args.subcommand is None:
        parser.print_help()
    elif args.subcommand in commands.choices:
        commands.choices[args.subcommand].print_help()
    else:
        logger.error("Error:", f"'{args.subcommand}' is not a liquidsite command: "
                               f"{', '.join(sorted(commands.choices))}")
        return 1
    return 0


_COMMANDS = {
    "help": command_help,
    "build": command_build, "b": command_build,
    "serve": command_serve, "s": command_serve, "server": command_serve,
    "clean": command_clean, "new": command_new, "doctor": command_doctor, "hyde": command_doctor,
}


def main(argv: Optional[Sequence[str]] = None) -> int:
    typed = list(sys.argv[1:] if argv is None else argv)
    if typed[:1] in (["--version"], ["-v"]):  # argparse's answer, without building the parser
        print(_VERSION)
        sys.exit(0)
    from .errors import ErrorReport, LiquidsiteError, report

    parser = _parser(tools_used=[word for word in typed[:1] if word in _TOOLS])
    args = parser.parse_args(typed)
    args.argv = typed  # as typed, for serve --detach
    if not args.command:
        parser.print_help()
        return 0
    handler = _COMMANDS[args.command] if args.command in _COMMANDS else _tool(args.command).run
    try:
        return handler(args)
    except LiquidsiteError as err:
        _print_failure(args.command, err, args.trace, report(err))
    except KeyboardInterrupt:
        return 130
    except Exception as err:  # an internal bug: still no traceback unless asked for
        logger.error("Error:", f"liquidsite {__version__} failed: {report(err).message}")
        _print_failure(args.command, err, args.trace, ErrorReport("Error:", str(err)))
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
