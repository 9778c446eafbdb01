"""The progress line of long builds: on a terminal only, cleared before any log line."""

from __future__ import annotations

import io

from liquidsite import log
from liquidsite.log import Logger, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_after_its_delay_and_clears_before_log_lines(monkeypatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(log.sys, "stdout", terminal)
    monkeypatch.delenv("NO_COLOR", raising=False)
    fresh = Logger()
    monkeypatch.setattr(log, "logger", fresh)
    progress = Progress("Rendering:", lambda: 3, after=0.0)
    progress.step()
    assert terminal.getvalue() == "\r" + Logger.format("Rendering:", "1/3") + "\x1b[K"
    fresh.info("Jekyll Feed:", "Generating feed for posts")
    assert terminal.getvalue().endswith("\r\x1b[K" + Logger.format("Jekyll Feed:", "Generating feed for posts") + "\n")
    progress.done()  # nothing shown any more: nothing to clear
    assert terminal.getvalue().endswith("posts\n")


def test_no_progress_off_a_terminal_or_when_quiet(monkeypatch) -> None:
    piped = io.StringIO()
    monkeypatch.setattr(log.sys, "stdout", piped)
    fresh = Logger()
    monkeypatch.setattr(log, "logger", fresh)
    Progress("Rendering:", lambda: 1, after=0.0).step()
    assert piped.getvalue() == ""
    terminal = Terminal()
    monkeypatch.setattr(log.sys, "stdout", terminal)
    fresh.adjust_verbosity(quiet=True)
    Progress("Rendering:", lambda: 1, after=0.0).step()
    assert terminal.getvalue() == ""


def test_the_summary_counts_files_on_a_terminal_only(tmp_path, monkeypatch) -> None:
    from conftest import run_build, write_tree

    write_tree(tmp_path, {"index.md": "---\n---\nhi\n", "about.html": "---\n---\nx\n", "a.txt": "static"})
    piped = run_build(tmp_path)
    assert " seconds.\n" in piped.stdout and " seconds: " not in piped.stdout
    monkeypatch.setattr(log.Logger, "on_terminal", lambda self: True)
    shown = run_build(tmp_path)
    assert " seconds: 3 files, 2 pages and documents rendered.\n" in shown.stdout
