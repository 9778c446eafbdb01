"""``jekyll serve`` flags that the dev server (``serve/``) does not act on itself.

``-B/--detach`` runs the server in the background as Jekyll does (no watching, no live
reload: Jekyll's detached server does neither), ``--ssl-cert/--ssl-key`` are refused
(the server speaks HTTP only), and the LiveReload port and delays, which belong to
LiveReload's separate WebSocket server, are named as having no effect: live reload here
goes over the server's own port.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Optional, Sequence

from .log import logger

_DETACH_FLAGS = ("-B", "--detach")
_READY = "Server running..."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("-B", "--detach", action="store_true", default=None, help="Run the server in the background")
    add("--ssl-cert", dest="ssl_cert", help="Refused: liquidsite serve speaks HTTP only")
    add("--ssl-key", dest="ssl_key", help="Refused: liquidsite serve speaks HTTP only")
    add("--show-dir-listing", dest="show_dir_listing", action="store_true", default=None,
        help="Show a directory listing instead of loading your index file.")
    add("--livereload-port", dest="livereload_port", type=int,
        help="No effect: live reload uses the server's own port")
    add("--livereload-min-delay", dest="livereload_min_delay", type=int, help="No effect (LiveReload's delays)")
    add("--livereload-max-delay", dest="livereload_max_delay", type=int, help="No effect (LiveReload's delays)")


def prepare(args: argparse.Namespace, argv: Sequence[str]) -> Optional[int]:
    """Act on these flags before serving: an exit status when the command ends here, else None."""
    if args.ssl_cert or args.ssl_key:
        logger.error("Error:", "--ssl-cert/--ssl-key: liquidsite serve speaks plain HTTP only; preview over "
                               "http://localhost, or put a TLS proxy in front of the server.")
        return 1
    if args.livereload_port is not None:
        logger.warn("Warning:", "--livereload-port has no effect: live reload goes over the server's own port "
                                "(Server-Sent Events), there is no separate LiveReload server.")
    if args.livereload_min_delay is not None or args.livereload_max_delay is not None:
        logger.warn("Warning:", "--livereload-min-delay/--livereload-max-delay have no effect: they are delays of "
                                "LiveReload's WebSocket client; liquidsite's browser script reconnects by itself.")
    if not args.detach:
        return None
    if args.livereload:
        logger.warn("Warning:", "--detach and --livereload are mutually exclusive. Choosing --livereload")
        args.detach = False
        return None
    return detach([arg for arg in argv if arg not in _DETACH_FLAGS])


def detach(argv: Sequence[str]) -> int:
    """Start ``liquidsite ARGV --no-watch --no-livereload`` in its own session, show its log until it serves
    (or fails), then leave it running."""
    import subprocess  # only here: the command line imports this module on every start
    import tempfile

    log = tempfile.NamedTemporaryFile(prefix="liquidsite-serve-", suffix=".log", delete=False)  # noqa: SIM115
    with log:
        child = subprocess.Popen(
            [sys.executable, "-m", "liquidsite", *argv, "--no-watch", "--no-livereload"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    shown = 0
    while True:
        with open(log.name, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        ready = _READY in text
        lines = text[shown:].splitlines(keepends=True)
        complete = [line for line in lines if line.endswith("\n") and _READY not in line]
        sys.stdout.write("".join(complete))
        sys.stdout.flush()
        shown += sum(len(line) for line in complete)
        if ready:
            break
        if child.poll() is not None:
            sys.stdout.write(text[shown:])
            os.unlink(log.name)
            return child.returncode or 1
        time.sleep(0.1)
    logger.info(f"Server detached with pid '{child.pid}'.",
                f"Run `kill {child.pid}' to stop the server. Its log: {log.name}")
    return 0
