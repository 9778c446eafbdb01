"""The HTTP side of ``liquidsite serve``: the destination as WEBrick serves it for Jekyll.

The site is mounted under ``baseurl``; directories redirect to their slash form
and serve their index file; ``/page`` finds ``page.html`` as Jekyll's servlet
does; a missing file gets the site's ``404.html`` with status 404. Nothing
outside the destination is ever served: ``..`` segments (also percent-encoded),
backslashes and NUL bytes are refused, and the resolved real path (symlinks
followed) must lie inside the destination.
"""

from __future__ import annotations

import email.utils
import fnmatch
import html
import os
import posixpath
import queue
import socket
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, NamedTuple, Optional

from . import livereload
from .mime import content_type

#: WEBrick's DirectoryIndex as ``jekyll serve`` configures it.
DIRECTORY_INDEX = ("index.htm", "index.html", "index.rhtml", "index.xht", "index.xhtml", "index.cgi",
                   "index.xml", "index.json")
#: Jekyll's extra headers on every file response.
DEFAULT_HEADERS = {
    "Cache-Control": "private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate",
}
_HIDDEN_NAMES = (".ht*", "~*")
_HEARTBEAT_SECONDS = 15.0


class Mount(NamedTuple):
    """What the server serves right now (a config reload may change it)."""

    root: str  # the destination directory
    baseurl: str  # "" or "/blog"
    encoding: str
    headers: dict[str, str]
    show_dir_listing: bool = False


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    #: socketserver's default listen backlog is 5: a page opening many tabs, or 200 clients at once,
    #: overflowed it and connections waited on SYN retries until they timed out.
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], mount: Callable[[], Mount],
                 broker: Optional[livereload.Broker], verbose: bool = False) -> None:
        self.mount = mount
        self.broker = broker
        self.verbose = verbose
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SiteRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (a closed tab, a cancelled fetch) is no error worth a traceback."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def normalize_baseurl(baseurl: Any) -> str:
    text = str(baseurl or "").strip().rstrip("/")
    if text and not text.startswith("/"):
        text = "/" + text
    return text


class SiteRequestHandler(BaseHTTPRequestHandler):
    server: SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "liquidsite"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if self.server.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def do_GET(self) -> None:
        self._respond(send_body=True)

    # -- routing ----------------------------------------------------------------------------

    def _respond(self, send_body: bool) -> None:
        raw_path, _, query = self.path.partition("?")
        raw_path = raw_path.partition("#")[0]
        broker = self.server.broker
        if raw_path == livereload.EVENTS_PATH and broker is not None and send_body:
            self._stream_events(broker, query)
            return
        mount = self.server.mount()
        try:
            path = urllib.parse.unquote(raw_path, errors="strict")
        except UnicodeDecodeError:
            self._error(mount, HTTPStatus.BAD_REQUEST, send_body)
            return
        if not path.startswith("/") or "\\" in path or "\x00" in path:
            self._error(mount, HTTPStatus.BAD_REQUEST, send_body)
            return
        segments = path.split("/")
        if ".." in segments:
            self._error(mount, HTTPStatus.BAD_REQUEST, send_body)
            return
        if mount.baseurl:
            if path == mount.baseurl:
                self._redirect(raw_path + "/", query)
                return
            if not path.startswith(mount.baseurl + "/"):
                self._not_found(mount, send_body)
                return
            path = path[len(mount.baseurl):]
        names = [name for name in path.split("/") if name not in ("", ".")]
        if any(fnmatch.fnmatchcase(name, pattern) for name in names for pattern in _HIDDEN_NAMES):
            self._not_found(mount, send_body)
            return
        target = os.path.join(mount.root, *names)
        if os.path.isdir(target):
            if not raw_path.endswith("/"):
                self._redirect(raw_path + "/", query)
                return
            found = None if mount.show_dir_listing else _first_file(target, DIRECTORY_INDEX)
            if found is None and _inside(target, mount.root, allow_root=True):
                self._send_listing(target, send_body)
                return
        elif os.path.isfile(target):
            found = target
        elif names:  # Jekyll's servlet: /page serves page.html
            found = _first_file(os.path.dirname(target), [names[-1] + ".html", names[-1] + ".xhtml"])
        else:
            found = None
        if found is None or not _inside(found, mount.root):
            self._not_found(mount, send_body)
            return
        self._send_file(mount, found, HTTPStatus.OK, send_body)

    # -- responses --------------------------------------------------------------------------

    def _send_file(self, mount: Mount, path: str, status: HTTPStatus, send_body: bool,
                   kind: Optional[str] = None) -> None:
        broker = self.server.broker
        generation = broker.generation if broker is not None else 0
        try:
            with open(path, "rb") as handle:
                body = handle.read()
            modified = os.stat(path).st_mtime
        except OSError:
            self._error(mount, HTTPStatus.NOT_FOUND, send_body)
            return
        kind = kind or content_type(path, mount.encoding)
        if broker is not None and kind.startswith("text/html"):
            body = livereload.inject(body, livereload.client_script(generation, broker.instance))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
        for name, value in {**DEFAULT_HEADERS, **mount.headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_listing(self, directory: str, send_body: bool) -> None:
        """WEBrick's fancy index for a directory without an index file (as ``jekyll serve``)."""
        names = sorted(n for n in os.listdir(directory)
                       if not any(fnmatch.fnmatchcase(n, p) for p in _HIDDEN_NAMES))
        title = html.escape(f"Index of {self.path.partition('?')[0]}")
        rows = ['<li><a href="../">Parent Directory</a></li>'] + [
            f'<li><a href="{urllib.parse.quote(n)}{"/" if os.path.isdir(os.path.join(directory, n)) else ""}">'
            f"{html.escape(n)}</a></li>" for n in names
        ]
        body = (f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n<body><h1>{title}</h1>\n<ul>\n"
                + "\n".join(rows) + "\n</ul></body></html>\n").encode("utf-8")
        broker = self.server.broker
        if broker is not None:
            body = livereload.inject(body, livereload.client_script(broker.generation, broker.instance))
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _not_found(self, mount: Mount, send_body: bool) -> None:
        page = os.path.join(mount.root, "404.html")
        if os.path.isfile(page):
            self._send_file(mount, page, HTTPStatus.NOT_FOUND, send_body, kind="text/html; charset=UTF-8")
        else:
            self._error(mount, HTTPStatus.NOT_FOUND, send_body)

    def _error(self, mount: Mount, status: HTTPStatus, send_body: bool) -> None:
        body = (
            f"<!DOCTYPE html>\n<html><head><title>{status.phrase}</title></head>\n"
            f"<body><h1>{status.phrase}</h1>\n<p>{status.description}</p></body></html>\n"
        ).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _redirect(self, location: str, query: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location + (f"?{query}" if query else ""))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream_events(self, broker: livereload.Broker, query: str) -> None:
        """Hold the connection open and forward build events (Server-Sent Events)."""
        params = urllib.parse.parse_qs(query)
        try:
            generation = int(params.get("generation", ["0"])[0])
        except ValueError:
            generation = 0
        events = broker.subscribe(generation)
        self.close_connection = True
        try:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while True:
                try:
                    message = events.get(timeout=_HEARTBEAT_SECONDS)
                except queue.Empty:
                    message = b": ping\n\n"
                if message is None:
                    return
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return
        finally:
            broker.unsubscribe(events)


def _first_file(directory: str, names: Any) -> Optional[str]:
    for name in names:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    return None


def _inside(path: str, root: str, allow_root: bool = False) -> bool:
    """True when *path*, symlinks resolved, lies inside *root* (also resolved)."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    return posixpath.commonpath([real_root, real]) == real_root and (allow_root or real != real_root)
