"""In-process builds of small al-folio-like sites, and a canned HTTP server on 127.0.0.1.

The network plugins' tests serve RSS, JSON and HTML from :class:`CannedServer`
and point the plugins at it; nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import subprocess
import threading
from pathlib import Path
from typing import Iterator, Mapping, Optional

from conftest import Built, write_tree

from liquidsite.cli import main
from liquidsite.log import logger

ALFOLIO_GIT = Path("/work/.mirror/ashriva16+al-folio/repo")


def build_in_process(root: Path, files: Mapping[str, str], *args: str) -> Built:
    """Write *files* under *root* and run ``liquidsite build`` there in this process."""
    write_tree(root, files)
    start = len(logger.messages)
    previous = os.getcwd()
    os.chdir(root)
    try:
        code = main(["build", "-s", str(root), "-d", str(root / "_site"), *args])
    finally:
        os.chdir(previous)
    return Built(root, code, "\n".join(line for _, line in logger.messages[start:]))


def alfolio_plugin(commit: str, name: str) -> Optional[str]:
    """The text of al-folio's ``_plugins/NAME`` at *commit* from the local mirror, if it is there."""
    if not ALFOLIO_GIT.is_dir():
        return None
    shown = subprocess.run(["git", "-C", str(ALFOLIO_GIT), "show", f"{commit}:_plugins/{name}"],
                           capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else None


class CannedServer:
    """An HTTP server answering each path with a canned (status, content type, body)."""

    def __init__(self, answers: Mapping[str, tuple[int, str, bytes]]) -> None:
        self.answers = dict(answers)
        self.requests: list[str] = []
        canned = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                canned.requests.append(self.path)
                bare = self.path.split("?", 1)[0]
                missing = (404, "text/plain", b"not found")
                status, kind, body = canned.answers.get(self.path, canned.answers.get(bare, missing))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    @contextlib.contextmanager
    def running(self) -> Iterator["CannedServer"]:
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


@contextlib.contextmanager
def csl_styles_from(base: str = "http://127.0.0.1:9") -> Iterator[None]:
    """jekyll-scholar's pinned CSL styles asked of *base* (``/COMMIT/NAME.csl``) rather than GitHub:
    by default a closed port, so that no test reaches the network."""
    import pytest

    from liquidsite.plugins.scholar import styles

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(styles, "STYLE_URL", base + "/{commit}/{name}.csl")
        yield
