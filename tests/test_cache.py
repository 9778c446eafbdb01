"""The disk cache: a few pack files per folder, shared by the processes of a build and by the next build."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import run_build
from liquidsite import cache
from liquidsite.cache import Cache, clear_if_config_changed


def _packs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pack"))


def test_entries_written_at_the_end_are_read_by_the_next_process(tmp_path):
    root = str(tmp_path)
    first = Cache(root, "Jekyll::Converters::Markdown")
    first.set("key", "välue\n" * 1000)
    first.set("other", "")
    assert not _packs(tmp_path / "Jekyll--Converters--Markdown")  # nothing written before the end
    cache.flush()
    assert len(_packs(tmp_path / "Jekyll--Converters--Markdown")) == 1
    cache._STORES.clear()  # as a new process finds it
    again = Cache(root, "Jekyll::Converters::Markdown")
    assert again.holds("key") and again.get("key") == "välue\n" * 1000 and again.get("other") == ""
    assert not again.holds("missing")


def test_a_torn_or_foreign_pack_is_a_miss_not_an_error(tmp_path):
    folder = tmp_path / "Jekyll--Converters--Markdown"
    Cache(str(tmp_path), "Jekyll::Converters::Markdown").set("key", "value")
    cache.flush()
    (pack,) = _packs(folder)
    pack.write_bytes(pack.read_bytes()[:-3])  # its last value cut short
    (folder / "0-1.pack").write_bytes(b"\x04\x08I\"\x06x\x06:\x06ET")  # Jekyll's Marshal file, say
    cache._STORES.clear()
    assert Cache(str(tmp_path), "Jekyll::Converters::Markdown").getset("key", lambda: "recomputed") == "recomputed"


def test_many_small_packs_are_merged_and_every_entry_stays(tmp_path):
    folder = tmp_path / "Name"
    for n in range(cache.MAX_PACKS + 3):
        Cache(str(tmp_path), "Name").set(f"k{n}", f"v{n}")
        cache.flush()
    assert len(_packs(folder)) <= cache.MAX_PACKS
    cache._STORES.clear()
    fresh = Cache(str(tmp_path), "Name")
    assert [fresh.get(f"k{n}") for n in range(cache.MAX_PACKS + 3)] == [f"v{n}" for n in range(cache.MAX_PACKS + 3)]


def test_a_changed_configuration_clears_the_cache(tmp_path):
    root = str(tmp_path / "Jekyll" / "Cache")
    clear_if_config_changed(root, {"title": "a"})
    Cache(root, "Jekyll::Converters::Markdown").set("k", "v")
    cache.flush()
    clear_if_config_changed(root, {"title": "a"})
    assert Cache(root, "Jekyll::Converters::Markdown").get("k") == "v"
    clear_if_config_changed(root, {"title": "b"})
    assert Cache(root, "Jekyll::Converters::Markdown").getset("k", lambda: "new") == "new"


def test_a_build_writes_one_pack_per_folder_in_jekylls_folders_and_safe_mode_none(tmp_path):
    for n in range(30):
        (tmp_path / f"p{n}.md").write_text(f"---\n---\nhello {n}\n")
    assert run_build(tmp_path).code == 0
    root = tmp_path / ".jekyll-cache/Jekyll/Cache"
    assert len(_packs(root / "Jekyll--Cache")) == 1
    assert len(_packs(root / "Jekyll--Converters--Markdown")) == 1
    assert [p for p in root.rglob("*") if p.is_file() and p.suffix != ".pack"] == []
    assert run_build(tmp_path).code == 0  # served from the cache: same output, nothing written
    assert len(_packs(root / "Jekyll--Converters--Markdown")) == 1
    assert (tmp_path / "_site/p7.html").read_text().startswith("<p>hello 7</p>")
    safe = tmp_path / "safe"
    safe.mkdir()
    (safe / "index.md").write_text("---\n---\nhello\n")
    assert run_build(safe, "--safe").code == 0
    assert not (safe / ".jekyll-cache").exists()


def test_a_cache_folder_deleted_between_builds_is_written_again(tmp_path):
    """``serve`` keeps its packs open: a folder the user removes is noticed by the next build."""
    import shutil

    (tmp_path / "index.md").write_text("---\n---\nhello\n")
    assert run_build(tmp_path).code == 0
    shutil.rmtree(tmp_path / ".jekyll-cache")
    assert run_build(tmp_path).code == 0
    assert _packs(tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown")


def test_a_failed_build_keeps_what_it_converted(tmp_path):
    (tmp_path / "a.md").write_text("---\n---\nfine *here*\n")
    (tmp_path / "z.md").write_text("---\n---\n{% nosuchtag %}\n")
    assert run_build(tmp_path).code == 1
    cache._STORES.clear()
    kept = Cache(str(tmp_path / ".jekyll-cache/Jekyll/Cache"), "Jekyll::Converters::Markdown")
    assert kept.holds("fine *here*\n")


def test_a_plugin_writing_into_the_configuration_keeps_the_cache_warm(tmp_path):
    """jekyll-3rd-party-libraries fills in versions as the site is made: the cache must survive it."""
    (tmp_path / "_plugins").mkdir()
    (tmp_path / "_plugins" / "fill.py").write_text(
        "def register(api):\n"
        "    @api.hook('site', 'after_init')\n"
        "    def fill(site):\n"
        "        site.config['filled'] = site.config.get('filled', 0) + 1\n"
    )
    (tmp_path / "index.md").write_text("---\n---\nhello *there*\n")
    assert run_build(tmp_path).code == 0
    entries = _packs(tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown")
    stamp = {path: path.stat().st_mtime_ns for path in entries}
    assert stamp
    assert run_build(tmp_path).code == 0
    assert {path: path.stat().st_mtime_ns for path in entries} == stamp  # the same pack, not cleared
    assert all(os.path.exists(path) for path in entries)
