"""The dev server's HTTP layer in-process: clients that hang up, traversal attempts."""

from __future__ import annotations

import http.client
import socket
import struct
import threading
from pathlib import Path
from typing import Iterator

import pytest

from liquidsite.serve.http import Mount, SiteServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[SiteServer, Path]]:
    root = tmp_path / "_site"
    root.mkdir()
    (root / "index.html").write_text("<html><body>home</body></html>")
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    (root / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (root / "up").symlink_to(tmp_path)
    mount = Mount(root=str(root), baseurl="", encoding="utf-8", headers={})
    site_server = SiteServer(("127.0.0.1", 0), lambda: mount, None)
    thread = threading.Thread(target=site_server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site_server, tmp_path
    finally:
        site_server.shutdown()
        site_server.server_close()


def get(site_server: SiteServer, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", site_server.server_address[1], timeout=10)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def test_client_closing_the_connection_prints_no_traceback(server, capfd):
    site_server, tmp_path = server
    (tmp_path / "_site" / "big.bin").write_bytes(b"x" * (8 << 20))  # more than the socket buffers hold
    port = site_server.server_address[1]
    for path in ("/big.bin", "/index.html", "/nope.html"):
        for _ in range(5):
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset on close
            client.close()
    assert get(site_server, "/index.html")[0] == 200  # still serving; handlers of the above have run
    site_server.shutdown()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipeError" not in err and "ConnectionResetError" not in err


@pytest.mark.parametrize("attempt", [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "/%252E%252E%252Fsecret.txt",
    "/..%2fsecret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt", "/..\\secret.txt", "/%255c..%255csecret.txt",
    "/leak.txt", "/up/secret.txt", "/%00/secret.txt", "//../secret.txt",
])
@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_traversal_attempts_are_refused(server, attempt):
    site_server, _ = server
    status, body = get(site_server, attempt)
    assert status in (400, 403, 404), (attempt, status)
    assert b"TOP SECRET" not in body
