"""Compiled templates kept in the site's cache folder: a warm build parses only what changed,
and renders exactly what a cold build renders."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build, write_tree

from liquidsite.liquid import environment, template_cache

SITE = {
    "_config.yml": "title: Cached\n",
    "_layouts/default.html": (
        "<title>{{ site.title | upcase }}</title>{% include nav.html active=page.url %}\n"
        "{% for item in site.data.menu %}{% if item.url == page.url %}<b>{{ item.name }}</b>"
        "{% else %}{{ item.name | escape }}{% endif %}{% endfor %}\n{{ content }}"
        "{% capture n %}{{ page.title | size }}{% endcapture %}{{ n | plus: 1 }}"
        " {% if 'x' == blank %}blank{% endif %}\n"
    ),
    "_includes/nav.html": "<nav>{{ include.active | relative_url }}</nav>",
    "_data/menu.yml": "- {name: Home, url: /}\n- {name: <About>, url: /about.html}\n",
    "_plugins/shout.py": (
        "def register(api):\n    @api.filter('shout')\n    def shout(value):\n        return str(value).upper() + '!'\n"
        "\n    @api.tag('year')\n    def year(markup, context):\n        return '2024'\n"
    ),
    "index.md": "---\nlayout: default\ntitle: Home\n---\n"
                "{{ page.title | shout }} {% raw %}{{ x }}{% endraw %} {% year %}\n",
    "about.html": "---\nlayout: default\ntitle: About\n---\n"
                  "{% assign xs = '3,1,2' | split: ',' | sort %}{{ xs | join: '-' }}\n",
}


def _parsed(monkeypatch) -> list[str]:
    """The sources parsed (not taken from the cache) from now on."""
    parsed: list[str] = []
    real = environment.JekyllEnvironment.parse_tree

    def spy(env: environment.JekyllEnvironment, source: str) -> list:
        parsed.append(source)
        return real(env, source)

    monkeypatch.setattr(environment.JekyllEnvironment, "parse_tree", spy)
    return parsed


def test_a_warm_build_parses_nothing_and_renders_the_same(tmp_path: Path, monkeypatch):
    files = {**SITE}
    write_tree(tmp_path, files)
    parsed = _parsed(monkeypatch)
    cold = run_build(tmp_path)
    assert cold.code == 0, cold.log
    assert parsed and list((tmp_path / ".jekyll-cache").rglob("Liquidsite--Templates/*/*"))
    parsed.clear()
    warm = run_build(tmp_path)
    # a site plugin's tag (its node holds the plugin's function) keeps its page from the cache
    assert warm.code == 0 and parsed == [files["index.md"].split("---\n")[2]] and warm.files == cold.files
    assert "<b>Home</b>&lt;About&gt;" in warm.read("index.html") and "HOME! {{ x }} 2024" in warm.read("index.html")
    (tmp_path / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n")
    parsed.clear()
    edited = run_build(tmp_path)
    assert sorted(parsed) == sorted([files["index.md"].split("---\n")[2], "<main>{{ content }}</main>\n"])
    assert edited.read("about.html") == "<main>1-2-3\n</main>\n"


def test_a_template_that_warns_warns_on_every_build(tmp_path: Path, monkeypatch):
    write_tree(tmp_path, {"a.html": "---\n---\n{% if (x) or (y) %}1{% else %}2{% endif %}\n"})
    logs = [run_build(tmp_path).log for _ in range(2)]
    assert all(log.count("Liquid Warning:") == 1 for log in logs)


def test_a_damaged_or_foreign_cache_file_is_parsed_again(tmp_path: Path, monkeypatch):
    files = {**SITE, "_includes/nav.html": "<nav></nav>"}
    write_tree(tmp_path, files)
    cold = run_build(tmp_path)
    for path in (tmp_path / ".jekyll-cache").rglob("Liquidsite--Templates/*/*"):
        path.write_bytes(path.read_bytes()[:40])
    parsed = _parsed(monkeypatch)
    again = run_build(tmp_path)
    assert again.code == 0 and again.files == cold.files and parsed


def test_the_key_names_the_code_and_the_dialect(tmp_path: Path):
    assert len(template_cache.code_fingerprint()) == 64
    write_tree(tmp_path, {"a.html": "---\n---\n{{ 'a' | upcase }}\n"})
    kept = []
    for config in ("", "liquid:\n  error_mode: strict\n"):
        write_tree(tmp_path, {"_config.yml": config})
        assert run_build(tmp_path).code == 0
        kept += [p.name for p in (tmp_path / ".jekyll-cache").rglob("Liquidsite--Templates/*/*")]
    assert len(set(kept)) == 2  # one key per error mode


def test_a_fresh_clone_takes_the_compiled_templates_from_the_user_cache(tmp_path: Path, monkeypatch):
    write_tree(tmp_path / "without", SITE)
    without = run_build(tmp_path / "without")
    monkeypatch.setenv("LIQUIDSITE_CONTENT_CACHE", str(tmp_path / "content"))
    write_tree(tmp_path / "first", SITE)
    first = run_build(tmp_path / "first")
    assert first.code == 0 and first.files == without.files
    assert list((tmp_path / "content" / template_cache.USER_CACHE_KIND).rglob("*/*"))
    write_tree(tmp_path / "clone", SITE)
    parsed = _parsed(monkeypatch)
    clone = run_build(tmp_path / "clone")
    # only the page holding a site plugin's tag is parsed again, as in a warm build
    assert clone.code == 0 and parsed == [SITE["index.md"].split("---\n")[2]] and clone.files == without.files
    assert list((tmp_path / "clone/.jekyll-cache").rglob("Liquidsite--Templates/*/*"))
