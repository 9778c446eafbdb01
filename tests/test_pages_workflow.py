"""The GitHub Pages workflow (``docs/github-pages.yml``, written by ``liquidsite new``): valid, complete,
and its build step builds a site here as it will on GitHub's runner."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

from conftest import ROOT
from liquidsite import cli
from liquidsite.pages_workflow import PATH, WORKFLOW


def _steps(workflow: dict, job: str) -> dict[str, dict]:
    return {step["name"]: step for step in workflow["jobs"][job]["steps"]}


def test_docs_copy_is_the_workflow_liquidsite_new_writes(tmp_path, monkeypatch):
    assert (ROOT / "docs/github-pages.yml").read_text() == WORKFLOW
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new", "site"]) == 0
    assert (tmp_path / "site" / PATH).read_text() == WORKFLOW


def test_the_workflow_installs_builds_uploads_and_deploys():
    workflow = yaml.safe_load(WORKFLOW)
    assert workflow[True] == {"push": {"branches": ["main", "master"]}, "workflow_dispatch": None}  # YAML 1.1 `on`
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["env"] == {"LIQUIDSITE": "liquidsite"}  # the install source, marked at the top
    build = _steps(workflow, "build")
    assert list(build) == ["Check out", "Set up Python", "Install liquidsite", "Configure Pages", "Build",
                           "Upload the site"]
    assert build["Check out"]["uses"] == "actions/checkout@v4"
    assert build["Set up Python"]["uses"] == "actions/setup-python@v5"
    assert build["Install liquidsite"]["run"] == 'python -m pip install "$LIQUIDSITE"'
    assert build["Configure Pages"] == {"name": "Configure Pages", "id": "pages", "uses": "actions/configure-pages@v5"}
    assert build["Build"]["run"].startswith("liquidsite build ")
    assert build["Upload the site"]["uses"] == "actions/upload-pages-artifact@v3"
    assert build["Upload the site"]["with"] == {"path": "_site"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert _steps(workflow, "deploy")["Deploy to GitHub Pages"]["uses"] == "actions/deploy-pages@v4"


def test_the_build_step_builds_a_new_site_as_on_the_runner(tmp_path, monkeypatch):
    """The step's command, with the expressions GitHub fills in (a project site: base path /site), run as
    the runner runs it after the install step."""
    monkeypatch.chdir(tmp_path)
    assert cli.main(["new", "site"]) == 0
    step = _steps(yaml.safe_load(WORKFLOW), "build")["Build"]
    expressions = {"${{ steps.pages.outputs.base_path }}": "/site", "${{ github.repository }}": "ada/site"}
    command, env = step["run"], dict(step["env"])
    for expression, value in expressions.items():
        command = command.replace(expression, value)
        env = {key: text.replace(expression, value) for key, text in env.items()}
    assert command == 'liquidsite build --baseurl "/site"'
    program, *arguments = shlex.split(command)  # as bash splits it
    assert program == "liquidsite"
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path / "site")
    assert cli.main(arguments) == 0
    built = Path(tmp_path / "site/_site")
    assert 'href="/site/assets/css/main.css"' in (built / "index.html").read_text()
    assert (built / "assets/css/main.css").is_file()
    assert not (built / ".github").exists()
    assert cli.main(["check", "-b", "/site"]) == 0
