"""``jsonify`` of Jekyll's document drops, and an excerpt whose Liquid reads itself.

tests/golden/jsonify/documents.json is what Jekyll 4.3.1 (Ruby 3.1) wrote for the site
below: the drop's keys in the order of Jekyll's DocumentDrop methods, then its data; a
document's neighbours (``next``, ``previous``) whole, and theirs collapsed (no content,
output, excerpt or neighbours) from JSON depth 2 on, whether the document is printed alone
or inside an array.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import run_build, write_tree

GOLDEN = Path(__file__).parent / "golden" / "jsonify" / "documents.json"

SITE = {
    "_config.yml": "timezone: UTC\n",
    "_posts/2024-01-01-one.md": "---\ntitle: One\n---\nOne.\n",
    "_posts/2024-01-02-two.md": "---\ntitle: Two\ntags: [t]\n---\nTwo.\n",
    "all.json": "---\n---\n{{ site.posts | jsonify }}\n{{ site.posts.last | jsonify }}\n",
}


def test_documents_print_as_jekyll_prints_them(build_site, tmp_path):
    built = build_site(SITE)
    assert built.code == 0, built.log
    assert (tmp_path / "_site/all.json").read_text() == GOLDEN.read_text()


def test_an_excerpt_that_reads_itself_stops_the_build_as_jekylls_stack_overflow(build_site, tmp_path):
    # Jekyll 4.3.1: "Liquid Exception: stack level too deep in SRC/_posts/2024-01-02-two.md/#excerpt",
    # exit 1. The excerpt renders site.posts.last, whose neighbour is this post, whose excerpt...
    files = dict(SITE)
    files["_posts/2024-01-02-two.md"] = "---\ntitle: Two\n---\nTwo {{ site.posts.last | jsonify }}\n"
    built = build_site(files)
    assert built.code == 1
    path = (tmp_path / "_posts/2024-01-02-two.md").resolve()
    assert f"Liquid Exception: stack level too deep in {path}/#excerpt" in built.log
    assert "Traceback" not in built.log


def test_static_files_and_collections_print_as_jekyll_prints_them(tmp_path):
    # Observed from Jekyll 4.3.1: each drop's methods in Ruby's order, then its data; a collection's
    # docs are Document objects, which JSON prints as their to_s (the output once rendered).
    write_tree(tmp_path, {
        "_config.yml": "timezone: UTC\ncollections:\n  things:\n    output: true\n    permalink: /t/:name/\n",
        "_posts/2024-01-01-one.md": "---\ntitle: One\n---\nOne.\n",
        "_things/t1.md": "---\ntitle: T1\n---\nthing\n",
        "assets/a.txt": "x",
        "all.json": "---\n---\n{{ site.static_files | jsonify }}\n{{ site.collections | jsonify }}\n",
    })
    os.utime(tmp_path / "assets/a.txt", (1700000000, 1700000000))
    built = run_build(tmp_path)
    assert built.code == 0, built.log
    src = str(tmp_path)
    assert (tmp_path / "_site/all.json").read_text().splitlines() == [
        '[{"name":"a.txt","basename":"a","extname":".txt","path":"/assets/a.txt","collection":null,'
        '"modified_time":"2023-11-14 22:13:20 +0000"}]',
        '[{"label":"posts","files":[],"docs":["<p>One.</p>\\n"],"output":true,"relative_directory":"_posts",'
        f'"directory":"{src}/_posts","permalink":"/:categories/:year/:month/:day/:title:output_ext"}},'
        '{"label":"things","files":[],"docs":["<p>thing</p>\\n"],"output":true,"relative_directory":"_things",'
        f'"directory":"{src}/_things","permalink":"/t/:name/"}}]',
    ]
