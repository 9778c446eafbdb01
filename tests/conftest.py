"""Helpers to build real fixture sites in temporary directories, and the test tiers.

Building a site (use these; they are what every build test shares):

- ``build_site`` (fixture): ``build_site({path: text, ...}, *flags) -> Built`` writes the files into
  ``tmp_path`` and builds it in process. The usual way to test a build.
- ``run_build(source, *flags, env=None) -> Built``: build an existing directory in process, as
  ``liquidsite build *flags`` run in *source* would (``liquidsite.cli.main``: config loading,
  ``Site(config).process()``, Jekyll's log lines and error reporting, the exit status). ``env``
  sets extra environment variables for that build only (``TZ=UTC`` and
  ``JEKYLL_ENV=development`` are set unless given).
- ``run_cli(source, *argv, env=None) -> Built``: ``python -m liquidsite *argv`` as a real
  subprocess (note: *argv* includes the command, ``run_cli(path, "build", "-q")``). Only for
  tests whose subject is the command line itself (flags, exit codes, error printing: see
  tests/test_cli.py); a subprocess costs ~0.5 s where an in-process build costs a few ms.
- ``Built``: ``code`` (exit status), ``stdout``, ``stderr``, ``log`` (stdout + stderr),
  ``files`` ({relative path: text} of ``_site``), ``read(name)``.
- ``write_tree(root, {path: text})``; ``golden(name)`` / ``golden_tree(name)`` read expected
  output kept under tests/golden/ (long outputs observed from Jekyll, stored byte for byte).

Tiers: ``python3 -m pytest`` (the README's command) deselects ``@pytest.mark.slow`` tests
(pyproject ``addopts``), so it stays under a minute; ``.ci/run`` then runs ``pytest -m slow``.
Mark a test slow when it takes more than ~2 s: oracle runs, long fuzzing, servers, browsers.
A Hypothesis test keeps a small fast version in the default tier (``FAST`` settings below) and
its long run in the slow tier (``FUZZ``).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator, Mapping, Optional

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

#: The environment every build runs in unless a test says otherwise (the subprocess helper's).
BUILD_ENV = {"TZ": "UTC", "JEKYLL_ENV": "development"}

#: No test reads or fills the user's content cache (liquidsite/usercache.py); its own tests point it at a
#: temporary folder.
os.environ["LIQUIDSITE_CONTENT_CACHE"] = "off"

#: Hypothesis settings: a handful of examples in the default tier, the long run in the slow one.
FAST = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Built:
    """The result of one build: exit status, log (stdout + stderr) and every output file's text."""

    def __init__(self, source: Path, code: int, log: str, stdout: str = "", stderr: str = "") -> None:
        self.source = source
        self.dest = source / "_site"
        self.code = code
        self.log = log
        self.stdout = stdout
        self.stderr = stderr

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


def golden(name: str) -> str:
    """The text of tests/golden/NAME, exactly as stored (no newline translation)."""
    return (GOLDEN / name).read_bytes().decode("utf-8")


def golden_tree(name: str) -> dict[str, str]:
    """Every file under tests/golden/NAME as {relative path: text}, to compare with ``Built.files``."""
    root = GOLDEN / name
    return {
        path.relative_to(root).as_posix(): path.read_bytes().decode("utf-8")
        for path in sorted(root.rglob("*")) if path.is_file()
    }


@contextlib.contextmanager
def _process_state(cwd: Path, env: Mapping[str, str]) -> Iterator[None]:
    """Run in *cwd* with *env* set, as a subprocess would; put everything back afterwards."""
    from liquidsite.log import logger

    saved_env = {name: os.environ.get(name) for name in env}
    saved_cwd = os.getcwd()
    saved_level = logger.level
    os.environ.update(env)
    time.tzset()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        time.tzset()
        logger.level = saved_level


def run_build(source: Path, *args: str, env: Optional[Mapping[str, str]] = None) -> Built:
    """``liquidsite build *args`` in *source*, in this process (see the module docstring)."""
    from liquidsite import cli

    stdout, stderr = io.StringIO(), io.StringIO()
    with _process_state(source, {**BUILD_ENV, **(env or {})}), \
            contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = cli.main(["build", *args])
        except SystemExit as exit:  # argparse rejecting a flag
            code = exit.code if isinstance(exit.code, int) else 1
    return Built(source, code, stdout.getvalue() + stderr.getvalue(), stdout.getvalue(), stderr.getvalue())


def run_cli(source: Path, *argv: str, env: Optional[Mapping[str, str]] = None) -> Built:
    """``python -m liquidsite *argv`` in *source* as a real subprocess (CLI tests only)."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **{**BUILD_ENV, **(env or {})})
    result = subprocess.run(
        [sys.executable, "-m", "liquidsite", *argv],
        cwd=source, capture_output=True, text=True, env=full_env, timeout=120,
    )
    return Built(source, result.returncode, result.stdout + result.stderr, result.stdout, result.stderr)


@pytest.fixture
def build_site(tmp_path: Path):
    """Write a site from a {path: text} mapping and build it in process."""

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
