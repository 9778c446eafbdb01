"""al-folio's ``_plugins/*.rb`` run as built-in equivalents: recognition and the simple plugins.

Expected outputs were observed with Jekyll 4.3.1 building the same page with al-folio's
plugin files (details, file-exists, hide-custom-bibtex and remove-accents at al-folio 6d2ce99,
cache-bust.rb at 08d562a).
"""

from __future__ import annotations

import subprocess
from typing import Iterator

import pytest
from alfolio_site import ALFOLIO_GIT, alfolio_plugin, build_in_process, csl_styles_from

from liquidsite.plugins import RUBY_PLUGINS
from liquidsite.plugins.alfolio.hide_custom_bibtex import PLUGIN_ANY_LINE, PLUGIN_FIELD
from liquidsite.plugins.ruby import normalized_digest, recognise, registrations


@pytest.fixture(scope="module", autouse=True)
def _csl_styles_offline() -> Iterator[None]:
    with csl_styles_from():
        yield

# Own stand-ins registering what al-folio's files register: recognised as edited copies.
STAND_INS = {
    "_plugins/details.rb": "Liquid::Template.register_tag('details', Jekyll::Tags::DetailsTag)\n",
    "_plugins/file-exists.rb": "Liquid::Template.register_tag('file_exists', Jekyll::FileExistsTag)\n",
    "_plugins/hide-custom-bibtex.rb": "module M\n  def hideCustomBibtex(input)\n  end\nend\n"
                                      "Liquid::Template.register_filter(M)\n",
    "_plugins/remove-accents.rb": "module M\n  def remove_accents(s)\n  end\nend\n"
                                  "Liquid::Template.register_filter(M)\n",
    "_plugins/cache-bust.rb": "module M\n  def bust_file_cache(f)\n  end\n  def bust_css_cache(f)\n  end\nend\n"
                              "Liquid::Template.register_filter(M)\n",
}

SITE = {
    "_config.yml": "title: T\ntime: 2024-01-02 03:04:05 +0000\nfiltered_bibtex_keywords: [abbr, pdf, selected]\n",
    "assets/_sass/_a.scss": "a { b: c; }\n",
    "assets/_sass/b.scss": "z\n",
    "assets/_sass/sub/_c.scss": "x{}\n",
    "assets/_sass/.hidden": "ignored",
    "assets/js/app.js": "console.log(1);\n",
    "index.md": """---
title: Home
---
{% details Click *here* to `know` more %}
Some **bold** text.

- a
- b
{% enddetails %}

exists: {% file_exists assets/js/app.js %} / {% file_exists assets/{{ page.title }}.js %} / {% file_exists assets %}

{% capture bib %}@article{key,
  abbr = {ICML},
  title = {Selected works on pdf},
  author = {Doe*, J. and Roe†, R. and M^ü‡ller§, K.},
  pdf = {paper.pdf},
  selected={true},
  year = {2024}
}
{% endcapture %}
<pre>{{ bib | hideCustomBibtex }}</pre>

{{ "Müller Ærø Łódź 日本 ß ÿ ÷ Œuvre" | remove_accents }}

{{ "/assets/js/app.js" | bust_file_cache }} {{ "assets/css/main.css" | bust_css_cache }}
""",
}

EXPECTED = """<details><summary>Click <em>here</em> to \
<code class="language-plaintext highlighter-rouge">know</code> more</summary>
<p>Some <strong>bold</strong> text.</p>

<ul>
  <li>a</li>
  <li>b</li>
</ul>
</details>

<p>exists: true / false / true</p>

<pre>@article{key,
  title = {Selected works on pdf},
  author = {Doe, J. and Roe, R. and Müller, K.},
  year = {2024}
}
</pre>

<p>Muller AEro Lodz ?? ss y ? OEuvre</p>

<p>/assets/js/app.js?626a127738510c71fd0add3c0002de7e assets/css/main.css?4f85624aa8761b46e2e50dfe62ed38b8</p>
"""


def test_edited_copies_run_as_the_current_versions_with_one_warning_each(tmp_path):
    built = build_in_process(tmp_path, {**SITE, **STAND_INS})
    assert built.code == 0, built.log
    assert built.read("index.html") == EXPECTED
    for name in STAND_INS:
        assert built.log.count(f"{name} differs from every version al-folio shipped") == 1
    assert "Skipping" not in built.log


def test_unknown_ruby_plugin_is_skipped_with_one_warning(tmp_path):
    built = build_in_process(tmp_path, {
        "index.html": "x",
        "_plugins/details.rb": "Liquid::Template.register_tag('details_v2', X)\n",
        "_plugins/other.rb": "raise 'never run'\n",
    })
    assert built.log.count("Skipping _plugins/other.rb: Ruby plugins cannot run in liquidsite.") == 1
    assert built.log.count("Skipping _plugins/details.rb: Ruby plugins cannot run in liquidsite.") == 1


def test_safe_mode_runs_no_ruby_equivalent(tmp_path):
    built = build_in_process(tmp_path, {"index.html": "---\n---\n{{ 'é' | remove_accents }}",
                                        "_plugins/remove-accents.rb": STAND_INS["_plugins/remove-accents.rb"]},
                             "--safe")
    assert built.code == 0, built.log
    assert built.read("index.html") == "é"


def test_a_gem_copy_without_its_gem_built_in_is_named():
    found = recognise("ext.rb", "require 'jekyll/scholar'\n", RUBY_PLUGINS)
    assert found is not None and found.plugin.gem == "jekyll-scholar" and not found.edited
    assert recognise("ext.rb", "require 'jekyll/other'\n", RUBY_PLUGINS) is None


def test_digest_ignores_layout_but_not_code():
    text = "module M\n  def f(x)\n    x.gsub(/a/, '')\n  end\nend\n"
    same = "\ufeff# comment\r\nmodule M\r\n\tdef f(x)\r\n\r\n      x.gsub(/a/,  '')\r\n  end\r\nend"
    assert normalized_digest(same) == normalized_digest(text)
    assert normalized_digest(text.replace("/a/", "/b/")) != normalized_digest(text)


def test_registrations_of_a_ruby_file():
    text = ("class G < Jekyll::Generator\nend\nJekyll::Hooks.register :site, :after_init do |site|\nend\n"
            "module F\n  def a(x)\n  end\n  def initialize\n  end\nend\nLiquid::Template.register_filter(F)\n"
            "Liquid::Template.register_tag(\"t\", T)\n")
    assert registrations(text) == {"generator:G", "hook:site:after_init", "filter:a", "tag:t"}


def test_first_hide_custom_bibtex_dropped_every_line_naming_a_keyword():
    """Observed with Jekyll 4.3.1 and hideCustomBibtex.rb of 2022-05 and of 2023-09."""
    bib = "@article{k,\n  title = {On pdf files},\n  pdf = {a.pdf},\n  author = {A*},\n}\n"

    class Env:
        def __init__(self) -> None:
            self.filters: dict[str, object] = {}
            self.site = type("S", (), {"config": {"filtered_bibtex_keywords": ["pdf"]}})()

        def add_filter(self, name: str, func: object) -> None:
            self.filters[name] = func

    def run(plugin) -> str:
        env = Env()
        plugin.register_liquid(env)
        return env.filters["hideCustomBibtex"](bib, context=type("C", (), {"env": env})())

    assert run(PLUGIN_ANY_LINE) == "@article{k,\n  author = {A*},\n}\n"
    assert run(PLUGIN_FIELD) == "@article{k,\n  title = {On pdf files},\n  author = {A*},\n}\n"


def _history() -> list[tuple[str, str]]:
    """(commit, file name) of every version of every file al-folio's ``_plugins`` held."""
    log = subprocess.run(["git", "-C", str(ALFOLIO_GIT), "log", "--format=C %h", "--name-only", "--", "_plugins"],
                         capture_output=True, text=True).stdout
    found, commit = [], ""
    for line in log.splitlines():
        if line.startswith("C "):
            commit = line[2:]
        elif line.strip():
            found.append((commit, line.split("/", 1)[1]))
    return found


@pytest.mark.skipif(not ALFOLIO_GIT.is_dir(), reason="needs the al-folio mirror")
def test_every_version_al_folio_shipped_is_recognised_unedited():
    checked = 0
    for commit, name in _history():
        text = alfolio_plugin(commit, name)
        if text is None or name in ("emoji.rb",):  # deleted at that commit; emoji.rb: jemoji's predecessor
            continue
        found = recognise(name, text, RUBY_PLUGINS)
        assert found is not None and not found.edited, (commit, name)
        checked += 1
    assert checked >= 35


@pytest.mark.skipif(not ALFOLIO_GIT.is_dir(), reason="needs the al-folio mirror")
def test_the_template_files_build_without_warnings(tmp_path):
    files = dict(SITE)
    for name in STAND_INS:
        text = alfolio_plugin("6d2ce99", name.split("/")[1]) or alfolio_plugin("08d562a", name.split("/")[1])
        assert text is not None
        files[name] = text
    built = build_in_process(tmp_path, files)
    assert built.code == 0, built.log
    assert built.read("index.html") == EXPECTED
    assert "differs" not in built.log and "Skipping" not in built.log
