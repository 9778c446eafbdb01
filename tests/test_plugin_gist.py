"""jekyll-gist: output observed from Jekyll 4.3.1 + jekyll-gist 1.5.0.

Offline (no network: the gem's fetch fails) Jekyll writes three warning lines per tag and the
value of its last ``Jekyll.logger.warn`` call before the script tag: ``true``, ``false`` with
``--quiet``. With ``gist: {noscript: false}`` the script tag alone. Online, the gist's code comes
from a canned server on 127.0.0.1 standing in for gist.githubusercontent.com.
"""

from __future__ import annotations

import re
import sys

import pytest
from alfolio_site import CannedServer
from conftest import run_build, write_tree

from liquidsite.plugins import gist
from liquidsite.plugins.gist import arguments

PAGE = (
    "---\nmygist: parkr/931c1c8d465a04042403\nfile: x.rb\n---\n"
    "A{% gist parkr/c08ee0f2726fd0e3909d %}\n"
    "B{% gist 28949e1d5ee2273f9fd3 best.md %}\n"
    "C{% gist page.mygist page.file %}\n"
    "E{% gist   nofile/1   %}\n"
)
SCRIPTS = (
    '<script src="https://gist.github.com/parkr/c08ee0f2726fd0e3909d.js"> </script>',
    '<script src="https://gist.github.com/28949e1d5ee2273f9fd3.js?file=best.md"> </script>',
    '<script src="https://gist.github.com/parkr/931c1c8d465a04042403.js?file=x.rb"> </script>',
    '<script src="https://gist.github.com/nofile/1.js"> </script>',
)


def expected(*noscripts: str) -> str:
    lines = zip("ABCE", noscripts, SCRIPTS, strict=True)
    return "".join(f"{letter}{noscript}{script}\n" for letter, noscript, script in lines)


NOSCRIPT_FALSE = expected("", "", "", "")
OFFLINE = expected("true", "true", "true", "true")
POST = "---\n---\nText {% gist parkr/c08ee0f2726fd0e3909d %} end.\n\n{% gist 28949e1d5ee2273f9fd3 best.md %}\n"
OFFLINE_POST = (
    '<p>Text true<script src="https://gist.github.com/parkr/c08ee0f2726fd0e3909d.js"> </script> end.</p>\n\n'
    '<p>true<script src="https://gist.github.com/28949e1d5ee2273f9fd3.js?file=best.md"> </script></p>\n'
)
WARNING = (
    "           Warning: The <noscript> tag for your gist {} \n"
    "                    could not be generated. This will affect users who do \n"
    "                    not have JavaScript enabled in their browsers.\n"
)
CODE = b"puts '<b>' & \"x\" > 1\n\xc3\xa9\n"
ESCAPED = "<noscript><pre>puts &#39;&lt;b&gt;&#39; &amp; &quot;x&quot; &gt; 1\né\n</pre></noscript>"


@pytest.fixture
def server(monkeypatch):
    canned = CannedServer({
        "/parkr/c08ee0f2726fd0e3909d/raw": (200, "text/plain; charset=utf-8", CODE),
        "/28949e1d5ee2273f9fd3/raw/best.md": (200, "text/plain; charset=utf-8", b"# Best\n"),
        "/parkr/931c1c8d465a04042403/raw/x.rb": (200, "text/plain; charset=utf-8", b""),
    })
    monkeypatch.setattr(gist, "RAW_URL", canned.base)
    with canned.running():
        yield canned


def test_offline_as_jekyll_writes_it_when_the_fetch_fails(build_site):
    built = build_site({"_config.yml": "plugins: [jekyll-gist]\n", "index.html": PAGE, "post.md": POST},
                       "--offline")
    assert built.code == 0, built.log
    assert built.read("index.html") == OFFLINE
    assert built.read("post.html") == OFFLINE_POST
    ids = ("parkr/c08ee0f2726fd0e3909d", "28949e1d5ee2273f9fd3", "parkr/931c1c8d465a04042403", "nofile/1",
           "parkr/c08ee0f2726fd0e3909d", "28949e1d5ee2273f9fd3")
    assert built.stderr == "".join(WARNING.format(gist_id) for gist_id in ids)


def test_quiet_writes_false(build_site):
    built = build_site({"_config.yml": "plugins: [jekyll-gist]\n", "index.html": PAGE}, "--offline", "-q")
    assert built.read("index.html") == expected("false", "false", "false", "false")
    assert built.stderr == ""


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_noscript_false_writes_the_script_alone_and_asks_nothing(build_site, server):
    built = build_site({"_config.yml": "plugins: [jekyll-gist]\ngist:\n  noscript: false\n", "index.html": PAGE})
    assert built.read("index.html") == NOSCRIPT_FALSE
    assert server.requests == []
    assert "Warning" not in built.log


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_fetched_code_escaped_cached_and_used_offline(build_site, server):
    files = {"_config.yml": "plugins: [jekyll-gist]\n", "index.html": PAGE}
    online = expected(ESCAPED, "<noscript><pre># Best\n</pre></noscript>", "<noscript><pre></pre></noscript>",
                      "<noscript><pre>not found</pre></noscript>")  # the gem writes any answer's body
    built = build_site(files)
    assert built.code == 0, built.log
    assert built.read("index.html") == online
    assert sorted(server.requests) == ["/28949e1d5ee2273f9fd3/raw/best.md", "/nofile/1/raw",
                                       "/parkr/931c1c8d465a04042403/raw/x.rb", "/parkr/c08ee0f2726fd0e3909d/raw"]
    assert built.stderr == ""
    asked = len(server.requests)
    again = build_site({}, "--offline")
    assert again.read("index.html") == online.replace("<noscript><pre>not found</pre></noscript>", "true")
    assert len(server.requests) == asked
    assert again.stderr == WARNING.format("nofile/1")


def test_argument_split_follows_the_gem():
    assert arguments("user/1 a.rb") == ("user/1", "a.rb")
    assert arguments("  abc  ") == ("abc", "")
    assert arguments("user/1 a b") == ("user/1 a b", "")
    assert arguments("a b c") is None
    assert arguments("") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_worker_processes_leave_gist_pages_to_the_parent(tmp_path):
    files = {"_config.yml": "plugins: [jekyll-gist]\n"}
    for n in range(24):  # rounds under 16 renders stay in one process
        files[f"p{n}.md"] = f"---\n---\nPage {n}\n" + (f"{{% gist u/{n} %}}\n" if n % 6 == 3 else "")
    built = {}
    for jobs in (1, 2):
        source = tmp_path / f"site-{jobs}"
        write_tree(source, files)
        built[jobs] = run_build(source, "-V", "--offline", "--jobs", str(jobs),
                                env={"LIQUIDSITE_POOL_THRESHOLD": "1"})
        assert built[jobs].code == 0, built[jobs].log
    assert built[2].files == built[1].files
    assert re.search(r"Rendering: +\d+ of \d+ pages and documents in 2 worker processes", built[2].log)
    assert built[2].read("p3.html") == '<p>Page 3\ntrue<script src="https://gist.github.com/u/3.js"> </script></p>\n'
    assert built[2].stderr == built[1].stderr  # the same warnings in the same order (the site's render order)
    assert sorted(built[2].stderr.splitlines()) == sorted("".join(
        WARNING.format(f"u/{n}") for n in (3, 9, 15, 21)).splitlines())
