"""Gem-based themes found without Ruby, and remote themes downloaded once and cached.

The gem-theme outputs were observed from real Jekyll 4.3.1 building the same site with
the same theme installed as a gem (``GEM_HOME`` holding ``gems/tinytheme-1.2.0`` and
its gemspec). jekyll-remote-theme is not packaged for Debian: the remote-theme outputs
follow its source (no theme ``_config.yml``, dependencies from the repository's gemspec).
"""

from __future__ import annotations

import io
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from conftest import run_build, write_tree

THEME = {
    "_layouts/default.html": "<html><head>{% include head.html %}</head><body>{{ content }}</body></html>\n",
    "_layouts/post.html": "---\nlayout: default\n---\n<article>{{ content }}</article>\n",
    "_includes/head.html": "<title>{{ site.title }} / {{ site.tagline }}</title>\n",
    "_includes/footer.html": "<footer>theme footer</footer>\n",
    "_sass/tiny.scss": "$accent: #123456 !default;\n.accent { color: $accent; }\n",
    "assets/style.scss": '---\n---\n@import "tiny";\nbody { margin: 0; }\n',
    "assets/img/logo.png": "PNG",
    "assets/theme.txt": "theme-only",
    "_data/theme.yml": "links:\n  - theme\nauthor: theme author\n",
    "_config.yml": "tagline: from theme\ntitle: theme title\nmarkdown: kramdown\nsass:\n  style: compressed\n",
}
GEMSPEC = """Gem::Specification.new do |s|
  s.name = "tinytheme".freeze
  s.version = "1.2.0"
  s.add_runtime_dependency(%q<jekyll>.freeze, [">= 3.5"])
  s.add_runtime_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])
  s.add_development_dependency(%q<bundler>.freeze, [">= 1.15"])
end
"""
SITE = {
    "_layouts/page.html": "---\nlayout: default\n---\n<main>{{ content }}</main>{% include footer.html %}\n",
    "_data/theme.yml": "author: site author\n",
    "assets/theme.txt": "site-own",
    "index.md": "---\nlayout: page\n---\n# Hi\n\n"
                "{{ site.data.theme.author }} {{ site.data.theme.links }} {{ site.tagline }}\n",
    "_posts/2024-02-03-p.md": "---\nlayout: post\ntitle: P\n---\nPost.\n",
}


def test_a_gem_theme_provides_layouts_includes_sass_assets_data_config_and_plugins(tmp_path, monkeypatch) -> None:
    write_tree(tmp_path, {**SITE, "_config.yml": "title: Site Title\ntheme: tinytheme\n"})
    write_tree(tmp_path / "_gems" / "gems" / "tinytheme-1.2.0", THEME)
    write_tree(tmp_path / "_gems" / "specifications", {"tinytheme-1.2.0.gemspec": GEMSPEC})
    monkeypatch.setenv("GEM_HOME", str(tmp_path / "_gems"))
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    assert sorted(built.files) == [
        "2024/02/03/p.html", "assets/img/logo.png", "assets/style.css", "assets/style.css.map", "assets/theme.txt",
        "feed.xml", "index.html",
    ]
    assert built.read("index.html") == (
        "<html><head><title>Site Title / from theme</title>\n</head><body><main><h1 id=\"hi\">Hi</h1>\n\n"
        "<p>site author theme from theme</p>\n</main><footer>theme footer</footer>\n\n</body></html>\n"
    )
    assert built.read("2024/02/03/p.html") == (
        "<html><head><title>Site Title / from theme</title>\n</head><body><article><p>Post.</p>\n"
        "</article>\n</body></html>\n"
    )
    css = ".accent{color:#123456}body{margin:0}\n\n/*# sourceMappingURL=style.css.map */"
    assert built.read("assets/style.css") == css
    assert '"_gems/gems/tinytheme-1.2.0/_sass/tiny.scss"' in built.read("assets/style.css.map")
    assert built.read("assets/theme.txt") == "site-own"
    assert "<entry><title type=\"html\">P</title>" in built.read("feed.xml")  # jekyll-feed, a theme dependency


def test_the_version_gemfile_lock_pins_is_the_one_used(tmp_path, monkeypatch) -> None:
    write_tree(tmp_path, {"_config.yml": "theme: tinytheme\n", "index.html": "---\nlayout: default\n---\nx",
                          "Gemfile.lock": "GEM\n  specs:\n    tinytheme (1.0.0)\n"})
    for version in ("1.0.0", "1.2.0"):
        write_tree(tmp_path / "_gems" / "gems" / f"tinytheme-{version}",
                   {"_layouts/default.html": f"v{version}:{{{{ content }}}}"})
    monkeypatch.setenv("GEM_HOME", str(tmp_path / "_gems"))
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    assert built.read("index.html") == "v1.0.0:x"


def test_a_missing_gem_theme_is_named_in_a_warning_and_the_site_still_builds(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GEM_HOME", str(tmp_path / "_gems"))
    monkeypatch.setenv("LIQUIDSITE_CACHE_DIR", str(tmp_path / "_cache"))
    write_tree(tmp_path, {"_config.yml": "theme: no-such-theme\n", "index.html": "---\n---\nplain\n"})
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    assert "Theme: The no-such-theme theme could not be found" in built.log
    assert built.read("index.html") == "plain\n"


class _Archives(BaseHTTPRequestHandler):
    """GitHub's archive host on 127.0.0.1: ``/OWNER/REPO/zip/REF`` answers one zip."""

    archive = b""
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        if self.path != "/me/tinytheme/zip/main":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(self.archive)))
        self.end_headers()
        self.wfile.write(self.archive)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def archive_server() -> Iterator[str]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in {**THEME, "tinytheme.gemspec": 'spec.add_runtime_dependency "jekyll-feed"\n'}.items():
            archive.writestr(f"tinytheme-main/{name}", text)
    _Archives.archive = buffer.getvalue()
    _Archives.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Archives)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_remote_theme_is_downloaded_once_and_then_built_from_the_cache(tmp_path, monkeypatch, archive_server) -> None:
    site = tmp_path / "site"
    write_tree(site, {**SITE, "_config.yml": "title: Site Title\nremote_theme: Me/TinyTheme@main\n"
                                             "plugins: [jekyll-remote-theme]\n"})
    monkeypatch.setenv("LIQUIDSITE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LIQUIDSITE_GITHUB_ARCHIVE_URL", archive_server)
    first = run_build(site)
    assert first.code == 0, first.log
    assert "Remote Theme: Using theme me/tinytheme" in first.log
    # jekyll-remote-theme reads no _config.yml of the theme: no tagline.
    assert first.read("index.html").startswith("<html><head><title>Site Title / </title>\n</head><body><main>")
    assert "feed.xml" in first.files and "assets/style.css" in first.files
    assert _Archives.requests == ["/me/tinytheme/zip/main"]

    monkeypatch.setenv("LIQUIDSITE_GITHUB_ARCHIVE_URL", "http://127.0.0.1:9")  # nothing listens there
    second = run_build(site)
    assert second.code == 0, second.log
    assert second.files == first.files
    assert _Archives.requests == ["/me/tinytheme/zip/main"]


def test_a_remote_theme_neither_cached_nor_downloadable_stops_the_build(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LIQUIDSITE_CACHE_DIR", str(tmp_path / "_cache"))
    monkeypatch.setenv("LIQUIDSITE_GITHUB_ARCHIVE_URL", "http://127.0.0.1:9")
    write_tree(tmp_path, {"_config.yml": "remote_theme: me/tinytheme\nplugins: [jekyll-remote-theme]\n",
                          "index.html": "x"})
    built = run_build(tmp_path)
    assert built.code == 1
    assert "Remote theme me/tinytheme@master is neither cached nor downloadable: could not download " \
           "http://127.0.0.1:9/me/tinytheme/zip/master" in built.log
    assert "Traceback" not in built.log


def test_theme_dependencies_obey_safe_mode_whitelist(tmp_path: Path, monkeypatch) -> None:
    write_tree(tmp_path, {**SITE, "_config.yml": "title: Site Title\ntheme: tinytheme\n"})
    write_tree(tmp_path / "_gems" / "gems" / "tinytheme-1.2.0", THEME)
    write_tree(tmp_path / "_gems" / "specifications", {"tinytheme-1.2.0.gemspec": GEMSPEC})
    monkeypatch.setenv("GEM_HOME", str(tmp_path / "_gems"))
    built = run_build(tmp_path, "--safe")
    assert built.code == 0, built.log
    assert "feed.xml" not in built.files
