"""The disk cache speaks Ruby Marshal strings, so Jekyll and liquidsite can share .jekyll-cache."""

from __future__ import annotations

from conftest import run_build
from liquidsite.cache import Cache, clear_if_config_changed, marshal_dump_string, marshal_load_string

# Bytes of Ruby 3.1's Marshal.dump("héllo") and the head of Marshal.dump("x" * 200).
RUBY_HELLO = b"\x04\x08\x49\x22\x0b\x68\xc3\xa9\x6c\x6c\x6f\x06\x3a\x06\x45\x54"
RUBY_200_HEAD = b"\x04\x08\x49\x22\x01\xc8\x78\x78"


def test_marshal_strings_match_ruby():
    assert marshal_dump_string("héllo") == RUBY_HELLO
    assert marshal_dump_string("x" * 200).startswith(RUBY_200_HEAD)
    assert marshal_load_string(RUBY_HELLO) == "héllo"
    for text in ("", "a", "x" * 122, "x" * 123, "y" * 70000):
        assert marshal_load_string(marshal_dump_string(text)) == text


def test_foreign_marshal_values_are_misses_not_errors(tmp_path):
    cache = Cache(str(tmp_path), "Jekyll::Converters::Markdown")
    cache.set("key", "value")
    path = cache._path("key")
    with open(path, "wb") as handle:
        handle.write(b"\x04\x08{\x00")  # Marshal of an empty Hash
    fresh = Cache(str(tmp_path), "Jekyll::Converters::Markdown")
    assert fresh.getset("key", lambda: "recomputed") == "recomputed"


def test_a_changed_configuration_clears_the_cache(tmp_path):
    root = str(tmp_path / "Jekyll" / "Cache")
    clear_if_config_changed(root, {"title": "a"})
    Cache(root, "Jekyll::Converters::Markdown").set("k", "v")
    clear_if_config_changed(root, {"title": "a"})
    assert Cache(root, "Jekyll::Converters::Markdown").get("k") == "v"
    clear_if_config_changed(root, {"title": "b"})
    assert Cache(root, "Jekyll::Converters::Markdown").getset("k", lambda: "new") == "new"


def test_disk_cache_follows_jekylls_layout_and_safe_mode_disables_it(tmp_path):
    (tmp_path / "index.md").write_text("---\n---\nhello\n")
    assert run_build(tmp_path).code == 0
    assert (tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Cache").is_dir()
    assert (tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown").is_dir()
    assert run_build(tmp_path).code == 0  # served from the cache: same output
    assert (tmp_path / "_site/index.html").read_text().startswith("<p>hello</p>")
    safe = tmp_path / "safe"
    safe.mkdir()
    (safe / "index.md").write_text("---\n---\nhello\n")
    assert run_build(safe, "--safe").code == 0
    assert not (safe / ".jekyll-cache").exists()


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
    entries = list((tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown").rglob("*"))
    stamp = {path: path.stat().st_mtime_ns for path in entries if path.is_file()}
    assert stamp
    assert run_build(tmp_path).code == 0
    after = {path: path.stat().st_mtime_ns for path in entries if path.is_file()}
    assert after == stamp  # the same cache files, not cleared and written again
