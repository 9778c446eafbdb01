"""One scratch site rendering many Liquid snippets, as the Liquid tests' oracle sites were built.

The expected strings in tests/test_liquid_*.py were observed by building this
same site (same config, data, post and front matter) with Jekyll 4.3.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from conftest import run_build, write_tree

FRONT = (
    "n: 0\nnum: 5\nemp: ''\nfl: 1.5\ndt: 2024-03-05 10:00:00\nday: 2024-03-05\narr: [b, a, C]\n"
    "q: \"\\\"Pants\\\" -- it's ... <é> & ok/\"\n"
)
CONFIG = "repository: user/repo\ntitle: T\nbaseurl: /base\nurl: https://ex.com\n"
DATA = "people:\n  - name: Bob\n    age: 3\n  - name: al\n    age: 10\n  - name: Cy\nh:\n  a: 1\n  b: [1, 2]\n"
POST = "---\ntitle: Hello\ntags: [a, b]\n---\nHi *there*\n"


def render_cases(root: Path, templates: Sequence[str], extra_config: str = "") -> list[str]:
    """Build a site with one page per template; return each page's output."""
    files = {"_config.yml": CONFIG + extra_config, "_data/d.yml": DATA, "_posts/2024-03-05-hello.md": POST}
    for index, template in enumerate(templates):
        files[f"c{index}.html"] = "---\n" + FRONT + "---\n" + template
    write_tree(root, files)
    built = run_build(root)
    assert built.code == 0, built.log
    return [built.read(f"c{index}.html") for index in range(len(templates))]
