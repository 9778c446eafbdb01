"""``tools/corpus.py``: its list, the sites it extracts, the configuration it pins and its report.

The corpus run itself needs Ruby and the network and belongs to no test tier; this checks the
script's own logic on two tiny local "repositories" (git, no network), with Jekyll's side
written as Jekyll 4.3.1 built it (observed: ``<h1 id="hi-there">Hi <em>there</em></h1>\\n``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_build, write_tree

_spec = importlib.util.spec_from_file_location("corpus_tool", ROOT / "tools" / "corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["corpus_tool"] = corpus
_spec.loader.exec_module(corpus)

TINY = {"_config.yml": "title: Tiny\n", "index.md": "---\ntitle: Home\n---\n# Hi *there*\n",
        "style.css": "body { color: red }\n"}
JEKYLL_TINY = {"index.html": '<h1 id="hi-there">Hi <em>there</em></h1>\n', "style.css": "body { color: red }\n"}


def _git_repo(root: Path, files: dict[str, str]) -> str:
    write_tree(root, files)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "site"], check=True)
    return subprocess.run(git[:3] + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()


def test_the_committed_list_parses_and_names_thirty_sites_or_more() -> None:
    entries = corpus.load_list(corpus.DEFAULT_LIST)
    assert len(entries) >= 30
    assert len({entry.repo for entry in entries}) == len(entries)


def test_a_malformed_entry_is_named(tmp_path: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps({"sites": [{"name": "a", "repo": "o/n", "commit": "0" * 40, "thme": "x"}]}))
    with pytest.raises(SystemExit, match="site 1: unknown keys \\['thme'\\], missing \\['theme'\\]"):
        corpus.load_list(listing)


def test_pinned_configuration_keeps_installed_plugins_and_can_drop_the_theme() -> None:
    entry = corpus.SiteEntry("s", "o/n", "0" * 40, "minima", drop_theme=True, extra_plugins=("jekyll-seo-tag",))
    pin, dropped = corpus.pin_config({"plugins": ["jekyll-feed", "jemoji"]}, entry, {"jekyll-feed", "jekyll-seo-tag"})
    assert pin == {"time": corpus.PIN_TIME, "plugins": ["jekyll-feed", "jekyll-seo-tag"], "theme": False,
                   "remote_theme": False}
    assert dropped == ["jemoji"]


def test_two_tiny_sites_extracted_built_and_reported(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    same = _git_repo(mirror / "ada+same" / "repo", TINY)
    other = _git_repo(mirror / "ada+other" / "repo", {**TINY, "extra.html": "---\n---\nx\n"})
    results = []
    for name, repo, commit in (("same", "ada/same", same), ("other", "ada/other", other)):
        source = tmp_path / name / "src"
        corpus.extract(repo, commit, mirror, tmp_path / "cache", source)
        assert (source / "index.md").read_text() == TINY["index.md"]
        built = run_build(source, "-q")
        assert built.code == 0, built.log
        write_tree(tmp_path / name / "jekyll_site", JEKYLL_TINY if name == "same" else
                   {**JEKYLL_TINY, "style.css": "body{color:red}\n", "gone.html": "g\n"})
        counts, files = corpus.compare_sites(tmp_path / name / "jekyll_site", source / "_site")
        results.append({"name": name, "repo": f"{repo}@{commit[:7]}", "theme": "none", "counts": counts,
                        "files": files})
    results.append({"name": "broken", "repo": "ada/broken@0000000", "theme": "none", "error": "Jekyll failed"})
    assert results[1]["counts"] == {"identical": 1, "equivalent": 1, "different": 0, "missing": 1, "extra": 1,
                                    "unstable": 0}
    assert [(f["path"], f["status"]) for f in results[1]["files"]] == [
        ("extra.html", "extra"), ("gone.html", "missing"), ("style.css", "equivalent")]
    table = corpus.markdown_table(results)
    assert table[0] == ("| site | theme | repository@commit | files | identical | equivalent | different | missing | "
                        "extra | unstable in Jekyll |")
    assert table[2] == f"| same | none | ada/same@{same[:7]} | 2 | 2 | 0 | 0 | 0 | 0 | 0 |"
    assert table[4] == "| broken | none | ada/broken@0000000 | Jekyll failed |  |  |  |  |  |  |"
    assert table[5] == "| **total** (2 sites) |  |  | 6 | 3 | 1 | 0 | 1 | 1 | 0 |"
    assert table[7] == ("Byte-identical: 50.0 %; identical or equivalent: 66.7 %; unstable in Jekyll (two Jekyll "
                        "builds differ): 0 files; of the 6 files Jekyll builds alike, identical or equivalent: "
                        "66.7 %; sites matching completely (unstable files apart): 1 of 2.")


#: a stand-in for ``jekyll build -s . -d DEST --config ...``: Jekyll's tiny site, plus a page whose text
#: changes from build to build (as ``sample`` or Sass ``random()`` do) and one only Jekyll writes
FAKE_JEKYLL = """import os, sys
from pathlib import Path
dest = Path(sys.argv[sys.argv.index("-d") + 1])
files = {**%r, "random.html": os.urandom(8).hex() + "\\n", "only-jekyll.html": "j\\n"}
for name, text in files.items():
    (dest / name).parent.mkdir(parents=True, exist_ok=True)
    (dest / name).write_text(text)
print("done")
""" % JEKYLL_TINY


@pytest.mark.slow  # over 0.4 s: the fast tier stays under a minute
def test_a_file_two_jekyll_builds_write_differently_is_unstable_not_identical(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    commit = _git_repo(mirror / "ada+tiny" / "repo", TINY)
    fake = tmp_path / "fake_jekyll.py"
    fake.write_text(FAKE_JEKYLL)
    entry = corpus.SiteEntry("tiny", "ada/tiny", commit, "none")
    args = argparse.Namespace(work=tmp_path / "work", mirror=mirror, jekyll_runs=2, jekyll=[sys.executable, str(fake)])
    result = corpus.build_site(entry, args, set())
    assert result.error == "", (result.jekyll, result.liquidsite)
    assert len(result.jekyll_again) == 1
    assert result.counts == {"identical": 2, "equivalent": 0, "different": 0, "missing": 1, "extra": 0,
                             "unstable": 1}
    assert [(f["path"], f["status"], f.get("against_first_run")) for f in result.files] == [
        ("only-jekyll.html", "missing", None), ("random.html", "unstable", "missing")]
    table = corpus.markdown_table([vars(result)])
    assert table[-3] == "| **total** (1 sites) |  |  | 4 | 2 | 0 | 0 | 1 | 0 | 1 |"
    assert "unstable in Jekyll (two Jekyll builds differ): 1 files; of the 3 files Jekyll builds alike" in table[-1]

    args.jekyll_runs = 1  # one Jekyll build: nothing is known to be unstable
    once = corpus.build_site(entry, args, set())
    assert once.counts["unstable"] == 0 and once.counts["missing"] == 2 and once.jekyll_again == []


def test_results_written_before_the_unstable_status_still_report() -> None:
    old = {"name": "s", "theme": "t", "repo": "o/n@0000000",
           "counts": {"identical": 3, "equivalent": 0, "different": 1, "missing": 0, "extra": 0}}
    assert corpus.markdown_table([old])[2] == "| s | t | o/n@0000000 | 4 | 3 | 0 | 1 | 0 | 0 | 0 |"
