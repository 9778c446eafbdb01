"""A rebuild leaves files whose bytes did not change as they were (inode and mtime), so
rsync and deploy tools see only what changed; the output is the same as a fresh build's."""

from __future__ import annotations

import os
from pathlib import Path

from liquidsite.cli import main


def _build(source: Path, dest: Path, capsys, *args: str) -> None:
    assert main(["build", "-s", str(source), "-d", str(dest), *args]) == 0
    capsys.readouterr()


def _stamps(dest: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(dest).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(dest.rglob("*")) if p.is_file()}


def _contents(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in sorted(dest.rglob("*")) if p.is_file()}


def _site(root: Path) -> Path:
    source = root / "src"
    (source / "_layouts").mkdir(parents=True)
    (source / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n")
    (source / "same.md").write_text("---\nlayout: default\n---\nsame\n")
    (source / "edited.md").write_text("---\nlayout: default\n---\nbefore\n")
    (source / "logo.svg").write_text("<svg/>\n")
    (source / "data.txt").write_text("one\n")
    return source


def _age(dest: Path) -> None:
    """Move every page's mtime an hour back, so a rewrite cannot land in the same tick (a static
    file keeps its source's mtime, and a new inode shows a copy)."""
    for path in dest.rglob("*.html"):
        if path.is_file():
            status = path.stat()
            os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns - 3600 * 10**9))


def test_unchanged_outputs_keep_their_inode_and_mtime(tmp_path, capsys):
    source, dest = _site(tmp_path), tmp_path / "out"
    _build(source, dest, capsys)
    _age(dest)
    before = _stamps(dest)
    (source / "edited.md").write_text("---\nlayout: default\n---\nafter\n")
    (source / "data.txt").write_text("two\n")
    _build(source, dest, capsys)
    after = _stamps(dest)
    assert set(before) == set(after) == {"same.html", "edited.html", "logo.svg", "data.txt"}
    assert [name for name in after if after[name] == before[name]] == ["logo.svg", "same.html"]
    fresh = tmp_path / "fresh"
    _build(source, fresh, capsys)
    assert _contents(dest) == _contents(fresh)
    assert _contents(dest)["edited.html"] == b"<main><p>after</p>\n</main>\n"


def test_a_file_edited_in_the_destination_is_written_again(tmp_path, capsys):
    source, dest = _site(tmp_path), tmp_path / "out"
    _build(source, dest, capsys)
    (dest / "same.html").write_text("hand edit, same length!!!!!!!!\n")
    (dest / "logo.svg").write_text("<svg></svg>\n")
    _build(source, dest, capsys)
    assert (dest / "same.html").read_bytes() == b"<main><p>same</p>\n</main>\n"
    assert (dest / "logo.svg").read_bytes() == b"<svg/>\n"


def test_an_output_in_place_of_a_symlink_replaces_the_link(tmp_path, capsys):
    source, dest = _site(tmp_path), tmp_path / "out"
    _build(source, dest, capsys)
    twin = tmp_path / "twin.html"
    twin.write_bytes((dest / "same.html").read_bytes())
    (dest / "same.html").unlink()
    (dest / "same.html").symlink_to(twin)
    _build(source, dest, capsys)
    assert not (dest / "same.html").is_symlink()
