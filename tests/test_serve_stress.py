"""``liquidsite serve`` under stress, on 127.0.0.1 only and bounded in time.

Many concurrent clients, a storm of file events, files deleted and renamed while clients read:
the server must stay up, print no traceback, and once the storm settles serve exactly what a
full build of the final source tree writes. Traversal attempts are in tests/test_serve.py.
Figures measured here are recorded in docs/serve-stress.md.
"""

from __future__ import annotations

import http.client
import random
import socket
import threading
import time
from pathlib import Path

import pytest

import test_serve
from test_serve import SITE, ServedSite, full_build, tree

#: The real-server fixture of tests/test_serve.py, shared rather than a second harness.
serve_site = test_serve.serve_site

pytestmark = pytest.mark.slow

CLIENTS = 200
STORM_EVENTS = 1000
SETTLE_QUIET = 3.0
SETTLE_TIMEOUT = 60.0
PATHS = ["/", "/archive.html", "/about.html", "/css/site.css", "/2024/01/01/first.html", "/missing.html"]


def fetch(port: int, path: str) -> int:
    """One GET on a fresh connection; the status."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def abandon_event_stream(port: int) -> int:
    """Open the live-reload stream and reset the socket abruptly, as a closing tab does."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(b"GET /__liquidsite/livereload?generation=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = sock.recv(64)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    return int(head.split()[1])


def settle(served: ServedSite) -> float:
    """Wait until no build has been logged for SETTLE_QUIET seconds; the seconds that took."""
    start = time.monotonic()
    builds, quiet_since = -1, time.monotonic()
    while time.monotonic() - start < SETTLE_TIMEOUT:
        now = served.count("...done in") + served.count("Build failed")
        if now != builds:
            builds, quiet_since = now, time.monotonic()
        elif time.monotonic() - quiet_since >= SETTLE_QUIET:
            return quiet_since - start
        time.sleep(0.05)
    raise AssertionError(f"builds did not settle within {SETTLE_TIMEOUT} s:\n{served.log[-3000:]}")


def assert_equals_full_build(served: ServedSite, source: Path) -> None:
    url = f"http://localhost:{served.port}"
    expected = full_build(source, source.parent / f"{source.name}-full", url)
    assert tree(source / "_site") == expected


def assert_healthy(served: ServedSite) -> None:
    assert served.process.poll() is None, served.log[-3000:]
    assert "Traceback" not in served.log, served.log[-3000:]
    assert served.get("/css/site.css")[0] == 200


def test_200_concurrent_clients_during_edits(serve_site, tmp_path):
    served = serve_site(SITE)
    statuses: list[int] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def client(index: int) -> None:
        try:
            got = [fetch(served.port, PATHS[(index + step) % len(PATHS)]) for step in range(3)]
            got.append(abandon_event_stream(served.port))
            with lock:
                statuses.extend(got)
        except BaseException as error:  # noqa: B036 — recorded for the assertion below
            with lock:
                failures.append(error)

    threads = [threading.Thread(target=client, args=(index,), daemon=True) for index in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for number in range(3):
        (tmp_path / "about.md").write_text(f"---\nlayout: default\ntitle: About\n---\nEdit {number}.\n")
        time.sleep(0.2)
    for thread in threads:
        thread.join(timeout=60)
    elapsed = time.monotonic() - started
    assert not any(thread.is_alive() for thread in threads), "clients still waiting: deadlock"
    assert not failures, failures[:3]
    assert len(statuses) == CLIENTS * 4
    assert set(statuses) <= {200, 304, 404}
    assert 404 in statuses and 200 in statuses
    print(f"\n{len(statuses)} requests from {CLIENTS} clients in {elapsed:.1f} s, {len(failures)} errors")
    settle(served)
    assert_healthy(served)
    assert_equals_full_build(served, tmp_path)


def storm_step(source: Path, rng: random.Random, step: int) -> None:
    """One file event: an edit, a data change, a create, a delete or a rename."""
    kind = step % 6
    posts = sorted((source / "_posts").glob("*.md"))
    pages = sorted(source.glob("extra-*.md"))
    if kind == 0:
        (source / "about.md").write_text(f"---\nlayout: default\ntitle: About {step}\n---\nAbout {step}.\n")
    elif kind == 1:
        (source / "_data/menu.yml").write_text(f"- name: Home\n- name: Step {step}\n")
    elif kind == 2:
        day = 1 + step % 28
        (source / f"_posts/2024-05-{day:02d}-storm-{step}.md").write_text(
            f"---\nlayout: default\ntitle: Storm {step}\n---\nBody {step}.\n")
    elif kind == 3 and len(posts) > 3:
        rng.choice(posts).unlink()
    elif kind == 4 and posts:
        victim = rng.choice(posts)
        victim.rename(victim.with_name(f"2024-06-{1 + step % 28:02d}-moved-{step}.md"))
    elif kind == 5 and pages:
        rng.choice(pages).rename(source / f"extra-{step}.md")
    else:
        (source / f"extra-{step}.md").write_text(f"---\nlayout: default\ntitle: Extra {step}\n---\nExtra.\n")


def test_a_storm_of_1000_file_events_settles_to_a_full_build(serve_site, tmp_path):
    served = serve_site(SITE)
    rng = random.Random(16)  # the storm's own: the readers' threads must not draw from it
    stop = threading.Event()
    reads: list[int] = []

    def reader(seed: int) -> None:
        paths = random.Random(seed)
        while not stop.is_set():
            reads.append(fetch(served.port, paths.choice(PATHS)))

    readers = [threading.Thread(target=reader, args=(seed,), daemon=True) for seed in range(4)]
    for thread in readers:
        thread.start()
    started = time.monotonic()
    for step in range(STORM_EVENTS):
        storm_step(tmp_path, rng, step)
        time.sleep(0.01)
    storm = time.monotonic() - started
    settled = settle(served)
    stop.set()
    for thread in readers:
        thread.join(timeout=30)
    builds = served.count("...done in")
    print(f"\n{STORM_EVENTS} events in {storm:.1f} s, {builds} builds, settled {settled:.1f} s after the storm, "
          f"{len(reads)} reads during it")
    assert storm < 60
    assert set(reads) <= {200, 404}
    assert_healthy(served)
    assert_equals_full_build(served, tmp_path)


def test_files_deleted_and_renamed_while_clients_read(serve_site, tmp_path):
    files = dict(SITE, **{f"page-{n}.md": f"---\nlayout: default\ntitle: P{n}\n---\n{'x' * 20000}\n"
                          for n in range(20)})
    served = serve_site(files)
    stop = threading.Event()
    reads: list[int] = []
    failures: list[BaseException] = []

    def reader(offset: int) -> None:
        n = offset
        while not stop.is_set():
            try:
                reads.append(fetch(served.port, f"/page-{n % 20}.html"))
            except BaseException as error:  # noqa: B036 — recorded for the assertion below
                failures.append(error)
            n += 1

    readers = [threading.Thread(target=reader, args=(k,), daemon=True) for k in range(8)]
    for thread in readers:
        thread.start()
    for n in range(20):
        if n % 2:
            (tmp_path / f"page-{n}.md").unlink()
        else:
            (tmp_path / f"page-{n}.md").rename(tmp_path / f"renamed-{n}.md")
        time.sleep(0.1)
    settle(served)
    stop.set()
    for thread in readers:
        thread.join(timeout=30)
    print(f"\n{len(reads)} reads while deleting and renaming, {len(failures)} errors")
    assert not failures, failures[:3]
    assert set(reads) <= {200, 404}
    assert served.get("/page-3.html")[0] == 404
    assert served.get("/renamed-4.html")[0] == 200
    assert_healthy(served)
    assert_equals_full_build(served, tmp_path)
