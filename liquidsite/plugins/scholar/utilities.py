"""jekyll-scholar's ``Utilities``: what every tag does with the site, the page, the
configuration and its options (reading the bibliography, sorting, formatting entries
and citations, the Liquid data of an entry).

The configuration is the gem's defaults under the site's then the page's ``scholar:``;
citations are recorded in ``page.cited`` (so a layout's ``{% bibliography --cited %}``
lists what the content cited); a bibliography entry renders through
``bibliography_template`` (a layout's name or Liquid text) with ``entry``,
``reference``, ``key``, ``type``, ``index``, ``details``, ``link``, ``links``,
``site`` and ``page``.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import weakref
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Optional, Sequence

from ...liquid.drops import ExcerptDrop
from ...url import from_hash, sanitize_url
from ...utils import slugify
from ..common import liquid_lookup, ruby_str
from . import csl, styles
from .bibtex import Bibliography, Entry, Names, Value
from .config import merged, split_list
from .filters import chain
from .options import TagOptions
from .query import select
from .sources import ScholarError, join_path, note_dependency, read_bibliography, repository_files

if TYPE_CHECKING:
    from liquid.context import RenderContext

    from ...site import Site

_INTERPOLATION = re.compile(r"{{\s*([\w.]+)\s*}}")


def content_tag(name: str, content: Optional[str], attributes: Optional[dict[str, Any]] = None) -> str:
    """``content_tag``: ``<name k="v">content</name>`` (``<name/>`` without content)."""
    opening = " ".join([name] + [f'{key}="{ruby_str(value)}"' for key, value in (attributes or {}).items()])
    return f"<{opening}/>" if content is None else f"<{opening}>{content}</{name}>"


class Scholar:
    """jekyll-scholar's ``Utilities`` for one tag while it renders (or for the details generator,
    which has no Liquid context): the site, the page, the configuration and the tag's options."""

    def __init__(self, site: "Site", config: dict[str, Any], options: TagOptions,
                 context: Optional["RenderContext"] = None, tag: Optional[object] = None) -> None:
        self.site = site
        self.config = config
        self.options = options
        self._context = context
        self._tag = tag
        self._repository: Optional[dict[str, dict[Optional[str], str]]] = None
        self.page = None if context is None else context.globals.get("page")

    @classmethod
    def in_context(cls, context: "RenderContext", options: TagOptions, tag: Optional[object] = None) -> "Scholar":
        """The utilities for *tag* (the parsed tag, which keeps its bibliography template between renders)."""
        site: "Site" = context.env.site  # type: ignore[attr-defined]
        return cls(site, merged(site.config, context.globals.get("page")), options, context, tag)

    @property
    def context(self) -> "RenderContext":
        if self._context is None:
            raise ScholarError("jekyll-scholar: a tag's work asked for outside a Liquid context")
        return self._context

    # -- configuration -------------------------------------------------------------------------

    def interpolate(self, text: Optional[str]) -> Optional[str]:
        """``{{ variable }}`` in an option replaced by the variable's value, when it has one."""
        if text is None or self._context is None:
            return text

        def replace(match: "re.Match[str]") -> str:
            value = liquid_lookup(self.context, match.group(1))
            return match.group(0) if value is None or value is False else str(value)

        return _INTERPOLATION.sub(replace, text)

    @property
    def style(self) -> str:
        return self.interpolate(self.options.style) or str(self.config["style"])

    def style_and_locale(self) -> tuple[str, str]:
        return styles.style_path(self.site, self.style), str(self.config.get("locale") or "en")

    def csl_style(self) -> Any:
        return csl.load_style(*self.style_and_locale())

    @property
    def filters(self) -> Optional[Callable[[str], str]]:
        return chain(self.config.get("bibtex_filters") or [])

    # -- bibliography --------------------------------------------------------------------------

    def bibtex_paths(self) -> list[str]:
        names = list(self.options.files)
        pattern = str(self.config["bibliography"])
        source = self.scholar_source()
        if not names and "*" in pattern:
            names = [os.path.relpath(path, source) for path in sorted(glob.glob(os.path.join(source, pattern)))]
        if not names:
            names = [pattern]
        return [self.extend_path(self.interpolate(name) or "") for name in names]

    def scholar_source(self) -> str:
        source = str(self.config["source"])
        if source.startswith("/") and os.path.exists(source):
            return source
        return join_path(self.site.source, source)

    def extend_path(self, name: str) -> str:
        if not name:
            name = str(self.config["bibliography"])
        if name.startswith("/") and os.path.exists(name):
            return name
        path = join_path(self.scholar_source(), name)
        if not os.path.splitext(path)[1] and not os.path.exists(path):
            path += ".bib"
        return path

    def bibliography(self) -> Bibliography:
        files = []
        for path in self.bibtex_paths():
            try:
                stat = os.stat(path)
            except OSError:
                raise ScholarError(f"jekyll-scholar: bibliography file not found: {path}") from None
            files.append((path, stat.st_mtime_ns, stat.st_size))
            note_dependency(path)
        replace = bool(self.config.get("replace_strings"))
        deduplicate = self.options.remove_duplicates or self.config.get("remove_duplicates")
        duplicates = self.options.match_fields if deduplicate else None
        return read_bibliography(tuple(files), replace, replace and bool(self.config.get("join_strings")), duplicates)

    def entries(self) -> list[Entry]:
        query = self.interpolate(self.options.query) or str(self.config.get("query") or "")
        return self.sort(select(self.bibliography(), query))

    def skip_sort(self) -> bool:
        return self.options.skip_sort or self.config.get("sort_by") == "none"

    def sort(self, entries: list[Entry]) -> list[Entry]:
        if self.skip_sort():
            return entries
        keys = ["month_numeric" if key == "month" else key for key in split_list(self.config.get("sort_by"))]
        orders = split_list(self.config.get("order"))

        def compare(first: Entry, second: Entry) -> int:
            for index, key in enumerate(keys):
                order = orders[index] if index < len(orders) else (orders[-1] if orders else "")
                result = _compare_values(_sort_value(first, key), _sort_value(second, key))
                if re.match(r"^(desc|reverse)", order, re.I | re.M):
                    result = -result
                if result:
                    return result
            return 0

        return sorted(entries, key=functools.cmp_to_key(compare))

    def cited_keys(self) -> list[str]:
        """``page['cited'] ||= []``, also set as the variable ``cited``."""
        page = self.page
        cited = None
        data = _page_data(page)
        if data is not None:
            cited = data.get("cited")
            if cited is None:
                cited = data["cited"] = []
        if cited is None:
            cited = self.context.tag_namespace.setdefault("scholar_cited", [])
        self.context.assign("cited", cited)
        return cited

    def cited_entries(self) -> list[Optional[Entry]]:
        items: list[Optional[Entry]] = list(self.entries())
        if self.options.cited:
            cited = self.cited_keys()
            if self.skip_sort():
                by_key: dict[str, Entry] = {}
                for entry in items:
                    if entry is not None:
                        by_key.setdefault(entry.key, entry)
                items = [by_key.get(key) for key in dict.fromkeys(cited)]
            else:
                items = [entry for entry in items if entry is not None and entry.key in cited]
            if self.options.clear:
                cited.clear()
        return items

    # -- references ----------------------------------------------------------------------------

    def converted(self, entry: Entry) -> Entry:
        apply = self.filters
        return entry if apply is None else entry.converted(apply)

    def bibliography_reference(self, entry: Entry, index: Optional[int] = None) -> str:
        """``render_bibliography``: the entry through the style, in the locale of its ``language``
        with ``allow_locale_overrides`` (a language CSL has no locale for keeps the configured one)."""
        style, locale = self.style_and_locale()
        language = entry.get("language")
        if self.config.get("allow_locale_overrides") and language is not None:
            tag = str(language)
            if tag != locale.split("-")[0] and csl.has_locale(tag):
                locale = tag
        return _render_reference(style, locale, self.converted(entry), index, self.options.suppress_author)

    def reference_tag(self, entry: Optional[Entry], index: Optional[int] = None) -> str:
        if entry is None:
            return str(self.config["missing_reference"])
        reference = self.bibliography_reference(entry, index)
        entry_id = "-".join(part for part in (self.options.prefix, entry.key) if part is not None)
        return content_tag(str(self.config.get("reference_tagname") or "span"), reference, {"id": entry_id})

    def liquidify(self, entry: Entry) -> dict[str, Any]:
        data: dict[str, Any] = {"key": entry.key, "type": entry.type}
        quotes = self.config.get("bibtex_quotes") or []
        raw = chain(self.config.get("raw_bibtex_filters") or [])
        skip = [str(name) for name in self.config.get("bibtex_skip_fields") or []]
        printed = entry if raw is None else entry.converted(raw)
        data["bibtex"] = printed.to_bibtex([str(q) for q in quotes] if isinstance(quotes, list) else [str(quotes)],
                                           skip)
        apply = self.filters
        for name, value in entry.fields.items():
            shown: Value = value if apply is None else value.converted(apply)
            data[name] = str(shown)
            if isinstance(shown, Names):
                parts_list: list[dict[str, str]] = []
                data[f"{name}_array"] = parts_list
                for index, person in enumerate(shown.names):
                    parts = {}
                    for part, text in person.parts():
                        data[f"{name}_{index}_{part}"] = "" if text is None else text
                        parts[part] = "" if text is None else text
                    parts_list.append(parts)
        return data

    def details_path(self, entry: Entry) -> str:
        placeholders: dict[str, Any] = {}
        for name, value in entry.fields.items():
            text = str(value)
            placeholders[name] = text if name == "doi" or not text else (slugify(text, mode="pretty") or "")
        placeholders["key"] = re.sub(r"[:\s]+", "_", entry.key)
        placeholders["details_dir"] = self.config.get("details_dir")
        permalink = str(self.site.config.get("permalink") or "")
        placeholders["extension"] = "/" if permalink == "pretty" or permalink.endswith("/") else ".html"
        if "doi" not in entry.fields or not str(entry.fields["doi"]):
            placeholders["doi"] = placeholders["key"]
        return sanitize_url(from_hash(str(self.config.get("details_permalink")), placeholders))

    def base_url(self) -> str:
        config = self.site.config
        base = config.get("baseurl") or config.get("base_url") or ""
        return str(base)

    def details_link(self, entry: Entry) -> str:
        return join_path(self.base_url(), self.details_path(entry))

    def details_layout(self) -> str:
        """``File.basename(details_layout, '.html')``: the layout's name."""
        return os.path.basename(str(self.config.get("details_layout") or "")).removesuffix(".html")

    def repository(self) -> dict[str, dict[Optional[str], str]]:
        """``load_repository``: the files under ``repository:`` by entry key, then by what follows
        the key and ``repository_file_delimiter`` (``papers/key.pdf`` -> ``{"key": {"pdf": ...}}``)."""
        folder = self.config.get("repository")
        if not folder:
            return {}
        if self._repository is None:
            delimiter = str(self.config.get("repository_file_delimiter") or ".")
            self._repository = repository_files(self.site.source, str(folder), delimiter)
        return self._repository

    def generate_details(self) -> bool:
        return self.details_layout() in self.site.layouts

    def reference_data(self, entry: Entry, index: Optional[int] = None
                       ) -> tuple[dict[str, Any], dict[str, Callable[[], Any]]]:
        """``reference_data``: what a template or details page sees of an entry; ``reference``
        is given as a function, for it is slow to make and often not shown."""
        files = self.repository().get(re.sub(r"[:\s]+", "_", entry.key), {})
        links = {extension: join_path(self.base_url(), path) for extension, path in files.items()}
        pdf = files.get("pdf") or files.get("ps")
        data = {"entry": self.liquidify(entry), "key": entry.key, "type": entry.type,
                "link": None if pdf is None else join_path(self.base_url(), pdf), "links": links}
        return data, {"reference": lambda: self.reference_tag(entry, index)}

    def bibliography_tag(self, entry: Optional[Entry], index: int) -> str:
        if entry is None:
            return str(self.config["missing_reference"])
        data, lazy = self.reference_data(entry, index)
        assigns = LazyAssigns({
            **data,
            "content": None,
            "layout": None,
            "paginator": None,
            "highlighter_prefix": None,
            "highlighter_suffix": None,
            "jekyll": self.context.globals.get("jekyll"),
            "site": self.context.globals.get("site"),
            "index": index,
            "page": self.page,
            "details": self.details_link(entry),
        }, lazy)
        kept = self._tag_template()
        template = kept.template
        context = template.context_class(template, globals=template.make_globals(assigns))
        context.locals.update(kept.assigns)
        buffer = context.get_buffer()
        template.render_with_context(context, buffer)
        kept.assigns = dict(context.locals)
        return buffer.getvalue()

    def _tag_template(self) -> "TagTemplate":
        """The template this tag renders entries with, and what they assigned so far."""
        if self._tag is None:
            return TagTemplate(self.template())
        kept = _TAG_TEMPLATES.setdefault(self.context.env, {})
        tag_template = kept.get(self._tag)
        if tag_template is None:
            tag_template = kept[self._tag] = TagTemplate(self.template())
        return tag_template

    def template(self) -> Any:
        source = self.options.template or self.config.get("bibliography_template")
        text = "{{reference}}" if not source else str(source)
        layout = self.site.layouts.get(text)
        if layout is not None:
            note_dependency(layout.path)
            text = layout.content
        return _parse_template(self.context.env, text)

    # -- citations -----------------------------------------------------------------------------

    def keys(self, raw_keys: Sequence[str]) -> list[str]:
        keys = []
        for key in raw_keys:
            value = liquid_lookup(self.context, key)
            keys.append(key if value is None or value is False else str(value))
        return keys

    def citation_number(self, key: str, cited: list[str]) -> int:
        numbers = self.context.tag_namespace.setdefault("scholar_citation_numbers", {})
        return numbers.setdefault(key, len(cited))

    def cite(self, keys: Sequence[str]) -> str:
        """``cite``: one link around the citation of *keys*, or with ``separate_links`` one link
        per key, each rendered once per bibliography (the gem's ``cite_cache``), between the
        citation layout's affixes."""
        bibliography = self.bibliography()
        entries = []
        for key in keys:
            entry = bibliography.entries.get(key)
            if entry is None:
                return str(self.config["missing_reference"])
            entries.append(self.converted(entry))
        if not self.config.get("separate_links"):
            return content_tag("a", self.render_citation(entries), self.link_attributes(keys[0]))
        prefix, delimiter, suffix = csl.citation_affixes(self.csl_style())
        links = []
        for key, entry in zip(keys, entries, strict=True):
            link = bibliography.cite_links.get(key)
            if link is None:
                rendered = self.render_citation([entry])
                rendered = re.sub("^" + re.escape(prefix), "", rendered, count=1, flags=re.M)
                rendered = re.sub(re.escape(suffix) + "$", "", rendered, count=1, flags=re.M)
                link = bibliography.cite_links[key] = content_tag("a", rendered, self.link_attributes(key))
            links.append(link)
        return prefix + delimiter.join(links) + suffix

    def link_attributes(self, key: str) -> dict[str, Any]:
        relative = self.config.get("relative") or ""
        target = f"{relative}#" + "-".join(part for part in (self.options.prefix, key) if part is not None)
        return {"class": self.config.get("cite_class"), "href": target}

    def render_citation(self, entries: Sequence[Entry]) -> str:
        """``render_citation``: the entries are cited on the page, with their citation numbers."""
        cited = self.cited_keys()
        items = []
        for index, entry in enumerate(entries):
            if entry.key not in cited:
                cited.append(entry.key)
            locator = self.options.locators[index] if index < len(self.options.locators) else None
            label = self.options.labels[index] if index < len(self.options.labels) else None
            if locator is not None and label is None:
                label = "page"
            items.append((entry, self.citation_number(entry.key, cited), locator, label))
        return csl.render_citation(self.csl_style(), items, self.options.suppress_author)

    def nocite(self, keys: Sequence[str]) -> Optional[str]:
        """Marks *keys* cited, in order, up to the first one missing from the bibliography: then
        ``missing_reference``. With none missing the gem returns its Array of per-key results, which
        Liquid 5 cannot output: ``None`` says so."""
        bibliography = self.bibliography()
        cited = self.cited_keys()
        for key in keys:
            if key not in bibliography.entries:
                return str(self.config["missing_reference"])
            if key not in cited:
                cited.append(key)
        return None


class LazyAssigns(Mapping[str, Any]):
    """A template's variables, some computed when first read: ``reference`` formats the entry
    with CSL, which takes far longer than the rest and which many templates never show."""

    def __init__(self, values: dict[str, Any], lazy: dict[str, Callable[[], Any]]) -> None:
        self.known = values
        self.lazy = lazy

    def __getitem__(self, key: str) -> Any:
        if key not in self.known and key in self.lazy:
            self.known[key] = self.lazy[key]()
        return self.known[key]

    def __iter__(self) -> Iterator[str]:
        return iter({**self.known, **dict.fromkeys(self.lazy)})

    def __len__(self) -> int:
        return len(set(self.known) | set(self.lazy))


def _page_data(page: Any) -> Optional[dict[str, Any]]:
    """The data ``page['cited'] ||= []`` writes to: the document's or the page's. An excerpt
    writes to a copy of its document's data in Jekyll, so it keeps its list to its own render."""
    if isinstance(page, ExcerptDrop):
        return None
    for holder in ("doc", "page"):
        item = getattr(page, holder, None)
        data = getattr(item, "data", None)
        if isinstance(data, dict):
            return data
    return page if isinstance(page, dict) else None


def _sort_value(entry: Entry, key: str) -> Value:
    if key == "name":
        for name in ("author", "editor", "institution", "organization", "publisher"):
            if name in entry.fields:
                text = re.sub(r"\A[{\s]+|[}\s]+\Z", "", str(entry.fields[name])).lower()
                return Value([text])
        return Value([""])
    return entry.fields.get(key) or Value()


def _compare_values(first: Value, second: Value) -> int:
    """``Value#<=>``: numerically when both are numbers, name lists name by name, else as text."""
    if isinstance(first, Names) and isinstance(second, Names):
        left: Any = [name.sort_order() for name in first.names]
        right: Any = [name.sort_order() for name in second.names]
    elif first.is_numeric() and second.is_numeric():
        left, right = int(first.tokens[0]), int(second.tokens[0])
    else:
        left, right = str(first), str(second)
    return (left > right) - (left < right)


_TEMPLATES: "weakref.WeakKeyDictionary[Any, dict[str, Any]]" = weakref.WeakKeyDictionary()


class TagTemplate:
    """What the gem keeps on a ``bibliography`` tag: the template it parsed the first time it
    rendered (``@liquid_template``, whatever the options of later renders), and that template's
    outer scope. Liquid 5 keeps the outer scope on the Template object and looks variables up
    there before the data passed to ``render``, so a variable an entry assigns or captures is
    still set for the next entries and the tag's next renders (a ``capture`` under an ``if``
    leaks an earlier entry's month into an entry that has none). Kept per build, as Jekyll keeps
    a file's parsed template; a page rendered in a worker process starts from an empty scope."""

    __slots__ = ("template", "assigns")

    def __init__(self, template: Any) -> None:
        self.template = template
        self.assigns: dict[str, object] = {}


_TAG_TEMPLATES: "weakref.WeakKeyDictionary[Any, dict[object, TagTemplate]]" = weakref.WeakKeyDictionary()


def _parse_template(env: Any, text: str) -> Any:
    """*text* parsed once per Liquid environment (one per build), as the gem parses it once per tag."""
    templates = _TEMPLATES.setdefault(env, {})
    template = templates.get(text)
    if template is None:
        template = templates[text] = env.from_string(text)
    return template


_REFERENCES: dict[tuple[str, str, str, str, Optional[int], bool], str] = {}


def _render_reference(style_path: str, locale: str, entry: Entry, index: Optional[int], suppress_author: bool) -> str:
    """A bibliography entry through the style, remembered (entries repeat across pages and builds)."""
    key = (style_path, locale, entry.key, entry.to_bibtex(), index, suppress_author)
    reference = _REFERENCES.get(key)
    if reference is None:
        style = csl.load_style(style_path, locale)
        reference = _REFERENCES[key] = csl.render_bibliography(style, entry, index, suppress_author)
    return reference
