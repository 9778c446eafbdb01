"""``build --incremental``: Jekyll's Regenerator semantics and its ``.jekyll-metadata`` file."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import run_build, write_tree

SITE = {
    "_layouts/default.html": "L1: {{ content }}",
    "index.html": "---\nlayout: default\n---\nHome\n",
    "other.html": "---\nlayout: default\n---\nOther\n",
    "plain.html": "---\n---\nPlain\n",
    "notes.txt": "static\n",
}


def _age(path: Path) -> None:
    """Move a file's mtime into the past, so a later write is seen as a change."""
    old = time.time() - 60
    os.utime(path, (old, old))


def _stamp_outputs(dest: Path) -> dict[str, int]:
    for path in dest.rglob("*"):
        if path.is_file():
            _age(path)
    return {p.name: p.stat().st_mtime_ns for p in dest.rglob("*") if p.is_file()}


def test_incremental_build_writes_metadata_and_reports_it(tmp_path: Path) -> None:
    write_tree(tmp_path, SITE)
    built = run_build(tmp_path, "-I")
    assert built.code == 0, built.log
    assert "Incremental build: enabled" in built.log
    metadata = (tmp_path / ".jekyll-metadata").read_text()
    assert f'"{tmp_path}/index.html":\n  mtime: ' in metadata
    assert f'  - "{tmp_path}/_layouts/default.html"' in metadata
    assert "Incremental build: disabled. Enable with --incremental" in run_build(tmp_path).log


def test_only_changed_sources_and_their_dependents_are_rewritten(tmp_path: Path) -> None:
    write_tree(tmp_path, SITE)
    for path in tmp_path.rglob("*"):
        _age(path)
    assert run_build(tmp_path, "-I").code == 0
    before = _stamp_outputs(tmp_path / "_site")
    (tmp_path / "_layouts/default.html").write_text("L2: {{ content }}")
    built = run_build(tmp_path, "-I")
    assert built.code == 0, built.log
    after = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "_site").rglob("*") if p.is_file()}
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["index.html", "other.html"]
    assert built.read("index.html") == "L2: Home\n"
    assert built.read("plain.html") == "Plain\n"


def test_missing_output_is_rebuilt_even_when_source_is_unchanged(tmp_path: Path) -> None:
    write_tree(tmp_path, SITE)
    assert run_build(tmp_path, "-I").code == 0
    (tmp_path / "_site/plain.html").unlink()
    built = run_build(tmp_path, "-I")
    assert built.read("plain.html") == "Plain\n"


def test_unreadable_metadata_is_a_warning_and_a_full_build(tmp_path: Path) -> None:
    write_tree(tmp_path, {**SITE, ".jekyll-metadata": "{: [unbalanced\n"})
    built = run_build(tmp_path, "-I")
    assert built.code == 0, built.log
    assert "Failed to load" in built.log
    assert built.read("other.html") == "L1: Other\n"
