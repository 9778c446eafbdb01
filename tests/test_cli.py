"""The command line as a user meets it: new, build output, clean, related posts."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TZ="UTC")
    return subprocess.run([sys.executable, "-m", "liquidsite", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=120)


def test_new_blank_creates_jekylls_scaffolding(tmp_path):
    result = run("new", "site", "--blank", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for directory in ("_data", "_drafts", "_includes", "_layouts", "_posts", "_sass", "assets/css"):
        assert (site / directory).is_dir(), directory
    for name in ("_layouts/default.html", "_sass/main.scss", "assets/css/main.scss", "_config.yml", "index.md"):
        assert (site / name).is_file(), name


def test_new_refuses_a_non_empty_directory_and_the_starter_builds(tmp_path):
    assert run("new", "site", cwd=tmp_path).returncode == 0
    again = run("new", "site", cwd=tmp_path)
    assert again.returncode == 1
    assert "exists and is not empty" in again.stderr
    built = run("build", cwd=tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/_site/index.html").is_file()


def test_build_prints_jekylls_progress_lines(tmp_path):
    (tmp_path / "index.html").write_text("---\n---\nhi\n")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "Configuration file: none" in result.stderr  # a warning, on stderr as in Jekyll
    assert f"            Source: {tmp_path}" in lines
    assert f"       Destination: {tmp_path}/_site" in lines
    assert " Incremental build: disabled. Enable with --incremental" in lines
    assert "      Generating... " in lines
    assert any(line.startswith("                    done in ") and line.endswith(" seconds.") for line in lines)


def test_clean_removes_destination_and_cache(tmp_path):
    (tmp_path / "index.html").write_text("---\n---\nhi\n")
    assert run("build", cwd=tmp_path).returncode == 0
    assert (tmp_path / "_site").is_dir() and (tmp_path / ".jekyll-cache/.gitignore").is_file()
    assert run("clean", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "_site").exists() and not (tmp_path / ".jekyll-cache").exists()


def test_related_posts_are_the_most_recent_other_posts(tmp_path):
    posts = tmp_path / "_posts"
    posts.mkdir()
    for day in (1, 2, 3):
        (posts / f"2020-01-0{day}-p{day}.html").write_text(
            "---\n---\n{% for p in site.related_posts %}{{ p.title }};{% endfor %}"
        )
    assert run("build", cwd=tmp_path).returncode == 0
    # Observed with Jekyll 4.3.1 (no lsi): newest first, the post itself left out.
    assert (tmp_path / "_site/2020/01/02/p2.html").read_text() == "P3;P1;"
    assert (tmp_path / "_site/2020/01/03/p3.html").read_text() == "P2;P1;"


def test_disk_cache_follows_jekylls_layout_and_safe_mode_disables_it(tmp_path):
    (tmp_path / "index.md").write_text("---\n---\nhello\n")
    assert run("build", cwd=tmp_path).returncode == 0
    assert (tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Cache").is_dir()
    assert (tmp_path / ".jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown").is_dir()
    assert run("build", cwd=tmp_path).returncode == 0  # served from the cache: same output
    assert (tmp_path / "_site/index.html").read_text().startswith("<p>hello</p>")
    safe = tmp_path / "safe"
    safe.mkdir()
    (safe / "index.md").write_text("---\n---\nhello\n")
    assert run("build", "--safe", cwd=safe).returncode == 0
    assert not (safe / ".jekyll-cache").exists()


def test_profile_prints_jekylls_tables(tmp_path):
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts/default.html").write_text("<html>{{ content }}</html>\n")
    (tmp_path / "index.md").write_text("---\nlayout: default\n---\n# Hello {{ site.title }}\n")
    result = run("build", "--profile", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\nBuild Process Summary: \n\n| PHASE      |   TIME |\n+------------+--------+\n| RESET      | " in out
    assert "| TOTAL TIME | " in out
    assert "\nSite Render Stats: \n\n| Filename              | Count | Bytes |  Time |\n" in out
    assert "| index.md              |     1 | 0.01K | " in out
    assert "| _layouts/default.html |     1 | 0.04K | " in out  # observed with Jekyll 4.3.1
    assert "| TOTAL (for 2 files)   |     2 | " in out
