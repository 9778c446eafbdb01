"""``liquidsite build --watch``: Jekyll's watch mode, run as a user runs it (a real subprocess)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, ctrl_c, write_tree

WAIT_SECONDS = 30.0

SITE = {
    "_config.yml": "title: Watched\n",
    "_layouts/default.html": "<title>{{ page.title }}</title>{{ content }}\n",
    "index.md": "---\nlayout: default\ntitle: Home\n---\nFirst version.\n",
}


class WatchedBuild:
    """``python -m liquidsite build ARGS`` in *source*, its output collected as it comes."""

    def __init__(self, source: Path, *args: str) -> None:
        env = dict(os.environ, TZ="UTC", PYTHONPATH=str(ROOT), JEKYLL_ENV="development")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "liquidsite", "build", *args], cwd=source, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_until(self, ready, what: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while not ready():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{what} not within {WAIT_SECONDS} s:\n" + "\n".join(self.lines))
            time.sleep(0.05)

    def interrupt(self) -> int:
        return ctrl_c(self.process)


@pytest.mark.slow
@pytest.mark.parametrize("flags", [("--watch",), ("-w", "--force_polling")])
def test_build_watch_rebuilds_on_an_edit_and_stops_on_ctrl_c(tmp_path: Path, flags: tuple[str, ...]) -> None:
    write_tree(tmp_path, SITE)
    output = tmp_path / "_site" / "index.html"
    watched = WatchedBuild(tmp_path, *flags)
    try:
        watched.wait_until(lambda: any("Auto-regeneration: enabled for" in line for line in watched.lines),
                           "the first build")
        assert "First version." in output.read_text()
        (tmp_path / "index.md").write_text("---\nlayout: default\ntitle: Home\n---\nSecond version.\n")
        watched.wait_until(lambda: output.exists() and "Second version." in output.read_text(), "the rebuild")
        watched.wait_until(lambda: any("...done in" in line for line in watched.lines), "the rebuild's log")
    finally:
        code = watched.interrupt()
    log = "\n".join(watched.lines)
    assert code == 0, log
    assert f" Auto-regeneration: enabled for '{tmp_path}'" in log
    assert "Use --watch to enable" not in log
    regenerating = [line for line in watched.lines if "Regenerating:" in line]
    assert len(regenerating) == 1 and regenerating[0].endswith(" changed at " + regenerating[0][-19:])
    assert regenerating[0].startswith("      Regenerating: 1 file(s) changed at ")
    assert "                    index.md" in watched.lines
    done = next(line for line in watched.lines if "...done in" in line)
    assert done.startswith("                    ...done in ") and done.endswith(" seconds.")
    float(done.split("...done in ")[1].split()[0])
    assert watched.lines[-1] == "                    Halting auto-regeneration."
    assert "Traceback" not in log and "KeyboardInterrupt" not in log


def test_build_without_watch_says_how_to_enable_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from liquidsite.cli import main

    write_tree(tmp_path, SITE)
    assert main(["build", "-s", str(tmp_path), "-d", str(tmp_path / "_site")]) == 0
    assert " Auto-regeneration: disabled. Use --watch to enable.\n" in capsys.readouterr().out
    assert "First version." in (tmp_path / "_site" / "index.html").read_text()
