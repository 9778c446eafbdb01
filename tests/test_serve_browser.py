"""End to end in a real headless Chromium on the demo site (repo root), driven through
chromedriver's WebDriver HTTP API with the standard library only.

An edit reloads the page; a Sass edit restyles it in place (no reload); a Liquid
error shows the overlay, and fixing it reloads the page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

from conftest import ROOT
from test_serve import ServedSite, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
WAIT_SECONDS = 30.0
DEMO_ENTRIES = ("_config.yml", "_data", "_includes", "_layouts", "_sass", "assets", "images", "index.md")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
    reason=f"needs {CHROMIUM} and {CHROMEDRIVER} (Debian's chromium and chromium-driver)",
)]


class WebDriver:
    """The few WebDriver commands the test needs, over chromedriver's HTTP API."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.session: Optional[str] = None
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                if self._call("GET", "/status")["ready"]:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.quit()
                raise AssertionError("chromedriver did not start")
            time.sleep(0.1)
        options = {"binary": CHROMIUM, "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                                 "--disable-dev-shm-usage", "--window-size=1024,768"]}
        capabilities = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}}
        try:
            self.session = self._call("POST", "/session", capabilities)["sessionId"]
        except BaseException:
            self.quit()
            raise

    def _call(self, method: str, path: str, body: Optional[dict[str, Any]] = None) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return json.loads(response.read())["value"]

    def get(self, url: str) -> None:
        self._call("POST", f"/session/{self.session}/url", {"url": url})

    def run(self, script: str) -> Any:
        return self._call("POST", f"/session/{self.session}/execute/sync", {"script": script, "args": []})

    def wait_until(self, script: str, what: str) -> Any:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            value = self.run(script)
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")

    def quit(self) -> None:
        try:
            if self.session is not None:
                self._call("DELETE", f"/session/{self.session}")
        except OSError:
            pass
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    driver = WebDriver()
    try:
        yield driver
    finally:
        driver.quit()


def demo_copy(target: Path) -> Path:
    """The demo site, copied, with a config that makes Liquid errors fatal."""
    for entry in DEMO_ENTRIES:
        source = ROOT / entry
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / entry)
    # Unknown tags are errors in Jekyll's every mode; strict mode makes them errors here too.
    (target / "_strict.yml").write_text("liquid:\n  error_mode: strict\n")
    return target


def test_demo_site_reloads_restyles_and_shows_errors_in_chromium(tmp_path, browser):
    site = demo_copy(tmp_path)
    served = ServedSite(site, "--config", "_config.yml,_strict.yml")
    try:
        browser.get(f"http://127.0.0.1:{served.port}/")
        browser.wait_until("return document.readyState === 'complete' && !!window.__liquidsiteLiveReload",
                           "the page and its live reload script")
        assert browser.run("return document.querySelector('.site-title').textContent") == "Ada Researcher"
        time.sleep(0.5)  # the event stream connects

        # A CSS (Sass) edit restyles the open page without reloading it.
        browser.run("window.__notReloaded = true")
        before = browser.run("return getComputedStyle(document.body).color")
        base = site / "_sass" / "_base.scss"
        base.write_text(base.read_text() + "\nbody { color: rgb(200, 0, 0); }\n")
        browser.wait_until("return getComputedStyle(document.body).color === 'rgb(200, 0, 0)'", "the new style")
        assert before != "rgb(200, 0, 0)"
        assert browser.run("return window.__notReloaded === true"), "a stylesheet change reloaded the page"

        # A content edit reloads the page.
        index = site / "index.md"
        original = index.read_text()
        index.write_text(original.replace("Before that I studied mathematics.", "Before that I studied physics."))
        browser.wait_until("return !window.__notReloaded && document.body.textContent.includes('studied physics')",
                           "the reloaded page")

        # A Liquid error shows the overlay with the message and file:line, the page stays.
        index.write_text(original.replace("# 🔥 News", "{% bogus %}\n\n# 🔥 News"))
        overlay = browser.wait_until(
            "var o = document.getElementById('liquidsite-error-overlay'); return o && o.textContent",
            "the error overlay")
        assert "bogus" in overlay
        assert "index.md:" in overlay
        assert browser.run("return document.body.textContent.includes('studied physics')")

        # Fixing it removes the overlay by reloading.
        index.write_text(original.replace("Before that I studied mathematics.", "Before that I studied chemistry."))
        browser.wait_until("return !document.getElementById('liquidsite-error-overlay') && "
                           "document.body.textContent.includes('studied chemistry')", "the fixed page")
    finally:
        log = served.stop()
    assert "Traceback" not in log
