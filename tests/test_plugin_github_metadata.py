"""jekyll-github-metadata: ``site.github`` as gem 2.16.1 computes it with PAGES_DISABLE_NETWORK.

The gem is not installed here; expectations follow its source (Pages, Repository,
RepositoryCompat, MetadataDrop, SiteGitHubMunger).
"""

from __future__ import annotations

import subprocess

import pytest

from conftest import run_build, write_tree

KEYS = (
    "url baseurl repository_url repository_nwo owner_name owner_url project_title is_project_page "
    "is_user_page zip_url clone_url pages_hostname environment issues_url contributors"
).split()
PAGE = "---\n---\n" + "".join(f"{key}={{{{ site.github.{key} }}}}\n" for key in KEYS) + "title={{ site.title }}\n"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in ("PAGES_ENV", "PAGES_REPO_NWO", "JEKYLL_BUILD_REVISION", "PAGE_BUILD_ID", "SSL",
                 "PAGES_PAGES_HOSTNAME", "PAGES_GITHUB_HOSTNAME", "GITHUB_HOSTNAME", "PAGES_HOSTNAME"):
        monkeypatch.delenv(name, raising=False)


def git_site(tmp_path, remote: str, config: str = "plugins: [jekyll-github-metadata]\n"):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", remote], check=True)
    write_tree(tmp_path, {"_config.yml": config, "index.html": PAGE})


def values(built) -> dict[str, str]:
    assert built.code == 0, built.log
    return dict(line.split("=", 1) for line in built.read("index.html").splitlines())


def test_project_page_from_origin_remote_in_development(tmp_path):
    git_site(tmp_path, "git@github.com:alice/my-site.git")
    assert values(run_build(tmp_path)) == {
        "url": "https://github.com/pages/alice/my-site",
        "baseurl": "/pages/alice/my-site",
        "repository_url": "https://github.com/alice/my-site",
        "repository_nwo": "alice/my-site",
        "owner_name": "alice",
        "owner_url": "https://github.com/alice",
        "project_title": "my-site",
        "is_project_page": "true",
        "is_user_page": "false",
        "zip_url": "https://github.com/alice/my-site/zipball/gh-pages",
        "clone_url": "https://github.com/alice/my-site.git",
        "pages_hostname": "localhost:4000",
        "environment": "development",
        "issues_url": "",
        "contributors": "false",
        "title": "my-site",
    }


def test_dotcom_user_page_from_config(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGES_ENV", "dotcom")
    git_site(tmp_path, "https://github.com/other/ignored.git",
             "plugins: [jekyll-github-metadata]\nrepository: Alice/alice.github.io\ntitle: Mine\n")
    got = values(run_build(tmp_path))
    assert got["url"] == "http://alice.github.io"
    assert got["baseurl"] == ""
    assert got["is_user_page"] == "true"
    assert got["zip_url"] == "https://github.com/Alice/alice.github.io/zipball/master"
    assert got["pages_hostname"] == "github.io"
    assert got["title"] == "Mine"


def test_dotcom_project_page_and_github_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGES_ENV", "dotcom")
    git_site(tmp_path, "https://github.com/bob/notes",
             "plugins: [jekyll-github-metadata]\ngithub:\n  owner_name: Robert\n")
    got = values(run_build(tmp_path))
    assert got["url"] == "http://bob.github.io/notes"
    assert got["baseurl"] == "/notes"
    assert got["owner_name"] == "Robert"
    assert got["repository_nwo"] == "bob/notes"


def test_production_sets_url_and_baseurl(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGES_ENV", "dotcom")
    monkeypatch.setenv("PAGES_REPO_NWO", "bob/notes")
    write_tree(tmp_path, {
        "_config.yml": "plugins: [jekyll-github-metadata]\n",
        "index.html": "---\n---\n{{ site.url }}|{{ site.baseurl }}\n",
    })
    done = run_build(tmp_path, env={"JEKYLL_ENV": "production"})
    assert done.code == 0, done.log
    assert (tmp_path / "_site" / "index.html").read_text() == "http://bob.github.io|/notes\n"


def test_missing_repository_is_reported_when_used(build_site):
    built = build_site({
        "_config.yml": "plugins: [jekyll-github-metadata]\n",
        "index.html": "---\n---\n{{ site.github.repository_url }}\n",
        "plain.html": "---\n---\n{{ site.github.api_url }}\n",
    })
    assert built.code == 1
    assert "No repo name found." in built.log
    assert "Traceback" not in built.log
