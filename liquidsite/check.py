"""``liquidsite check``: html-proofer's job on a built site, without Ruby.

Every HTML file's links (``a``/``area`` ``href``, ``link href``), images (``src``,
``srcset``), scripts and media must resolve to a file of the built site, as a static
host serves it: ``baseurl`` is stripped from absolute paths (a path outside it is a
problem, as it would 404 on GitHub Pages), ``/a/`` is ``a/index.html`` and ``/a`` is
``a``, ``a.html`` or ``a/index.html``. A ``#fragment`` must name an ``id`` or an
``<a name>`` of the target page, and no page may repeat an ``id``. External links are
listed, and fetched only with ``--external``; ``mailto:``, ``tel:``, ``data:``,
``javascript:`` and every other scheme but ``http(s)`` are skipped, as is any element marked
``data-proofer-ignore`` (html-proofer's attribute).
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from typing import Optional
from urllib.parse import unquote, urljoin, urlsplit

#: element -> attributes holding one URL each; ``srcset`` attributes are read separately
_URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src",), "script": ("src",),
    "source": ("src",), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "iframe": ("src",), "embed": ("src",), "object": ("data",), "input": ("src",),
}
#: ``<link rel>`` values that name an origin, not a resource
_ORIGIN_RELS = frozenset({"preconnect", "dns-prefetch"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


@dataclass
class Reference:
    tag: str
    url: str
    line: int


@dataclass
class Problem:
    file: str
    line: int
    url: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class ScannedPage:
    ids: dict[str, int] = field(default_factory=dict)  # id -> first line
    anchor_names: set[str] = field(default_factory=set)  # <a name>
    duplicate_ids: list[tuple[str, int, int]] = field(default_factory=list)  # id, line, first line
    references: list[Reference] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ScannedPage()
        # the element marked data-proofer-ignore being read, and how deep its tag nests in itself
        self._ignored_tag = ""
        self._ignored_depth = 0

    def handle_endtag(self, tag: str) -> None:
        if tag == self._ignored_tag:
            self._ignored_depth -= 1
            if not self._ignored_depth:
                self._ignored_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        line = self.getpos()[0]
        element_id = values.get("id")
        if element_id is not None:
            if element_id in self.page.ids and element_id:
                self.page.duplicate_ids.append((element_id, line, self.page.ids[element_id]))
            self.page.ids.setdefault(element_id, line)
        if tag == "a" and values.get("name"):
            self.page.anchor_names.add(values["name"])
        if tag == self._ignored_tag:
            self._ignored_depth += 1
        if self._ignored_tag:
            return
        if "data-proofer-ignore" in dict(attrs):
            if tag not in _VOID:
                self._ignored_tag, self._ignored_depth = tag, 1
            return
        if tag == "link" and _ORIGIN_RELS & set(values.get("rel", "").lower().split()):
            return
        for attribute in _URL_ATTRIBUTES.get(tag, ()):
            if attribute in values:
                self.page.references.append(Reference(tag, values[attribute].strip(), line))
        srcset = values.get("srcset", "")
        for candidate in [] if srcset.lstrip().startswith("data:") else srcset.split(","):
            if candidate.strip():
                self.page.references.append(Reference(tag, candidate.split()[0], line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == self._ignored_tag:
            self.handle_endtag(tag)


def scan(path: str) -> ScannedPage:
    scanner = _Scanner()
    with open(path, encoding="utf-8", errors="replace") as handle:
        scanner.feed(handle.read())
    scanner.close()
    return scanner.page


@dataclass
class Report:
    site: str
    pages: int
    references: int
    problems: list[Problem]
    external: dict[str, list[str]]  # URL -> "file:line" where it is used

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (f"Checked {self.pages} HTML files, {self.references} references: {len(self.problems)} problems, "
                f"{len(self.external)} external links")

    def to_json(self) -> dict[str, object]:
        return {"site": self.site, "pages": self.pages, "references": self.references, "ok": self.ok,
                "problems": [asdict(problem) for problem in self.problems], "external": self.external}


class SiteChecker:
    """The checks over one built site (*root*) served under *baseurl*, published at *url*."""

    def __init__(self, root: str, baseurl: str = "", url: str = "") -> None:
        self.root = os.path.abspath(root)
        self.baseurl = "/" + baseurl.strip("/") if baseurl.strip("/") else ""
        self.url = url.rstrip("/")
        self._scanned: dict[str, ScannedPage] = {}

    def html_files(self) -> list[str]:
        found = []
        for directory, dirs, names in os.walk(self.root):
            dirs.sort()
            for name in sorted(names):
                if name.endswith((".html", ".htm")):
                    found.append(os.path.relpath(os.path.join(directory, name), self.root).replace(os.sep, "/"))
        return found

    def page(self, relative: str) -> ScannedPage:
        if relative not in self._scanned:
            self._scanned[relative] = scan(os.path.join(self.root, relative))
        return self._scanned[relative]

    def resolve(self, path: str) -> Optional[str]:
        """The site file an absolute URL path (baseurl already stripped) is served from."""
        relative = unquote(path).lstrip("/")
        if relative == "" or relative.endswith("/"):
            candidates = [relative + "index.html"]
        else:
            candidates = [relative, relative + ".html", relative + "/index.html"]
        for candidate in candidates:
            if os.path.isfile(os.path.join(self.root, candidate)):
                return candidate
        return None

    def _site_path(self, url: str) -> Optional[str]:
        """*url* (already absolute) as a URL path when it is under the site's own ``url`` + ``baseurl``."""
        home = self.url + self.baseurl
        if self.url and (url == home or url.startswith(home + "/")):
            return url[len(self.url):] or "/"
        return None

    def check_reference(self, relative: str, reference: Reference, report: Report) -> None:
        url = reference.url
        if url in ("", "#"):
            return
        parts = urlsplit(url)
        if parts.scheme and parts.scheme.lower() not in ("http", "https"):
            return
        problem = Problem(relative, reference.line, url, "")
        if parts.scheme or url.startswith("//"):
            own = self._site_path(url if parts.scheme else "https:" + url)
            if own is None:
                report.external.setdefault(url, []).append(f"{relative}:{reference.line}")
                return
            parts = urlsplit(own)
        page_url = f"{self.baseurl}/{relative}"
        target_url = urljoin(page_url, parts.path) if parts.path else page_url
        if self.baseurl and not (target_url == self.baseurl or target_url.startswith(self.baseurl + "/")):
            problem.message = f"{url} is outside baseurl {self.baseurl}: {target_url} does not exist on the site"
            report.problems.append(problem)
            return
        target = self.resolve(target_url[len(self.baseurl):] or "/")
        if target is None:
            kind = "link" if reference.tag in ("a", "area") else f"<{reference.tag}> reference"
            problem.message = f"internal {kind} {url} does not resolve"
            report.problems.append(problem)
            return
        fragment = unquote(parts.fragment)
        linked = self.page(target) if fragment and target.endswith((".html", ".htm")) else None
        if linked is not None and fragment not in linked.ids and fragment not in linked.anchor_names:
            problem.message = f"{url}: no id or anchor '{fragment}' in {target}"
            report.problems.append(problem)

    def run(self) -> Report:
        pages = self.html_files()
        report = Report(self.root, len(pages), 0, [], {})
        for relative in pages:
            scanned = self.page(relative)
            for element_id, line, first in scanned.duplicate_ids:
                message = f"duplicate id '{element_id}' (first on line {first})"
                report.problems.append(Problem(relative, line, "", message))
            for reference in scanned.references:
                report.references += 1
                self.check_reference(relative, reference, report)
        report.problems.sort(key=lambda problem: (problem.file, problem.line))
        return report


def _fetch_status(url: str, timeout: float) -> Optional[str]:
    """None when *url* answers, else why not."""
    import urllib.error  # only with --external: the command line stays quick to start
    import urllib.request

    headers = {"User-Agent": "liquidsite-check"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request("https:" + url if url.startswith("//") else url, method=method,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310 - the site's own links
                return None
        except urllib.error.HTTPError as err:
            if method == "HEAD" and err.code in (403, 405, 501):
                continue
            return f"HTTP {err.code}"
        except (urllib.error.URLError, OSError, ValueError) as err:
            return str(getattr(err, "reason", err))
    return None


def check_external(report: Report, timeout: float) -> None:
    """Fetch each external URL (a few at a time); an error or 4xx/5xx answer is a problem."""
    import concurrent.futures

    urls = sorted(report.external)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for url, failure in zip(urls, pool.map(lambda u: _fetch_status(u, timeout), urls), strict=True):
            if failure is not None:
                file, line = report.external[url][0].rsplit(":", 1)
                report.problems.append(Problem(file, int(line), url, f"external link {url} failed: {failure}"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("-s", "--source", help="the site whose build is checked (default: the current directory)")
    add("-d", "--destination", help="the built site to check (default: the configured destination)")
    add("--config", help="Custom configuration file(s), comma separated: a.yml,b.yml")
    add("-b", "--baseurl", help="the base URL the site is served under (default: baseurl from the configuration)")
    add("--json", action="store_true", help="print the report as JSON")
    add("--external", action="store_true", help="also fetch external links")
    add("--timeout", type=float, default=5.0, help="seconds per external request (default 5)")


def run(args: argparse.Namespace) -> int:
    """Exit status 1 when anything does not resolve."""
    from .config import load_config
    from .errors import LiquidsiteError

    config = load_config({"source": args.source, "config": args.config, "quiet": args.json or None})
    root = args.destination or str(config["destination"])
    if not os.path.isdir(root):
        raise LiquidsiteError(f"{root} is not a directory: build the site first (liquidsite build)")
    baseurl = args.baseurl if args.baseurl is not None else str(config.get("baseurl") or "")
    report = SiteChecker(root, baseurl, str(config.get("url") or "")).run()
    if args.external:
        check_external(report, args.timeout)
        report.problems.sort(key=lambda problem: (problem.file, problem.line))
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
        return 0 if report.ok else 1
    for problem in report.problems:
        print(problem)
    if report.external and not args.external:
        print("External links (not fetched; --external fetches them):")
        for url, places in sorted(report.external.items()):
            print(f"  {url}  ({places[0]}{f' and {len(places) - 1} more' if len(places) > 1 else ''})")
    print(report.summary())
    return 0 if report.ok else 1
