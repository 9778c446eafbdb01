"""Helpers to build real fixture sites in temporary directories."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Mapping

import pytest

ROOT = Path(__file__).resolve().parent.parent


class Built:
    """The result of one build: exit status, log and every output file's text."""

    def __init__(self, source: Path, code: int, log: str) -> None:
        self.source = source
        self.dest = source / "_site"
        self.code = code
        self.log = log

    @property
    def files(self) -> dict[str, str]:
        found = {}
        for path in sorted(self.dest.rglob("*")):
            if path.is_file():
                found[path.relative_to(self.dest).as_posix()] = path.read_text(errors="replace")
        return found

    def read(self, name: str) -> str:
        return (self.dest / name).read_text()


def write_tree(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run_build(source: Path, *args: str) -> Built:
    """``liquidsite build`` in *source*, as a user runs it (a real subprocess)."""
    env = dict(os.environ, TZ="UTC", PYTHONPATH=str(ROOT), JEKYLL_ENV="development")
    result = subprocess.run(
        [sys.executable, "-m", "liquidsite", "build", *args],
        cwd=source, capture_output=True, text=True, env=env, timeout=120,
    )
    return Built(source, result.returncode, result.stdout + result.stderr)


@pytest.fixture
def build_site(tmp_path: Path):
    """Write a site from a {path: text} mapping and build it."""

    def build(files: Mapping[str, str], *args: str) -> Built:
        write_tree(tmp_path, files)
        return run_build(tmp_path, *args)

    return build


def ctrl_c(process: "subprocess.Popen[str]") -> int:
    """Stop a long-running command (``serve``, ``build --watch``) as a user does; its exit status.
    Killed after 10 s, so a hung process never outlives its test."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    return process.returncode
