"""Templates that loop or grow without end stop quickly with an error naming the file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from liquidsite.cli import main


def build(tmp_path: Path, files: dict[str, str], capsys) -> tuple[int, str, float]:
    for name, text in files.items():
        path = tmp_path / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    started = time.monotonic()
    code = main(["build", "-s", str(tmp_path / "src"), "-d", str(tmp_path / "out")])
    captured = capsys.readouterr()
    log = captured.out + captured.err
    assert "Traceback" not in log
    return code, log, time.monotonic() - started


def test_a_billion_iterations_stop_at_once(tmp_path, capsys):
    code, log, took = build(tmp_path, {
        "index.md": "---\n---\n{% for i in (1..1000000000) %}{{ i }}{% endfor %}\n",
    }, capsys)
    assert code == 1
    assert "Liquid Exception: Liquid error (line 1): loop iteration limit reached in index.md" in log
    assert took < 5


def test_nested_loops_count_their_product(tmp_path, capsys):
    code, log, _ = build(tmp_path, {
        "_includes/inner.html": "{% for j in (1..100000) %}{{ j }}{% endfor %}",
        "index.md": "---\n---\n{% for i in (1..1000) %}{% include inner.html %}{% endfor %}\n",
    }, capsys)
    assert code == 1
    assert "loop iteration limit reached" in log and "index.md" in log


# Jekyll: "Liquid Exception: Liquid error (/src/_includes/me.html line 1): Nesting too deep included in index.md"
def test_self_including_include(tmp_path, capsys):
    code, log, _ = build(tmp_path, {
        "_includes/me.html": "a{% include me.html %}", "index.md": "---\n---\n{% include me.html %}\n",
    }, capsys)
    assert code == 1
    assert (f"Liquid Exception: Liquid error ({tmp_path}/src/_includes/me.html line 1): "
            "Nesting too deep included in index.md") in log


def test_generous_limits_leave_big_real_pages_alone(tmp_path, capsys):
    code, log, _ = build(tmp_path, {
        "index.md": "---\n---\n{% for i in (1..300) %}{% for j in (1..300) %}{% assign k = j %}{% endfor %}"
                    "{% endfor %}{{ k }}\n",
    }, capsys)
    assert code == 0, log


@pytest.mark.slow
def test_a_string_doubled_without_end_stops_before_memory_runs_out(tmp_path, capsys):
    code, log, took = build(tmp_path, {
        "index.md": "---\n---\n{% assign s = 'xxxxxxxxxx' %}{% for i in (1..60) %}"
                    "{% assign s = s | append: s %}{% endfor %}{{ s | size }}\n",
    }, capsys)
    assert code == 1
    assert "local namespace limit reached in index.md" in log
    assert took < 30
