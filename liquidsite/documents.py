"""Pages, documents (posts and collection items), excerpts, static files and layouts.

Each class mirrors its Jekyll namesake. They hold what was read from disk and
compute URLs and destinations; rendering lives in :mod:`liquidsite.renderer`.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from typing import TYPE_CHECKING, Any, Optional

from .lazy_re import lazy_pattern
from . import url as urls
from .errors import LiquidRenderError, LiquidsiteError
from .frontmatter import read_text, split, split_without_data
from .log import logger
from .timeutil import parse_date
from .utils import deep_merge, pluralized_array, slugify, titleize_slug, uniq
from . import yamlio

if TYPE_CHECKING:
    from .collection import Collection
    from .siteview import SiteView

DATE_FILENAME = lazy_pattern(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME = lazy_pattern(r"^(?:.+/)*(.*)(\.[^.]+)$")
HTML_EXTENSIONS = (".html", ".xhtml", ".htm")
_TRAILING_DOTS = lazy_pattern(r"\.*\Z")


def _strip_trailing_dots(text: str) -> str:
    return _TRAILING_DOTS.sub("", text)


class Convertible:
    """What pages and documents share: data, content, output, converters, layout."""

    site: "SiteView"
    data: dict[str, Any]
    content: str
    output: Optional[str]
    extname: str
    relative_path: str
    body_line: int
    path: str

    def source(self) -> Any:
        """What rendering starts from: ``content`` until rendering replaces it. A watched
        site resets an output to it before rendering it again (``selection.py``)."""
        return self.content

    def converter(self):  # noqa: ANN201 - converters module type
        return self.site.converter_for(self.extname)

    @property
    def output_ext(self) -> str:
        permalink = self.permalink
        if permalink and not str(permalink).endswith("/"):
            ext = os.path.splitext(str(permalink))[1]
            if ext:
                return ext
        return self.converter().output_ext(self.extname)

    def setting(self, key: str) -> Any:
        """The value of *key* the pipeline acts on (layout, permalink); Liquid sees ``data``."""
        return self.data.get(key)

    @property
    def permalink(self) -> Any:
        """The ``permalink`` setting; a list or number is refused (Jekyll fails on ``end_with?``)."""
        value = self.setting("permalink")
        if value is None or value is False or isinstance(value, str):
            return value
        raise urls.PermalinkError(
            f"Invalid permalink in {self.path}: expected a string, found {ruby_class(value)} {value!r}"
        )

    @property
    def layout_name(self) -> Any:
        return self.setting("layout")

    @property
    def is_sass(self) -> bool:
        return self.extname.lower() in (".sass", ".scss")

    @property
    def is_yaml(self) -> bool:
        return self.extname in (".yaml", ".yml")

    @property
    def render_with_liquid(self) -> bool:
        if self.data.get("render_with_liquid") is False:
            return False
        return "{%" in self.content or "{{" in self.content

    @property
    def place_in_layout(self) -> bool:
        return not (self.is_sass or self.extname == ".coffee" or self.layout_name == "none")

    def _read_source(self) -> None:
        """Read front matter and body; a YAML error propagates (the reader reports and skips)."""
        text = read_text(self.path)
        parsed = split(text, "<unknown>")
        self.content = parsed.body
        self.body_line = parsed.body_line
        if parsed.data is not None and not isinstance(parsed.data, dict):
            from .errors import FrontMatterError

            raise FrontMatterError(f"Invalid YAML front matter in {self.path}", self.path)
        self.front_matter: dict[str, Any] = parsed.data or {}


class UnreadableDocument(LiquidsiteError):
    """A document whose front matter has a value of the wrong type; the reader leaves it out."""


def ruby_class(value: Any) -> str:
    """The Ruby class name of a YAML value, as Ruby's type errors name it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    names = {int: "Integer", float: "Float", dict: "Hash", list: "Array", dt.datetime: "Time", dt.date: "Date"}
    return names.get(type(value), type(value).__name__)


class Page(Convertible):
    """A file outside collections with front matter (Jekyll's Page)."""

    #: the Ruby class ``Page#inspect`` names
    ruby_class_name = "Jekyll::Page"

    #: front matter keys set to null that ``data`` fills from the defaults (read-only; see ``setting``)
    _nulled_defaults: dict[str, Any] = {}

    def __init__(self, site: "SiteView", dir: str, name: str, base: Optional[str] = None) -> None:
        """*base*: the folder *dir* is in, when not the site's source (a theme's assets)."""
        self._locate(site, dir, name, base)
        try:
            self._read_source()
        except yamlio.YAMLSyntaxError as err:
            self._front_matter_unreadable(err)
        if self.data_permalink_is_empty():
            from .errors import FrontMatterError

            raise FrontMatterError(f"Invalid permalink in {self.path}", self.path)
        defaults = site.frontmatter_defaults.all(self.relative_path, "pages")
        self.data = deep_merge(defaults, self.front_matter)
        self._nulled_defaults = {key: defaults[key] for key, value in self.front_matter.items()
                                 if value is None and key in defaults}

    def _front_matter_unreadable(self, err: yamlio.YAMLSyntaxError) -> None:
        """Jekyll's ``Convertible#read_yaml``: warn, then render the body with no front matter.

        With ``strict_front_matter`` the error stops the build instead.
        """
        if self.site.config.get("strict_front_matter"):
            raise err
        logger.warn(f"YAML Exception reading {self.path}:", str(err))
        parsed = split_without_data(read_text(self.path))
        self.content, self.body_line, self.front_matter = parsed.body, parsed.body_line, {}

    def _locate(self, site: "SiteView", dir: str, name: str, base: Optional[str] = None) -> None:
        """The fields every page has before any content: where it is and what it will write.

        Pages without a source file (generated by plugins, Sass source maps) start here too.
        """
        self.site = site
        self.dir_name = dir  # relative to the source, "" or "/sub"
        self.name = name
        self.path = os.path.join(base or site.source, dir.lstrip("/"), name.lstrip("/"))
        self.extname = os.path.splitext(name)[1]
        self.basename = _strip_trailing_dots(name[: len(name) - len(self.extname)] if self.extname else name)
        self.relative_path = os.path.join(dir, name).lstrip("/")
        self.output: Optional[str] = None
        self.pager: Any = None
        self._url: Optional[str] = None

    def data_permalink_is_empty(self) -> bool:
        return self.front_matter.get("permalink") == ""

    def setting(self, key: str) -> Any:
        """Jekyll's Page reads its own data first: defaults fill only keys it lacks, so an explicit
        ``layout: null`` means no layout. (Liquid's ``page`` merges the defaults under the front
        matter, where a null keeps the default's value, as ``data`` here does.) A value a plugin
        set since (jekyll-redirect-from's layout) is the page's own."""
        value = self.data.get(key)
        if key in self._nulled_defaults and value is self._nulled_defaults[key]:
            return None
        return value

    @property
    def html(self) -> bool:
        return self.output_ext in HTML_EXTENSIONS

    @property
    def index(self) -> bool:
        return self.basename == "index"

    def template(self) -> str:
        if not self.html:
            return "/:path/:basename:output_ext"
        if self.index:
            return "/:path/"
        return add_suffix("/:path/:basename", self.site.permalink_style)

    @property
    def url(self) -> str:
        if self._url is None:
            placeholders = {"path": self.dir_name, "basename": self.basename, "output_ext": self.output_ext}
            self._url = urls.generate(
                self.template(), self.permalink, lambda t: urls.from_hash(t, placeholders)
            )
        return self._url

    @property
    def dir(self) -> str:
        url = self.url
        if url.endswith("/"):
            return url
        parent = os.path.dirname(url)
        return parent if parent.endswith("/") else parent + "/"

    @property
    def page_path(self) -> str:
        return str(self.data.get("path", self.relative_path))

    def destination(self, dest: str) -> str:
        path = self.site.in_dest_dir(urls.unescape_path(self.url))
        if self.url.endswith("/"):
            path = os.path.join(path, "index")
        if not path.endswith(self.output_ext):
            path += self.output_ext
        return path

    @property
    def write(self) -> bool:
        return True

    @property
    def kind(self) -> str:
        return "pages"

    @functools.cached_property
    def drop(self) -> Any:
        from .liquid.drops import PageDrop

        return PageDrop(self)

    def liquid_page(self) -> Any:
        """``page`` while this page renders: Jekyll's hash of it, with the content as read."""
        from .liquid.drops import PageDrop

        return PageDrop(self, content=self.content)


def add_suffix(template: str, style: str) -> str:
    from .utils import add_permalink_suffix

    return add_permalink_suffix(template, style)


class Document(Convertible):
    """A file in a collection (posts included): Jekyll's Document."""

    def __init__(self, site: "SiteView", path: str, collection: "Collection") -> None:
        self.site = site
        self.path = path
        self.collection = collection
        self.extname = os.path.splitext(path)[1]
        self.relative_path = os.path.relpath(path, site.collections_path)
        self.basename = os.path.basename(path)
        self.basename_without_ext = os.path.splitext(self.basename)[0]
        self.data: dict[str, Any] = {}
        self.content = ""
        self.body_line = 1
        self.output: Optional[str] = None
        self._url: Optional[str] = None
        self.excerpt: Optional[Excerpt] = None
        self.is_draft = collection.label == "posts" and collection.relative_directory not in self.relative_path
        self.data["draft"] = self.is_draft  # Jekyll memoises draft? in the data: page.draft
        self._categories_from_path("_drafts" if self.is_draft else collection.relative_directory)

    @property
    def kind(self) -> str:
        return self.collection.label

    @functools.cached_property
    def drop(self) -> Any:
        from .liquid.drops import DocumentDrop

        return DocumentDrop(self)

    def _categories_from_path(self, special_dir: str) -> None:
        if self.relative_path.startswith(special_dir):
            superdirs: list[str] = []
        else:
            index = self.relative_path.find(special_dir)
            rest = self.relative_path[:index] if index >= 0 else self.relative_path
            superdirs = [
                c for c in rest.split("/") if c and c != special_dir and c != self.basename
            ]
        self.data["categories"] = superdirs

    def merge_data(self, other: dict[str, Any], source: str) -> None:
        other = dict(other)
        if other.get("categories") is not None:
            if isinstance(other["categories"], str):
                other["categories"] = other["categories"].split()
            elif not isinstance(other["categories"], list):
                raise UnreadableDocument(
                    f"no implicit conversion of {ruby_class(other['categories'])} into Array"
                    f" (categories: {other['categories']!r} in the {source})"
                )
            if isinstance(self.data.get("categories"), list):
                other["categories"] = uniq(list(self.data["categories"]) + list(other["categories"]))
        self.data = deep_merge(self.data, other)
        if "date" in self.data and self.data["date"] is not None:
            self.data["date"] = parse_date(
                self.data["date"], self.site.tz,
                f"Document '{self.relative_path}' does not have a valid date in the {source}.",
            )

    def read(self) -> None:
        """Defaults, front matter, then the data Jekyll derives from the file name."""
        if self.is_yaml:
            text = read_text(self.path)
            loaded = yamlio.load(text, self.path)
            self.data = loaded if isinstance(loaded, dict) else {}
            self.content = ""
            return
        defaults = self.site.frontmatter_defaults.all(self.relative_path, self.kind)
        if defaults:
            self.merge_data(defaults, "front matter defaults")
        self._read_source()
        if self.front_matter:
            self.merge_data(self.front_matter, "YAML front matter")
        self._populate_title()
        self._populate_categories()
        self._populate_tags()
        if self.excerpt_separator:
            if "excerpt" not in self.data:
                self.excerpt = Excerpt(self)

    def _populate_title(self) -> None:
        match = DATE_FILENAME.match(self.relative_path)
        ext = None
        if match:
            date, slug, ext = match.groups()
            current = self.data.get("date")
            if not current or int(current.timestamp()) == int(self.site.time.timestamp()):
                self.merge_data({"date": date}, "filename")
        else:
            match = DATELESS_FILENAME.match(self.relative_path)
            slug, ext = match.groups() if match else (None, None)
        slug = _strip_trailing_dots(slug if slug is not None else self.basename_without_ext)
        for key, value in (("title", titleize_slug(slug)), ("slug", slug), ("ext", ext)):
            if self.data.get(key) in (None, False):  # Ruby's ||=
                self.data[key] = value

    def _populate_categories(self) -> None:
        categories = list(self.data.get("categories") or []) if isinstance(
            self.data.get("categories"), list) else [self.data["categories"]] if self.data.get("categories") else []
        categories += pluralized_array(self.data, "category", "categories")
        flat = [str(c) for c in _flatten(categories)]
        self.merge_data({"categories": uniq(flat)}, "YAML front matter")

    def _populate_tags(self) -> None:
        self.merge_data({"tags": pluralized_array(self.data, "tag", "tags")}, "YAML front matter")

    @property
    def excerpt_separator(self) -> str:
        value = self.data.get("excerpt_separator", self.site.config.get("excerpt_separator"))
        return "" if value is None else str(value)

    @property
    def date(self) -> dt.datetime:
        if self.data.get("date") is None:
            if self.is_draft:
                mtime = os.stat(self.path).st_mtime
                self.data["date"] = dt.datetime.fromtimestamp(mtime, self.site.tz)
            else:
                self.data["date"] = self.site.time
        return self.data["date"]

    @property
    def published(self) -> bool:
        return self.data.get("published") is not False

    @property
    def cleaned_relative_path(self) -> str:
        path = self.relative_path[: len(self.relative_path) - len(self.extname)] if self.extname else self.relative_path
        path = path.replace(self.collection.relative_directory, "", 1)
        return _strip_trailing_dots(path)

    def url_placeholder(self, key: str) -> Any:
        """Jekyll's UrlDrop: the values a permalink template can name."""
        date = self.date
        simple = {
            "collection": lambda: self.collection.label,
            "path": lambda: self.cleaned_relative_path,
            "output_ext": lambda: self.output_ext,
            "name": lambda: slugify(self.basename_without_ext),
            "title": lambda: slugify(self.data.get("slug"), mode="pretty", cased=True)
            or slugify(self.basename_without_ext, mode="pretty", cased=True),
            "slug": lambda: slugify(self.data.get("slug")) or slugify(self.basename_without_ext),
            "categories": lambda: "/".join(uniq(str(c).lower() for c in _as_list(self.data.get("categories")))),
            "slugified_categories": lambda: "/".join(
                uniq(slugify(str(c)) for c in _as_list(self.data.get("categories")))
            ),
        }
        if key in simple:
            return simple[key]()
        return _strftime(date, _DATE_PLACEHOLDERS[key])

    @staticmethod
    def has_placeholder(key: str) -> bool:
        return key in _URL_DROP_KEYS

    @property
    def url(self) -> str:
        if self._url is None:
            try:
                self._url = urls.generate(
                    self.collection.url_template,
                    self.permalink,
                    lambda t: urls.from_lookup(t, self.url_placeholder, self.has_placeholder),
                )
            except urls.PermalinkError as err:
                raise urls.PermalinkError(f"{err} ({self.relative_path})", self.relative_path) from None
        return self._url

    @property
    def id(self) -> str:
        # Ruby's File.dirname ignores a trailing slash: "/2024/01/post/" -> "/2024/01"
        parent = os.path.dirname(self.url.rstrip("/")) or "/"
        return os.path.join(parent, str(self.data.get("slug") or self.basename_without_ext))

    def destination(self, dest: str) -> str:
        path = self.site.in_dest_dir(urls.unescape_path(self.url))
        if self.url.endswith("/"):
            return os.path.join(path, "index.html")
        if not path.endswith(self.output_ext):
            path += self.output_ext
        return path

    @property
    def write(self) -> bool:
        return self.collection.write and self.site.publisher_publish(self)

    def sort_key(self) -> tuple[Any, str]:
        return (self.date, self.path)

    def related_posts(self) -> list["Document"]:
        """Without LSI, Jekyll's related posts are the ten most recent other posts."""
        posts = self.site.posts.docs
        if len(posts) <= 1:
            return []
        return [p for p in reversed(posts[-11:]) if p is not self][:10]

    def next_doc(self) -> Optional["Document"]:
        docs = self.collection.docs
        pos = self.collection.position(self)
        return docs[pos + 1] if pos is not None and pos < len(docs) - 1 else None

    def previous_doc(self) -> Optional["Document"]:
        docs = self.collection.docs
        pos = self.collection.position(self)
        return docs[pos - 1] if pos else None


def _flatten(items: Any) -> list[Any]:
    from .utils import flatten

    return flatten(items)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


_DATE_PLACEHOLDERS = {
    "year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M", "second": "%S",
    "i_day": "%-d", "i_month": "%-m", "short_month": "%b", "long_month": "%B", "short_year": "%y",
    "w_year": "%G", "week": "%V", "w_day": "%u", "short_day": "%a", "long_day": "%A", "y_day": "%j",
}
_URL_DROP_KEYS = set(_DATE_PLACEHOLDERS) | {
    "collection", "path", "output_ext", "name", "title", "slug", "categories", "slugified_categories",
}


def _strftime(moment: dt.datetime, fmt: str) -> str:
    if fmt == "%-d":
        return str(moment.day)
    if fmt == "%-m":
        return str(moment.month)
    return moment.strftime(fmt)


class Excerpt:
    """The part of a document before its excerpt separator, rendered on demand."""

    LIQUID_TAG = re.compile(r"{%-?\s*(\w+)\s*.*?-?%}", re.S)
    LINK_REF = re.compile(r"^ {0,3}(?:(\[[^\]]+\])(:.+))$", re.M)
    BLOCK_TAGS = {"if", "unless", "case", "for", "capture", "comment", "raw", "tablerow",
                  "highlight", "ifchanged"}

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.content = self._extract(doc.content)
        self._output: Optional[str] = None
        self._rendering = False

    @property
    def relative_path(self) -> str:
        return os.path.join(self.doc.relative_path, "#excerpt")

    def _extract(self, content: str) -> str:
        head, sep, tail = content.partition(self.doc.excerpt_separator)
        if not sep or not tail:
            return head
        if "{%" in head:
            head = self._close_open_blocks(head)
        definitions = [
            "".join(m) for m in self.LINK_REF.findall(tail) if m[0] in head
        ]
        if not definitions:
            return head
        return head + "\n\n" + "\n".join(definitions)

    def _close_open_blocks(self, head: str) -> str:
        modified = False
        for name in reversed(self.LIQUID_TAG.findall(head)):
            if name not in self.BLOCK_TAGS:
                continue
            if re.search(r"{%-?\s*end" + re.escape(name) + r".*?\s*-?%}", head, re.S):
                continue
            modified = True
            head += "\n{% end" + name + " %}"
        if modified:
            logger.warn("Warning:", f"Excerpt modified in {self.doc.relative_path}!")
            logger.warn("", f"Found a Liquid block containing the excerpt separator {self.doc.excerpt_separator!r}.")
            logger.warn("", "The block has been modified with the appropriate closing tag.")
            logger.warn("", "Feel free to define a custom excerpt or excerpt_separator in the")
            logger.warn("", "document's Front Matter if the generated excerpt is unsatisfactory.")
        return head

    @property
    def output(self) -> str:
        if self._output is None:
            if self._rendering:
                # The excerpt's Liquid reads the excerpt itself (a listing of posts with their
                # excerpts, or ``jsonify`` of one, in a post's first paragraph): Jekyll recurses
                # until Ruby's stack overflows and stops with this message, naming the excerpt.
                path = os.path.join(os.path.abspath(self.doc.path), "#excerpt")
                raise LiquidRenderError(f"stack level too deep in {path}", path)
            self._rendering = True
            try:
                self._output = self.doc.site.renderer.render_excerpt(self)
            finally:
                self._rendering = False
        return self._output

    def __str__(self) -> str:
        return self.output


class StaticFile:
    """A file copied as is (Jekyll's StaticFile)."""

    def __init__(self, site: "SiteView", dir: str, name: str, collection: Optional["Collection"] = None,
                 base: Optional[str] = None) -> None:
        self.site = site
        self.dir_name = dir
        self.name = name
        self.collection = collection
        # Jekyll's form: "/css/site.css" for site files, "_label/x.txt" in collections.
        self.relative_path = f"{dir}/{name}" if dir else f"/{name}"
        self.extname = os.path.splitext(name)[1]
        base = site.collections_path if collection is not None else (base or site.source)
        if collection is not None and site.config.get("collections_dir"):
            self.path = os.path.join(site.source, site.config["collections_dir"], dir.lstrip("/"), name)
        else:
            self.path = os.path.join(base, dir.lstrip("/"), name)
        #: the file read from the source (``path``, what is written, may be a copy a generator made)
        self.source_path = self.path
        self.basename = _strip_trailing_dots(name[: len(name) - len(self.extname)] if self.extname else name)
        self._url: Optional[str] = None
        self._data: Optional[dict[str, Any]] = None

    @property
    def kind(self) -> str:
        return self.collection.label if self.collection is not None else "static_files"

    @functools.cached_property
    def drop(self) -> Any:
        from .liquid.drops import StaticFileDrop

        return StaticFileDrop(self)

    @property
    def cleaned_relative_path(self) -> str:
        path = self.relative_path
        path = path[: len(path) - len(self.extname)] if self.extname else path
        path = _strip_trailing_dots(path)
        if self.collection is not None:
            path = path.replace(self.collection.relative_directory, "", 1)
        return path

    @property
    def url(self) -> str:
        if self._url is None:
            if self.collection is None:
                base = self.cleaned_relative_path
            else:
                placeholders = {
                    "collection": self.collection.label, "path": self.cleaned_relative_path,
                    "output_ext": "", "name": self.basename, "title": "",
                }
                base = urls.generate(
                    self.collection.url_template, None, lambda t: urls.from_hash(t, placeholders)
                )
            self._url = base.rstrip("/") + self.extname if base.endswith("/") else base + self.extname
        return self._url

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self.site.frontmatter_defaults.all(self.relative_path, self.kind)
        return self._data

    @property
    def modified_time(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(os.stat(self.path).st_mtime, self.site.tz)

    def destination(self, dest: str) -> str:
        return self.site.in_dest_dir(urls.unescape_path(self.url))

    @property
    def write(self) -> bool:
        defaults = self.site.frontmatter_defaults.all(self.url, self.kind)
        publishable = defaults.get("published", True) is not False
        if self.collection is None:
            return publishable
        return publishable and self.collection.write


class Layout:
    """A template in ``_layouts``: its front matter is ``layout.*`` in Liquid."""

    def __init__(self, site: "SiteView", base: str, name: str) -> None:
        self.site = site
        self.path = os.path.join(base, name)
        self.name = name
        self.relative_path = os.path.relpath(self.path, site.source)
        self.extname = os.path.splitext(name)[1]
        text = read_text(self.path)
        try:
            parsed = split(text, self.path)
            self.data = parsed.data if isinstance(parsed.data, dict) else {}
            self.content = parsed.body
            self.body_line = parsed.body_line
        except yamlio.YAMLSyntaxError as err:
            logger.warn("", f"YAML Exception reading {self.path}: {err}")
            self.data, self.content, self.body_line = {}, text, 1
