#!/usr/bin/env python3
"""Where a build's CPU goes, by part of the pipeline: the numbers behind docs/benchmarks.md.

Not a test. Samples one ``liquidsite build`` with py-spy (``pip install py-spy``; it reads the
interpreter's stacks from outside, so the build runs at full speed) and charges each sample to the
innermost frame that belongs to a known part: Markdown (the kramdown port), Rouge highlighting,
Liquid (liquidsite's dialect and python-liquid), Sass, reading (files, front matter, YAML),
writing (the site and ``.jekyll-cache``), imports, and the rest of the pipeline. A filter
that converts Markdown counts as Markdown, a drop reading a file as reading.

    python benchmarks/breakdown.py SITE                 # a cold build (no cache, no destination), one process
    python benchmarks/breakdown.py SITE --warm          # after a first build, with its cache
    python benchmarks/breakdown.py SITE --jobs 2 --top 5

Without ``--jobs`` the build renders in one process (``--jobs 1``); forked processes (the Sass
child, render workers) are sampled too. Time in other programs (Node's terser.js, nbconvert) is
not sampled: compare the total with the build's CPU time.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
from typing import Optional

#: (part, how the path of a frame's file starts, as py-spy prints it), tried in order on each frame,
#: innermost first; a sample with an import anywhere on its stack is an import's
PARTS: list[tuple[str, tuple[str, ...]]] = [
    ("Rouge highlighting", ("liquidsite/highlight/",)),
    ("Markdown", ("liquidsite/markdown/", "liquidsite/converters.py")),
    ("Sass", ("liquidsite/sass.py", "sass", "_sass", "liquidsite/forked.py")),
    ("writing", ("liquidsite/writer.py", "liquidsite/cache.py", "liquidsite/staging.py")),
    ("reading", ("liquidsite/reader.py", "liquidsite/frontmatter.py", "liquidsite/yamlio.py", "yaml/",
                 "liquidsite/encoding.py")),
    ("Liquid", ("liquidsite/liquid/", "liquid/", "<liquid template>")),
]
OTHER = "pipeline (other)"
NATIVE = "no Python frame (start-up, native code)"
IMPORTS = "imports"


def part_of(frames: list[str]) -> str:
    """The part a sample's stack (outermost first) is charged to."""
    paths = [frame.rpartition(" (")[2] for frame in frames]
    if any(path.startswith("<frozen importlib") for path in paths):
        return IMPORTS
    for path in reversed(paths):
        for part, starts in PARTS:
            if path.startswith(starts):
                return part
    return OTHER


def sample(site: str, args: argparse.Namespace, raw: str) -> None:
    command = [sys.executable, "-m", "liquidsite", "build", "-q", "-d", args.destination,
               "--jobs", str(args.jobs)]
    env = dict(os.environ, LIQUIDSITE_CONTENT_CACHE="off")
    if not args.warm:
        shutil.rmtree(os.path.join(site, ".jekyll-cache"), ignore_errors=True)
        shutil.rmtree(args.destination, ignore_errors=True)
    else:
        subprocess.run(command, cwd=site, env=env, check=True, stdout=subprocess.DEVNULL)
    spy = ["py-spy", "record", "--rate", str(args.rate), "--format", "raw", "--output", raw, "--nonblocking",
           "--subprocesses"]  # the Sass child, and the render workers with --jobs
    subprocess.run([*spy, "--", *command], cwd=site, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def report(raw: str, rate: int, top: int) -> str:
    samples: collections.Counter[str] = collections.Counter()
    functions: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    with open(raw, encoding="utf-8") as handle:
        for line in handle:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not count.isdigit():
                continue
            frames = [frame for frame in stack.split(";") if frame.strip() and not frame.startswith("process ")]
            part = part_of(frames) if frames else NATIVE
            samples[part] += int(count)
            functions[part][_short(frames[-1]) if frames else "-"] += int(count)
    total = sum(samples.values()) or 1
    lines = ["| part | CPU | share | where most of it is |", "|---|---|---|---|"]
    for part, count in samples.most_common():
        hot = ", ".join(f"{name} {n * 100 / count:.0f} %" for name, n in functions[part].most_common(top))
        lines.append(f"| {part} | {count / rate:.2f} s | {count * 100 / total:.0f} % | {hot} |")
    lines.append(f"| total | {total / rate:.2f} s | 100 % | |")
    return "\n".join(lines)


def _short(frame: str) -> str:
    """``function (path:line)`` as ``function (file)``."""
    name, _, where = frame.partition(" (")
    return f"{name} ({os.path.basename(where.rsplit(':', 1)[0])})"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", help="the site's folder (built in place; a cold build removes its .jekyll-cache)")
    parser.add_argument("--warm", action="store_true", help="sample a second build, after a first one")
    parser.add_argument("--jobs", type=int, default=1, help="render processes (default 1: one process)")
    parser.add_argument("--rate", type=int, default=250, help="samples a second")
    parser.add_argument("--top", type=int, default=3, help="hottest functions named per part")
    parser.add_argument("--destination", help="where the site is written (default: a temporary folder)")
    args = parser.parse_args(argv)
    if shutil.which("py-spy") is None:
        parser.error("py-spy is not on PATH (pip install py-spy)")
    with tempfile.TemporaryDirectory() as scratch:
        args.destination = os.path.abspath(args.destination or os.path.join(scratch, "_site"))
        raw = os.path.join(scratch, "samples.txt")
        sample(os.path.abspath(args.site), args, raw)
        print(report(raw, args.rate, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
