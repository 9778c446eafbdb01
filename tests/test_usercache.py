"""The user's content cache (liquidsite/usercache.py): where it lives, how it is turned off, its keys."""

from __future__ import annotations

import os

from liquidsite import usercache


def test_the_folder_follows_the_environment(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("LIQUIDSITE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv(usercache.ENV, "")
    assert usercache.root() == str(tmp_path / "xdg" / "liquidsite" / "content")
    monkeypatch.setenv("LIQUIDSITE_CACHE_DIR", str(tmp_path / "mine"))
    assert usercache.root() == str(tmp_path / "mine" / "content")
    monkeypatch.setenv(usercache.ENV, str(tmp_path / "content"))
    assert usercache.root() == str(tmp_path / "content")
    monkeypatch.setenv(usercache.ENV, "off")
    assert usercache.root() is None


def test_entries_are_written_whole_and_read_back(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(usercache.ENV, str(tmp_path))
    key = usercache.digest("tool 1.0", "options", "input")
    assert usercache.read("kind", key) is None
    usercache.write("kind", key, b"result", ".js")
    assert usercache.read("kind", key, ".js") == b"result"
    assert os.listdir(tmp_path / "kind" / key[:2]) == [key + ".js"]


def test_turned_off_it_neither_reads_nor_writes(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(usercache.ENV, "off")
    usercache.write("kind", "ab" * 32, b"x")
    assert usercache.read("kind", "ab" * 32) is None
    assert list(tmp_path.iterdir()) == []


def test_keys_name_each_part_apart() -> None:
    assert usercache.digest("ab", "c") != usercache.digest("a", "bc")
    assert usercache.digest("a", "b") == usercache.digest(b"a", b"b")
