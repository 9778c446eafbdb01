#!/usr/bin/env python3
"""Benchmark: ``liquidsite build`` beside ``jekyll build`` (and Hugo), cold and warm, on real and synthetic sites.

Not a test: it reports numbers. For every site it copies the site to a scratch folder
and builds it with each builder in turn (alternating, so all see the same machine
load): ``cold`` with no ``.jekyll-cache`` and no destination, then ``warm`` (the cache
and destination of the previous build kept). Each cell is the median of ``--runs``
runs: wall time, CPU time (user + system of the build process and its children) and
peak resident memory. Jekyll is used only when ``jekyll`` is on the PATH (Ruby is an
oracle, never a dependency of liquidsite); Hugo, when ``hugo`` is, builds the Hugo
version of each synthetic site (``synth_site.py --hugo``: the same Markdown content,
a minimal layout) in the same rounds.

    python benchmarks/bench.py                       # the demo site at the repository root
    python benchmarks/bench.py --synth 100 --synth 1000 --site ../my-homepage
    python benchmarks/bench.py --synth 1000 --markdown docs/benchmarks.md

Synthetic sites come from ``benchmarks/synth_site.py`` (standard library only).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Optional

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYNTH = os.path.join(ROOT, "benchmarks", "synth_site.py")
PIN = "time: 2024-01-01 00:00:00 +0000\n"


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float


@dataclass
class Cell:
    samples: list[Sample] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(sample, attribute) for sample in self.samples)


def measure(cmd: list[str], cwd: str, env: dict[str, str]) -> Sample:
    """Run *cmd* once; wall time, its CPU time and peak RSS (``wait4`` of that process)."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{stderr[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


TOOLS = ("liquidsite", "jekyll", "hugo")


def build_env() -> dict[str, str]:
    """The builders' environment: this checkout's liquidsite, its bytecode written and reused as an
    installed package's is (``PYTHONDONTWRITEBYTECODE`` would compile every module at every start), and
    no user content cache (liquidsite/usercache.py): a cold build starts from nothing, as Jekyll's does."""
    env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true", PYTHONPATH=ROOT, LIQUIDSITE_CONTENT_CACHE="off")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_bytecode() -> None:
    """Write liquidsite's bytecode before the first measured build, as ``pip install`` does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "liquidsite")],
                   env=build_env(), check=True, stdout=subprocess.DEVNULL)


def builders(include_jekyll: bool, include_hugo: bool) -> dict[str, list[str]]:
    found = {"liquidsite": [sys.executable, "-m", "liquidsite", "build", "-q"]}
    jekyll = shutil.which("jekyll")
    if include_jekyll and jekyll:
        found["jekyll"] = [jekyll, "build", "-q"]
    hugo = shutil.which("hugo")
    if include_hugo and hugo:
        found["hugo"] = [hugo, "--quiet"]
    return found


def bench_site(name: str, source: str, runs: int, tools: dict[str, list[str]],
               hugo_source: Optional[str] = None) -> dict[tuple[str, str], Cell]:
    """Cold and warm builds of *source* with each tool, alternating; cells keyed (tool, mode).
    Hugo builds *hugo_source* (the same content as a Hugo site), when given."""
    cells: dict[tuple[str, str], Cell] = {}
    env = build_env()
    with tempfile.TemporaryDirectory() as scratch:
        sites = {}
        for tool in tools:
            if tool == "hugo" and hugo_source is None:
                continue
            site = os.path.join(scratch, tool)
            shutil.copytree(hugo_source if tool == "hugo" and hugo_source else source, site,
                            ignore=shutil.ignore_patterns("_site", ".jekyll-cache", ".git"))
            with open(os.path.join(site, "_bench_pin.yml"), "w", encoding="utf-8") as handle:
                handle.write(PIN)
            sites[tool] = site
        for mode in ("cold", "warm"):
            for _ in range(runs):
                for tool, site in sites.items():
                    dest = os.path.join(scratch, f"{tool}-out")
                    cache = os.path.join(scratch, f"{tool}-cache")
                    if mode == "cold":
                        for path in (os.path.join(site, ".jekyll-cache"), os.path.join(site, "resources"), cache, dest):
                            shutil.rmtree(path, ignore_errors=True)
                    if tool == "hugo":
                        cmd = [*tools[tool], "-d", dest, "--cacheDir", cache]
                    else:
                        config = "_config.yml,_bench_pin.yml" \
                            if os.path.exists(os.path.join(site, "_config.yml")) else "_bench_pin.yml"
                        cmd = [*tools[tool], "-d", dest, "--config", config]
                    sample = measure(cmd, site, env)
                    cells.setdefault((tool, mode), Cell()).samples.append(sample)
                    print(f"  {name:<24} {tool:<10} {mode:<4} {sample.wall:7.2f} s", file=sys.stderr)
    return cells


def table(results: dict[str, dict[tuple[str, str], Cell]]) -> str:
    """One row per site and mode: wall (and the ratio to Jekyll), CPU, peak RSS of each builder."""
    hugo = any(tool == "hugo" for cells in results.values() for tool, _ in cells)
    tools = TOOLS if hugo else TOOLS[:2]
    names = {"liquidsite": "liquidsite", "jekyll": "Jekyll", "hugo": "Hugo"}
    header = ["site", "mode"]
    for measure_name in ("wall", "CPU", "peak RSS"):
        header += [f"{names[tool]} {measure_name}" for tool in tools]
        if measure_name == "wall":
            header.append("ratio to Jekyll")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]

    def show(cell: Optional[Cell], attribute: str, unit: str) -> str:
        return f"{cell.median(attribute):.2f} {unit}" if cell else "-"

    for name, cells in results.items():
        for mode in ("cold", "warm"):
            ours, theirs = cells.get(("liquidsite", mode)), cells.get(("jekyll", mode))
            if ours is None:
                continue
            row = [name, mode]
            for attribute, unit in (("wall", "s"), ("cpu", "s"), ("rss_mb", "MB")):
                row += [show(cells.get((tool, mode)), attribute, unit) for tool in tools]
                if attribute == "wall":
                    row.append(f"{ours.median('wall') / theirs.median('wall'):.2f}" if theirs else "-")
            lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        model = cpu
    versions = []
    for tool, flag in (("jekyll", "--version"), ("hugo", "version")):
        path = shutil.which(tool)
        output = subprocess.run([path, flag], capture_output=True, text=True).stdout.strip() if path else ""
        versions.append(output.split(" BuildDate")[0] or f"{tool} not installed")
    return (f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, {platform.system()} "
            f"{platform.release()}; {'; '.join(versions)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", action="append", default=[], help="a real site's folder; repeatable")
    parser.add_argument("--synth", type=int, action="append", default=[], help="a synthetic site of N posts")
    parser.add_argument("--synth-script", default=SYNTH, help="path to synth_site.py")
    parser.add_argument("--no-demo", action="store_true", help="leave out the demo site at the repository root")
    parser.add_argument("--no-jekyll", action="store_true", help="leave Jekyll out")
    parser.add_argument("--no-hugo", action="store_true", help="leave Hugo out")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", help="also write the results table to this Markdown file")
    args = parser.parse_args()
    tools = builders(not args.no_jekyll, not args.no_hugo)
    compile_bytecode()
    sites: list[tuple[str, str]] = [] if args.no_demo else [("demo (repository root)", ROOT)]
    sites += [(os.path.basename(os.path.abspath(path)), os.path.abspath(path)) for path in args.site]
    results: dict[str, dict[tuple[str, str], Cell]] = {}
    with tempfile.TemporaryDirectory() as synth_root:
        for n in args.synth:
            if not os.path.exists(args.synth_script):
                raise SystemExit(f"--synth needs synth_site.py: not found at {args.synth_script} (--synth-script)")
            path = os.path.join(synth_root, f"synth-{n}")
            subprocess.run([sys.executable, args.synth_script, "--n", str(n), "--out", path], check=True,
                           stdout=subprocess.DEVNULL)
            if "hugo" in tools:
                subprocess.run([sys.executable, args.synth_script, "--n", str(n), "--out", path + "-hugo", "--hugo"],
                               check=True, stdout=subprocess.DEVNULL)
            sites.append((f"synthetic N={n}", path))
        for name, path in sites:
            hugo_source = path + "-hugo" if os.path.isdir(path + "-hugo") else None
            results[name] = bench_site(name, path, args.runs, tools, hugo_source)
    report = f"Machine: {machine()}. Median of {args.runs} runs, alternating builders.\n\n{table(results)}\n"
    print(report)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write("---\ntitle: Benchmarks\n---\n\n# Benchmarks\n\n`python benchmarks/bench.py "
                         + " ".join(sys.argv[1:]) + "`\n\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
