"""The command line as a user meets it, as a real subprocess: commands, flags, streams, exit codes.

Everything else builds in process (``run_build`` in conftest.py); these tests are the ones
whose subject is the ``liquidsite`` process itself.
"""

from __future__ import annotations

import pytest

from conftest import run_build, run_cli, write_tree

HINT_BOX = (
    "                    ------------------------------------------------\n"
    "      Jekyll 4.3.1   Please append `--trace` to the `build` command \n"
    "                     for any additional information or backtrace. \n"
    "                    ------------------------------------------------\n"
)


def test_new_blank_creates_jekylls_scaffolding(tmp_path):
    result = run_cli(tmp_path, "new", "site", "--blank")
    assert result.code == 0, result.stderr
    site = tmp_path / "site"
    for directory in ("_data", "_drafts", "_includes", "_layouts", "_posts", "_sass", "assets/css"):
        assert (site / directory).is_dir(), directory
    for name in ("_layouts/default.html", "_sass/main.scss", "assets/css/main.scss", "_config.yml", "index.md"):
        assert (site / name).is_file(), name


def test_new_refuses_a_non_empty_directory_and_the_starter_builds(tmp_path):
    assert run_cli(tmp_path, "new", "site").code == 0
    again = run_cli(tmp_path, "new", "site")
    assert again.code == 1
    assert "exists and is not empty" in again.stderr
    built = run_build(tmp_path / "site")
    assert built.code == 0, built.stderr
    assert (tmp_path / "site/_site/index.html").is_file()


def test_build_prints_jekylls_progress_lines(tmp_path):
    (tmp_path / "index.html").write_text("---\n---\nhi\n")
    result = run_cli(tmp_path, "build")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert "Configuration file: none" in result.stderr  # a warning, on stderr as in Jekyll
    assert f"            Source: {tmp_path}" in lines
    assert f"       Destination: {tmp_path}/_site" in lines
    assert " Incremental build: disabled. Enable with --incremental" in lines
    assert "      Generating... " in lines
    assert any(line.startswith("                    done in ") and line.endswith(" seconds.") for line in lines)


def test_quiet_silences_progress_and_warnings_but_not_a_liquid_exception(tmp_path):
    (tmp_path / "bad.html").write_text("---\n---\n{{ 'a' | append }}\n")
    result = run_cli(tmp_path, "build", "-q")
    assert result.code == 1 and result.stdout == ""  # no Source/Destination/Generating lines
    assert result.stderr == (  # no "Configuration file: none" warning either
        "  Liquid Exception: Liquid error (line 1): wrong number of arguments (given 1, expected 2) in bad.html\n"
        + HINT_BOX
    )


def test_a_failed_build_prints_the_error_and_the_trace_hint_and_exits_1(tmp_path):
    write_tree(tmp_path, {"_config.yml": "title: [\n", "index.html": "---\n---\nhi\n"})
    result = run_cli(tmp_path, "build")
    assert result.code == 1
    assert result.stderr.startswith(f"             Error: ({tmp_path}/_config.yml): did not find expected node")
    assert result.stderr.endswith(" at line 2 column 1\n" + HINT_BOX) and result.stdout == ""
    assert not (tmp_path / "_site").exists()


def test_trace_prints_the_backtrace_instead_of_the_hint(tmp_path):
    write_tree(tmp_path, {"_config.yml": "title: [\n"})
    result = run_cli(tmp_path, "build", "--trace")
    assert result.code == 1
    assert "             Error: (" in result.stderr
    assert "Traceback (most recent call last):" in result.stderr
    assert "ConfigError" in result.stderr and "Please append `--trace`" not in result.stderr


def test_an_unknown_flag_is_a_usage_error_without_traceback(tmp_path):
    result = run_cli(tmp_path, "build", "--nope")
    assert result.code == 2
    assert "unrecognized arguments: --nope" in result.stderr and "usage: liquidsite" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "_site").exists()


def test_version_and_help(tmp_path):
    version = run_cli(tmp_path, "--version")
    assert version.code == 0 and version.stdout == "liquidsite 0.1.0 (Jekyll 4.3.1)\n"
    assert run_cli(tmp_path, "-v").stdout == version.stdout
    bare = run_cli(tmp_path)
    assert bare.code == 0 and bare.stdout.startswith("usage: liquidsite ")
    for command in ("build", "serve", "clean", "doctor", "new"):
        assert command in bare.stdout


def test_alias_with_source_and_destination_flags(tmp_path):
    write_tree(tmp_path, {"src/index.html": "---\n---\n{{ site.title }}\n", "src/_config.yml": "title: T\n"})
    result = run_cli(tmp_path, "b", "-s", "src", "-d", "out")
    assert result.code == 0, result.stderr
    assert f"            Source: {tmp_path}/src" in result.stdout.splitlines()
    assert f"       Destination: {tmp_path}/out" in result.stdout.splitlines()
    assert (tmp_path / "out/index.html").read_text() == "T\n"
    assert not (tmp_path / "src/_site").exists()


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_doctor_exits_1_on_conflicts(tmp_path):
    write_tree(tmp_path, {"_config.yml": 'url: "https://example.org"\n', "index.html": "---\n---\nx\n",
                          "clash.html": "---\npermalink: /index.html\n---\ny\n"})
    conflict = run_cli(tmp_path, "doctor")
    assert conflict.code == 1
    assert "          Conflict: The following destination is shared by multiple files." in conflict.stderr
    (tmp_path / "clash.html").unlink()
    fine = run_cli(tmp_path, "doctor")
    assert fine.code == 0 and "  Your test results are in. Everything looks fine." in fine.stdout


def test_clean_removes_destination_and_cache(tmp_path):
    (tmp_path / "index.html").write_text("---\n---\nhi\n")
    assert run_build(tmp_path).code == 0
    assert (tmp_path / "_site").is_dir() and (tmp_path / ".jekyll-cache/.gitignore").is_file()
    assert run_cli(tmp_path, "clean").code == 0
    assert not (tmp_path / "_site").exists() and not (tmp_path / ".jekyll-cache").exists()


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_profile_prints_jekylls_tables(tmp_path):
    (tmp_path / "_layouts").mkdir()
    (tmp_path / "_layouts/default.html").write_text("<html>{{ content }}</html>\n")
    (tmp_path / "index.md").write_text("---\nlayout: default\n---\n# Hello {{ site.title }}\n")
    result = run_cli(tmp_path, "build", "--profile")
    assert result.code == 0, result.stderr
    out = result.stdout
    assert "\nBuild Process Summary: \n\n| PHASE      |   TIME |\n+------------+--------+\n| RESET      | " in out
    assert "| TOTAL TIME | " in out
    assert "\nSite Render Stats: \n\n| Filename              | Count | Bytes |  Time |\n" in out
    assert "| index.md              |     1 | 0.01K | " in out
    assert "| _layouts/default.html |     1 | 0.04K | " in out  # observed with Jekyll 4.3.1
    assert "| TOTAL (for 2 files)   |     2 | " in out
