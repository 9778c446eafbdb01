"""jekyll-imagemagick 1.4: resized copies of the site's images, made with Pillow.

With ``imagemagick: enabled: true``, every image under ``input_directories``
whose extension is one of ``input_formats`` gets, for each ``output_formats``
entry (format: ImageMagick flags), a full-size ``NAME.FORMAT`` and one
``NAME-WIDTH.FORMAT`` per ``widths`` entry, beside the original (al-folio's
``figure.liquid`` names the ``-480/-800/-1400.webp`` files in its ``srcset``).
The gem runs ImageMagick's ``convert SRC FLAGS -resize WIDTHx DEST``; liquidsite
resizes with Pillow to the same width (height kept in proportion, Lanczos), and
reads the flags it can honour: ``-quality N`` and ``-auto-orient``; others are
named once in a warning. Pixels and encoder bytes differ from ImageMagick's;
names, sizes and formats are the gem's.

The copies are made once into the site's cache folder (``.jekyll-cache``) and
remade when the original changes; without Pillow (``liquidsite[images]``) one
warning says the variants are missing. The gem's source was not available to
check against; this follows its documented configuration and al-folio's use.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import tempfile
from typing import TYPE_CHECKING, Any, Optional

from ..documents import StaticFile
from ..log import logger
from .base import BuiltinPlugin
from .. import cache

if TYPE_CHECKING:
    from ..site import Site

_PILLOW_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF", "tiff": "TIFF"}


class ImageOptions:
    """The ImageMagick flags of one output format, as far as Pillow can follow them."""

    def __init__(self, flags: str) -> None:
        self.quality: Optional[int] = None
        self.auto_orient = False
        self.ignored: list[str] = []
        words = shlex.split(flags or "")
        index = 0
        while index < len(words):
            word = words[index]
            if word == "-quality" and index + 1 < len(words) and words[index + 1].isdigit():
                self.quality = int(words[index + 1])
                index += 2
                continue
            if word == "-auto-orient":
                self.auto_orient = True
            else:
                self.ignored.append(word)
            index += 1


class GeneratedImage(StaticFile):
    """A variant written from the cache folder, where :func:`render` made it."""

    def __init__(self, site: "Site", dir: str, name: str, cached: str) -> None:
        super().__init__(site, dir, name)
        self.path = cached


def render(source: str, target: str, width: Optional[int], image_format: str, options: ImageOptions) -> None:
    from PIL import Image, ImageOps

    with Image.open(source) as original:
        image = ImageOps.exif_transpose(original) if options.auto_orient else original.copy()
    if width is not None and image.width != width:
        height = max(1, round(image.height * width / image.width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)
    pillow_format = _PILLOW_FORMATS.get(image_format.lower(), image_format.upper())
    if pillow_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    save: dict[str, Any] = {"quality": options.quality} if options.quality is not None else {}
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=os.path.dirname(target), delete=False) as handle:
        temporary = handle.name
    image.save(temporary, format=pillow_format, **save)
    os.replace(temporary, target)


def _settings(site: "Site") -> dict[str, Any]:
    settings = site.config.get("imagemagick")
    return settings if isinstance(settings, dict) else {}


def _inputs(site: "Site", settings: dict[str, Any]) -> list[tuple[str, str]]:
    """(directory relative to the source, file name) of every image to convert, sorted."""
    formats = tuple(str(f).lower() for f in settings.get("input_formats") or [])
    found: list[tuple[str, str]] = []
    for directory in settings.get("input_directories") or []:
        root = os.path.join(site.source, str(directory))
        for current, _dirs, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.lower().endswith(formats):
                    found.append(("/" + os.path.relpath(current, site.source).replace(os.sep, "/"), name))
    return found


def generate(site: "Site") -> None:
    settings = _settings(site)
    if not settings.get("enabled"):
        return
    inputs = _inputs(site, settings)
    if not inputs:
        return
    try:
        import PIL  # noqa: F401
    except ImportError:
        logger.warn("ImageMagick:", "Pillow is not installed (pip install 'liquidsite[images]'): "
                    "the resized image variants are not written.")
        return
    outputs = settings.get("output_formats") or {}
    widths = [int(w) for w in settings.get("widths") or []]
    ignored: set[str] = set()
    folder = cache.plugin_dir(site.cache_root, site.source, "jekyll-imagemagick")
    for image_format, flags in outputs.items():
        options = ImageOptions(str(flags or ""))
        ignored.update(options.ignored)
        for directory, name in inputs:
            source = os.path.join(site.source, directory.lstrip("/"), name)
            stem = os.path.splitext(name)[0]
            for width in [None, *widths]:
                out_name = f"{stem}.{image_format}" if width is None else f"{stem}-{width}.{image_format}"
                key = hashlib.md5(f"{directory}/{out_name}|{flags}".encode()).hexdigest()
                cached = os.path.join(folder, key + "." + str(image_format))
                if not os.path.exists(cached) or os.path.getmtime(cached) < os.path.getmtime(source):
                    render(source, cached, width, str(image_format), options)
                site.static_files.append(GeneratedImage(site, directory, out_name, cached))
    if ignored:
        logger.warn("ImageMagick:", f"flags Pillow does not apply: {' '.join(sorted(ignored))}")


def generate_inputs(site: "Site") -> list[str]:
    """The images the variants are made from (a watched rebuild would copy an edited one, not convert it)."""
    settings = _settings(site)
    if not settings.get("enabled"):
        return []
    return [os.path.join(site.source, directory.lstrip("/"), name) for directory, name in _inputs(site, settings)]


PLUGIN = BuiltinPlugin("jekyll-imagemagick", generate=generate, generate_reads=(), generate_inputs=generate_inputs)
