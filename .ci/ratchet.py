#!/usr/bin/env python3
"""The conformance ratchet: run both conformance suites and fail if a count drops below its floor.

Floors live in ``.ci/floors.json``. ``--update`` raises them to the counts of this
run (never lowers them); commit the file when a count rises.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FLOORS = os.path.join(HERE, "floors.json")


def run_jekyll_features(shared: str) -> int:
    runner = os.path.join(shared, "conformance", "jekyll-features", "run.py")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "features.json")
        subprocess.run(
            [sys.executable, runner, "--cmd", f"{sys.executable} -m liquidsite", "-j", "2",
             "--skip-label", "ruby-plugin", "--json", out, "--show-failures", "0"],
            cwd=os.path.dirname(runner), check=False, stdout=subprocess.DEVNULL,
            env=dict(os.environ, PYTHONPATH=ROOT),
        )
        with open(out, encoding="utf-8") as handle:
            return int(json.load(handle)["reference"]["passed"])


def run_kramdown(shared: str, gfm: bool) -> int:
    runner = os.path.join(shared, "conformance", "kramdown", "mdconf.py")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "kramdown.json")
        args = [sys.executable, runner, "--py", "liquidsite.markdown:render", "--json", out]
        if gfm:
            args.append("--gfm")
        subprocess.run(args, cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as handle:
            return int(json.load(handle)["totals"]["pass"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--update", action="store_true", help="raise the floors to this run's counts")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "conformance")):
        print("conformance suites not found: ratchet skipped")
        return 0
    counts = {
        "jekyll_features_reference_passed": run_jekyll_features(args.shared),
        "kramdown_gfm_passed": run_kramdown(args.shared, gfm=True),
        "kramdown_full_passed": run_kramdown(args.shared, gfm=False),
    }
    with open(FLOORS, encoding="utf-8") as handle:
        floors = json.load(handle)
    failed = False
    for key, count in counts.items():
        floor = int(floors.get(key, 0))
        status = "ok" if count >= floor else "BELOW FLOOR"
        failed |= count < floor
        print(f"{key}: {count} (floor {floor}) {status}")
        if args.update and count > floor:
            floors[key] = count
    if args.update:
        with open(FLOORS, "w", encoding="utf-8") as handle:
            json.dump(floors, handle, indent=2)
            handle.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
