"""``liquidsite serve`` driven over real HTTP: a subprocess server on a free port in a temp site.

Every server is started with timeouts and always stopped (SIGINT, then kill), so
a failing test never leaves a process behind or hangs the suite.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

from conftest import ROOT, ctrl_c, write_tree

#: Every test here starts a server process (1–5 s each); tests/test_rebuild.py holds the same
#: rebuilds to full builds in process, in the default run.
pytestmark = pytest.mark.slow

# Real servers in subprocesses, waiting on rebuilds: the slow tier (.ci/run runs it).
pytestmark = pytest.mark.slow

START_TIMEOUT = 60.0
REBUILD_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def non_loopback_address() -> Optional[str]:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


class EventStream:
    """A Server-Sent Events client on its own thread: events land in a queue."""

    def __init__(self, port: int, generation: int = 0) -> None:
        self.events: "queue.Queue[tuple[str, dict[str, Any]]]" = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REBUILD_TIMEOUT)
        self.connection.request("GET", f"/__liquidsite/livereload?generation={generation}")
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        event, data = "message", ""
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "" and data:
                    self.events.put((event, json.loads(data)))
                    event, data = "message", ""
        except (OSError, ValueError):
            return

    def next(self, kind: str, timeout: float = REBUILD_TIMEOUT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {kind!r} event within {timeout} s")
            try:
                event, data = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event == kind:
                return data

    def close(self) -> None:
        self.connection.close()


class ServedSite:
    """``python -m liquidsite serve -P PORT ...`` running in *source*."""

    def __init__(self, source: Path, *args: str) -> None:
        self.source = source
        self.port = free_port()
        env = dict(os.environ, TZ="UTC", PYTHONPATH=str(ROOT), JEKYLL_ENV="development")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "liquidsite", "serve", "-P", str(self.port), *args],
            cwd=source, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._collect, daemon=True).start()
        try:
            self.wait_for("Server running...", START_TIMEOUT)
        except BaseException:
            self.stop()
            raise

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()

    @property
    def log(self) -> str:
        with self.changed:
            return "\n".join(self.lines)

    def count(self, text: str) -> int:
        with self.changed:
            return sum(text in line for line in self.lines)

    def wait_for(self, text: str, timeout: float = REBUILD_TIMEOUT, after: int = 0) -> None:
        """Until more than *after* log lines contain *text*."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while sum(text in line for line in self.lines) <= after:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise AssertionError(f"{text!r} not logged within {timeout} s:\n" + "\n".join(self.lines))
                self.changed.wait(min(left, 0.5))

    def edit(self, name: str, text: Optional[str]) -> None:
        """Write (or with None, delete) *name*; wait until the server finished the rebuild it causes."""
        builds = self.count("...done in") + self.count("Build failed")
        path = self.source / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        deadline = time.monotonic() + REBUILD_TIMEOUT
        while self.count("...done in") + self.count("Build failed") <= builds:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"no rebuild after editing {name}:\n{self.log}")
            time.sleep(0.02)

    def get(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def text(self, path: str) -> str:
        status, _, body = self.get(path)
        assert status == 200, (path, status)
        return body.decode("utf-8")

    def events(self, generation: int = 0) -> EventStream:
        return EventStream(self.port, generation)

    def stop(self) -> str:
        """Ctrl-C, as a user stops it; the log afterwards."""
        ctrl_c(self.process)
        return self.log


@pytest.fixture
def serve_site(tmp_path: Path) -> Iterator[Any]:
    started: list[ServedSite] = []

    def start(files: dict[str, str], *args: str) -> ServedSite:
        write_tree(tmp_path, files)
        served = ServedSite(tmp_path, *args)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()


def full_build(source: Path, dest: Path, url: str) -> dict[str, str]:
    """A plain full build of *source* into *dest* (module API, in process), with the url serve sets."""
    from liquidsite.config import load_config
    from liquidsite.log import logger
    from liquidsite.site import Site

    if dest.exists():
        shutil.rmtree(dest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        Site(load_config({"source": str(source), "destination": str(dest), "url": url, "quiet": True})).process()
    logger.adjust_verbosity()
    return tree(dest)


def tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(errors="replace")
        for path in sorted(root.rglob("*")) if path.is_file()
    }


# -- serving ---------------------------------------------------------------------------------

BASIC = {
    "_config.yml": "title: Served\nbaseurl: /blog\n",
    "index.html": "---\n---\n<html><head><title>{{ site.title }}</title></head><body>home {{ site.url "
                  "}}</body></html>\n",
    "about/index.md": "---\n---\n# About\n",
    "notes.html": "---\n---\n<p>no head here</p>\n",
    "bare.html": "---\n---\n<body><p>body only</p></body>\n",
    "404.html": "---\n---\n<h1>Lost</h1>\n",
    "css/site.css": "body { color: red }\n",
    "app.js": "console.log(1)\n",
    "feed.xml": "---\n---\n<feed/>\n",
    "data.json": "{}\n",
    "logo.svg": "<svg/>\n",
    "font.woff2": "w",
    "plain.txt": "text\n",
    "files/paper.pdf": "%PDF",
}


def test_serves_under_baseurl_with_jekylls_types_and_404(serve_site):
    served = serve_site(BASIC)
    log = served.log
    assert f"Server address: http://127.0.0.1:{served.port}/blog/" in log
    assert "Server running... press ctrl-c to stop." in log

    status, headers, body = served.get("/blog/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate"
    html = body.decode()
    # site.url is the local address in development, as `jekyll serve` sets it.
    assert f"home http://localhost:{served.port}</body>" in html
    assert html.index("<head>") < html.index("/__liquidsite/livereload") < html.index("<title>")
    assert int(headers["content-length"]) == len(body)

    assert served.get("/blog")[0] == 301 and served.get("/blog")[1]["location"] == "/blog/"
    status, headers, _ = served.get("/blog/about")
    assert (status, headers["location"]) == (301, "/blog/about/")
    assert "<h1 id=\"about\">About</h1>" in served.text("/blog/about/")
    assert "<p>no head here</p>" in served.text("/blog/notes")  # /page finds page.html
    notes = served.text("/blog/notes.html")
    assert notes.startswith("<p>no head here</p>\n<script")  # no <head>, no </body>: appended
    bare = served.text("/blog/bare.html")
    assert bare.index("<p>body only</p>") < bare.index("<script") < bare.index("</body>")

    expected_types = {
        "/blog/css/site.css": "text/css; charset=utf-8",
        "/blog/app.js": "application/javascript; charset=utf-8",
        "/blog/feed.xml": "application/xml",
        "/blog/data.json": "application/json; charset=utf-8",
        "/blog/logo.svg": "image/svg+xml",
        "/blog/font.woff2": "font/woff2",
        "/blog/plain.txt": "text/plain; charset=utf-8",
    }
    for path, kind in expected_types.items():
        status, headers, body = served.get(path)
        assert (status, headers["content-type"]) == (200, kind), path
        assert b"livereload" not in body
    assert served.get("/blog/css/site.css", method="HEAD")[2] == b""

    status, headers, body = served.get("/blog/files/")  # no index file: WEBrick's listing
    assert (status, headers["content-type"]) == (200, "text/html; charset=utf-8")
    assert b"Index of /blog/files/" in body and b'<a href="paper.pdf">paper.pdf</a>' in body
    assert served.get("/blog/files/paper.pdf")[1]["content-type"] == "application/pdf"

    for missing in ("/blog/nope.html", "/index.html", "/", "/blogx/"):
        status, headers, body = served.get(missing)
        assert status == 404, missing
        assert headers["content-type"] == "text/html; charset=UTF-8"
        assert b"<h1>Lost</h1>" in body


def test_never_serves_outside_the_destination(serve_site, tmp_path):
    files = dict(BASIC, **{"_config.yml": "title: Served\n"})
    served_dir = tmp_path / "site"
    served_dir.mkdir()
    (tmp_path / "secret.txt").write_text("TOP SECRET")
    write_tree(served_dir, files)
    served = ServedSite(served_dir)
    try:
        os.symlink(tmp_path / "secret.txt", served_dir / "_site" / "leak.txt")
        os.symlink(tmp_path, served_dir / "_site" / "up")
        attempts = [
            "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
            "/css/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/css%5c..%5c..%5csecret.txt",
            "/leak.txt", "/up/secret.txt", "/up/site/index.html", "/%00/secret.txt", "/.htaccess",
        ]
        for attempt in attempts:
            status, _, body = served.get(attempt)
            assert status in (400, 404), (attempt, status)
            assert b"TOP SECRET" not in body, attempt
        assert served.get("/css/site.css")[0] == 200
    finally:
        served.stop()


def test_loopback_by_default_and_clean_ctrl_c(serve_site):
    served = serve_site({"index.html": "---\n---\nhi\n"})
    with socket.socket() as probe:
        probe.settimeout(2)
        assert probe.connect_ex(("127.0.0.1", served.port)) == 0
    outward = non_loopback_address()
    if outward is not None:
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((outward, served.port)) != 0
    log = served.stop()
    assert served.process.returncode == 0
    assert "Traceback" not in log and "KeyboardInterrupt" not in log


# -- live reload ------------------------------------------------------------------------------

SITE = {
    "_config.yml": "title: Reloading\ntimezone: UTC\nliquid:\n  error_mode: strict\n",
    "_layouts/default.html": (
        "---\n---\n<html><head><link rel=\"stylesheet\" href=\"/css/site.css\"><title>{{ page.title }}</title>"
        "</head><body>{% include nav.html %}{{ content }}</body></html>\n"
    ),
    "_includes/nav.html": "<nav>{% for item in site.data.menu %}{{ item.name }} {% endfor %}</nav>\n",
    "_data/menu.yml": "- name: Home\n- name: Posts\n",
    "_posts/2024-01-01-first.md": "---\nlayout: default\ntitle: First\n---\nFirst *post* body.\n",
    "_posts/2024-02-01-second.md": "---\nlayout: default\ntitle: Second\n---\nSecond post body.\n\nMore.\n",
    "_posts/2024-03-01-third.md": "---\nlayout: default\ntitle: Third\n---\nThird post body.\n",
    "index.html": (
        "---\nlayout: default\ntitle: Home\n---\n<ul>{% for post in site.posts %}"
        "<li><a href=\"{{ post.url }}\">{{ post.title }}</a> {{ post.excerpt }}</li>{% endfor %}</ul>\n"
    ),
    "archive.html": (
        "---\nlayout: default\ntitle: Archive\n---\n{% for post in site.posts %}{{ post.title }};{% endfor %}\n"
    ),
    "about.md": "---\nlayout: default\ntitle: About\n---\nAbout me.\n",
    "css/site.css": "body { color: black }\n",
    # Renders first of the pages: it sees the later pages' content before their conversion.
    "a-search.json": (
        "---\n---\n[{% for item in site.data.menu %}\"{{ item.name }}\",{% endfor %}\n"
        "{% for p in site.pages %}{{ p.url | jsonify }}:{{ p.content | size }},{% endfor %}]\n"
    ),
}


def test_an_edit_sends_one_reload_event_naming_only_changed_pages(serve_site):
    served = serve_site(SITE)
    stream = served.events()
    try:
        served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout me, edited.\n")
        event = stream.next("build")
        assert sorted(event["changed"]) == ["/a-search.json", "/about.html"]  # it reads the pages' content
        assert "About me, edited." in served.text("/about.html")

        served.edit("css/site.css", "body { color: navy }\n")
        assert stream.next("build")["changed"] == ["/css/site.css"]

        served.edit("_posts/2024-02-01-second.md",
                    "---\nlayout: default\ntitle: Second\n---\nSecond post, new excerpt.\n\nMore.\n")
        changed = stream.next("build")["changed"]
        # The post and the page showing its excerpt; not the archive (titles only) nor other posts.
        assert sorted(changed) == ["/2024/02/01/second.html", "/index.html"]

        # A new title: the post and the pages listing titles, not the other posts.
        served.edit("_posts/2024-03-01-third.md",
                    "---\nlayout: default\ntitle: Third, renamed\n---\nThird post body.\n")
        changed = stream.next("build")["changed"]
        assert sorted(changed) == ["/2024/03/01/third.html", "/archive.html", "/index.html"]
        assert "(incremental: 3 rendered, 3 written)" in served.log
        assert "rendered" in served.log
    finally:
        stream.close()


def test_a_page_connecting_late_still_gets_the_reload(serve_site):
    served = serve_site(SITE)
    body = served.text("/about.html")
    generation = int(body.split("var GENERATION = ")[1].split(",")[0])
    served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nChanged before connecting.\n")
    instance = body.split("INSTANCE = \"")[1].split('"')[0]
    stream = served.events(generation)
    try:
        assert stream.next("hello", timeout=5)["instance"] == instance  # else the page reloads
        assert "/about.html" in stream.next("build", timeout=5)["changed"]
    finally:
        stream.close()


def test_config_change_is_reread(serve_site):
    served = serve_site(SITE)
    assert "<title>About</title>" in served.text("/about.html")
    served.edit("_config.yml", "title: Renamed\nbaseurl: /sub\nliquid:\n  error_mode: strict\n")
    assert served.get("/about.html")[0] == 404
    assert "About me." in served.text("/sub/about.html")
    served.edit("_layouts/default.html", SITE["_layouts/default.html"].replace("{{ page.title }}", "{{ site.title }}"))
    assert "<title>Renamed</title>" in served.text("/sub/about.html")


def test_liquid_error_overlay_then_recovery(serve_site):
    served = serve_site(SITE)
    stream = served.events()
    try:
        good = served.text("/about.html")
        served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout.\n\n{% bogus %}\n")
        failure = stream.next("failure")
        assert "bogus" in failure["message"]
        # The terminal's file and line, Jekyll's "Liquid syntax error (line 3)": Liquid counts from the body.
        assert failure["location"] == "about.md:3"
        assert "(line 3)" in failure["message"] and failure["message"].endswith(" in about.md")
        assert served.text("/about.html") == good  # the last good output is still served
        assert served.process.poll() is None
        assert "Build failed" in served.log

        late = served.events()  # a page opened while the build is broken sees the overlay too
        try:
            assert late.next("failure", timeout=5)["location"] == "about.md:3"
        finally:
            late.close()

        served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nAbout, fixed.\n")
        assert sorted(stream.next("build")["changed"]) == ["/a-search.json", "/about.html"]
        assert "About, fixed." in served.text("/about.html")
    finally:
        stream.close()


def test_broken_data_file_shows_its_line_and_recovers(serve_site):
    served = serve_site(SITE)
    stream = served.events()
    try:
        served.edit("_data/menu.yml", "- name: Home\n- name: [Posts\n")
        failure = stream.next("failure")
        # The file and line the terminal's message names, as Psych words it: "(/abs/_data/menu.yml): did
        # not find expected ',' or ']' while parsing a flow sequence at line 2 column 9".
        assert failure["location"].endswith("/_data/menu.yml:2")
        assert "menu.yml" in failure["message"]
        served.edit("_data/menu.yml", "- name: Home\n- name: Writing\n")
        assert "/about.html" in stream.next("build")["changed"]
        assert "Home Writing" in served.text("/about.html")
    finally:
        stream.close()


def test_error_in_an_include_names_the_include_and_recovers(serve_site):
    served = serve_site(SITE)
    stream = served.events()
    try:
        served.edit("_includes/nav.html", "<nav>\n{% for item in site.data.menu %}\n")
        failure = stream.next("failure")
        assert failure["location"].startswith("_includes/nav.html") or "nav.html" in failure["message"]
        served.edit("_includes/nav.html", "<nav>fixed</nav>\n")
        assert "/about.html" in stream.next("build")["changed"]
        assert "<nav>fixed</nav>" in served.text("/about.html")
    finally:
        stream.close()


# -- incremental rebuilds equal full builds ---------------------------------------------------

#: (file, new text or None to delete, the kind of rebuild it must take)
EDITS = [
    ("_posts/2024-02-01-second.md", "---\nlayout: default\ntitle: Second\n---\nRewritten body.\n\nTail.\n",
     "incremental"),
    ("_layouts/default.html", SITE["_layouts/default.html"].replace("<body>", "<body class=\"v2\">"), "incremental"),
    ("_includes/nav.html", "<nav class=\"v2\">{% for item in site.data.menu %}[{{ item.name }}]{% endfor %}</nav>\n",
     "incremental"),
    ("_data/menu.yml", "- name: Home\n- name: Posts\n- name: Talks\n", "incremental"),
    ("css/site.css", "body { color: green }\n", "incremental"),
    ("_posts/2024-01-01-first.md", "---\nlayout: default\ntitle: First, renamed\n---\nFirst body.\n", "incremental"),
    ("_posts/2024-01-01-first.md", "---\nlayout: default\ntitle: First\ntags: [a]\n---\nFirst body.\n", "full"),
    ("about.md", "---\nlayout: default\ntitle: About, renamed\n---\nAbout me.\n", "incremental"),
    ("_config.yml", "title: Reconfigured\ntimezone: UTC\nliquid:\n  error_mode: strict\n", "full"),
    ("_posts/2024-04-01-fourth.md", "---\nlayout: default\ntitle: Fourth\n---\nA new post.\n", "full"),
    ("about.md", None, "full"),
]


def test_every_incremental_rebuild_equals_a_full_build(serve_site, tmp_path):
    served = serve_site(SITE)
    url = f"http://localhost:{served.port}"
    for name, text, kind in EDITS:
        served.edit(name, text)
        last = [line for line in served.lines if "...done in" in line][-1]
        assert f"({kind}:" in last, (name, last)
        assert tree(tmp_path / "_site") == full_build(tmp_path, tmp_path.parent / f"{tmp_path.name}-full", url), name
    assert served.get("/about.html")[0] == 404


def test_a_site_with_hooks_served_equals_its_full_build(serve_site, tmp_path):
    from test_rebuild import EDITS as HOOKED_EDITS, SITE as HOOKED

    served = serve_site(HOOKED)
    url = f"http://localhost:{served.port}"
    full = tmp_path.parent / f"{tmp_path.name}-full"
    built = full_build(tmp_path, full, url)
    assert tree(tmp_path / "_site") == built
    assert built["2024/01/01/first.html"].endswith("<!-- signed -->") and "manifest.txt" in built
    for name, text, kind in HOOKED_EDITS[:2] + HOOKED_EDITS[-3:-2]:
        served.edit(name, text)
        last = [line for line in served.lines if "...done in" in line][-1]
        assert f"({kind}:" in last, (name, last)
        assert tree(tmp_path / "_site") == full_build(tmp_path, full, url), name


# -- options ----------------------------------------------------------------------------------

def test_force_polling_still_rebuilds(serve_site):
    served = serve_site(SITE, "--force_polling")
    served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nPolled.\n")
    assert "Polled." in served.text("/about.html")


def test_no_watch_serves_without_rebuilding_or_reloading(serve_site, tmp_path):
    served = serve_site(SITE, "--no-watch")
    assert "Auto-regeneration: disabled. Use --watch to enable." in served.log
    page = served.text("/about.html")
    assert "livereload" not in page
    (tmp_path / "about.md").write_text("---\nlayout: default\ntitle: About\n---\nNot watched.\n")
    time.sleep(1.0)
    assert served.text("/about.html") == page
    assert served.get("/__liquidsite/livereload")[0] == 404


def test_skip_initial_build_serves_the_existing_destination(serve_site, tmp_path):
    write_tree(tmp_path, {"_site/index.html": "<p>stale</p>\n"})
    served = serve_site(SITE, "--skip-initial-build")
    assert "Build Warning: Skipping the initial build. This may result in an out-of-date site." in served.log
    assert served.text("/").startswith("<p>stale</p>")
    served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nBuilt on the first edit.\n")
    assert "Built on the first edit." in served.text("/about.html")
    assert "<li>" in served.text("/")


def test_livereload_ignore_leaves_matching_sources_out_of_reload_events(serve_site):
    served = serve_site(SITE, "--livereload-ignore", "*.css,_drafts/*")
    stream = served.events()
    try:
        served.edit("css/site.css", "body { color: teal }\n")
        served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nNoticed.\n")
        assert sorted(stream.next("build")["changed"]) == ["/a-search.json", "/about.html"]
        assert "teal" in served.text("/css/site.css")
    finally:
        stream.close()


def test_destination_cache_excluded_and_editor_files_trigger_nothing(serve_site, tmp_path):
    served = serve_site(dict(SITE, **{"_config.yml": SITE["_config.yml"] + "exclude: [drafts-notes]\n"}))
    for name in ("_site/extra.html", ".jekyll-cache/x", "drafts-notes/idea.md", ".about.md.swp", "about.md~", "4913"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("noise\n")
    time.sleep(1.0)
    assert "Regenerating" not in served.log
    served.edit("about.md", "---\nlayout: default\ntitle: About\n---\nStill watched.\n")
    assert served.count("Regenerating") == 1
