"""The documentation under ``docs/`` is a liquidsite site: it builds, ``liquidsite check`` finds it clean,
and it names every built-in plugin."""

from __future__ import annotations

import yaml

from conftest import ROOT
from liquidsite import cli
from liquidsite.plugins import MODULES, RUBY_PLUGINS


def test_the_docs_build_and_check_clean(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    built = tmp_path / "docs_site"
    assert cli.main(["build", "-s", str(ROOT / "docs"), "-d", str(built), "--disable-disk-cache"]) == 0
    captured = capsys.readouterr()
    assert "Warning" not in captured.err and "Error" not in captured.err, captured.err
    for page in ("index", "commands", "migrating", "github-pages", "configuration", "plugins", "plugin-api",
                 "messages", "speed"):
        assert (built / f"{page}.html").is_file(), page
    assert (built / "github-pages.yml").is_file()
    assert cli.main(["check", "-s", str(ROOT / "docs"), "-d", str(built)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(": 0 problems, 1 external links")


def test_the_plugin_list_names_every_built_in_plugin():
    text = (ROOT / "docs/plugins.md").read_text()
    missing = [gem for gem in MODULES if f"| {gem} |" not in text]
    missing += [name for name, plugin in RUBY_PLUGINS.items() if plugin.module and f"`{name}`" not in text]
    assert missing == []


def test_the_demo_site_at_the_root_does_not_read_the_docs():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert "docs" in config["exclude"]
