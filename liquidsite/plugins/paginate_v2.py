"""jekyll-paginate-v2 3.0: pagination of any collection, and autopages for tags, categories, collections.

``pagination:`` in the configuration holds the defaults (``enabled``,
``collection``, ``per_page``, ``permalink``, ``title``, ``limit``, ``offset``,
``sort_field``, ``sort_reverse``, ``category``/``tag``/``locale`` filters,
``trail``, ``indexpage``, ``extension``); a page opts in with ``pagination:
{enabled: true, ...}`` in its front matter, which overrides them. The gem
replaces such a template page by one page per pager: copies of its data and
raw content (never converted: the copies are named ``.html``, an extension
Ruby's ``File.extname`` does not see), the first at the template's own URL
(``.../index.html``) and the others at ``permalink`` below it. Pages read
their pager as ``paginator`` (``page``, ``per_page``, ``posts``,
``total_posts``, ``total_pages``, ``previous_page(_path)``,
``next_page(_path)``, ``first_page(_path)``, ``last_page(_path)``,
``page_path``, ``page_trail``).

``autopages:`` (``enabled``, and ``tags``/``categories``/``collections`` with
``layouts``, ``title``, ``permalink``, ``slugify``, ``enabled``) adds one page
per tag, category or collection, read from the named layout file, which the
pagination then splits like any template.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
from typing import TYPE_CHECKING, Any, Optional

from ..documents import Page
from ..errors import FatalError
from ..log import logger
from ..utils import deep_merge, slugify
from .base import ANY_FRONT_MATTER, PRIORITIES, BuiltinPlugin
from .paginate import read_missing

if TYPE_CHECKING:
    from ..documents import Document
    from ..site import Site

DEFAULTS: dict[str, Any] = {
    "enabled": False,
    "collection": "posts",
    "offset": 0,
    "per_page": 10,
    "permalink": "/page:num/",
    "title": ":title - page :num",
    "page_num": 1,
    "sort_reverse": False,
    "sort_field": "date",
    "limit": 0,
    "trail": {"before": 0, "after": 0},
    "indexpage": None,
    "extension": "html",
    "debug": False,
    "legacy": False,
}

_SLUGIFY_NONE = {"mode": "none", "cased": False}
AUTOPAGE_DEFAULTS: dict[str, Any] = {
    "enabled": False,
    "tags": {"layouts": ["autopage_tags.html"], "title": "Posts tagged with :tag", "permalink": "/tag/:tag",
             "enabled": True, "slugify": _SLUGIFY_NONE},
    "categories": {"layouts": ["autopage_category.html"], "title": "Posts in category :cat",
                   "permalink": "/category/:cat", "enabled": True, "slugify": _SLUGIFY_NONE},
    "collections": {"layouts": ["autopage_collection.html"], "title": "Posts in collection :coll",
                    "permalink": "/collection/:coll", "enabled": True, "slugify": _SLUGIFY_NONE},
}
#: autopage kind -> (document key indexed, macro in permalink and title, pagination filter key)
AUTOPAGE_KINDS = {
    "tags": ("tags", ":tag", "tag"),
    "categories": ("categories", ":cat", "category"),
    "collections": ("__coll", ":coll", "collection"),
}
_LIST_SEPARATORS = re.compile(r";|,|\s")


def ruby_to_i(value: Any) -> int:
    """Ruby's ``to_i``: leading digits of a string, 0 when there are none."""
    if isinstance(value, bool) or value is None:
        return 0
    if isinstance(value, (int, float)):
        return int(value)
    match = re.match(r"\s*([-+]?\d+)", str(value).replace("_", ""))
    return int(match.group(1)) if match else 0


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def format_page_number(text: str, num: int, total: Optional[int] = None) -> str:
    text = text.replace(":num", str(num), 1)
    return text.replace(":max", str(total), 1) if total is not None else text


def _trailing_slash(path: str) -> str:
    return path if path.endswith("/") else path + "/"


def _full_path(url: str, index: str, ext: str) -> str:
    """The gem's ``ensure_full_path``: a directory URL gets the index file name."""
    if url.endswith("/"):
        return url + index + ext
    if "." not in url:
        return url + index
    return url


def _join(base: str, path: str) -> str:
    """Ruby's ``File.join``: one slash between the parts."""
    return re.sub(r"/+", "/", f"{base}/{path}") if base and path else base + path


# -- the pager -------------------------------------------------------------------------------


class Pager:
    """The gem's ``Paginator``: one page of documents and the paths around it."""

    def __init__(
        self, per_page: int, first_url: str, paginated_url: str, docs: list["Document"], num: int, total: int,
        index_name: str, ext: str,
    ) -> None:
        self.page = num
        self.per_page = per_page
        self.total_pages = total
        this_url = _full_path(first_url if num == 1 else paginated_url, index_name or "index", ext or ".html")
        if index_name:
            first_url = _full_path(first_url, index_name, ext)
            paginated_url = _full_path(paginated_url, index_name, ext)
        start = (num - 1) * per_page
        self.total_posts = len(docs)
        self.posts = docs[start:start + per_page]
        self.page_path = format_page_number(this_url, num, total)
        self.previous_page = num - 1 if num != 1 else None
        if num == 1:
            self.previous_page_path: Optional[str] = None
        elif num == 2:
            self.previous_page_path = format_page_number(first_url, 1, total)
        else:
            self.previous_page_path = format_page_number(paginated_url, num - 1, total)
        self.next_page = num + 1 if num != total else None
        self.next_page_path = format_page_number(paginated_url, num + 1, total) if num != total else None
        self.first_page_path = format_page_number(first_url, 1, total)
        self.last_page_path = format_page_number(paginated_url, total, total)
        self.page_trail: Optional[list[dict[str, Any]]] = None

    @property
    def drop(self) -> dict[str, Any]:
        """``Paginator#to_liquid``: a hash, documents as drops."""
        return {
            "per_page": self.per_page,
            "posts": [doc.drop for doc in self.posts],
            "total_posts": self.total_posts,
            "total_pages": self.total_pages,
            "page": self.page,
            "page_path": self.page_path,
            "previous_page": self.previous_page,
            "previous_page_path": self.previous_page_path,
            "next_page": self.next_page,
            "next_page_path": self.next_page_path,
            "first_page": 1,
            "first_page_path": self.first_page_path,
            "last_page": self.total_pages,
            "last_page_path": self.last_page_path,
            "page_trail": self.page_trail,
        }


class PaginationPage(Page):
    """A page of the split: the template's data (and content, unless it is an autopage)."""

    def __init__(self, template: Page, num: int, total: int, name: str) -> None:
        self._locate(template.site, "", name)
        # Ruby's File.extname sees no extension in ".html"
        ruby_ext = "" if name.startswith(".") and name.count(".") == 1 else os.path.splitext(name)[1]
        self.extname = ruby_ext
        self.basename = (name[: len(name) - len(ruby_ext)] if ruby_ext else name).rstrip(".") or name
        self.template_page = template
        self.front_matter = template.front_matter
        self.body_line = template.body_line
        self.data = deep_merge(template.data, {})
        if template.data.get("autopage"):
            self.content = ""
            info = template.data["autopage"]
            if isinstance(info, dict) and "display_name" in info:
                self.data["autopages"] = dict(info)
        else:
            self.content = template.content
        self.data["pagination_info"] = {"curr_page": num, "total_pages": total}


# -- sorting and filtering -------------------------------------------------------------------


def _sort_value(data: dict[str, Any], field: str) -> Any:
    """``sort_get_post_data``: ``a:b`` walks nested hashes; a hash value sorts as nil."""
    value: Any = data
    for key in field.split(":"):
        key = key.lower().strip()
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return None if isinstance(value, dict) else value


def _as_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.timestamp() if value.tzinfo else value.replace(tzinfo=dt.timezone.utc).timestamp()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc).timestamp()
    return value


def compare_values(a: Any, b: Any) -> int:
    """The gem's ``sort_values``: nil first, strings without case, dates as times."""
    if a is None and b is not None:
        return -1
    if a is not None and b is None:
        return 1
    if a is None:
        return 0
    if isinstance(a, str) and isinstance(b, str):
        a, b = a.lower(), b.lower()
    else:
        a, b = _as_datetime(a), _as_datetime(b)
    try:
        return (a > b) - (a < b)
    except TypeError:
        return 0


def _index_values(doc: "Document", key: str) -> list[Any]:
    """The values the gem's indexers read from *doc*'s *key*: a list, or a string split at its separators."""
    value = doc.data.get(key)
    if value is None or (hasattr(value, "__len__") and len(value) == 0) or not str(value).strip():
        return []
    values = _LIST_SEPARATORS.split(value) if isinstance(value, str) else value
    return values if isinstance(values, list) else []


def index_by(docs: list["Document"], key: str) -> dict[str, list["Document"]]:
    """``PaginationIndexer.index_posts_by``: documents by each lower-cased value of *key*."""
    index: dict[str, list["Document"]] = {}
    for doc in docs:
        for item in _index_values(doc, key):
            for part in str(item).lower().strip().split(";"):
                for name in part.split(","):
                    index.setdefault(name.lower().strip(), []).append(doc)
    return index


def _filtered(
    config: dict[str, Any], key: str, docs: list["Document"], index: dict[str, list["Document"]]
) -> list["Document"]:
    wanted = config.get(key)
    if wanted is None:
        return docs
    names = re.split(r";|,", wanted) if isinstance(wanted, str) else wanted if isinstance(wanted, list) else [wanted]
    for name in names:
        members = index.get(str(name).lower().strip())
        if members is None:
            return []
        ids = {id(doc) for doc in members}
        docs = list({id(doc): doc for doc in docs if id(doc) in ids}.values())
    return docs


# -- the generator ---------------------------------------------------------------------------


class Paginator:
    """One pagination run over the site's pages (the gem's ``PaginationModel``)."""

    def __init__(self, site: "Site", config: dict[str, Any]) -> None:
        self.site = site
        self.config = config
        #: Liquid source by page path. Jekyll caches parsed templates by path alone, and every
        #: copy is at ``.html`` (or ``INDEXPAGE.EXT``): each copy with Liquid in it renders the
        #: source of the first page rendered at its path, another template's copy or, with
        #: ``indexpage: index``, the site's own ``index.html``.
        self.liquid_sources: dict[str, str] = {}

    def _share_liquid_source(self, page: "PaginationPage") -> None:
        if not page.render_with_liquid:
            return
        path = page.page_path
        if path not in self.liquid_sources:
            earlier = next((other for other in self.site.pages if not isinstance(other, PaginationPage)
                            and other.page_path == path and other.render_with_liquid), None)
            self.liquid_sources[path] = page.content if earlier is None else earlier.content
        page.content = self.liquid_sources[path]

    def docs_in(self, names: Any) -> list["Document"]:
        """The documents of the named collections (``all``: every one but posts), hidden ones left out."""
        wanted = [n for n in re.split(r";|,|\s", names) if n] if isinstance(names, str) else list(names or [])
        docs: list["Document"] = []
        for name in wanted:
            name = str(name).lower().strip()
            if name == "all":
                collections = [c for label, c in self.site.collections.items() if label != "posts"]
            else:
                collections = [self.site.collections[name]] if name in self.site.collections else []
            for collection in collections:
                docs += [doc for doc in collection.docs if "pagination" not in doc.data]
        return [doc for doc in docs if not _truthy(doc.data.get("hidden"))]

    def run(self) -> int:
        templates = [
            page for page in self.site.pages
            if isinstance(page.data.get("pagination"), dict) and _truthy(page.data["pagination"].get("enabled"))
        ]
        if not templates:
            logger.warn(
                "Pagination:",
                "Is enabled, but I couldn't find any pagination page. Skipping pagination. Pages must have "
                "'pagination: enabled: true' in their front-matter for pagination to work.",
            )
            return 0
        for template in templates:
            config = deep_merge(self.config, template.data["pagination"])
            if config.get("title_suffix") is not None:
                if config.get("title") is None:
                    config["title"] = ":title" + str(config["title_suffix"])
                del config["title_suffix"]
            if _truthy(config.get("enabled")):
                docs = self.docs_in(config.get("collection"))
                self.paginate(template, config, docs)
        return len(templates)

    def paginate(self, template: Page, config: dict[str, Any], all_docs: list["Document"]) -> None:
        categories = index_by(all_docs, "categories")
        categories["posts"] = all_docs
        docs = _filtered(config, "category", all_docs, categories)
        docs = _filtered(config, "tag", docs, index_by(all_docs, "tags"))
        docs = _filtered(config, "locale", docs, index_by(all_docs, "locale"))
        if _truthy(config.get("sort_field")):
            field = str(config["sort_field"])
            for doc in docs:
                doc.date  # noqa: B018 - Jekyll's Document#date fills data["date"] as the gem relies on

            def by_field(a: "Document", b: "Document") -> int:
                return compare_values(_sort_value(a.data, field), _sort_value(b.data, field))

            docs = sorted(docs, key=functools.cmp_to_key(by_field))
            offset = max(0, ruby_to_i(config.get("offset")))
            if offset:
                docs = docs[: max(0, len(docs) - offset)]
            if _truthy(config.get("sort_reverse")):
                docs.reverse()
        per_page = ruby_to_i(config.get("per_page"))
        if per_page <= 0:
            raise FatalError(f"Pagination: 'per_page' must be a positive number, got {config.get('per_page')!r} "
                             f"in {template.relative_path}.")
        total = math.ceil(len(docs) / per_page)
        limit = ruby_to_i(config.get("limit"))
        if 0 < limit < total:
            total = limit
        self.site.pages[:] = [page for page in self.site.pages if page is not template]
        index_name = str(config["indexpage"]).split(".")[0] if config.get("indexpage") is not None else ""
        ext = config.get("extension")
        index_ext = "" if ext is None else (str(ext) if str(ext).startswith(".") else "." + str(ext))
        name = index_name + index_ext
        total = total or 1
        permalink = template.data.get("permalink")
        first_url = _trailing_slash(str(permalink) if permalink else template.dir)
        paginated_url = _join(first_url, str(config.get("permalink")))
        title = template.data.get("title") or self.site.config.get("title")
        pages: list[PaginationPage] = []
        for num in range(1, total + 1):
            page = PaginationPage(template, num, total, name)
            self._share_liquid_source(page)
            page.pager = Pager(per_page, first_url, paginated_url, docs, num, total, index_name, index_ext)
            path = page.pager.page_path
            if path.endswith("/"):
                page._url = _join(path, name)
            elif path.endswith(index_ext):
                page._url = path
            else:
                page._url = path + index_ext
            if permalink:
                page.data["permalink"] = path
            if num > 1 and "title" in config:
                text = str(config["title"]).replace(":title", _ruby_s(title), 1)
                page.data["title"] = format_page_number(text, num, total)
            else:
                page.data["title"] = title
            if num > 1:
                page.data["autogen"] = "jekyll-paginate-v2"
            self.site.pages.append(page)
            pages.append(page)
        self._trails(config, pages)

    @staticmethod
    def _trails(config: dict[str, Any], pages: list[PaginationPage]) -> None:
        trail = config.get("trail")
        if not isinstance(trail, dict) or len(pages) <= 1:
            return
        before = max(ruby_to_i(trail.get("before")), 0)
        after = max(ruby_to_i(trail.get("after")), 0)
        if before == 0 and after == 0:
            return
        length = before + after + 1
        for page in pages:
            assert page.pager is not None
            start = max(page.pager.page - before - 1, 0)
            end = min(start + length, len(pages))
            if end - start < length:
                start = max(start - (length - (end - start)), 0)
            page.pager.page_trail = [
                {"num": start + i + 1, "path": other.pager.page_path, "title": other.data.get("title")}
                for i, other in enumerate(pages[start:end])
            ]


def _ruby_s(value: Any) -> str:
    return "" if value is None else str(value)


# -- autopages -------------------------------------------------------------------------------


class AutoPage(Page):
    """The gem's ``BaseAutoPage``: a layout file read as a page for one tag, category or collection."""

    def __init__(
        self, site: "Site", kind_config: dict[str, Any], pagination: dict[str, Any], layout_name: str,
        kind: str, value: str, display_name: str,
    ) -> None:
        super().__init__(site, "/_layouts", layout_name)
        _, macro, filter_key = AUTOPAGE_KINDS[kind]
        slugify_setting = kind_config.get("slugify")
        slug_config: dict[str, Any] = slugify_setting if isinstance(slugify_setting, dict) else {}
        slug = slugify(value, mode=slug_config.get("mode"), cased=bool(slug_config.get("cased", False))) or ""
        layout_pagination = deep_merge(pagination, self.data.get("pagination") or {})
        layout_pagination[filter_key] = value
        layout_config = deep_merge(kind_config, self.data.get("autopages") or {})
        permalink = str(layout_config.get("permalink")).replace(macro, slug, 1)
        self.name = "index.html"
        self.extname = ".html"
        self.basename = "index"
        # Jekyll memoises the path while reading the layout, before the page has a directory
        self.relative_path = self.name
        self._url = _join(permalink, self.name)
        self.data["permalink"] = permalink
        self.data["layout"] = os.path.splitext(os.path.basename(layout_name))[0]
        self.data["title"] = str(layout_config.get("title")).replace(macro, slug, 1)
        self.data["pagination"] = layout_pagination
        self.data["autopage"] = {"layout_path": _join("_layouts", layout_name), "display_name": display_name}

    @property
    def dir(self) -> str:
        return str(self.data["permalink"])

    def _read_source(self) -> None:
        if os.path.isfile(self.path):
            super()._read_source()
        else:
            read_missing(self)


def _autopage_index(docs: list["Document"], key: str) -> dict[str, str]:
    """``ap_index_posts_by``: each lower-cased value of *key* and the spelling first seen."""
    index: dict[str, str] = {}
    for doc in docs:
        for item in _index_values(doc, key):
            for raw in re.split(r";|,", str(item).strip()):
                index.setdefault(raw.lower().strip(), raw)
    return index


def create_autopages(site: "Site", pagination: dict[str, Any]) -> None:
    config = deep_merge(AUTOPAGE_DEFAULTS, site.config.get("autopages") or {})
    if not _truthy(config.get("enabled")):
        logger.info("AutoPages:", "Disabled/Not configured in site.config.")
        return
    docs: list["Document"] = []
    for label, collection in site.collections.items():
        for doc in collection.docs:
            if "pagination" not in doc.data:
                doc.data["__coll"] = label
                docs.append(doc)
    for kind, (key, _, _) in AUTOPAGE_KINDS.items():
        kind_config = config.get(kind)
        if kind_config is None:
            continue
        if not isinstance(kind_config, dict) or not _truthy(kind_config.get("enabled")):
            logger.info("AutoPages:", f"{kind} pages are disabled/not configured in site.config.")
            continue
        logger.info("AutoPages:", f"Generating {kind} pages")
        for value, display_name in _autopage_index(docs, key).items():
            for layout_name in kind_config.get("layouts") or []:
                site.pages.append(AutoPage(site, kind_config, pagination, str(layout_name), kind, value, display_name))


def generate(site: "Site") -> None:
    pagination = deep_merge(DEFAULTS, site.config.get("pagination") or {})
    create_autopages(site, pagination)
    config = deep_merge(DEFAULTS, site.config.get("pagination") or {})
    if site.config.get("paginate") is not None:
        logger.info("Pagination:", "Legacy paginate configuration settings detected and will be used.")
        if site.config.get("pagination") is not None:
            message = (
                "The new jekyll-paginate-v2 and the old jekyll-paginate logic cannot both be configured in the site "
                "config at the same time. Please disable the old 'paginate:' config settings by either omitting the "
                "values or setting them to 'paginate:off'."
            )
            logger.error(message)
            raise FatalError(message)
        raise FatalError(
            "Legacy jekyll-paginate configuration compatibility mode has expired. "
            "Please upgrade to jekyll-paginate-v2 configuration."
        )
    if not _truthy(config.get("enabled")):
        logger.info("Pagination:", "Disabled in site.config.")
        return
    count = Paginator(site, config).run()
    if count:
        logger.info("Pagination:", f"Complete, processed {count} pagination page(s)")


def generate_inputs(site: "Site") -> set[str]:
    """The files the generated pages copy: each paginated page's template (gone from the site's pages),
    the layouts autopages are read from, and the pages whose Liquid source the copies render."""
    copies = [page for page in site.pages if isinstance(page, PaginationPage)]
    read = {page.template_page.path for page in copies}
    read |= {page.path for page in site.pages if isinstance(page, AutoPage)}
    shared = {page.page_path for page in copies if page.render_with_liquid}
    return read | {page.path for page in site.pages
                   if not isinstance(page, (PaginationPage, AutoPage)) and page.page_path in shared}


# the generator sorts and filters by configurable keys (``sort_field``, ``category``, ``tag``, ``locale``)
PLUGIN = BuiltinPlugin("jekyll-paginate-v2", priority=PRIORITIES["lowest"], generate=generate,
                       generate_reads=(ANY_FRONT_MATTER,), generate_inputs=generate_inputs)

