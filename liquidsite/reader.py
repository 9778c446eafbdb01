"""Reading a site from disk: entry filtering, pages, posts, drafts, collections, data, layouts."""

from __future__ import annotations

import io
import fnmatch
import json
import os
import re
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .lazy_re import lazy_pattern
from .documents import DATE_FILENAME, DATELESS_FILENAME, Document, Layout, Page, StaticFile, UnreadableDocument
from .encoding import InvalidEncodingError, read_utf8
from .errors import FatalError, FrontMatterError
from .log import logger
from .utils import deep_merge, has_yaml_header
from . import yamlio

if TYPE_CHECKING:
    from .collection import Collection
    from .site import Site

_SPECIAL = lazy_pattern(r"\A[._#~]")


class EntryFilter:
    """Which directory entries Jekyll reads: no ``_ . # ~`` names or backups unless included,
    nothing excluded, and no symlinks leading out of the source."""

    def __init__(self, site: "Site", base_directory: str = "") -> None:
        self.site = site
        base = base_directory
        if base.startswith(site.source):
            base = base[len(site.source):]
        self.base_directory = base
        # Where a symlink may lead: the source, and a theme's folder when that is what is read.
        self._allowed_roots = [os.path.realpath(site.source)]
        inside = base_directory == site.source or base_directory.startswith(site.source.rstrip("/") + "/")
        if os.path.isabs(base_directory) and not inside:
            self._allowed_roots.append(os.path.realpath(base_directory))

    def filter(self, entries: Iterable[str]) -> list[str]:
        kept = []
        for entry in entries:
            if entry.endswith("."):
                continue
            included = self.included(entry)
            if self.excluded(entry) and not included:
                continue
            if self.symlink(entry):
                continue
            if not included and (self.special(entry) or entry.endswith("~")):
                continue
            kept.append(entry)
        return kept

    def included(self, entry: str) -> bool:
        patterns = self.site.include
        return self._glob_include(patterns, entry) or self._glob_include(patterns, os.path.basename(entry))

    @staticmethod
    def special(entry: str) -> bool:
        return bool(_SPECIAL.match(entry) or _SPECIAL.match(os.path.basename(entry)))

    def excluded(self, entry: str) -> bool:
        patterns = [p for p in self.site.exclude if p not in self.site.include]
        return self._glob_include(patterns, os.path.join(self.base_directory, entry))

    def symlink(self, entry: str) -> bool:
        """A symlink (or a path through one) that leads out of the source is left out.

        Jekyll refuses these only in safe mode and follows them otherwise; liquidsite
        never reads through them (a link to ``~/.ssh`` must not be published), and says
        so outside safe mode, where Jekyll would have copied them.
        """
        path = entry if os.path.isabs(entry) else os.path.join(self.site.source, self.base_directory.lstrip("/"), entry)
        if "/" not in entry.strip("/") and not os.path.islink(path):
            return False  # the folder it is in was checked when it was read
        real = os.path.realpath(path)
        if any(real == root or real.startswith(root.rstrip("/") + "/") for root in self._allowed_roots):
            return False
        if not self.site.safe:
            logger.warn("Symlink:", f"{path} leads outside the source ({real}); it is left out.")
        return True

    def _glob_include(self, patterns: Iterable[Any], entry: str) -> bool:
        with_source = os.path.join(self.site.source, entry.lstrip("/"))
        is_dir = os.path.isdir(with_source)
        for pattern in patterns:
            if not isinstance(pattern, str):
                continue
            pattern_with_source = (
                os.path.join(self.site.source, pattern.lstrip("/")) if pattern else self.site.source + "/"
            )
            if (
                fnmatch.fnmatchcase(with_source, pattern_with_source)
                or with_source.startswith(pattern_with_source)
                or (is_dir and pattern_with_source == with_source + "/")
            ):
                return True
        return False


class Reader:
    """``Jekyll::Reader``: fills a site's pages, static files, collections, data and layouts."""

    def __init__(self, site: "Site") -> None:
        self.site = site

    def read(self) -> None:
        site = self.site
        site.layouts = self.read_layouts()
        self.read_directories("")
        self.read_included_excludes()
        for collection in site.collections.values():
            collection.docs.sort(key=lambda d: d.sort_key())
        site.pages.sort(key=lambda p: p.name)
        site.static_files.sort(key=lambda s: s.relative_path)
        for label, collection in site.collections.items():
            if label not in ("posts", "data"):
                self.read_collection(collection)
        self.read_theme_assets()
        site.data = self.read_data(site.in_source_dir(str(site.config.get("data_dir", "_data"))))
        theme_data = site.theme.data_path if site.theme is not None else None
        if theme_data is not None:  # the site's data wins over the theme's, key by key
            site.data = deep_merge(self.read_data(theme_data), site.data)

    # -- directories ------------------------------------------------------------------------

    def read_directories(self, dir: str) -> None:
        site = self.site
        base = site.in_source_dir(dir)
        if not os.path.isdir(base):
            return
        try:
            # unsorted, as Ruby's Dir.entries: Jekyll's sort_by!(&:name) (stable on glibc) keeps this
            # order among pages of the same name (index.md in many folders), in site.pages and sitemap.xml
            names = os.listdir(base)
        except OSError as err:
            logger.warn("Error:", f"could not read directory {base}: {err}")
            return
        entries = EntryFilter(site, base).filter(names)
        dirs, pages, statics = [], [], []
        for entry in entries:
            path = os.path.join(base, entry)
            if os.path.isdir(path):
                dirs.append(entry)
            elif has_yaml_header(path):
                pages.append(entry)
            else:
                _warn_if_bom_hides_front_matter(path)
                statics.append(entry)
        self.retrieve_posts(dir)
        for entry in dirs:
            path = os.path.join(base, entry)
            if path.rstrip("/") != site.dest.rstrip("/"):
                self.read_directories(f"{dir}/{entry}" if dir else f"/{entry}")
        for entry in pages:
            self._add_page(dir, entry)
        for entry in statics:
            site.static_files.append(StaticFile(site, dir, entry))

    def _add_page(self, dir: str, name: str) -> None:
        try:
            page = Page(self.site, dir, name)
        except yamlio.YAMLSyntaxError as err:
            self._report_yaml_error(os.path.join(self.site.source, dir.lstrip("/"), name), err)
            return
        if self.site.publisher_publish(page):
            self.site.pages.append(page)

    def retrieve_posts(self, dir: str) -> None:
        site = self.site
        collections_dir = str(site.config.get("collections_dir") or "")
        if collections_dir and not dir.startswith(f"/{collections_dir}"):
            return
        posts = site.posts
        posts.docs.extend(self._read_publishable(dir, "_posts", DATE_FILENAME, posts))
        if site.show_drafts:
            posts.docs.extend(self._read_publishable(dir, "_drafts", DATELESS_FILENAME, posts))

    def _read_publishable(self, dir: str, magic: str, matcher: re.Pattern[str], posts: "Collection") -> list[Document]:
        docs = []
        for entry in self.get_entries(dir, magic):
            if not matcher.match(entry):
                continue
            doc = Document(self.site, self.site.in_source_dir(dir, magic, entry), posts)
            if self._read_document(doc) and self._publishable(doc):
                docs.append(doc)
        return docs

    def _read_document(self, doc: Document) -> bool:
        """Read *doc*; a broken file is reported like Jekyll's and left out."""
        try:
            doc.read()
        except yamlio.YAMLSyntaxError as err:
            self._report_yaml_error(doc.path, err)
            return False
        except InvalidEncodingError as err:
            # Jekyll's Document#read rescues the ArgumentError and leaves the file out.
            logger.error("Error:", f"could not read file {doc.path}: {err.reason}")
            return False
        except UnreadableDocument as err:
            logger.error("Error:", f"could not read file {doc.path}: {err}")
            return False
        return True

    def _report_yaml_error(self, path: str, err: yamlio.YAMLSyntaxError) -> None:
        """Jekyll's message for broken front matter; the file is left out of the build."""
        message = f"YAML Exception reading {path}: {err}"
        logger.error("Error:", message)
        if self.site.config.get("strict_front_matter"):
            raise FrontMatterError(message, path, err.line, err.column)

    def _publishable(self, doc: Document) -> bool:
        publish = self.site.publisher_publish(doc)
        if not publish and self.site.hidden_in_the_future(doc):
            logger.warn("Skipping:", f"{doc.relative_path} has a future date")
        return publish

    def get_entries(self, dir: str, subfolder: str) -> list[str]:
        base = self.site.in_source_dir(dir, subfolder)
        if not os.path.exists(base):
            return []
        entries = _walk(base)
        kept = EntryFilter(self.site, base).filter(entries)
        return [e for e in kept if not os.path.isdir(os.path.join(base, e))]

    def read_included_excludes(self) -> None:
        site = self.site
        filt = EntryFilter(site)
        for entry in site.include:
            path = site.in_source_dir(str(entry))
            if os.path.isdir(path) or filt.symlink(path) or not os.path.isfile(path):
                continue
            relative = os.path.relpath(path, site.source)
            parent, name = os.path.split(relative)
            dir = f"/{parent}" if parent else ""
            if has_yaml_header(path):
                if not any(p.relative_path == relative for p in site.pages):
                    self._add_page(dir, name)
            elif not any(s.relative_path.lstrip("/") == relative for s in site.static_files):
                site.static_files.append(StaticFile(site, dir, name))

    # -- collections ------------------------------------------------------------------------

    def read_collection(self, collection: "Collection") -> None:
        site = self.site
        directory = collection.directory
        if not os.path.isdir(directory) or EntryFilter(site).symlink(directory):
            return
        filt = EntryFilter(site, collection.relative_directory)
        for entry in filt.filter(_walk(directory, dotfiles=True)):
            full = os.path.join(directory, entry)
            if os.path.isdir(full) or filt.symlink(full):
                continue
            if has_yaml_header(full):
                doc = Document(site, full, collection)
                if self._read_document(doc) and (site.unpublished or doc.published):
                    collection.docs.append(doc)
            else:
                rel_dir = os.path.normpath(os.path.join(collection.relative_directory, os.path.dirname(entry)))
                collection.files.append(StaticFile(site, rel_dir, os.path.basename(full), collection))
        site.static_files.extend(collection.files)
        collection.sort_docs()

    # -- layouts and data -------------------------------------------------------------------

    def read_layouts(self) -> dict[str, Layout]:
        """The site's layouts, then the theme's for names the site does not define."""
        site = self.site
        layouts: dict[str, Layout] = {}
        bases = [site.in_source_dir(str(site.config.get("layouts_dir", "_layouts")))]
        if site.theme is not None and site.theme.layouts_path is not None:
            bases.append(site.theme.layouts_path)
        for base in bases:
            if not os.path.isdir(base):
                continue
            for entry in EntryFilter(site, base).filter(_walk(base)):
                full = os.path.join(base, entry)
                if os.path.isdir(full) or "." not in os.path.basename(entry):
                    continue
                name = ".".join(entry.split(".")[:-1])
                if name not in layouts:
                    layouts[name] = Layout(site, base, entry)
        return layouts

    def read_theme_assets(self) -> None:
        """``ThemeAssetsReader``: the theme's ``assets`` as pages and static files the site lacks."""
        site = self.site
        assets = site.theme.assets_path if site.theme is not None else None
        if site.theme is None or assets is None:
            return
        root = site.theme.root
        pages = {page.relative_path for page in site.pages}
        statics = {static.relative_path for static in site.static_files}
        for path in sorted(_walk_files(assets)):
            if os.path.islink(path):
                logger.warn("Theme reader:", f"Ignored symlinked asset: {path}")
                continue
            dir = os.path.dirname(os.path.relpath(path, root))
            name = os.path.basename(path)
            if has_yaml_header(path):
                page = Page(site, f"/{dir}", name, base=root)
                if page.relative_path not in pages:
                    site.pages.append(page)
            else:
                static = StaticFile(site, f"/{dir}", name, base=root)
                if static.relative_path not in statics:
                    site.static_files.append(static)

    def read_data(self, directory: str) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if not os.path.isdir(directory):
            return data
        filt = EntryFilter(self.site)
        # Files first, then folders: a folder wins over a file of the same name, as in Jekyll.
        for entry in sorted(os.listdir(directory), key=lambda e: (os.path.isdir(os.path.join(directory, e)), e)):
            if entry.startswith("."):
                continue
            path = os.path.join(directory, entry)
            if filt.symlink(path):
                continue
            if os.path.isdir(path):
                data[_sanitize_data_name(entry)] = self.read_data(path)
                continue
            ext = os.path.splitext(entry)[1].lower()
            if ext not in _DATA_LOADERS:
                continue
            key = _sanitize_data_name(os.path.splitext(entry)[0])
            data[key] = _DATA_LOADERS[ext](path, self.site)
        return data


def _walk_files(base: str) -> list[str]:
    """Every file below *base* (``Find.find``), symlinks included but not followed."""
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(base):
        found.extend(os.path.join(dirpath, name) for name in filenames)
        found.extend(os.path.join(dirpath, name) for name in dirnames if os.path.islink(os.path.join(dirpath, name)))
    return found


def _walk(base: str, dotfiles: bool = True) -> list[str]:
    """Every path below *base*, relative to it, like Ruby's ``Dir["**/*"]`` (sorted)."""
    found = []
    for root, dirs, files in os.walk(base, followlinks=True):
        dirs.sort()
        rel_root = os.path.relpath(root, base)
        for name in sorted(dirs + files):
            if not dotfiles and name.startswith("."):
                continue
            found.append(name if rel_root == "." else os.path.join(rel_root, name))
    return found


_BOM_FRONT_MATTER = lazy_pattern(rb"\xef\xbb\xbf---[ \t\r\f\v]*\r?\n")
_TEXT_PAGE_EXTENSIONS = (".md", ".markdown", ".mkd", ".mkdn", ".html", ".htm", ".xml", ".txt", ".json")


def _warn_if_bom_hides_front_matter(path: str) -> None:
    """A page saved "UTF-8 with BOM" is a static file to Jekyll (its first bytes are not ``---``).

    The output stays Jekyll's (the file is copied as it is); the warning says why the page
    did not render.
    """
    if not path.lower().endswith(_TEXT_PAGE_EXTENSIONS):
        return
    try:
        with open(path, "rb") as handle:
            first = handle.readline(64)
    except OSError:
        return
    if _BOM_FRONT_MATTER.match(first):
        logger.warn("Byte-order mark:", f"{path} starts with a UTF-8 byte-order mark, so its front matter is not "
                    "seen (as in Jekyll) and it is copied as it is; save it as UTF-8 without BOM.")


def _sanitize_data_name(name: str) -> str:
    name = re.sub(r"[^\w\s-]+|(?:(?<=^)|(?<=\b\s))\s+(?=$|\s?\b)", "", name)
    return re.sub(r"\s+", "_", name)


def _load_yaml(path: str, site: "Site") -> Any:
    return yamlio.load(read_utf8(path), path)


def _load_json(path: str, site: "Site") -> Any:
    try:
        return json.loads(read_utf8(path))
    except json.JSONDecodeError as err:
        raise FatalError(f"({path}): {err.msg} at line {err.lineno} column {err.colno}") from None


def _csv_loader(delimiter: str) -> Callable[[str, "Site"], Any]:
    def load(path: str, site: "Site") -> Any:
        import csv  # data files in CSV only: not on every start

        # Jekyll's CSV.read keeps a byte-order mark: it ends up in the first header.
        text = read_utf8(path, strip_bom=False)
        return [dict(row) for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)]

    return load


_DATA_LOADERS: dict[str, Callable[[str, "Site"], Any]] = {
    ".yaml": _load_yaml, ".yml": _load_yaml, ".json": _load_json,
    ".csv": _csv_loader(","), ".tsv": _csv_loader("\t"),
}
