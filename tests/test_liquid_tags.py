"""Jekyll's tags (include, include_relative, link, post_url, raw) on real sites.

Every expected output and message below was observed from Jekyll 4.3.1
(``jekyll build`` on the same files).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from liquidsite import dependencies
from liquidsite.config import load_config
from liquidsite.liquid import LiquidRenderError
from liquidsite.site import Site

ACADEMIC = {
    "_config.yml": "url: https://example.org\nbaseurl: /site\nlocale: en-US\n"
    "author:\n  name: Ada\n  bio: Researcher\n  github: ada\n",
    "_data/ui-text.yml": "en-US:\n  toc_label: On this page\n",
    # academicpages' `base_path`: a file without extension whose assign leaks to the caller
    "_includes/base_path": "{% if site.url %}\n  {% assign base_path = site.url | append: site.baseurl %}\n"
    "{% else %}\n  {% assign base_path = site.github.url %}\n{% endif %}",
    "_includes/author-profile.html": '{% include base_path %}<div class="author">{{ site.author.name }}'
    "{% if site.author.bio %}<p>{{ site.author.bio }}</p>{% endif %}"
    '{% include social.html kind="github" handle=site.author.github %}</div>',
    "_includes/social.html": '<a class="{{ include.kind }}" href="{{ base_path }}/{{ include.handle }}">{{ '
                             'include.kind }}</a>',
    "_includes/archive-single.html": '{% include base_path %}<div class="{{ include.type | default: "list" }}__item">'
    '<a href="{{ base_path }}{{ post.url }}">{{ post.title }}</a></div>',
    "_includes/feature_row": "{% if include.id %}{% assign feature_row = page[include.id] %}"
    "{% else %}{% assign feature_row = page.feature_row %}{% endif %}"
    '<div class="feature__wrapper">{% for f in feature_row %}'
    '<div class="feature__item{% if include.type %}--{{ include.type }}{% endif %}">{{ f.title }}</div>'
    "{% endfor %}</div>",
    "_includes/toc": "<nav class=\"toc\"><h4><i class=\"fa fa-{{ include.icon | default: 'file-text' }}\"></i> "
    "{{ include.title | default: site.data.ui-text[site.locale].toc_label }}</h4></nav>",
    "_layouts/default.html": "<body>{% include author-profile.html %}\n{{ content }}</body>\n",
    "_posts/2020-01-02-second.html": "---\ntitle: Second\n---\nS\n",
    "_posts/2020-01-01-first.html": "---\ntitle: First\n---\nF\n",
    "index.html": (
        "---\nlayout: default\nintro:\n  - title: One\n  - title: Two\n---\n"
        '{% include feature_row id="intro" type="center" %}\n'
        '{% include toc icon="gears" title="Contents" %}\n'
        "{% include toc %}\n"
        '{% for post in site.posts %}{% include archive-single.html type="grid" %}{% endfor %}\n'
        "base_path={{ base_path }} include=[{{ include.type }}]\n"
    ),
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _site(root: Path, **overrides: object) -> Site:
    return Site(load_config({"source": str(root), "destination": str(root / "_site"), **overrides}))


def liquid_exception(root: Path, files: dict[str, str], **overrides: object) -> str:
    """Build in-process; the message Jekyll logs after ``Liquid Exception:`` (whitespace squeezed)."""
    write(root, files)
    with pytest.raises(LiquidRenderError) as failure:
        _site(root, **overrides).process()
    return re.sub(r"\s+", " ", str(failure.value))


def test_academic_include_patterns(build_site):
    built = build_site(ACADEMIC)
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        '<body><div class="author">Ada<p>Researcher</p><a class="github" '
        'href="https://example.org/site/ada">github</a></div>\n'
        '<div class="feature__wrapper"><div class="feature__item--center">One</div><div '
        'class="feature__item--center">Two</div></div>\n'
        '<nav class="toc"><h4><i class="fa fa-gears"></i> Contents</h4></nav>\n'
        '<nav class="toc"><h4><i class="fa fa-file-text"></i> On this page</h4></nav>\n'
        '<div class="grid__item"><a href="https://example.org/site/2020/01/02/second.html">Second</a></div>'
        '<div class="grid__item"><a href="https://example.org/site/2020/01/01/first.html">First</a></div>\n'
        "base_path=https://example.org/site include=[]\n</body>\n"
    )


def test_parameter_values_file_names_and_nesting(build_site):
    built = build_site({
        "_includes/show.html": "[{% for p in include %}{{ p[0] }}={{ p[1] }};{% endfor %}]",
        "_includes/footer/custom.html": "custom footer {{ include.n }}",
        "_includes/wrap.html": "<w {{ include.label }}>{% include show.html inner=include.label page_title=page.title "
                               "%}"
        "{% include show.html %}</w>",
        "_includes/header-en.html": "EN",
        "index.html": (
            "---\ntitle: Home\nfile: footer/custom.html\nlang: en\nitems: [a, b, c]\n---\n"
            "{% include show.html a=\"dq \\\"x\\\"\" b='sq \\'y\\'' c=page.title d=42 e=-1.5 f=true g=nil "
            'h=page.items.size i=page.missing j="" %}\n'
            "{% include footer/custom.html n=1 %}|{% include {{ page.file }} n=2 %}|"
            "{% include header-{{ page.lang }}.html %}|{% include {{ page.lang | prepend: 'header-' }}.html %}\n"
            '{% include wrap.html label="outer" %}\n'
            "{% include show.html\n   multi=\"line\"\n   x = 'spaced' %}\n"
            "{% assign n = 3 %}{% for i in (1..2) %}{% include show.html i=i n=n %}{% endfor %}\n"
            "{% if true %}{% include header-en.html %}{% endif %}\n"
        ),
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        "[a=dq \"x\";b=sq 'y';c=Home;d=42;e=-1.5;f=true;g=;h=3;i=;j=;]\n"
        "custom footer 1|custom footer 2|EN|EN\n"
        "<w outer>[inner=outer;page_title=Home;][label=outer;]</w>\n"
        "[multi=line;x=spaced;]\n"
        "[i=1;n=3;][i=2;n=3;]\n"
        "EN\n"
    )


def test_includes_dir_setting(build_site):
    built = build_site({
        "_config.yml": "includes_dir: _partials\n",
        "_partials/p.html": "partial {{ include.x }}",
        "index.html": '---\n---\n{% include p.html x="ok" %}\n',
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "partial ok\n"


@pytest.mark.parametrize("markup, message", [
    ("nope.html",
     "Could not locate the included file 'nope.html' in any of [\"{includes}\"]. Ensure it exists in one of those "
     "directories and, if it is a symlink, does not point outside your site source. in index.html"),
    ("../_config.yml",
     "Invalid syntax for include tag. File contains invalid characters or sequences: ../_config.yml Valid syntax: "
     "{% include file.ext param='value' param2='value' %} in index.html"),
    ("",
     "Invalid syntax for include tag. File contains invalid characters or sequences: Valid syntax: "
     "{% include file.ext param='value' param2='value' %} in index.html"),
    ("a.html x=y|z",
     "Invalid syntax for include tag: x=y|z Valid syntax: {% include file.ext param='value' param2='value' %} "
     "in index.html"),
    ("{{ 'a' | append: '.html' }}",
     "Invalid syntax for include tag: 'a' | append: '.html' }} Valid syntax: "
     "{% include file.ext param='value' param2='value' %} in index.html"),
    ("/etc/hostname",
     "Could not locate the included file '/etc/hostname' in any of [\"{includes}\"]. Ensure it exists in one of "
     "those directories and, if it is a symlink, does not point outside your site source. in index.html"),
])
def test_include_errors_are_worded_as_jekyll(tmp_path, markup, message):
    failure = liquid_exception(tmp_path, {"_includes/a.html": "A",
                                          "index.html": "---\n---\n{% include " + markup + " %}\n"})
    assert failure == message.replace("{includes}", str(tmp_path / "_includes"))


def test_missing_include_in_safe_mode_and_nested(build_site, tmp_path):
    built = build_site({
        "_includes/outer.html": "{% include inner.html %}",
        "index.html": "---\n---\n{% include outer.html %}\n",
    }, "--safe")
    assert built.code == 1
    assert (
        f"Liquid Exception: Could not locate the included file 'inner.html' in any of [\"{tmp_path}/_includes\"]. "
        "Ensure it exists in one of those directories and is not a symlink as those are not allowed in safe mode. "
        "in index.html\n"
    ) in built.log


def test_symlinked_include_pointing_outside_is_refused_in_safe_mode(build_site, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.html"
    outside.write_text("SECRET")
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "inside.html").write_text("INSIDE")
    os.symlink(outside, tmp_path / "_includes" / "out.html")
    os.symlink(tmp_path / "_includes" / "inside.html", tmp_path / "_includes" / "in.html")
    built = build_site({"index.html": "---\n---\n{% include in.html %}{% include out.html %}\n"}, "--safe")
    assert built.code == 1
    assert "Could not locate the included file 'out.html'" in built.log
    assert "SECRET" not in built.log
    # Without --safe Jekyll follows the symlink; liquidsite never reads through a link out of the source.
    built = build_site({})
    assert built.code == 1
    assert "Could not locate the included file 'out.html'" in built.log
    assert "SECRET" not in built.log


def test_liquid_error_inside_an_include_names_the_outermost_include(tmp_path):
    failure = liquid_exception(tmp_path, {
        "_config.yml": "liquid:\n  error_mode: strict\n",
        "_includes/outer.html": "o\n\n{% include bad.html %}",
        "_includes/bad.html": "x\n{{ 5 | divided_by: 0 }}",
        "index.html": "---\n---\n{% include outer.html %}\n",
    })
    # Jekyll: "Liquid error (.../_includes/outer.html line 2): divided by 0 included in index.html"
    assert failure.startswith(f"Liquid error ({tmp_path}/_includes/outer.html line 2): ")
    assert failure.endswith(" included in index.html")


def test_syntax_error_inside_an_include(tmp_path):
    failure = liquid_exception(tmp_path, {
        "_config.yml": "liquid:\n  error_mode: strict\n",
        "_includes/bad.html": "x\n{% foo %}",
        "index.html": "---\n---\n{% include bad.html %}\n",
    })
    # Jekyll: "Liquid syntax error (.../_includes/bad.html line 2): Unknown tag 'foo' included in index.html"
    assert failure.startswith(f"Liquid syntax error ({tmp_path}/_includes/bad.html line 2): ")
    assert failure.endswith(" included in index.html")


def test_include_relative(build_site):
    built = build_site({
        "docs/snip.md": "snip {{ include.x }}",
        "docs/sub/deeper.md": "deeper",
        "docs/page.html": '---\nlayout: l\n---\n{% include_relative snip.md x="1" %}|{% include_relative sub/deeper.md '
                          '%}\n',
        # in a layout the directory is still the page's
        "_layouts/l.html": "<{% include_relative snip.md %}>{{ content }}",
        "_posts/2018-09-02-star-wars.md": "---\n---\n{% include_relative snippets/welcome.md %}\n\nHello World\n",
        "_posts/snippets/welcome.md": "Welcome back",
        "index.html": "---\n---\n{% for post in site.posts %}{{ post.excerpt }}{% endfor %}",
    })
    assert built.code == 0, built.log
    assert built.read("docs/page.html") == "<snip >snip 1|deeper\n"
    assert built.read("2018/09/02/star-wars.html") == "<p>Welcome back</p>\n\n<p>Hello World</p>\n"
    assert built.read("index.html") == "<p>Welcome back</p>\n"


def test_include_relative_errors(tmp_path):
    failure = liquid_exception(tmp_path, {"docs/sub/deep.html": "---\n---\n{% include_relative ../snip.md %}\n"})
    assert failure == (
        "Invalid syntax for include tag. File contains invalid characters or sequences: "
        "../snip.md Valid syntax: {% include_relative file.ext param='value' param2='value' %} in docs/sub/deep.html"
    )
    failure = liquid_exception(tmp_path, {"docs/sub/deep.html": "---\n---\n{% include_relative nope.md %}\n"},
                               safe=True)
    assert failure == (
        f"Could not locate the included file 'nope.md' in any of [\"{tmp_path}/docs/sub\"]. "
        "Ensure it exists in one of those directories and is not a symlink as those are not allowed in safe mode. "
        "in docs/sub/deep.html"
    )


def test_link_and_post_url(build_site):
    built = build_site({
        "_config.yml": "baseurl: /blog/\ncollections:\n  talks:\n    output: true\n",
        "assets/paper.pdf": "PDF",
        "_talks/t1.md": "---\n---\nT",
        "about.md": "---\npermalink: /about/\n---\nA",
        "_posts/2019-02-04-hello-world.md": "---\n---\nH",
        "_posts/Salt and Pepper/2019-02-05-hello-again.md": "---\n---\nH2",
        "movies/_posts/2019-02-06-star-wars.md": "---\n---\nSW",
        "index.html": (
            "---\ndoc: _talks/t1.md\n---\n"
            "{% link assets/paper.pdf %}|{% link /assets/paper.pdf %}|{% link {{ page.doc }} %}|{% link about.md %}|"
            "{% link index.html %}|{% link _posts/2019-02-04-hello-world.md %}\n"
            "{% post_url 2019-02-04-hello-world %}|{% post_url /2019-02-04-hello-world %}|"
            "{% post_url Salt and Pepper/2019-02-05-hello-again %}|{% post_url movies/2019-02-06-star-wars %}\n"
        ),
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        "/blog/assets/paper.pdf|/blog/assets/paper.pdf|/blog/talks/t1.html|/blog/about/|/blog/|"
        "/blog/2019/02/04/hello-world.html\n"
        "/blog/2019/02/04/hello-world.html|/blog/2019/02/04/hello-world.html|/blog/2019/02/05/hello-again.html|"
        "/blog/movies/2019/02/06/star-wars.html\n"
    )
    assert "Deprecation" not in built.log


def test_post_url_without_the_posts_directory_is_deprecated(build_site):
    built = build_site({
        "movies/_posts/2019-02-04-hello-world.md": "---\n---\nH",
        "index.html": "---\n---\n{% post_url 2019-02-04-hello-world %}\n",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "/movies/2019/02/04/hello-world.html\n"
    assert (
        "       Deprecation: A call to '{% post_url 2019-02-04-hello-world %}' did not match a post using the new "
        "matching method of checking name (path-date-slug) equality. Please make sure that you change this tag to "
        "match the post's name exactly.\n"
    ) in built.log


def test_link_error_stops_the_build(build_site):
    built = build_site({"index.md": "---\n---\n[x]({% link contact.md %})\n"})
    assert built.code == 1
    assert (
        "  Liquid Exception: Could not find document 'contact.md' in tag 'link'. Make sure the document exists and "
        "the path is correct. in index.md\n"
    ) in built.log
    assert "Traceback" not in built.log
    assert not built.dest.exists()


@pytest.mark.parametrize("source, message", [
    ("{% post_url 2019-02-04-hello-world %}",
     "Could not find post \"2019-02-04-hello-world\" in tag 'post_url'. Make sure the post exists and the name is "
     "correct. in index.md"),
    ("{% post_url bogus %}",
     "Could not parse name of post \"bogus\" in tag 'post_url'. Make sure the post exists and the name is correct. "
     "Jekyll::Errors::InvalidPostNameError: 'bogus' does not contain valid date and/or title. in index.md"),
])
def test_post_url_errors(tmp_path, source, message):
    assert liquid_exception(tmp_path, {"index.md": f"---\n---\n[x]({source})\n"}) == message


def test_raw_whitespace_control(build_site):
    built = build_site({
        "index.html": (
            "---\n---\nA\n{%- raw -%}\n  {{ x }}\n{% endraw -%}\n  B\n{% raw -%}\n C {% endraw %}\n D\n"
            "{% raw %} E \n{% endraw -%} F\nG {% raw %}{% if %}{{ {% endraw %}\nH {%raw%}x{%endraw%}\n"
            "{% if true %}{% raw %}{{ y }}{% endraw %}{% endif %}\n"
        ),
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == "A\n  {{ x }}\nB\n\n C D\n E \n F\nG {% if %}{{ \nH x\n{{ y }}\n"


def test_includes_are_listed_in_the_profile(build_site):
    built = build_site({
        "_includes/a.html": "A{{ include.x }}",
        "_layouts/default.html": "{% include a.html %}{{ content }}",
        "index.html": "---\nlayout: default\n---\n{% include a.html x=1 %}{% include a.html x=2 %}\n",
        "docs/x.md": "---\n---\n{% include_relative y.md %}",
        "docs/y.md": "Y",
    }, "--profile")
    assert built.code == 0, built.log
    # Jekyll: "| _includes/a.html      |     3 | 0.00K | 0.000 |" and "| docs/y.md ... |     1 |"
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in built.log.splitlines()
            if line.startswith("| ") and "Filename" not in line}
    assert rows["_includes/a.html"] == "3"
    assert rows["docs/y.md"] == "1"
    assert rows["TOTAL (for 5 files)"] == "7"


def test_an_include_is_parsed_once_per_build_and_noted_as_a_dependency(tmp_path):
    files = {
        "_includes/once.html": "{{ include.n }}",
        "docs/rel.md": "R",
        **{f"p{i}.html": f"---\n---\n{{% include once.html n={i} %}}{{% include once.html %}}" for i in range(5)},
        "docs/page.html": "---\n---\n{% include_relative rel.md %}",
    }
    write(tmp_path, files)
    config = load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site")})
    site = Site(config, dependencies.DependencyIndex())  # watched: its files change between builds
    site.reset()
    site.read()
    env = site.renderer.liquid.env
    parsed: list[str] = []
    original = env.from_string

    def counting(source: str, *args, **kwargs):
        parsed.append(str(kwargs.get("path", "")))
        return original(source, *args, **kwargs)

    env.from_string = counting  # type: ignore[method-assign]
    pages = {page.relative_path: page for page in site.pages}
    outputs = {}
    for name in sorted(pages):
        with dependencies.recording() as keys:
            outputs[name] = site.renderer.render(pages[name])
        if name.startswith("p"):
            assert keys == {str(tmp_path / "_includes/once.html")}
        else:
            assert keys == {str(tmp_path / "docs/rel.md")}
    assert outputs["p3.html"] == "3"
    assert outputs["docs/page.html"] == "R"
    assert parsed.count(str(tmp_path / "_includes/once.html")) == 1
    # On a watched site, an edited include is parsed again, even by the same environment.
    (tmp_path / "_includes/once.html").write_text("changed {{ include.n }}")
    os.utime(tmp_path / "_includes/once.html", ns=(1, 1))
    rendered = site.renderer.liquid.render("{% include once.html n=1 %}", {"page": {}}, "again.html")
    assert rendered == "changed 1"
    assert parsed.count(str(tmp_path / "_includes/once.html")) == 2


def test_include_nesting_is_limited_as_in_ruby_liquid(build_site, tmp_path):
    nested = "{% assign n = include.n | plus: 1 %}{% if n < LIMIT %}{% include d.html n=n %}{% endif %}"
    built = build_site({"_includes/d.html": nested.replace("LIMIT", "99"), "index.html": "---\n---\n"
                                                                                         "{% include d.html n=0 %}{{ n "
                                                                                         "}}\n"})
    assert built.code == 0, built.log
    assert built.read("index.html") == "99\n"
    failure = liquid_exception(tmp_path, {"_includes/d.html": nested.replace("LIMIT", "100")})
    assert failure == f"Liquid error ({tmp_path}/_includes/d.html line 1): Nesting too deep included in index.html"


def test_link_urls_are_normalised_as_relative_url_does(build_site):
    built = build_site({
        "_config.yml": "baseurl: /my base\n",
        "files/a b+c.pdf": "x",
        "files/café.txt": "y",
        "files/100%.txt": "z",
        "ü/page.md": "---\n---\nP",
        "q.md": "---\npermalink: /q/a?b=c d#frag ment\n---\nQ",
        "index.html": "---\n---\n{% link files/a b+c.pdf %}|{% link files/café.txt %}|{% link files/100%.txt %}|"
        "{% link ü/page.md %}|{% link q.md %}",
    })
    assert built.code == 0, built.log
    assert built.read("index.html") == (
        "/my%20base/files/a%20b+c.pdf|/my%20base/files/caf%C3%A9.txt|/my%20base/files/100%25.txt|"
        "/my%20base/%C3%BC/page.html|/my%20base/q/a?b=c%20d#frag%20ment"
    )


def test_liquid_render_tag_fails_as_under_jekyll(tmp_path):
    failure = liquid_exception(tmp_path, {
        "_config.yml": "liquid:\n  error_mode: strict\n",
        "_includes/a.html": "A",
        "_includes/b.html": "{% render 'a.html' %}",
        "index.html": "---\n---\nx{% include b.html %}y\n",
    })
    assert failure == (
        f"Liquid error ({tmp_path}/_includes/b.html line 1): This liquid context does not allow includes. "
        "included in index.html"
    )


def test_syntax_errors_in_includes_use_liquids_wording(build_site) -> None:
    """Observed from Jekyll 4.3.1 in the default (warn) error mode."""
    built = build_site({
        "_includes/invalid.html": "{% INVALID %}\n",
        "_includes/nav.html": "<nav>{% for item in site.data.menu %}{{ item.name }}</nav>\n",
        "_layouts/default.html": "<body>{% include nav.html %}{{ content }}</body>\n",
        "index.html": "---\n---\n{% include invalid.html %}\n",
    })
    assert built.code == 1
    assert (f"Liquid Exception: Liquid syntax error ({built.source}/_includes/invalid.html line 1): "
            "Unknown tag 'INVALID' included in index.html") in built.log
    built = build_site({"index.html": "---\nlayout: default\n---\nhi\n"})
    assert (f"Liquid Exception: Liquid syntax error ({built.source}/_includes/nav.html line 2): "
            f"'for' tag was never closed included in {built.source}/_layouts/default.html") in built.log
