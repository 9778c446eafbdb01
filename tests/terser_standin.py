"""A stand-in for terser-ruby's bundle, served from 127.0.0.1, and the engines to run it (pytest fixtures)."""

from __future__ import annotations

import hashlib
import shutil
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from liquidsite import terserjs

#: a stand-in for terser-ruby's files: "minifies" by removing whitespace, tags the result with one option,
#: and rejects a source holding "syntax error" as terser does (message, line, column); in Node, a source
#: holding "stop the engine" ends the process
STAND_IN = {
    "first.js": "var standInPrefix = '/*' + 'mini';\n",
    "wrapper.js": (
        "function terser_wrapper(options) {\n"
        "  if (options.source.indexOf('throw') >= 0) throw new Error('engine trouble');\n"
        "  if (options.source.indexOf('stop the engine') >= 0 && typeof process !== 'undefined') process.exit(3);\n"
        "  if (options.source.indexOf('syntax error') >= 0)\n"
        "    return {error: {message: 'Unexpected token', line: 2, col: 4}};\n"
        "  return {code: standInPrefix + ' ' + options.compress.drop_console + '*/'"
        " + options.source.replace(/\\s+/g, '')};\n"
        "}\n"
    ),
}
STAND_IN_BUNDLE = terserjs.Bundle(
    "stand-in terser", "http://127.0.0.1:9/unused",
    tuple((name, hashlib.sha256(text.encode()).hexdigest()) for name, text in STAND_IN.items()),
)


class Bundles(BaseHTTPRequestHandler):
    """A host serving the stand-in's files under ``/lib/``."""

    requests: list[str] = []
    files: dict[str, str] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        body = self.files.get(self.path.removeprefix("/lib/"))
        if body is None:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=["quickjs", "node"])
def engine(request, monkeypatch) -> str:
    """Each JavaScript engine terserjs can use, skipped when absent."""
    if request.param == "quickjs":
        pytest.importorskip("quickjs")
    elif shutil.which("node") is None and shutil.which("nodejs") is None:
        pytest.skip("Node is not on PATH")
    monkeypatch.setenv(terserjs.ENGINE_ENV, request.param)
    return str(request.param)


@pytest.fixture
def bundle_server(tmp_path_factory, monkeypatch) -> Iterator[str]:
    """The stand-in bundle on 127.0.0.1, an empty download cache, and the plugin pointed at both."""
    Bundles.requests = []
    Bundles.files = dict(STAND_IN)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Bundles)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/lib"
    monkeypatch.setenv("LIQUIDSITE_CACHE_DIR", str(tmp_path_factory.mktemp("downloads")))
    monkeypatch.setenv(terserjs.BUNDLE_URL_ENV, url)
    monkeypatch.setattr(terserjs, "BUNDLE", STAND_IN_BUNDLE)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def no_engine(tmp_path_factory, monkeypatch) -> None:
    """Neither Node nor QuickJS to run terser (the bundle itself is at hand)."""
    monkeypatch.setenv("LIQUIDSITE_CACHE_DIR", str(tmp_path_factory.mktemp("downloads")))
    monkeypatch.setattr(terserjs, "bundle_source", lambda bundle, offline=False: "")
    monkeypatch.setenv(terserjs.ENGINE_ENV, "quickjs")
    monkeypatch.setitem(sys.modules, "quickjs", None)  # import quickjs fails
