"""jekyll-imagemagick: WebP variants made with Pillow (names, sizes and format; the oracle
cannot run the gem, and Pillow's bytes are not ImageMagick's)."""

from __future__ import annotations

import pytest
from inprocess import build

from liquidsite.plugins import imagemagick

CONFIG = """plugins: [jekyll-imagemagick]
imagemagick:
  enabled: true
  widths: [480, 800]
  input_directories: [assets/img/]
  input_formats: [".jpg", ".png"]
  output_formats:
    webp: "-auto-orient -quality 85 -strip"
"""


def test_variants_names_sizes_and_format(tmp_path, capsys):
    image = pytest.importorskip("PIL.Image")
    (tmp_path / "assets/img/sub").mkdir(parents=True)
    image.new("RGB", (1000, 500), "red").save(tmp_path / "assets/img/photo.jpg")
    image.new("RGBA", (200, 100)).save(tmp_path / "assets/img/sub/icon.png")
    (tmp_path / "assets/img/notes.txt").write_text("x")
    site = build(tmp_path, {"_config.yml": CONFIG}, quiet=False)
    names = sorted(p.relative_to(site).as_posix() for p in (site / "assets/img").rglob("*"))
    assert names == [
        "assets/img/notes.txt", "assets/img/photo-480.webp", "assets/img/photo-800.webp", "assets/img/photo.jpg",
        "assets/img/photo.webp", "assets/img/sub", "assets/img/sub/icon-480.webp", "assets/img/sub/icon-800.webp",
        "assets/img/sub/icon.png", "assets/img/sub/icon.webp",
    ]
    with image.open(site / "assets/img/photo-480.webp") as variant:
        assert (variant.format, variant.size) == ("WEBP", (480, 240))
    with image.open(site / "assets/img/photo.webp") as variant:
        assert variant.size == (1000, 500)
    with image.open(site / "assets/img/sub/icon-800.webp") as variant:
        assert variant.size == (800, 400)
    log = capsys.readouterr()
    assert (log.out + log.err).count("flags Pillow does not apply: -strip") == 1
    # a second build reuses the cached variants
    cached = sorted((tmp_path / ".jekyll-cache/jekyll-imagemagick").iterdir())
    mtimes = [p.stat().st_mtime_ns for p in cached]
    build(tmp_path, {})
    assert [p.stat().st_mtime_ns for p in cached] == mtimes


def test_disabled_writes_nothing(tmp_path):
    site = build(tmp_path, {"_config.yml": CONFIG.replace("enabled: true", "enabled: false"),
                            "assets/img/a.jpg": "not read"})
    assert sorted(p.name for p in (site / "assets/img").iterdir()) == ["a.jpg"]


def test_flags_pillow_follows():
    options = imagemagick.ImageOptions("-auto-orient -quality 85 -strip")
    assert (options.quality, options.auto_orient, options.ignored) == (85, True, ["-strip"])
