"""Nothing lost or leaked: the previous site survives a failed build, nothing is read
through or written through a symlink that leaves the source or the destination."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

import pytest

from liquidsite import staging, writer
from liquidsite.cli import main


def make_site(root: Path, files: Mapping[str, str]) -> Path:
    source = root / "src"
    for name, text in files.items():
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return source


def build(source: Path, dest: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["build", "-s", str(source), "-d", str(dest), *args])
    captured = capsys.readouterr()
    log = captured.out + captured.err
    assert "Traceback" not in log
    return code, log


def snapshot(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in sorted(dest.rglob("*")) if p.is_file()}


def siblings(dest: Path) -> list[str]:
    return sorted(p.name for p in dest.parent.iterdir())


def test_liquid_error_leaves_the_previous_site_untouched(tmp_path, capsys):
    source = make_site(tmp_path, {"index.md": "---\n---\nfirst\n", "a.md": "---\n---\nA\n"})
    dest = tmp_path / "out"
    assert build(source, dest, capsys)[0] == 0
    before = snapshot(dest)
    (source / "index.md").write_text("---\n---\n{% if %}broken{% endif %}{% include nope.html %}\n")
    (source / "a.md").write_text("---\n---\nchanged\n")
    code, _ = build(source, dest, capsys)
    assert code == 1
    assert snapshot(dest) == before
    assert siblings(dest) == ["out", "src"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_that_fails_halfway_leaves_the_previous_site_whole(tmp_path, capsys, monkeypatch, failure):
    source = make_site(tmp_path, {f"p{i}.md": f"---\n---\nold {i}\n" for i in range(5)})
    dest = tmp_path / "out"
    assert build(source, dest, capsys)[0] == 0
    before = snapshot(dest)
    for i in range(5):
        (source / f"p{i}.md").write_text(f"---\n---\nnew {i}\n")
    real_write, written = writer.write_item, []

    def failing_write(site, item):
        if len(written) == 2:
            raise failure
        written.append(item)
        real_write(site, item)

    monkeypatch.setattr(writer, "write_item", failing_write)
    if isinstance(failure, KeyboardInterrupt):
        assert build(source, dest, capsys)[0] == 130
    else:
        assert build(source, dest, capsys)[0] == 1
    assert snapshot(dest) == before
    assert siblings(dest) == ["out", "src"]


def test_rebuild_swaps_in_new_output_and_honours_keep_files(tmp_path, capsys):
    source = make_site(tmp_path, {
        "_config.yml": "keep_files: [.git, uploads]\n", "index.md": "---\n---\nv1\n", "gone.md": "---\n---\nx\n",
    })
    dest = tmp_path / "out"
    assert build(source, dest, capsys)[0] == 0
    (dest / ".git").mkdir()
    (dest / ".git" / "HEAD").write_text("ref")
    (dest / "uploads").mkdir()
    (dest / "uploads" / "big.bin").write_text("data")
    (dest / "stray.txt").write_text("stale")
    os.chmod(dest, 0o755)
    (source / "gone.md").unlink()
    (source / "index.md").write_text("---\n---\nv2\n")
    assert build(source, dest, capsys)[0] == 0
    files = snapshot(dest)
    assert files == {".git/HEAD": b"ref", "uploads/big.bin": b"data", "index.html": b"<p>v2</p>\n"}
    assert os.stat(dest).st_mode & 0o777 == 0o755
    assert siblings(dest) == ["out", "src"]


def test_killed_build_leftovers_are_removed_by_the_next_build(tmp_path, capsys):
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n"})
    dest = tmp_path / "out"
    (tmp_path / ".out.liquidsite-abc123").mkdir()
    assert build(source, dest, capsys)[0] == 0
    assert siblings(dest) == ["out", "src"]


def test_symlinks_leading_out_of_the_source_are_not_read(tmp_path, capsys):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "id_rsa").write_text("PRIVATE")
    (outside / "notes.md").write_text("---\n---\nsecret page\n")
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n", "assets/real.txt": "fine", "_includes/.keep": ""})
    (source / "key.txt").symlink_to(outside / "id_rsa")
    (source / "linked").symlink_to(outside)
    (source / "assets" / "alias.txt").symlink_to(source / "assets" / "real.txt")  # inside: kept
    top = tmp_path.parts[1]  # a folder of the source named like the root folder the secret is in
    (source / top).mkdir()
    (source / top / "key2.txt").symlink_to(outside / "id_rsa")
    dest = tmp_path / "out"
    code, log = build(source, dest, capsys)
    assert code == 0
    assert sorted(snapshot(dest)) == ["assets/alias.txt", "assets/real.txt", "index.html"]
    assert "Symlink:" in log and "key.txt leads outside the source" in log


def test_include_symlinked_out_of_the_source_is_refused(tmp_path, capsys):
    outside = tmp_path / "secret.html"
    outside.write_text("PRIVATE")
    source = make_site(tmp_path, {"index.md": "---\n---\n{% include leak.html %}\n", "_includes/.keep": ""})
    (source / "_includes" / "leak.html").symlink_to(outside)
    code, log = build(source, tmp_path / "out", capsys)
    assert code == 1
    assert "Could not locate the included file 'leak.html'" in log
    assert "PRIVATE" not in log


@pytest.mark.parametrize("markup", ["{% include ../_config.yml %}", "{% include_relative ../secret.txt %}"])
def test_include_names_cannot_climb_out_of_their_folder(tmp_path, capsys, markup):
    (tmp_path / "secret.txt").write_text("PRIVATE")
    source = make_site(tmp_path, {"_config.yml": "title: t\n", "sub/index.md": f"---\n---\n{markup}\n"})
    code, log = build(source, tmp_path / "out", capsys)
    assert code == 1
    assert "Invalid syntax for include tag" in log


def test_symlink_in_the_destination_is_never_written_through(tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    source = make_site(tmp_path, {"assets/app.css": "body{}", "index.md": "---\n---\nx\n"})
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "assets").symlink_to(outside)
    code, log = build(source, dest, capsys)
    assert code == 1
    assert "leads outside the destination" in log
    assert list(outside.iterdir()) == []


def test_source_that_does_not_exist(tmp_path, capsys):
    code, log = build(tmp_path / "nope", tmp_path / "out", capsys)
    assert code == 1
    assert f"The source directory '{tmp_path / 'nope'}' does not exist." in log
    assert not (tmp_path / "out").exists()


def test_destination_that_is_a_file(tmp_path, capsys):
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n"})
    (tmp_path / "afile").write_text("mine")
    code, log = build(source, tmp_path / "afile", capsys)
    assert code == 1
    assert f"Destination '{tmp_path / 'afile'}' exists and is not a directory." in log
    assert (tmp_path / "afile").read_text() == "mine"


def test_destination_under_a_file(tmp_path, capsys):
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n"})
    (tmp_path / "afile").write_text("mine")
    code, log = build(source, tmp_path / "afile" / "out", capsys)
    assert code == 1
    assert f"cannot be written: {tmp_path / 'afile'} is not a directory." in log


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_destination_in_a_read_only_directory(tmp_path, capsys):
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n"})
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        code, log = build(source, locked / "out", capsys)
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert "cannot be written: Permission denied" in log


def test_writable_destination_in_a_read_only_folder_is_written_in_place(tmp_path, capsys, monkeypatch):
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n"})
    locked = tmp_path / "locked"
    (locked / "out").mkdir(parents=True)
    (locked / "out" / "old.html").write_text("old")
    real_access = os.access
    monkeypatch.setattr(staging.os, "access", lambda path, mode: path != str(locked) and real_access(path, mode))
    monkeypatch.setattr(staging.tempfile, "mkdtemp", lambda **_: pytest.fail("staged in a read-only folder"))
    code, _ = build(source, locked / "out", capsys)
    assert code == 0
    assert snapshot(locked / "out") == {"index.html": b"<p>x</p>\n"}
    assert sorted(p.name for p in locked.iterdir()) == ["out"]


@pytest.mark.slow
def test_a_build_killed_while_writing_leaves_the_previous_site_whole(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    from conftest import ROOT

    pages = {f"p{i:03}.md": f"---\n---\n{'word ' * 2000}{i}\n" for i in range(400)}
    source = make_site(tmp_path, pages)
    dest = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "liquidsite", "build", "-s", str(source), "-d", str(dest)]
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    before = snapshot(dest)
    for name in pages:
        (source / name).write_text("---\n---\nchanged\n")
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if any(name.startswith(".out.liquidsite-") for name in os.listdir(tmp_path)):
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    process.wait(timeout=60)
    if process.returncode == 0:
        pytest.skip("the build finished before it could be killed")
    assert snapshot(dest) == before


def test_destination_folder_that_refuses_writes(tmp_path, capsys, monkeypatch):
    """As root cannot be refused a write, the refusal is simulated where staging starts."""
    source = make_site(tmp_path, {"index.md": "---\n---\nx\n"})

    def refuse(**_: object) -> str:
        raise PermissionError(13, "Permission denied", str(tmp_path / "locked"))

    monkeypatch.setattr(staging.tempfile, "mkdtemp", refuse)
    code, log = build(source, tmp_path / "locked" / "out", capsys)
    assert code == 1
    locked = tmp_path / "locked"
    assert f"Destination '{locked / 'out'}' cannot be written: Permission denied ({locked})" in log
