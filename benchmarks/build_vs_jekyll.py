#!/usr/bin/env python3
"""Benchmark: `liquidsite build` beside `jekyll build` on synthetic academic sites.

Not a test: it reports numbers. Sites come from ../shared/bench/synth_site.py
(deterministic for a given --n). Each builder runs cold (its cache removed)
--runs times; the median wall time is reported with the ratio. Jekyll is used
only when it is installed (Ruby is an oracle, never a dependency).

    python benchmarks/build_vs_jekyll.py --n 100 --n 1000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYNTH = os.path.join(ROOT, "..", "shared", "bench", "synth_site.py")


def timed(cmd: list[str], cwd: str, env: dict[str, str]) -> float:
    shutil.rmtree(os.path.join(cwd, ".jekyll-cache"), ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="site scale (posts); repeatable")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--synth", default=SYNTH, help="path to synth_site.py")
    args = parser.parse_args()
    env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true", PYTHONPATH=ROOT)
    jekyll = shutil.which("jekyll")
    print(f"{'N':>6} {'liquidsite s':>13} {'jekyll s':>10} {'speed-up':>9}")
    for n in args.n or [100]:
        with tempfile.TemporaryDirectory() as tmp:
            site = os.path.join(tmp, "site")
            subprocess.run([sys.executable, args.synth, "--n", str(n), "--out", site], check=True,
                           stdout=subprocess.DEVNULL)
            ours = statistics.median(
                timed([sys.executable, "-m", "liquidsite", "build", "-q", "-d", os.path.join(tmp, "ls")], site, env)
                for _ in range(args.runs)
            )
            theirs = None
            if jekyll:
                theirs = statistics.median(
                    timed([jekyll, "build", "-q", "-d", os.path.join(tmp, "jk")], site, env) for _ in range(args.runs)
                )
        ratio = f"{theirs / ours:8.2f}x" if theirs else "       -"
        print(f"{n:>6} {ours:>13.2f} {(f'{theirs:.2f}' if theirs else '-'):>10} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
