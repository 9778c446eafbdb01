"""``liquidsite diff``: compare our build with a ``_site`` that Jekyll produced.

A user switching from Jekyll wants to know that nothing changed. Each output file is
*identical* (same bytes), *equivalent* (same content once whitespace and attribute
order are normalised: HTML through the stdlib's ``html.parser``, XML through C14N,
JSON as data, CSS without insignificant whitespace), *different* (with a short unified
diff of the normalised text) or present on one side only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable, Optional

IDENTICAL = "identical"
EQUIVALENT = "equivalent"
DIFFERENT = "different"
ONLY_JEKYLL = "missing"  # Jekyll wrote it, we did not
ONLY_OURS = "extra"  # we wrote it, Jekyll did not
STATUSES = (IDENTICAL, EQUIVALENT, DIFFERENT, ONLY_JEKYLL, ONLY_OURS)

#: unified diff lines shown per different file, and characters per diff line
MAX_DIFF_LINES = 40
MAX_LINE_CHARS = 160

_SPACE = re.compile(r"\s+")
# elements whose text keeps its whitespace
_PRESERVE = frozenset({"pre", "textarea", "script", "style"})


class _HTMLNormaliser(HTMLParser):
    """One line per tag, text run or comment: attributes sorted, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._preserving = 0

    @staticmethod
    def _tag(tag: str, attrs: list[tuple[str, Optional[str]]], close: str = "") -> str:
        parts = [tag] + [name if value is None else f'{name}="{_SPACE.sub(" ", value).strip()}"'
                         for name, value in sorted(attrs)]
        return f"<{' '.join(parts)}{close}>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.lines.append(self._tag(tag, attrs))
        if tag in _PRESERVE:
            self._preserving += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.lines.append(self._tag(tag, attrs, " /"))

    def handle_endtag(self, tag: str) -> None:
        self.lines.append(f"</{tag}>")
        if tag in _PRESERVE and self._preserving:
            self._preserving -= 1

    def handle_data(self, data: str) -> None:
        if self._preserving:
            self.lines.extend(data.splitlines() or [""])
            return
        text = _SPACE.sub(" ", data).strip()
        if text:
            self.lines.append(text)

    def handle_comment(self, data: str) -> None:
        self.lines.append(f"<!--{_SPACE.sub(' ', data).strip()}-->")

    def handle_decl(self, decl: str) -> None:
        self.lines.append(f"<!{_SPACE.sub(' ', decl).strip().lower()}>")


def normalise_html(text: str) -> list[str]:
    parser = _HTMLNormaliser()
    parser.feed(text)
    parser.close()
    return parser.lines


def normalise_xml(text: str) -> list[str]:
    """Canonical XML (attributes sorted, whitespace-only text dropped), one tag per line;
    markup that is not well-formed is compared as HTML."""
    import xml.etree.ElementTree as ElementTree  # here: the command line imports this module on every start

    try:
        canonical = ElementTree.canonicalize(text, strip_text=True)
    except ElementTree.ParseError:
        return normalise_html(text)
    return [line for line in re.split(r"(?=<)|(?<=>)", canonical) if line.strip()]


def normalise_json(text: str) -> list[str]:
    try:
        return json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False).splitlines()
    except ValueError:
        return normalise_text(text)


def normalise_css(text: str) -> list[str]:
    """Whitespace around CSS punctuation and a last ``;`` before ``}`` do not matter; one rule per line."""
    squeezed = _SPACE.sub(" ", text)
    squeezed = re.sub(r"\s*([{};,>])\s*", r"\1", squeezed)
    squeezed = re.sub(r"\s*:\s*", ":", squeezed).replace(";}", "}")
    return [line for line in squeezed.replace("}", "}\n").splitlines() if line.strip()]


def normalise_text(text: str) -> list[str]:
    return [line.rstrip() for line in text.strip().splitlines()]


_NORMALISERS: dict[str, Callable[[str], list[str]]] = {
    ".html": normalise_html, ".htm": normalise_html,
    ".xml": normalise_xml, ".rss": normalise_xml, ".atom": normalise_xml, ".svg": normalise_xml,
    ".xsl": normalise_xml,
    ".json": normalise_json, ".webmanifest": normalise_json, ".map": normalise_json,
    ".css": normalise_css,
}


@dataclass
class FileResult:
    path: str  # relative to both sites, with ``/``
    status: str
    diff: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    jekyll_dir: str
    our_dir: str
    files: list[FileResult]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for result in self.files:
            counts[result.status] += 1
        return counts

    @property
    def ok(self) -> bool:
        counts = self.counts()
        return not (counts[DIFFERENT] or counts[ONLY_JEKYLL] or counts[ONLY_OURS])

    def summary(self) -> str:
        counts = self.counts()
        return (f"{len(self.files)} files: {counts[IDENTICAL]} identical, {counts[EQUIVALENT]} equivalent, "
                f"{counts[DIFFERENT]} different, {counts[ONLY_JEKYLL]} missing from ours, "
                f"{counts[ONLY_OURS]} only in ours")

    def to_json(self) -> dict[str, object]:
        return {
            "jekyll": self.jekyll_dir, "ours": self.our_dir, "counts": self.counts(), "ok": self.ok,
            "files": [{"path": r.path, "status": r.status, **({"diff": r.diff} if r.diff else {})}
                      for r in self.files],
        }


def _files(root: str) -> set[str]:
    found: set[str] = set()
    for directory, _dirs, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(directory, name), root).replace(os.sep, "/"))
    return found


def _decode(data: bytes) -> Optional[str]:
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _short_diff(before: list[str], after: list[str], path: str, max_lines: int) -> list[str]:
    import difflib

    lines = list(difflib.unified_diff(before, after, f"jekyll/{path}", f"ours/{path}", n=2, lineterm=""))
    shown = [line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS] + "…" for line in lines[:max_lines]]
    if len(lines) > max_lines:
        shown.append(f"... {len(lines) - max_lines} more diff lines")
    return shown


def compare_file(path: str, jekyll_data: bytes, our_data: bytes, max_lines: int = MAX_DIFF_LINES) -> FileResult:
    if jekyll_data == our_data:
        return FileResult(path, IDENTICAL)
    jekyll_text, our_text = _decode(jekyll_data), _decode(our_data)
    if jekyll_text is None or our_text is None:
        return FileResult(path, DIFFERENT, [f"binary files differ ({len(jekyll_data)} bytes in Jekyll's, "
                                            f"{len(our_data)} bytes in ours)"])
    normalise = _NORMALISERS.get(os.path.splitext(path)[1].lower(), normalise_text)
    before, after = normalise(jekyll_text), normalise(our_text)
    if before == after:
        return FileResult(path, EQUIVALENT)
    return FileResult(path, DIFFERENT, _short_diff(before, after, path, max_lines))


def compare(jekyll_dir: str, our_dir: str, max_lines: int = MAX_DIFF_LINES) -> Comparison:
    """Every file under either directory, sorted by path."""
    jekyll_files, our_files = _files(jekyll_dir), _files(our_dir)
    results: list[FileResult] = []
    for path in sorted(jekyll_files | our_files):
        if path not in our_files:
            results.append(FileResult(path, ONLY_JEKYLL))
        elif path not in jekyll_files:
            results.append(FileResult(path, ONLY_OURS))
        else:
            with open(os.path.join(jekyll_dir, path), "rb") as theirs, open(os.path.join(our_dir, path), "rb") as ours:
                results.append(compare_file(path, theirs.read(), ours.read(), max_lines))
    return Comparison(jekyll_dir, our_dir, results)


def report(comparison: Comparison, show_identical: bool = False) -> list[str]:
    """The human-readable report: one line per file that is not identical, diffs indented, then the summary."""
    lines: list[str] = []
    labels = {EQUIVALENT: "equivalent", DIFFERENT: "different", ONLY_JEKYLL: "missing from ours",
              ONLY_OURS: "only in ours", IDENTICAL: "identical"}
    for result in comparison.files:
        if result.status == IDENTICAL and not show_identical:
            continue
        lines.append(f"{labels[result.status]:>17}  {result.path}")
        lines.extend(f"    {line}" for line in result.diff)
    lines.append(comparison.summary())
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("jekyll_site", metavar="JEKYLL_SITE", help="the _site directory Jekyll built")
    add("-d", "--destination", help="our build to compare (default: the destination of the site in --source)")
    add("-s", "--source", help="the site whose destination is compared (default: the current directory)")
    add("--config", help="Custom configuration file(s), comma separated: a.yml,b.yml")
    add("--json", action="store_true", help="print the comparison as JSON")
    add("--all", action="store_true", help="list identical files too")
    add("--max-lines", dest="max_lines", type=int, default=MAX_DIFF_LINES,
        help=f"diff lines shown per different file (default {MAX_DIFF_LINES})")


def run(args: argparse.Namespace) -> int:
    """Exit status 1 when any file differs or is missing on either side."""
    from .errors import LiquidsiteError

    ours = args.destination or built_destination(args.source, args.config, quiet=args.json)
    for label, directory in (("Jekyll's site", args.jekyll_site), ("our site", ours)):
        if not os.path.isdir(directory):
            raise LiquidsiteError(f"{label} {directory} is not a directory")
    comparison = compare(os.path.abspath(args.jekyll_site), os.path.abspath(ours), args.max_lines)
    if args.json:
        print(json.dumps(comparison.to_json(), indent=2))
    else:
        print("\n".join(report(comparison, show_identical=args.all)))
    return 0 if comparison.ok else 1


def built_destination(source: Optional[str], config_files: Optional[str], quiet: bool = False) -> str:
    """Where ``liquidsite build -s SOURCE`` writes (``destination`` as configured, else ``./_site`` as Jekyll)."""
    from .config import load_config

    config = load_config({"source": source, "config": config_files, "quiet": quiet or None})
    return str(config["destination"])
