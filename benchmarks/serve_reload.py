#!/usr/bin/env python3
"""Benchmark: save-to-reload-event time of ``liquidsite serve`` (not a test: it reports numbers).

For each site, a server runs as a user runs it (``python -m liquidsite serve``);
a Server-Sent Events client listens as a browser does. Each run edits one file
(a line appended to its body) and measures from just before the write to the
arrival of the ``build`` event that names the changed page. Sites: the demo
site (repo root, copied) and a synthetic academic site of --n posts from
benchmarks/synth_site.py. The goal is 50 ms for a one-page edit.

    python benchmarks/serve_reload.py --n 1000 --runs 15 [--first-page]

``--first-page`` also times, from a cold copy of each site, how long after starting the server the
first page is served, by liquidsite and by ``jekyll serve --livereload`` when Jekyll is installed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from typing import Optional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYNTH = os.path.join(ROOT, "benchmarks", "synth_site.py")
DEMO_ENTRIES = ("_config.yml", "_data", "_includes", "_layouts", "_sass", "assets", "images", "index.md")
START_TIMEOUT = 900.0
EVENT_TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A ``liquidsite serve`` subprocess and one event-stream listener."""

    def __init__(self, site: str) -> None:
        self.port = free_port()
        env = dict(os.environ, PYTHONPATH=ROOT)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "liquidsite", "serve", "-P", str(self.port)],
            cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.log: "queue.Queue[str]" = queue.Queue()
        self.lines: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        self.startup = self._wait_running()
        self.events: "queue.Queue[tuple[float, str, dict]]" = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=EVENT_TIMEOUT)
        self.connection.request("GET", "/__liquidsite/livereload?generation=0")
        response = self.connection.getresponse()
        threading.Thread(target=self._listen, args=(response,), daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            self.log.put(line)

    def _wait_running(self) -> float:
        started = time.perf_counter()
        deadline = started + START_TIMEOUT
        while time.perf_counter() < deadline:
            try:
                line = self.log.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if "Server running..." in line:
                return time.perf_counter() - started
        self.stop()
        raise SystemExit("the server did not start:\n" + "\n".join(self.lines[-30:]))

    def _listen(self, response: http.client.HTTPResponse) -> None:
        event, data = "", ""
        try:
            for raw in response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif not line and data:
                    self.events.put((time.perf_counter(), event, json.loads(data)))
                    event, data = "", ""
        except (OSError, ValueError):
            return

    def time_edit(self, path: str, marker: str, expected: Optional[str]) -> tuple[float, int]:
        """Append *marker* to *path*; seconds until the build event (naming *expected*), pages changed."""
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        started = time.perf_counter()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text + marker)
        deadline = started + EVENT_TIMEOUT
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit(f"no reload event for {path}:\n" + "\n".join(self.lines[-20:]))
            try:
                arrived, event, data = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event == "failure":
                raise SystemExit(f"build failed: {data}")
            if event == "build" and (expected is None or any(p.endswith(expected) for p in data["changed"])):
                return arrived - started, len(data["changed"])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


def home_path(site: str) -> str:
    """The site's home page on a server: ``/`` under its ``baseurl``."""
    import yaml

    with open(os.path.join(site, "_config.yml"), encoding="utf-8") as handle:
        baseurl = str((yaml.safe_load(handle) or {}).get("baseurl") or "").strip("/")
    return f"/{baseurl}/" if baseurl else "/"


def first_page(command: list[str], site: str, port: int, env: dict[str, str]) -> float:
    """Seconds from launching *command* in *site* until its home page on *port* answers 200 (the
    server is stopped then): what a user waits for after typing the serve command."""
    home = home_path(site)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=site, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() < started + START_TIMEOUT:
            if process.poll() is not None:
                raise SystemExit(f"{command[0]} serve stopped (exit {process.returncode}) before serving a page")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", home)
                if connection.getresponse().status == 200:
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.02)
        raise SystemExit(f"{command[0]} serve served no page in {START_TIMEOUT:.0f} s")
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def compare_first_page(label: str, site: str) -> None:
    """Time to the first page, liquidsite serve beside ``jekyll serve --livereload`` (when installed),
    each from a copy of *site* without ``_site`` or caches, alternating."""
    builders = {"liquidsite": lambda port, reload: [sys.executable, "-m", "liquidsite", "serve", "-P", str(port)]}
    if shutil.which("jekyll"):
        builders["jekyll"] = lambda port, reload: ["jekyll", "serve", "--livereload", "-P", str(port),
                                                   "--livereload-port", str(reload)]
    env = dict(os.environ, PYTHONPATH=ROOT, JEKYLL_NO_BUNDLER_REQUIRE="true", LIQUIDSITE_CONTENT_CACHE="off")
    for name, command in builders.items():
        copy = site + "-" + name
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("_site", ".jekyll-cache", ".sass-cache"))
        port = free_port()
        seconds = first_page(command(port, free_port()), copy, port, env)
        print(f"{label}: first page from {name} serve after {seconds:.2f} s (cold)", flush=True)


def measure(label: str, site: str, edits: list[tuple[str, Optional[str]]], runs: int) -> None:
    server = Server(site)
    try:
        print(f"{label}: server ready (initial build) in {server.startup:.2f} s", flush=True)
        for relative, expected in edits:
            path = os.path.join(site, relative)
            times, changed = [], 0
            for run in range(runs):
                seconds, changed = server.time_edit(path, f"\n\nEdit number {run} for the benchmark.\n", expected)
                times.append(seconds)
                time.sleep(0.15)  # let the editor-burst debounce settle between saves
            print(f"  edit {relative:<48} median {statistics.median(times) * 1000:7.1f} ms  "
                  f"min {min(times) * 1000:6.1f} ms  max {max(times) * 1000:7.1f} ms  ({changed} files changed)",
                  flush=True)
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="synthetic site scale (posts)")
    parser.add_argument("--runs", type=int, default=11, help="edits per measured file")
    parser.add_argument("--synth", default=SYNTH, help="path to synth_site.py")
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--first-page", action="store_true",
                        help="also time the first page after starting, beside jekyll serve when installed")
    parser.add_argument("--site", help="also measure this existing site (a copy of it): its oldest and newest post")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_demo:
            demo = os.path.join(tmp, "demo")
            os.makedirs(demo)
            for entry in DEMO_ENTRIES:
                source = os.path.join(ROOT, entry)
                (shutil.copytree if os.path.isdir(source) else shutil.copy2)(source, os.path.join(demo, entry))
            measure("demo site", demo, [("index.md", "/index.html")], args.runs)
        if not args.skip_synthetic:
            site = os.path.join(tmp, "synth")
            subprocess.run([sys.executable, args.synth, "--n", str(args.n), "--out", site], check=True,
                           stdout=subprocess.DEVNULL)
            if args.first_page:
                compare_first_page(f"synthetic site, {args.n} posts", site)
            measure(f"synthetic site, {args.n} posts", site, post_edits(site), args.runs)
        if args.site:
            site = os.path.join(tmp, "own")
            shutil.copytree(args.site, site, ignore=shutil.ignore_patterns("_site", ".jekyll-cache"))
            if args.first_page:
                compare_first_page(f"site {args.site}", site)
            measure(f"site {args.site}", site, post_edits(site), args.runs)
    return 0


def post_edits(site: str) -> list[tuple[str, Optional[str]]]:
    """Edits of the oldest and the newest post (the newest shows on the home page); a site without
    posts, such as an AcadHomepage, gets an edit of its first Markdown page instead."""
    if not os.path.isdir(os.path.join(site, "_posts")):
        pages = sorted(os.path.relpath(os.path.join(folder, name), site)
                       for folder in (site, os.path.join(site, "_pages")) if os.path.isdir(folder)
                       for name in os.listdir(folder) if name.endswith(".md") and name.lower() != "readme.md")
        return [(pages[0], None)]
    posts = sorted(os.listdir(os.path.join(site, "_posts")))
    return [(os.path.join("_posts", posts[0]), None), (os.path.join("_posts", posts[-1]), None)]


if __name__ == "__main__":
    sys.exit(main())
