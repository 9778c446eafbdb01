"""``liquidsite doctor``: Jekyll 4.3.1's checks (wording observed from ``jekyll doctor``) and
the academic-site mistakes liquidsite adds, on deliberately broken sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_tree
from liquidsite import cli

HEALTHY = {
    "_config.yml": 'title: Fine\nurl: "https://ada.github.io"\nbaseurl: ""\nrepository: "ada/ada.github.io"\n',
    "_layouts/default.html": "<html>{{ content }}</html>\n",
    "index.md": "---\nlayout: default\n---\nhi\n",
}


def doctor(tmp_path: Path, files: dict[str, str], capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str], list[str]]:
    monkeypatch.delenv("PAGES_REPO_NWO", raising=False)
    write_tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    code = cli.main(["doctor"])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def test_a_healthy_site(tmp_path, capsys, monkeypatch):
    code, out, err = doctor(tmp_path, HEALTHY, capsys, monkeypatch)
    assert code == 0, err
    assert out[-1] == "  Your test results are in. Everything looks fine."
    assert err == []


def test_an_empty_url_fails_with_jekylls_warnings(tmp_path, capsys, monkeypatch):
    code, out, err = doctor(tmp_path, {**HEALTHY, "_config.yml": "title: x\n"}, capsys, monkeypatch)
    assert code == 1
    assert err == [
        "           Warning: You didn't set an URL in the config file, you may encounter problems with some plugins.",
        "           Warning: Your site URL does not seem to be absolute, check the value of `url` in your config file.",
    ]
    assert not any("Everything looks fine" in line for line in out)


def test_jekylls_checks_in_jekylls_order(tmp_path, capsys, monkeypatch):
    files = {
        **HEALTHY,
        "_config.yml": 'url: "a.org"\nrelative_permalinks: true\n',
        "a.md": "---\npermalink: /Foo.html\n---\n",
        "b.md": "---\npermalink: /foo.html\n---\n",
        "c.md": "---\npermalink: /foo.html\n---\n",
    }
    code, _out, err = doctor(tmp_path, files, capsys, monkeypatch)
    dest = tmp_path / "_site"
    assert code == 1
    assert err == [  # jekyll doctor 4.3.1 on the same site
        "       Deprecation: Your site still uses relative permalinks, which was removed in Jekyll v3.0.0.",
        "          Conflict: The following destination is shared by multiple files.",
        "                    The written file may end up with unexpected contents.",
        f"                    {dest}/foo.html",
        "                     - b.md",
        "                     - c.md",
        "                    ",
        "           Warning: The following URLs only differ by case. On a case-insensitive file system one of the "
        f"URLs will be overwritten by the other: {dest}/Foo.html, {dest}/foo.html, {dest}/foo.html",
        "           Warning: Your site URL does not seem to be absolute, check the value of `url` in your config file.",
    ]


def test_posts_outside_collections_dir(tmp_path, capsys, monkeypatch):
    files = {**HEALTHY, "_config.yml": HEALTHY["_config.yml"] + "collections_dir: my_collections\n",
             "_posts/2020-01-01-a.md": "---\n---\na\n", "my_collections/.keep": ""}
    code, _out, err = doctor(tmp_path, files, capsys, monkeypatch)
    assert code == 1
    assert err == [
        "           Warning: Detected '_posts' directory outside custom `collections_dir`!",
        f"                    Please move '{tmp_path}/_posts' into the custom directory at "
        f"'{tmp_path}/my_collections'",
    ]


def test_baseurl_on_a_user_site(tmp_path, capsys, monkeypatch):
    config = 'url: "https://ada.github.io"\nbaseurl: "/ada.github.io"\nrepository: "Ada/ada.github.io"\n'
    code, _out, err = doctor(tmp_path, {**HEALTHY, "_config.yml": config}, capsys, monkeypatch)
    assert code == 1
    assert err == ['           Warning: Ada/ada.github.io is a user site, published at https://ada.github.io/: '
                   'set `baseurl: ""` (it is "/ada.github.io"), or every link gets /ada.github.io and breaks.']


def test_baseurl_missing_on_a_project_site_and_a_url_with_a_path(tmp_path, capsys, monkeypatch):
    config = 'url: "https://ada.github.io/thesis"\nbaseurl: ""\nrepository: "ada/thesis"\n'
    code, _out, err = doctor(tmp_path, {**HEALTHY, "_config.yml": config}, capsys, monkeypatch)
    assert code == 1
    assert err == [
        "           Warning: `url` (https://ada.github.io/thesis) has a path: `url` is the scheme and host only, the "
        "path belongs in `baseurl`, or every absolute link gets it twice.",
        "           Warning: ada/thesis is a project site, published at https://ada.github.io/thesis/: "
        'set `baseurl: "/thesis"` (it is ""), or links to pages, styles and images break.',
    ]
    custom_domain = 'url: "https://ada.example.org"\nbaseurl: ""\nrepository: "ada/thesis"\n'
    assert doctor(tmp_path, {"_config.yml": custom_domain}, capsys, monkeypatch)[0] == 0


def test_plugins_that_do_nothing_ruby_plugins_gems_key_and_missing_layouts(tmp_path, capsys, monkeypatch):
    files = {
        **HEALTHY,
        "_config.yml": HEALTHY["_config.yml"] + "plugins:\n  - jekyll-sitemap\n  - jekyll-spaceship\n"
                                                "gems:\n  - jekyll-feed\n",
        "_plugins/my_tag.rb": "module Jekyll\n  class MyTag < Liquid::Tag\n  end\nend\n",
        "about.md": "---\nlayout: page\n---\nabout\n",
    }
    code, _out, err = doctor(tmp_path, files, capsys, monkeypatch)
    assert code == 1
    assert err == [
        "    Plugin Warning: 'jekyll-spaceship' is not built into liquidsite; the site is built without it.",
        "           Plugins: Skipping _plugins/my_tag.rb: Ruby plugins cannot run in liquidsite.",
        "           Warning: `gems:` is not read by Jekyll 4 (it became `plugins:` in Jekyll 3.5): move jekyll-feed "
        "to `plugins:`, or they do not run.",
        "     Build Warning: Layout 'page' requested in about.md does not exist.",
        "           Warning: Reading the site printed the warnings above: the build will not be what Jekyll builds "
        "until they are fixed.",
    ]
