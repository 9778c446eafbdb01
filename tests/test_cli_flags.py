"""Jekyll 4.3 flags that liquidsite honours or refuses with a reason: ``serve -B``, ``--ssl-*``,
``--show-dir-listing``, the LiveReload port and delays, ``help``, ``-v`` on a subcommand; colour on a terminal."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, write_tree
from liquidsite import __version__, cli, serve_flags
from liquidsite.config import overrides_from
from liquidsite.log import logger


@pytest.mark.parametrize("command", ["build", "serve", "doctor", "clean", "new", "diff", "check", "help"])
def test_v_on_a_subcommand_prints_the_version(command, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "-v"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"liquidsite {__version__} (Jekyll 4.3.1)\n"


def test_help_lists_the_commands_and_explains_one(capsys):
    assert cli.main(["help"]) == 0
    out = capsys.readouterr().out
    for command in ("build (b)", "serve (s, server)", "doctor (hyde)", "diff", "check", "help"):
        assert command in out
    assert cli.main(["help", "serve"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: liquidsite serve ") and "--show-dir-listing" in out and "--detach" in out
    assert cli.main(["help", "nope"]) == 1
    assert "Error: 'nope' is not a liquidsite command: b, build, check," in capsys.readouterr().err


def test_ssl_is_refused_with_a_reason(capsys):
    assert cli.main(["serve", "--ssl-cert", "cert.pem", "--ssl-key", "key.pem"]) == 1
    assert "Error: --ssl-cert/--ssl-key: liquidsite serve speaks plain HTTP only" in capsys.readouterr().err


def test_show_dir_listing_reaches_the_configuration():
    args = cli._parser().parse_args(["serve", "--show-dir-listing"])
    assert overrides_from(args)["show_dir_listing"] is True
    assert "show_dir_listing" not in overrides_from(cli._parser().parse_args(["serve"]))


def test_livereload_port_and_delays_are_named_as_having_no_effect(capsys):
    args = cli._parser().parse_args(["serve", "--livereload-port", "35729", "--livereload-min-delay", "1",
                                     "--livereload-max-delay", "5"])
    assert serve_flags.prepare(args, []) is None  # the server starts as usual
    err = capsys.readouterr().err
    assert "Warning: --livereload-port has no effect: live reload goes over the server's own port" in err
    assert "Warning: --livereload-min-delay/--livereload-max-delay have no effect" in err


def test_detach_and_livereload_choose_livereload_as_jekyll(capsys):
    args = cli._parser().parse_args(["serve", "-B", "-l"])
    assert serve_flags.prepare(args, ["serve", "-B", "-l"]) is None and args.detach is False
    assert "Warning: --detach and --livereload are mutually exclusive. Choosing --livereload" in capsys.readouterr().err


@pytest.mark.slow
def test_detach_leaves_a_server_running(tmp_path):
    write_tree(tmp_path, {"index.html": "<p>detached</p>\n", "_config.yml": "title: t\n"})
    env = dict(os.environ, PYTHONPATH=str(ROOT), TZ="UTC")
    done = subprocess.run([sys.executable, "-m", "liquidsite", "serve", "-B", "-P", "0"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    pid = int(re.search(r"Server detached with pid '(\d+)'\.", done.stdout).group(1))
    try:
        address = re.search(r"Server address: (\S+)", done.stdout).group(1)
        assert "Auto-regeneration: disabled" in done.stdout
        with urllib.request.urlopen(address + "/index.html", timeout=5) as answer:
            assert answer.read() == b"<p>detached</p>\n"
    finally:
        os.kill(pid, signal.SIGTERM)
        os.unlink(re.search(r"Its log: (\S+)", done.stdout).group(1))
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_warnings_and_errors_are_coloured_on_a_terminal_as_jekyll_colours_them(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.delenv("NO_COLOR", raising=False)
    logger.warn("Warning:", "yellow")
    logger.error("Error:", "red")
    monkeypatch.setenv("NO_COLOR", "1")
    logger.warn("Warning:", "plain")
    assert terminal.getvalue().splitlines() == [
        "\x1b[33m           Warning: yellow\x1b[0m", "\x1b[31m             Error: red\x1b[0m",
        "           Warning: plain",
    ]
