"""The public differential corpus: real Jekyll sites built by Jekyll 4.3.1 and by liquidsite, compared.

Issue 13 asks for liquidsite to be held to Jekyll on sites nobody tuned it for. ``tools/corpus.json``
lists public GitHub repositories at pinned commits; for each, this script

1. obtains the commit's tree: from a directory of git mirrors (``--mirror``, holding
   ``OWNER+NAME/repo`` bare or non-bare git directories), else by ``git fetch`` of that one commit
   from GitHub, and extracts it twice (Jekyll and liquidsite each get their own copy, so neither
   reads the other's ``.jekyll-cache``);
2. writes a second configuration file that pins ``time:`` (so dates agree), keeps only the plugins
   the oracle's Ruby has installed (both builders get the same list) and, where the list says so,
   drops a ``theme:`` whose files the repository itself holds or copies a theme repository's
   folders into the site (``theme_repo``), for both builders alike;
3. builds with ``jekyll build`` (``JEKYLL_NO_BUNDLER_REQUIRE=true``) and ``python3 -m liquidsite
   build --offline``, and compares the two ``_site`` directories as ``liquidsite diff`` does;
4. builds the site with Jekyll once more (``--jekyll-runs``, two builds by default, each from its
   own copy): a file two Jekyll builds do not write alike (random ``sample``, Sass ``random()``, the
   build's clock) is *unstable in Jekyll*, a status of its own, never counted as identical
   whatever liquidsite wrote (nothing can match it reliably), with its diff against the first run
   kept for inspection.

``run`` writes ``WORK/results.json`` (every non-identical file with a short diff); ``report``
turns it into the Markdown table of ``docs/corpus.md``. Ruby is needed for ``run`` only: the
corpus belongs to no test tier.

    python3 tools/corpus.py run --mirror /work/.mirror --work /tmp/corpus [--only NAME ...]
    python3 tools/corpus.py report /tmp/corpus/results.json
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from liquidsite.diff import DIFFERENT, EQUIVALENT, IDENTICAL, ONLY_JEKYLL, ONLY_OURS, compare  # noqa: E402

#: a file two Jekyll builds of the same site did not write alike (or only one of them wrote)
UNSTABLE = "unstable"
STATUSES = (IDENTICAL, EQUIVALENT, DIFFERENT, ONLY_JEKYLL, ONLY_OURS, UNSTABLE)

DEFAULT_LIST = ROOT / "tools" / "corpus.json"
PIN_TIME = "2024-01-01 00:00:00 +0000"
#: what a build may take before it is stopped and counted as failed
BUILD_TIMEOUT = 900
#: theme folders copied from a ``theme_repo`` into the site (the site's own files win)
THEME_FOLDERS = ("_layouts", "_includes", "_sass", "assets", "_data")


@dataclass(frozen=True)
class SiteEntry:
    """One line of the corpus list."""

    name: str  # unique, used for the work directory
    repo: str  # owner/name on GitHub
    commit: str  # 40 hex digits
    theme: str  # the theme family, for the report
    source: str = ""  # the site's folder inside the repository
    drop_theme: bool = False  # ``theme: null``: the repository holds the theme's files
    theme_repo: str = ""  # owner/name@commit whose theme folders are copied into the site
    extra_plugins: tuple[str, ...] = ()  # what Bundler would load (a theme's gemspec, the Gemfile's plugin group)
    #: (file, old, new): literal replacements in both copies, where Jekyll 4.3.1 cannot load the site's file
    edits: tuple[tuple[str, str, str], ...] = ()
    time: str = PIN_TIME  # site.time both builders get: later than the last post (post_url refuses future posts)
    notes: str = ""

    @property
    def short(self) -> str:
        return f"{self.repo}@{self.commit[:7]}"


def load_list(path: Path) -> list[SiteEntry]:
    """The corpus list; a clear error for a malformed entry rather than a traceback."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entries: list[SiteEntry] = []
    known = set(SiteEntry.__dataclass_fields__)
    for index, raw in enumerate(data.get("sites", [])):
        unknown = set(raw) - known
        missing = {"name", "repo", "commit", "theme"} - set(raw)
        if unknown or missing:
            raise SystemExit(f"{path}: site {index + 1}: unknown keys {sorted(unknown)}, missing {sorted(missing)}")
        entry = SiteEntry(**{**raw, "extra_plugins": tuple(raw.get("extra_plugins", ())),
                             "edits": tuple((path, old, new) for path, old, new in raw.get("edits", ()))})
        if len(entry.commit) != 40 or entry.repo.count("/") != 1:
            raise SystemExit(f"{path}: site {entry.name}: repo must be owner/name and commit 40 hex digits")
        entries.append(entry)
    names = [entry.name for entry in entries]
    if len(set(names)) != len(names):
        raise SystemExit(f"{path}: site names repeat")
    return entries


def _mirror_git_dir(mirror: Optional[Path], repo: str) -> Optional[Path]:
    if mirror is None:
        return None
    base = mirror / repo.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def extract(repo: str, commit: str, mirror: Optional[Path], cache: Path, target: Path) -> None:
    """The tree of ``repo`` at ``commit`` into ``target`` (fetched into ``cache`` when not mirrored)."""
    git_dir = _mirror_git_dir(mirror, repo)
    if git_dir is None:
        git_dir = cache / repo.replace("/", "+")
        if not (git_dir / "HEAD").is_file():
            subprocess.run(["git", "init", "-q", "--bare", str(git_dir)], check=True)
        probe = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "-e", commit], capture_output=True)
        if probe.returncode:
            subprocess.run(["git", "--git-dir", str(git_dir), "fetch", "-q", "--depth", "1",
                            f"https://github.com/{repo}.git", commit], check=True)
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "--git-dir", str(git_dir), "archive", commit], capture_output=True)
    if archive.returncode == 0:
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    else:
        _extract_present_blobs(git_dir, commit, target)
        # as ``git archive`` does: every file dated at the commit (jekyll-sitemap prints static files' mtimes)
        stamp = subprocess.run(["git", "--git-dir", str(git_dir), "log", "-1", "--format=%ct", commit],
                               capture_output=True, text=True, check=True).stdout.strip()
        for directory, _dirs, names in os.walk(target):
            for name in names:
                os.utime(Path(directory) / name, (int(stamp), int(stamp)), follow_symlinks=False)


def _extract_present_blobs(git_dir: Path, commit: str, target: Path) -> None:
    """Every file of ``commit`` whose blob the mirror holds (mirrors may leave their largest files out).

    Both builders get the same tree, so a missing media file only goes missing on both sides.
    """
    listing = subprocess.run(["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-z", commit],
                             capture_output=True, check=True).stdout
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        mode, kind, blob = meta.decode().split()
        if kind != "blob":
            continue
        content = subprocess.run(["git", "--git-dir", str(git_dir), "cat-file", "blob", blob], capture_output=True)
        if content.returncode:
            continue
        destination = target / os.fsdecode(path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            destination.symlink_to(os.fsdecode(content.stdout))
        else:
            destination.write_bytes(content.stdout)
            if mode == "100755":
                destination.chmod(0o755)


def installed_gems() -> set[str]:
    """Gem names the oracle's Ruby can load (``gem list``)."""
    listing = subprocess.run(["gem", "list", "--no-versions"], capture_output=True, text=True, check=True).stdout
    return {line.strip() for line in listing.splitlines() if line.strip()}


def _plugin_names(value: Any) -> list[str]:
    return [str(name) for name in value] if isinstance(value, list) else []


def pin_config(site_config: dict[str, Any], entry: SiteEntry, gems: set[str]) -> tuple[dict[str, Any], list[str]]:
    """The second configuration file both builders read, and the plugins it leaves out."""
    pin: dict[str, Any] = {"time": entry.time}
    dropped: list[str] = []
    for key in ("plugins", "gems"):
        names = _plugin_names(site_config.get(key))
        if names:
            pin[key] = [name for name in names if name in gems]
            dropped += [name for name in names if name not in gems]
    if entry.extra_plugins:
        names = pin.setdefault("plugins", _plugin_names(site_config.get("plugins")))
        names += [name for name in entry.extra_plugins if name in gems and name not in names]
        dropped += [name for name in entry.extra_plugins if name not in gems]
    if entry.drop_theme or entry.theme_repo:
        # false, not null: a null in a later configuration file leaves the earlier value in place
        pin["theme"] = False
        pin["remote_theme"] = False
    return pin, dropped


def _copy_missing(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` without replacing what ``target`` already holds."""
    for directory, _dirs, names in os.walk(source):
        destination = target / Path(directory).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in names:
            if not (destination / name).exists():
                shutil.copy2(Path(directory) / name, destination / name)


def add_theme(theme_tree: Path, site: Path) -> None:
    for folder in THEME_FOLDERS:
        if (theme_tree / folder).is_dir():
            _copy_missing(theme_tree / folder, site / folder)


@dataclass
class Build:
    returncode: int
    seconds: float
    log_tail: str


def run_build(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Build:
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
        returncode, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        returncode, output = -1, f"timed out after {BUILD_TIMEOUT} s"
    log.write_text(output, encoding="utf-8")
    return Build(returncode, round(time.monotonic() - started, 2), "\n".join(output.splitlines()[-15:]))


@dataclass
class SiteResult:
    name: str
    repo: str
    theme: str
    counts: dict[str, int] = field(default_factory=dict)
    jekyll: Optional[dict[str, Any]] = None
    jekyll_again: list[dict[str, Any]] = field(default_factory=list)  # the further Jekyll builds
    liquidsite: Optional[dict[str, Any]] = None
    dropped_plugins: list[str] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)  # the non-identical ones
    error: str = ""


def unstable_paths(jekyll_site: Path, other_runs: Iterable[Path]) -> set[str]:
    """The files of *jekyll_site* that another Jekyll build of the same site wrote otherwise, or not at all."""
    paths: set[str] = set()
    for other in other_runs:
        paths |= {result.path for result in compare(str(jekyll_site), str(other)).files
                  if result.status != IDENTICAL}
    return paths


def compare_sites(jekyll_site: Path, our_site: Path,
                  unstable: Iterable[str] = ()) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts per status and every file that is not byte-identical, as ``liquidsite diff --json``;
    a file in *unstable* counts as unstable in Jekyll, its comparison with *jekyll_site* kept as
    ``against_first_run``."""
    unstable = set(unstable)
    counts = dict.fromkeys(STATUSES, 0)
    files: list[dict[str, Any]] = []
    for result in compare(str(jekyll_site), str(our_site)).files:
        if result.path in unstable:
            counts[UNSTABLE] += 1
            files.append({"path": result.path, "status": UNSTABLE, "against_first_run": result.status,
                          "diff": result.diff})
            continue
        counts[result.status] += 1
        if result.status != IDENTICAL:
            files.append({"path": result.path, "status": result.status, "diff": result.diff})
    return counts, files


def build_site(entry: SiteEntry, args: argparse.Namespace, gems: set[str]) -> SiteResult:
    work: Path = args.work / entry.name
    result = SiteResult(entry.name, entry.short, entry.theme)
    if work.exists():
        shutil.rmtree(work)
    sources = {}
    jekyll_sides = ["jekyll"] + [f"jekyll-{run}" for run in range(2, args.jekyll_runs + 1)]
    for side in (*jekyll_sides, "liquidsite"):
        tree = work / f"src-{side}"
        extract(entry.repo, entry.commit, args.mirror, args.work / ".git-cache", tree)
        site = tree / entry.source if entry.source else tree
        if entry.theme_repo:
            theme_name, theme_commit = entry.theme_repo.split("@")
            theme_tree = work / "theme"
            if not theme_tree.exists():
                extract(theme_name, theme_commit, args.mirror, args.work / ".git-cache", theme_tree)
            add_theme(theme_tree, site)
        for path, old, new in entry.edits:
            edited = site / path
            edited.write_text(edited.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        sources[side] = site
    config_file = sources["jekyll"] / "_config.yml"
    site_config = yaml.safe_load(config_file.read_text(encoding="utf-8")) if config_file.is_file() else {}
    pin, result.dropped_plugins = pin_config(site_config or {}, entry, gems)
    pin_file = work / "corpus-pin.yml"
    pin_file.write_text(yaml.safe_dump(pin, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true")
    env.pop("JEKYLL_ENV", None)
    configs = f"_config.yml,{pin_file}"
    jekyll_builds: list[Build] = []
    for side in jekyll_sides:
        suffix = side[len("jekyll"):]
        jekyll_builds.append(run_build([*args.jekyll, "build", "-s", ".", "-d", str(work / f"jekyll_site{suffix}"),
                                        "--config", configs], sources[side], env, work / f"jekyll{suffix}.log"))
    jekyll = jekyll_builds[0]
    ours = run_build([sys.executable, "-m", "liquidsite", "build", "--offline", "-s", ".",
                      "-d", str(work / "our_site"), "--config", configs],
                     sources["liquidsite"], dict(env, PYTHONPATH=str(ROOT)), work / "liquidsite.log")
    result.jekyll, result.liquidsite = vars(jekyll), vars(ours)
    result.jekyll_again = [vars(build) for build in jekyll_builds[1:]]
    jekyll_sites = [work / f"jekyll_site{side[len('jekyll'):]}" for side in jekyll_sides]
    if any(build.returncode != 0 for build in jekyll_builds) or not all(site.is_dir() for site in jekyll_sites):
        result.error = "Jekyll failed"
        return result
    our_site = work / "our_site"
    if not our_site.is_dir():
        our_site.mkdir()
    unstable = unstable_paths(jekyll_sites[0], jekyll_sites[1:])
    result.counts, result.files = compare_sites(jekyll_sites[0], our_site, unstable)
    return result


def _counts(result: dict[str, Any]) -> dict[str, int]:
    """A site's counts per status (results written before ``unstable`` existed have none of it)."""
    return {**dict.fromkeys(STATUSES, 0), **(result.get("counts") or {})}


def totals(results: Iterable[dict[str, Any]]) -> dict[str, int]:
    total = dict.fromkeys(STATUSES, 0)
    for result in results:
        for status, count in _counts(result).items():
            total[status] += count
    return total


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown_table(results: list[dict[str, Any]]) -> list[str]:
    """One row per site and a total row: files, then the count of each status."""
    lines = [_row(("site", "theme", "repository@commit", "files", *STATUSES[:-1], "unstable in Jekyll")),
             _row(("---",) * 3 + ("---:",) * (1 + len(STATUSES)))]
    for result in results:
        if not result.get("counts"):
            lines.append(_row((result["name"], result["theme"], result["repo"],
                               result.get("error") or "not compared", *[""] * len(STATUSES))))
            continue
        counts = _counts(result)
        lines.append(_row((result["name"], result["theme"], result["repo"], sum(counts.values()),
                           *(counts[status] for status in STATUSES))))
    total = totals(results)
    files = sum(total.values())
    compared = [result for result in results if result.get("counts")]
    matching = [result for result in compared
                if not any(_counts(result)[status] for status in (DIFFERENT, ONLY_JEKYLL, ONLY_OURS))]
    lines.append(_row((f"**total** ({len(compared)} sites)", "", "", files, *(total[status] for status in STATUSES))))
    stable = files - total[UNSTABLE]
    lines += ["", f"Byte-identical: {_percent(total[IDENTICAL], files)}; identical or equivalent: "
              f"{_percent(total[IDENTICAL] + total[EQUIVALENT], files)}; unstable in Jekyll (two Jekyll builds "
              f"differ): {total[UNSTABLE]} files; of the {stable} files Jekyll builds alike, identical or "
              f"equivalent: {_percent(total[IDENTICAL] + total[EQUIVALENT], stable)}; sites matching completely "
              f"(unstable files apart): {len(matching)} of {len(compared)}."]
    return lines


def command_run(args: argparse.Namespace) -> int:
    entries = load_list(args.list)
    order = {listed.name: index for index, listed in enumerate(entries)}
    if args.only:
        entries = [entry for entry in entries if entry.name in args.only]
    args.work.mkdir(parents=True, exist_ok=True)
    results_file = args.work / "results.json"
    previous = json.loads(results_file.read_text()) if results_file.is_file() else {"sites": []}
    kept = {site["name"]: site for site in previous["sites"]}
    gems = installed_gems()
    for entry in entries:
        print(f"== {entry.name} ({entry.short})", flush=True)
        try:
            result = build_site(entry, args, gems)
        except (subprocess.CalledProcessError, OSError, yaml.YAMLError) as error:
            result = SiteResult(entry.name, entry.short, entry.theme, error=f"{type(error).__name__}: {error}")
        kept[entry.name] = vars(result)
        counts = result.counts
        print(f"   {result.error or counts}  jekyll {result.jekyll and result.jekyll['seconds']} s, "
              f"liquidsite {result.liquidsite and result.liquidsite['seconds']} s "
              f"(rc {result.liquidsite and result.liquidsite['returncode']})", flush=True)
        ordered = sorted(kept.values(), key=lambda site: order.get(site["name"], len(order)))
        results_file.write_text(json.dumps({"sites": ordered}, indent=1, ensure_ascii=False), encoding="utf-8")
    print("\n".join(markdown_table(json.loads(results_file.read_text())["sites"])))
    return 0


def command_report(args: argparse.Namespace) -> int:
    results = json.loads(args.results.read_text(encoding="utf-8"))["sites"]
    print("\n".join(markdown_table(results)))
    if args.files:
        for result in results:
            for entry in result.get("files", []):
                against = f" (against the first Jekyll run: {entry['against_first_run']})" \
                    if entry["status"] == UNSTABLE else ""
                print(f"{result['name']}: {entry['status']}: {entry['path']}{against}")
                for line in entry.get("diff", [])[: args.lines]:
                    print(f"    {line}")
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="build every site with both builders and compare")
    run.add_argument("--list", type=Path, default=DEFAULT_LIST)
    run.add_argument("--mirror", type=Path, help="directory of OWNER+NAME/repo git mirrors")
    run.add_argument("--work", type=Path, required=True, help="where sites are extracted and built")
    run.add_argument("--only", nargs="*", help="site names to (re)build; the others' results are kept")
    run.add_argument("--jekyll-runs", type=int, default=2, metavar="N",
                     help="Jekyll builds per site (default 2); a file they write differently is unstable in Jekyll")
    run.add_argument("--jekyll", default="jekyll", help="the Jekyll command (default: jekyll)")
    run.set_defaults(handler=command_run)
    report = commands.add_parser("report", help="the Markdown table of a results.json")
    report.add_argument("results", type=Path)
    report.add_argument("--files", action="store_true", help="list every non-identical file and its diff")
    report.add_argument("--lines", type=int, default=12, help="diff lines per file with --files")
    report.set_defaults(handler=command_report)
    args = parser.parse_args(argv)
    if getattr(args, "jekyll_runs", 1) < 1:
        parser.error("--jekyll-runs must be 1 or more")
    if hasattr(args, "jekyll"):
        args.jekyll = shlex.split(args.jekyll)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
