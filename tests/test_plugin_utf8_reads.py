"""Files that plugins read are strict UTF-8, as every source file is: a bad byte stops the build
with ``invalid byte sequence in UTF-8`` naming the file, line and column, never a traceback or a
replacement character (Ruby keeps the bytes and fails where they are used: bibtex-ruby's lexer
on a ``.bib``, observed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alfolio_site import build_in_process

from liquidsite.encoding import InvalidEncodingError
from liquidsite.net import Response
from liquidsite.plugins import twitter
from liquidsite.plugins.scholar.sources import read_bibliography

LATIN1 = "caf\xe9".encode("latin-1")


def _write(root: Path, name: str, data: bytes) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(data)


def test_a_site_python_plugin(tmp_path: Path) -> None:
    _write(tmp_path, "_plugins/bad.py", b"def register(api):\n    pass  # " + LATIN1 + b"\n")
    built = build_in_process(tmp_path, {"index.html": "x"})
    assert built.code == 1
    assert "invalid byte sequence in UTF-8 at line 2 column 16 in _plugins/bad.py" in built.log
    assert "Traceback" not in built.log


def test_a_local_get_json_document(tmp_path: Path) -> None:
    _write(tmp_path, "data.json", b'{\n  "name": "' + LATIN1 + b'"\n}\n')
    built = build_in_process(tmp_path, {
        "_config.yml": "plugins: [jekyll-get-json]\njekyll_get_json:\n  data: one\n  json: data.json\n",
        "index.html": "---\n---\n{{ site.data.one.name }}",
    })
    assert built.code == 1
    assert "invalid byte sequence in UTF-8 at line 2 column 15 in data.json" in built.log


def test_a_remote_utf8_answer_names_its_url() -> None:
    with pytest.raises(InvalidEncodingError, match="line 1 column 4 in https://x.org/d.json$"):
        Response(200, LATIN1).utf8_text("https://x.org/d.json")
    assert Response(200, LATIN1, charset="latin-1").utf8_text("https://x.org/d.json") == "café"
    assert Response(200, "café".encode()).utf8_text("https://x.org/d.json") == "café"


def test_the_tweet_cache(tmp_path: Path) -> None:
    request = twitter._Request(["https://twitter.com/jekyllrb"])
    _write(tmp_path, f".tweet-cache/{request.cache_key}.cache", b'{"html": "' + LATIN1 + b'"}')
    built = build_in_process(tmp_path, {
        "index.html": "---\n---\n{% twitter https://twitter.com/jekyllrb %}",
        "_config.yml": "plugins: [jekyll-twitter-plugin]\n",
    }, "--offline")
    assert built.code == 1
    assert f"invalid byte sequence in UTF-8 at line 1 column 14 in .tweet-cache/{request.cache_key}.cache" in built.log
    good = json.dumps({"html": "café"}).encode()
    _write(tmp_path, f".tweet-cache/{request.cache_key}.cache", good)
    assert build_in_process(tmp_path, {}, "--offline").code == 0


def test_a_bibliography(tmp_path: Path) -> None:
    bib = tmp_path / "papers.bib"
    bib.write_bytes(b"@article{a,\n  title = {" + LATIN1 + b"},\n  year = {2020}\n}\n")
    stat = bib.stat()
    with pytest.raises(InvalidEncodingError, match=r"at line 2 column 15 in .*papers\.bib$"):
        read_bibliography(((str(bib), int(stat.st_mtime), stat.st_size),), False, False, None)
