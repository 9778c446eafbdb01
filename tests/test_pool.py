"""Rendering in worker processes (``--jobs``, :mod:`liquidsite.pool`): every byte and every log
line as one process makes them, on sites whose pages read what other pages rendered.

The pool is forced on for these small sites with ``LIQUIDSITE_POOL_THRESHOLD=1``; each site is
built with ``--jobs 1`` and ``--jobs 2`` (and 3, more workers than cores on CI) and compared.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import Mapping

import pytest

from conftest import Built, run_build, write_tree
from liquidsite import cache

FORCE = {"LIQUIDSITE_POOL_THRESHOLD": "1"}

POST = """---
title: Post {n}
tags: [t{m}]
---
Body of **post {n}** with a [link](/x/).

<!--more-->

The rest of post {n}, {{{{ page.title | upcase }}}}.
"""

#: Posts that read their neighbours' rendered bodies and excerpts, a page listing every post's
#: content and excerpt, a feed, a collection reading a post's output, missing layouts (warnings
#: at render time), a Sass page with its source map (a page added while rendering).
ORDER_DEPENDENT: dict[str, str] = {
    "_config.yml": (
        "title: Pool\nurl: https://example.org\ntime: 2024-02-01 10:00:00 +0000\nexcerpt_separator: <!--more-->\n"
        "plugins: [jekyll-feed]\ncollections:\n  notes:\n    output: true\n"
    ),
    "_layouts/default.html": "<html>{% include w.html %}{{ content }}</html>\n",
    "_includes/w.html": '{{ "abc".size }}-{{ page.title }}\n',
    "_layouts/post.html": (
        "---\nlayout: default\n---\n<article>{{ content }}{{ foo bar }}</article>\n"
        "<p class=prev>{{ page.previous.content }}</p>\n<p class=next>{{ page.next.content }}</p>\n"
        "<p class=excerpt>{{ page.excerpt }}</p><p class=nexcerpt>{{ page.next.excerpt }}</p>\n"
    ),
    "index.html": (
        "---\nlayout: default\n---\n{% for post in site.posts %}<li>{{ post.excerpt }}|{{ post.content }}"
        "|{{ post.output | size }}</li>{% endfor %}\n"
    ),
    "about.md": "---\nlayout: missing-about\n---\n# About {{ site.pages | size }}\n",
    "_notes/a.md": (
        "---\nlayout: default\n---\nFirst: {{ site.posts.first.output | size }} {{ site.posts.last.content }}\n"
    ),
    "_notes/b.md": "---\nlayout: nowhere\n---\nPlain note\n",
    "css/main.scss": "---\n---\n$c: #123;\nbody { color: $c; }\n",
}
# pages after the Sass page list its source map page too (site.pages grows while the site renders)
ORDER_DEPENDENT["_layouts/plain.html"] = "<main>{{ baz qux }}{{ site.pages | size }} {{ content }}</main>\n"
for _n in range(1, 7):  # pages that read no other page: all rendered by workers, the layout parsed in each
    ORDER_DEPENDENT[f"plain/p{_n}.md"] = f"---\nlayout: plain\n---\nPage {_n}\n"
for _n in range(1, 9):
    ORDER_DEPENDENT[f"_posts/2024-01-0{_n}-post-{_n}.md"] = (
        POST.format(n=_n, m=_n % 3).replace("title:", "layout: post\ntitle:" if _n % 3 else "layout: gone\ntitle:")
    )


def _normalised(log: str, dest: Path) -> str:
    """The log without what differs between any two builds (time, destination, pool lines)."""
    lines = []
    for line in log.replace(str(dest), "DEST").splitlines():
        if "done in" in line or re.search(r"Rendering: +(in one process|\d+ of \d+)", line):
            continue
        lines.append(re.sub(r"\.liquidsite-\w+", ".liquidsite-X", line))
    return "\n".join(lines)


def _build_with(tmp_path: Path, files: Mapping[str, str], jobs: int, *flags: str) -> Built:
    source = tmp_path / f"site-{jobs}"
    write_tree(source, files)
    return run_build(source, "-V", "--jobs", str(jobs), *flags, env=FORCE)


def _same_as_one_process(tmp_path: Path, files: Mapping[str, str], *flags: str, jobs: int = 2) -> Built:
    one = _build_with(tmp_path, files, 1, *flags)
    many = _build_with(tmp_path, files, jobs, *flags)
    assert many.code == one.code
    assert many.files == one.files
    assert _normalised(many.log, many.source) == _normalised(one.log, one.source)
    return many


needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


@needs_fork
@pytest.mark.parametrize("jobs", [2, 3])
def test_order_dependent_site_is_the_one_process_build(tmp_path: Path, jobs: int) -> None:
    built = _same_as_one_process(tmp_path, ORDER_DEPENDENT, jobs=jobs)
    assert built.code == 0
    assert re.search(r"Rendering: +\d+ of \d+ pages and documents in \d worker processes", built.log)
    # what the order makes visible: a post shows the earlier post rendered, the later one as source
    post = built.read("2024/01/04/post-4.html")
    assert "<p class=prev><p>Body of <strong>post 3</strong>" in post
    assert "<p class=next>Body of **post 5**" in post
    assert "Layout 'gone' requested in _posts/2024-01-03-post-3.md does not exist." in built.log
    assert (built.dest / "css/main.css.map").exists()
    assert "<main>11 " in built.read("plain/p1.html") and "About 10" in built.read("about.html")  # 10 pages + map
    warning = 'Liquid Warning: Liquid syntax error (line 1): Expected end_of_string but found id in "{{ baz'
    assert built.log.count(warning) == 1  # the layout parsed in each worker, its warning given once


@needs_fork
def test_pages_reading_the_payload_the_render_before_left_are_the_one_process_build(tmp_path: Path) -> None:
    # Jekyll's payload keeps the last render's `content` and `layout` (test_corpus_regressions.LEAKING_SITE)
    files = {
        "_layouts/default.html": '<main x="{{ layout.x }}">{{ content }}</main>\n',
        "_layouts/post.html": "---\nlayout: default\nx: post-x\n---\n<article>{{ content }}</article>\n",
        "_layouts/plain.html": "---\nx: plain-x\n---\n[{{ content }}]\n",
        **{f"p{n:02d}.md": f"---\nlayout: {'post' if n % 3 else 'plain'}\n---\nP{n}\n" for n in range(30)},
        "p10b.md": "---\nlayout: plain\n---\nB ({{ content | size }}) ({{ layout.x }})\n",
        "p20c.md": "---\n---\nC ({{ content | strip_html | strip }}) ({{ layout }})\n",
    }
    built = _same_as_one_process(tmp_path, files)
    # observed from Jekyll 4.3.1
    assert built.read("p10b.html") == "[<p>B (31) (post-x)</p>\n]\n"
    assert built.read("p20c.html") == '<p>C (P20) ({“layout”=&gt;”default”, “x”=&gt;”post-x”})</p>\n'


#: Pages whose includes (not their own text) read what the render before them left in the payload.
LEAKING_THROUGH_INCLUDES = {
    "_layouts/default.html": '<main x="{{ layout.x }}">{{ content }}</main>\n',
    "_layouts/post.html": "---\nlayout: default\nx: post-x\n---\n<article>{{ content }}</article>\n",
    "_layouts/plain.html": "---\nx: plain-x\n---\n[{{ content }}]\n",
    **{f"p{n:02d}.md": f"---\nlayout: {'post' if n % 3 else 'plain'}\n---\nP{n}\n" for n in range(30)},
    "_includes/leak.html": "({{ content | size }}) ({{ layout.x }})",
    "_includes/outer.html": "outer {% include inner.html %}",
    "_includes/inner.html": "inner ({{ content | strip_html | strip }}) ({{ layout }})",
    "_includes/dyn.html": "dyn ({{ content | size }})",
    "_includes/plain.html": "no leak here {{ page.title }}",
    "p10b.md": "---\nlayout: plain\n---\nB {% include leak.html %}\n",
    "p20c.md": "---\n---\nC {% include outer.html %}\n",
    "p25d.md": "---\ninc: dyn.html\n---\nD {% include {{ page.inc }} %}\n",
    "sub/p27e.md": "---\n---\nE {% include_relative rel.html %}\n",
    "sub/rel.html": "rel ({{ content | size }})",
    "p28f.md": "---\nlayout: post\n---\nF {% include plain.html %}\n",
    "p29g.md": "---\n---\n{% liquid\n  include plain.html\n%}\n",
}
SCANNED_ONLY = {"p29h.md": "---\n---\n{% include_cached leak.html %}\n"}  # jekyll-include-cache's tag


def test_the_pages_reading_the_leaked_payload_include_those_whose_includes_read_it(tmp_path: Path) -> None:
    """Followed through includes (nested, relative); a name known only when the page renders counts."""
    from liquidsite.config import load_config
    from liquidsite.pool import LeakReaders
    from liquidsite.site import Site

    write_tree(tmp_path, {**LEAKING_THROUGH_INCLUDES, **SCANNED_ONLY})
    site = Site(load_config({"source": str(tmp_path), "destination": str(tmp_path / "_site"), "quiet": True}))
    site.read()
    reads = LeakReaders(site)
    assert sorted(page.relative_path for page in site.pages if reads(page)) == [
        "p10b.md", "p20c.md", "p25d.md", "p29g.md", "p29h.md", "sub/p27e.md"]


@needs_fork
@pytest.mark.parametrize("jobs", [2, 3])
def test_pages_whose_includes_read_the_leaked_payload_are_the_one_process_build(tmp_path: Path, jobs: int) -> None:
    built = _same_as_one_process(tmp_path, LEAKING_THROUGH_INCLUDES, jobs=jobs)
    assert built.code == 0, built.log
    # observed from Jekyll 4.3.1
    assert built.read("p10b.html") == "[<p>B (31) (post-x)</p>\n]\n"
    assert built.read("p20c.html") == "<p>C outer inner (P20) ({“layout”=&gt;”default”, “x”=&gt;”post-x”})</p>\n"
    assert built.read("p25d.html") == "<p>D dyn (31)</p>\n"
    assert built.read("sub/p27e.html") == "<p>E rel (11)</p>\n"
    assert built.read("p28f.html") == '<main x="post-x"><article><p>F no leak here</p>\n</article>\n</main>\n'


@needs_fork
def test_a_page_whose_cached_include_reads_the_leaked_payload_is_the_one_process_build(tmp_path: Path) -> None:
    """jekyll-include-cache renders a pair first in the parent; the workers must still carry what
    their renders leave in the payload, or the parent renders it from a stale one."""
    files = {name: text for name, text in LEAKING_THROUGH_INCLUDES.items()
             if name.startswith("_layouts/") or name == "_includes/leak.html" or len(name) == len("p00.md")}
    files.update({"_config.yml": "plugins: [jekyll-include-cache]\n",
                  "p12h.md": "---\nlayout: plain\n---\nH {% include_cached leak.html %}\n"})
    built = _same_as_one_process(tmp_path, files)
    assert built.code == 0, built.log
    assert built.read("p12h.html") == "[<p>H (11) (plain-x)</p>\n]\n"  # observed from Jekyll 4.3.1


@needs_fork
def test_cache_written_by_workers_is_the_one_process_cache(tmp_path: Path) -> None:
    source = tmp_path / "site"
    write_tree(source, ORDER_DEPENDENT)
    caches = []
    for jobs in (1, 2):
        shutil.rmtree(source / ".jekyll-cache", ignore_errors=True)
        assert run_build(source, "--jobs", str(jobs), env=FORCE).code == 0
        root = source / ".jekyll-cache"
        caches.append({(p.parent.name, key): value for p in root.rglob("*.pack")
                       for key, value in cache._read_pack(str(p)).items()})
    assert caches[0] == caches[1]
    assert sum("Markdown" in folder for folder, _ in caches[0]) > 10


@needs_fork
def test_an_error_in_a_worker_is_reported_as_one_process_reports_it(tmp_path: Path) -> None:
    files = dict(ORDER_DEPENDENT)
    files["_posts/2024-01-05-post-5.md"] = "---\ntitle: Broken\n---\nline\n\n{% nosuchtag %}\n"
    built = _same_as_one_process(tmp_path, files)
    assert built.code == 1
    assert "Traceback" not in built.log
    assert "Liquid syntax error (line 3): Unknown tag 'nosuchtag'" in built.log


COUNTING_PLUGIN = (
    "calls = []\n\ndef register(api):\n"
    "    @api.filter('counted')\n"
    "    def counted(value):\n"
    "        calls.append(value)\n"
    "        return f'{value}:{len(calls)}'\n"
)


@needs_fork
def test_site_plugins_rendering_python_keep_one_process(tmp_path: Path) -> None:
    files = dict(ORDER_DEPENDENT, **{"_plugins/count.py": COUNTING_PLUGIN})
    files["_layouts/default.html"] = "<html>{{ 'n' | counted }}{{ content }}</html>\n"
    built = _same_as_one_process(tmp_path, files)
    assert "Rendering: in one process (_plugins/count.py may keep state from page to page" in built.log
    assert "n:" in built.read("index.html")


@needs_fork
def test_site_plugins_declared_parallel_safe_render_in_workers(tmp_path: Path) -> None:
    files = dict(ORDER_DEPENDENT, **{"_plugins/shout.py": (
        "PARALLEL_SAFE = True\n\ndef register(api):\n"
        "    @api.filter('shout')\n    def shout(value):\n        return f'{value}!'.upper()\n"
    )})
    files["_layouts/default.html"] = "<html>{{ page.title | shout }}{{ content }}</html>\n"
    built = _same_as_one_process(tmp_path, files)
    assert re.search(r"Rendering: +\d+ of \d+ pages and documents in 2 worker processes", built.log)
    assert "<html>POST 1!" in built.read("2024/01/01/post-1.html")


@needs_fork
def test_small_sites_render_in_one_process(tmp_path: Path) -> None:
    source = tmp_path / "small"
    write_tree(source, {"index.md": "---\n---\nhi\n"})
    built = run_build(source, "-V", "--jobs", "2")
    assert re.search(r"Rendering: +in one process \(1 pages and documents to render, fewer than \d+\)", built.log)


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    source = tmp_path / "site"
    write_tree(source, {"index.md": "---\n---\nhi\n", "_config.yml": "jobs: many\n"})
    built = run_build(source)
    assert built.code == 1
    assert "Invalid jobs in the configuration: 'many'" in built.log
    shutil.rmtree(source / "_site", ignore_errors=True)
    refused = run_build(source, "--jobs", "0")
    assert refused.code == 2
    assert "argument -j/--jobs: expected a number of processes, 1 or more: '0'" in refused.log
    assert "configuration" not in refused.log
    assert run_build(source, "--jobs", "1").code == 0


SYNTH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "synth_site.py"


@pytest.mark.slow
@needs_fork
@pytest.mark.skipif(not SYNTH.exists(), reason="shared/bench/synth_site.py is not beside the repository")
def test_synthetic_site_is_the_one_process_build(tmp_path: Path) -> None:
    """A synthetic academicpages-style site of 100 posts (261 renders: over the default threshold,
    so no environment variable) built with 1 and 2 jobs: same files, same log."""
    import subprocess

    built = []
    for jobs in (1, 2):
        source = tmp_path / f"synth-{jobs}"
        subprocess.run([sys.executable, str(SYNTH), "--n", "100", "--out", str(source)], check=True,
                       capture_output=True)
        (source / "_pin.yml").write_text("time: 2024-01-01 00:00:00 +0000\n")
        built.append(run_build(source, "-V", "--jobs", str(jobs), "--config", "_config.yml,_pin.yml"))
    one, many = built
    assert one.code == many.code == 0
    assert re.search(r"Rendering: +\d+ of 261 pages and documents in 2 worker processes", many.log)
    assert many.files == one.files
    assert _normalised(many.log, many.source) == _normalised(one.log, one.source)


@needs_fork
def test_a_watched_site_records_what_each_worker_render_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` and ``build --watch`` learn from a full build what each output read: the same
    from workers as from one process, so an edit re-renders the same outputs."""
    from liquidsite.config import load_config
    from liquidsite.dependencies import DependencyIndex
    from liquidsite.site import Site

    monkeypatch.setenv("LIQUIDSITE_POOL_THRESHOLD", "1")
    source = tmp_path / "site"
    write_tree(source, ORDER_DEPENDENT)
    reads = []
    for jobs in (1, 2):
        index = DependencyIndex()
        config = {"source": str(source), "destination": str(tmp_path / f"out{jobs}"), "quiet": True, "jobs": jobs}
        Site(load_config(config), index).process()
        reads.append({os.path.relpath(item.path, source): sorted(keys) for item, keys in index.reads.items()})
    assert reads[0] == reads[1]
    assert any(key.endswith("2024-01-03-post-3.md") for key in reads[0]["_posts/2024-01-04-post-4.md"])


def _children(pid: int) -> list[int]:
    """The processes *pid* has forked and not yet reaped (Linux's /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


@pytest.mark.slow
@needs_fork
def test_ctrl_c_ends_the_build_and_its_workers(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's process group) while workers render: exit status 130 as in
    one process, no traceback, no worker left behind."""
    import signal
    import subprocess
    import time

    from conftest import BUILD_ENV, ROOT

    pages = {f"p{i:03}.md": f"---\n---\n{'Some *words* and `code`. ' * 400}{i}\n" for i in range(600)}
    write_tree(tmp_path, pages)
    env = dict(os.environ, PYTHONPATH=str(ROOT), **BUILD_ENV)
    process = subprocess.Popen([sys.executable, "-m", "liquidsite", "build", "--jobs", "2"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = _children(process.pid)
        assert len(workers) == 2, "the build ended before its workers could be seen"
        os.killpg(process.pid, signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert "Traceback" not in output
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


def _tree(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): path.read_text(errors="replace")
            for path in sorted(root.rglob("*")) if path.is_file()}


@needs_fork
@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_watched_site_rebuilds_an_edit_in_workers_as_a_full_build(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve``'s rebuild of what an edit touches (``Site.process(selection)``) through the workers:
    after each edit the served site equals a one-process full build of the same source."""
    from liquidsite.config import load_config
    from liquidsite.serve.rebuild import Rebuilder
    from liquidsite.site import Site

    monkeypatch.setenv("LIQUIDSITE_POOL_THRESHOLD", "1")
    source, served = tmp_path / "src", tmp_path / "served"
    write_tree(source, ORDER_DEPENDENT)
    rebuilder = Rebuilder({"source": str(source), "destination": str(served), "quiet": True, "jobs": 2})
    rebuilder.build()
    edits = [
        ("_layouts/post.html", ORDER_DEPENDENT["_layouts/post.html"].replace("<article>", "<article class=v2>")),
        ("_posts/2024-01-03-post-3.md", ORDER_DEPENDENT["_posts/2024-01-03-post-3.md"].replace("Body", "New body")),
        ("_layouts/plain.html", "<main class=v2>{{ site.pages | size }} {{ content }}</main>\n"),
        ("_posts/2024-01-05-post-5.md", ORDER_DEPENDENT["_posts/2024-01-05-post-5.md"].replace("rest", "end")),
    ]
    for name, text in edits:
        (source / name).write_text(text)
        result = rebuilder.rebuild({str(source / name)})
        assert result.error is None, result.error
        assert result.kind == "incremental", name
        full = tmp_path / "full"
        shutil.rmtree(full, ignore_errors=True)
        Site(load_config({"source": str(source), "destination": str(full), "quiet": True, "jobs": 1})).process()
        assert _tree(served) == _tree(full), name
