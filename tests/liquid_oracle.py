"""Render many Liquid templates in one site with Jekyll (the oracle) and with liquidsite.

Used by the differential fuzz tests (slow tier, skipped without Ruby and Jekyll). Each side
loads the site once (configuration, ``_data``, ``_includes``) and renders every template as
a page's content: ``Rendered`` is the output text, or an error message when rendering failed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

ORACLE_SCRIPT = Path(__file__).resolve().parent / "oracle" / "render_liquid.rb"


@dataclass(frozen=True)
class Rendered:
    out: Optional[str] = None
    err: Optional[str] = None

    def agrees(self, other: "Rendered") -> bool:
        """The same text, or both failed (messages are worded by different code)."""
        if self.err is not None or other.err is not None:
            return self.err is not None and other.err is not None
        return self.out == other.out


def oracle_available() -> bool:
    return shutil.which("ruby") is not None and shutil.which("jekyll") is not None


def jekyll_render(site: Path, templates: Sequence[str], timeout: float = 100) -> list[Rendered]:
    """Every template rendered by Jekyll 4.3.1 in one Ruby process."""
    env = dict(os.environ, TZ="UTC", JEKYLL_ENV="development", JEKYLL_NO_BUNDLER_REQUIRE="true")
    result = subprocess.run(
        ["ruby", str(ORACLE_SCRIPT), str(site)], input=json.dumps(templates), capture_output=True,
        text=True, env=env, timeout=timeout, check=True,
    )
    return [Rendered(item.get("out"), item.get("err")) for item in json.loads(result.stdout)]


def liquidsite_render(site: Path, templates: Sequence[str]) -> list[Rendered]:
    """Every template rendered by liquidsite as a page's content of the same site."""
    from liquidsite.config import load_config
    from liquidsite.liquid.renderer import LiquidRenderError
    from liquidsite.log import logger
    from liquidsite.site import Site

    saved_zone, saved_level = os.environ.get("TZ"), logger.level
    os.environ["TZ"] = "UTC"  # as the oracle runs (zone-less YAML times are shown in local time)
    time.tzset()
    try:
        built = Site(load_config({"source": str(site), "destination": str(site / "_site"), "quiet": True}))
        built.read()
        results = []
        for index, text in enumerate(templates):
            payload = built.renderer.payload({"path": "fuzz.html"})
            try:
                results.append(Rendered(out=built.renderer.render_liquid(text, payload, f"fuzz{index}.html")))
            except LiquidRenderError as err:
                results.append(Rendered(err=str(err)))
        return results
    finally:
        if saved_zone is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved_zone
        time.tzset()
        logger.level = saved_level
