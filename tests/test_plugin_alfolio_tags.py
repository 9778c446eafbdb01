"""jekyll-socials 0.0.6, jekyll-tabs 1.2.1, jekyll-3rd-party-libraries 0.0.1 and the
jekyll-jupyter-notebook 0.0.6 tag.

Expected strings were observed from the real gems (the al-folio oracle, Jekyll 4.3.1)
on a fixture site with the same files; the oracle's pages went through
jekyll-link-attributes too, so the raw tag output here is the gem's output before
that rewrite (the same markup, before Nokogiri re-serialises it). A tab's body is
converted by the Markdown converter, whose kramdown output starts with the body's
leading blank line.
"""

from __future__ import annotations

import re

import pytest
from inprocess import build

from liquidsite.liquid.renderer import LiquidRenderError

SOCIALS = """email: you@example.com
github_username: octo
scholar_userid: qc6CJjYAAAAJ
cv_pdf: /assets/pdf/cv.pdf
rss_icon: true
academia_edu:
  organization: uni
  username: you
x_username:
  value: xhandle
  logo: fa-brands fa-x
orcid_id:
  orcid_id: 0000-0002
  logo: https://example.com/orcid.png
custom_social:
  logo: https://example.com/logo.svg
  title: Custom Social
  url: https://example.com/me
custom_icon:
  logo: fa-solid fa-star
  title: Star Thing
  url: https://example.com/star
"""


def test_social_links(tmp_path):
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-socials]\nbaseurl: /base\n",
        "_data/socials.yml": SOCIALS,
        "index.html": "---\n---\n{% social_links %}",
    })
    assert (site / "index.html").read_text() == " ".join([
        "<a href='mailto:you@example.com' title='Email'><i class='fa-solid fa-envelope'></i></a>",
        "<a href='https://github.com/octo' title='Github username'><i class='fa-brands fa-github'></i></a>",
        "<a href='https://scholar.google.com/citations?user=qc6CJjYAAAAJ' title='Scholar userid'>"
        "<i class='ai ai-google-scholar'></i></a>",
        "<a href='/base/assets/pdf/cv.pdf' title='Cv pdf'><i class='ai ai-cv'></i></a>",
        "<a href='/base/feed.xml' title='Rss icon'><i class='fa-solid fa-square-rss'></i></a>",
        "<a href='https://uni.academia.edu/you' title='Academia edu'><i class='ai ai-academia'></i></a>",
        "<a href='https://twitter.com/xhandle' title='X username'><i class='fa-brands fa-x'></i></a>",
        "<a href='https://orcid.org/0000-0002' title='Orcid id'>"
        "<img src='https://example.com/orcid.png' alt='Orcid id'></a>",
        "<a href='https://example.com/me' title='Custom Social'>"
        "<svg><image xlink:href='https://example.com/logo.svg' /></svg></a>",
        "<a href='https://example.com/star' title='Star Thing'><i class='fa-solid fa-star'></i></a>",
    ])


def test_social_logo_as_site_path_fails_as_in_the_gem(tmp_path):
    with pytest.raises(LiquidRenderError, match="relative_url"):
        build(tmp_path, {
            "_config.yml": "plugins: [jekyll-socials]\n",
            "_data/socials.yml": "mine:\n  logo: /assets/img/me.png\n  title: Me\n  url: https://x.org\n",
            "index.html": "---\n---\n{% social_links %}",
        })


TABS_POST = """---
---
Intro.

{% tabs log %}

{% tab log php %}
Some *markdown* text.
{% endtab %}

{% tab log Ruby On Rails! %}
plain
{% endtab %}

{% endtabs %}

{% tabs Other Group %}
{% tab other-group First  Tab %}
one
{% endtab %}
{% endtabs %}
"""

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def test_tabs(tmp_path):
    site = build(tmp_path, {"_config.yml": "plugins: [jekyll-tabs]\n", "_posts/2024-05-01-tabs.md": TABS_POST})
    html = (site / "2024/05/01/tabs.html").read_text()
    ids = UUID.findall(html)
    assert len(ids) == 4 and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    assert UUID.sub("UUID", html) == (
        "<p>Intro.</p>\n\n"
        '<ul id="log" class="tab" data-tab="UUID" data-name="log">\n  \n'
        '      <li class="active" id="log-php">\n          <a href="#">php </a>\n      </li>\n  \n'
        '      <li id="log-ruby-on-rails-">\n          <a href="#">Ruby On Rails! </a>\n      </li>\n  \n</ul>\n'
        '<ul class="tab-content" id="UUID" data-name="log">\n  \n'
        '      <li class="active">\n<p>Some <em>markdown</em> text.</p>\n</li>\n  \n'
        "      <li>\n<p>plain</p>\n</li>\n  \n</ul>\n\n"
        '<ul id="other-group" class="tab" data-tab="UUID" data-name="other-group">\n  \n'
        '      <li class="active" id="other-group-first--tab">\n'
        '          <a href="#">First  Tab </a>\n      </li>\n  \n'
        "</ul>\n"
        '<ul class="tab-content" id="UUID" data-name="other-group">\n  \n'
        '      <li class="active">\n<p>one</p>\n</li>\n  \n</ul>\n\n'
    )


def test_tabs_errors(tmp_path):
    with pytest.raises(LiquidRenderError, match="each_with_index"):
        build(tmp_path, {
            "_config.yml": "plugins: [jekyll-tabs]\n",
            "index.html": "---\n---\n{% tabs Other Group %}{% tab Other Group Tab %}x{% endtab %}{% endtabs %}",
        })


def test_third_party_library_versions(tmp_path):
    site = build(tmp_path, {
        "_config.yml": (
            "plugins: [jekyll-3rd-party-libraries]\nthird_party_libraries:\n  download: false\n  lib-a:\n"
            "    url:\n      js: \"https://cdn.example.com/lib-a@{{version}}/a.min.js\"\n"
            "    version: \"1.2.3\"\n  lib-b:\n    url:\n      fonts:\n"
            "        regular: \"https://cdn.example.com/b@{{version}}/r.woff2\"\n"
            "        bold: \"https://cdn.example.com/b/bold.woff2\"\n    version: \"9\"\n"
        ),
        "index.html": (
            "---\n---\n{% assign libs = site.third_party_libraries %}{{ libs.lib-a.url.js }} "
            "{{ libs.lib-b.url.fonts.regular }} {{ libs.lib-b.url.fonts.bold }}"
        ),
    })
    assert (site / "index.html").read_text() == (
        "https://cdn.example.com/lib-a@1.2.3/a.min.js https://cdn.example.com/b@9/r.woff2 "
        "https://cdn.example.com/b/bold.woff2"
    )


def test_jupyter_notebook_tag(tmp_path):
    site = build(tmp_path, {
        "_config.yml": "plugins: [jekyll-jupyter-notebook]\n",
        "index.html": (
            '---\n---\n{% jupyter_notebook "/assets/jupyter/n.ipynb" %}'
            '{% assign nb = "/assets/jupyter/<n>.ipynb" %}{% jupyter_notebook nb %}'
        ),
    })
    frame = (
        '<div\n  class="jupyter-notebook"\n  style="position: relative; width: 100%; margin: 0 auto;">\n'
        '  <div class="jupyter-notebook-iframe-container">\n    <iframe\n      src="SRC"\n'
        '      style="position: absolute; top: 0; left: 0; border-style: none;"\n      width="100%"\n'
        '      height="100%"\n      onload="this.parentElement.style.paddingBottom = '
        "(this.contentWindow.document.documentElement.scrollHeight + 10) + 'px'\"></iframe>\n  </div>\n</div>\n"
    )
    assert (site / "index.html").read_text() == (
        frame.replace("SRC", "/assets/jupyter/n.ipynb.html")
        + frame.replace("SRC", "/assets/jupyter/&lt;n&gt;.ipynb.html")
    )


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_third_party_libraries_download(tmp_path):
    """``download: true``: each file fetched once into assets/libs/NAME and the URL pointed there
    (observed from the gem against the same local server)."""
    import functools
    import http.server
    import threading

    served = tmp_path / "served"
    (served / "lib").mkdir(parents=True)
    (served / "lib/lib.min.js").write_text('console.log("lib");\n')
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        site = build(tmp_path / "site", {
            "_config.yml": (
                "baseurl: /base\nplugins: [jekyll-3rd-party-libraries]\nthird_party_libraries:\n  download: true\n"
                f"  mylib:\n    url:\n      js: \"http://127.0.0.1:{port}/lib/lib.min.js?v={{{{version}}}}\"\n"
                f"      css: \"http://127.0.0.1:{port}/lib/missing.css\"\n    version: \"2.0\"\n"
            ),
            "index.html": (
                "---\n---\n{% assign lib = site.third_party_libraries.mylib %}{{ lib.url.js }} {{ lib.url.css }}\n"
            ),
        })
    finally:
        server.shutdown()
        thread.join(5)
    assert (site / "index.html").read_text() == (
        f"/base/assets/libs/mylib/lib.min.js http://127.0.0.1:{port}/lib/missing.css\n"
    )
    assert (site / "assets/libs/mylib/lib.min.js").read_text() == 'console.log("lib");\n'
