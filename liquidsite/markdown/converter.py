"""kramdown's HTML converter: turns the element tree into HTML text.

Output layout (indentation, newlines, attribute order) follows kramdown's converter
exactly, since Jekyll sites are compared byte for byte.
"""

from __future__ import annotations

import os
import re
from typing import Any, Callable, Optional

from ..lazy_re import lazy_pattern
from . import highlighting
from .element import Element
from .entities import ESCAPE_MAP, Entity, entity, entity_to_str
from .patterns import HTML_ELEMENTS_WITHOUT_BODY, WHITESPACE

# REXML::Parsers::BaseParser::REFERENCE_RE (ASCII names): a reference kramdown writes as it is.
_REFERENCE = r"&(?:[\w:][\-\w.:]*;|#\d+;|#x[0-9a-fA-F]+;)"
_ESCAPE_TEXT = lazy_pattern(_REFERENCE + r"|[<>&]", re.ASCII)
_ESCAPE_ATTRIBUTE = lazy_pattern(_REFERENCE + r"|[<>&\"]", re.ASCII)
_ESCAPE_RE = {"text": _ESCAPE_TEXT, "attribute": _ESCAPE_ATTRIBUTE}
# Ruby's \S is ASCII (U+00A0 belongs to a language name) while its \b sees Unicode words, as Python's does.
_RUBY_NON_SPACE = r"[^ \t\r\n\f\v]"
_LANGUAGE_CLASS = lazy_pattern(r"\blanguage-(" + _RUBY_NON_SPACE + "+)")
_LANGUAGE_NAME = lazy_pattern(r"\blanguage-" + _RUBY_NON_SPACE + "+")
_LANGUAGE_OR_START = lazy_pattern(_LANGUAGE_NAME.pattern + "|(^)")
_CJK = ("\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
        "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f")
_CJK_LINE_BREAK = lazy_pattern(f"([{_CJK}]+)\\n([{_CJK}]+)")
_BASIC_ID_LEADING = lazy_pattern(r"^[^a-zA-Z]+", re.M)
_BASIC_ID_DROP = lazy_pattern(r"[^a-zA-Z0-9 -]")
_AUTO_IDS_REF = lazy_pattern(r"\Aauto_ids(?:-([\w-]+))?", re.ASCII)
_SHOW_WS = lazy_pattern(r"(^[ \t]+)|([ \t]+$)|([ \t]+)", re.M)

ENTITY_NBSP = entity("nbsp")
TYPOGRAPHIC_SYMS: dict[str, list[Entity]] = {
    "mdash": [entity("mdash")], "ndash": [entity("ndash")], "hellip": [entity("hellip")],
    "laquo_space": [entity("laquo"), entity("nbsp")], "raquo_space": [entity("nbsp"), entity("raquo")],
    "laquo": [entity("laquo")], "raquo": [entity("raquo")],
}
SMART_QUOTE_INDICES = {"lsquo": 0, "rsquo": 1, "ldquo": 2, "rdquo": 3}
FOOTNOTE_BACKLINK_FMT = '%s<a href="#fnref:%s" class="reversefootnote" role="doc-backlink">%s</a>'
MAX_CONVERT_DEPTH = 200


def escape_html(text: str, kind: str = "all") -> str:
    if "&" in text:
        if kind != "all":  # a reference stays as it is: the pattern tells which ``&`` to escape
            return _ESCAPE_RE[kind].sub(lambda m: ESCAPE_MAP.get(m.group(), m.group()), text)
        text = text.replace("&", "&amp;")
    # str.replace, which finds nothing to replace at C speed, in a tenth of the pattern's time
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if kind == "attribute" else text


def basic_generate_id(text: str) -> str:
    """kramdown's id algorithm: ASCII letters, digits, spaces and dashes, from the first letter."""
    gen_id = _BASIC_ID_LEADING.sub("", text)
    gen_id = _BASIC_ID_DROP.sub("", gen_id)
    return gen_id.replace(" ", "-").lower()


class HtmlConverter:
    def __init__(self, root: Element, options: dict[str, Any]) -> None:
        self.root = root
        self.options = options
        self.footnote_start = self.footnote_counter = int(options.get("footnote_nr") or 1)
        self.footnotes: list[list[Any]] = []
        self.footnotes_by_name: dict[str, list[Any]] = {}
        self.footnote_location: Optional[str] = None
        self.toc: list[tuple[int, str, list[Element]]] = []
        self.toc_code: Optional[tuple[str, dict[str, str], str]] = None
        self.used_ids: dict[str, int] = {}
        self.cell_index = 0  # position of the next cell in the row being converted
        self.indent = 2
        self.stack: list[Element] = []
        self.highlighter_class = f" highlighter-{options.get('syntax_highlighter')}"
        self.entity_output = str(options.get("entity_output") or "as_char")
        self.methods: dict[str, Callable[[Element, int], str]] = {}

    # -- dispatch ------------------------------------------------------------------

    def convert(self, el: Element, indent: int = -2) -> str:
        return (self.methods.get(el.type) or self.method(el.type))(el, indent)

    def method(self, type: str) -> Callable[[Element, int], str]:
        """The method converting elements of *type*, looked up once per type and document."""
        method = self.methods[type] = getattr(self, f"convert_{type}", self.convert_unknown)
        return method

    def inner(self, el: Element, indent: int) -> str:
        indent += self.indent
        stack = self.stack
        stack.append(el)
        if len(stack) > MAX_CONVERT_DEPTH:
            result = ""
        else:  # convert() inlined: this runs for every element
            methods = self.methods
            result = "".join([(methods.get(child.type) or self.method(child.type))(child, indent)
                              for child in el.children])
        stack.pop()
        return result

    def convert_unknown(self, el: Element, indent: int) -> str:
        return escape_html(el.value, "text") if isinstance(el.value, str) else self.inner(el, indent)

    # -- helpers -------------------------------------------------------------------

    def ent(self, value: Entity, original: Optional[str] = None) -> str:
        return entity_to_str(value, self.entity_output, original)

    def html_attributes(self, attr: dict[str, Any]) -> str:
        if not attr:
            return ""
        out = []
        for key, value in attr.items():
            if value is None or (key == "id" and not str(value).strip(WHITESPACE)):  # Ruby's strip: ASCII
                continue
            out.append(f' {key}="{escape_html(str(value), "attribute")}"')
        return "".join(out)

    def format_as_span_html(self, name: str, attr: dict[str, Any], body: str) -> str:
        return f"<{name}{self.html_attributes(attr)}>{body}</{name}>"

    def format_as_block_html(self, name: str, attr: dict[str, Any], body: str, indent: int) -> str:
        return f"{' ' * indent}<{name}{self.html_attributes(attr)}>{body}</{name}>\n"

    def format_as_indented_block_html(self, name: str, attr: dict[str, Any], body: str, indent: int) -> str:
        pad = " " * indent
        return f"{pad}<{name}{self.html_attributes(attr)}>\n{body}{pad}</{name}>\n"

    # -- blocks --------------------------------------------------------------------

    def convert_blank(self, el: Element, indent: int) -> str:
        return "\n"

    def convert_text(self, el: Element, indent: int) -> str:
        escaped = escape_html(el.value, "text")
        if self.options.get("remove_line_breaks_for_cjk"):
            while True:
                fixed = _CJK_LINE_BREAK.sub(r"\1\2", escaped)
                if fixed == escaped:
                    break
                escaped = fixed
        return escaped

    def convert_p(self, el: Element, indent: int) -> str:
        if el.options.get("transparent"):
            return self.inner(el, indent)
        children = el.children
        if (len(children) == 1 and children[0].type == "img"
                and "standalone" in ((children[0].options.get("ial") or {}).get(":refs") or ())):
            return self.convert_standalone_image(el, indent)
        return self.format_as_block_html("p", el.attr, self.inner(el, indent), indent)

    def convert_standalone_image(self, el: Element, indent: int) -> str:
        figure_attr = dict(el.attr)
        image_attr = dict(el.children[0].attr)
        if "class" in image_attr and "class" not in figure_attr:
            figure_attr["class"] = image_attr.pop("class")
        if "id" in image_attr and "id" not in figure_attr:
            figure_attr["id"] = image_attr.pop("id")
        pad = " " * (indent + self.indent)
        body = (f"{pad}<img{self.html_attributes(image_attr)} />\n"
                f"{pad}<figcaption>{image_attr.get('alt') or ''}</figcaption>\n")
        return self.format_as_indented_block_html("figure", figure_attr, body, indent)

    def convert_codeblock(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        lang = self.extract_code_language(attr, remove=True)
        hl_opts: dict[str, Any] = {}
        highlighted = self.highlight_code(el.value, el.options.get("lang") or lang, "block", hl_opts)
        pad = " " * indent
        if highlighted is not None:
            self.add_syntax_highlighter_to_class_attr(attr, lang or hl_opts.get("default_lang"))
            return f"{pad}<div{self.html_attributes(attr)}>{highlighted}{pad}</div>\n"
        result = escape_html(el.value)
        if result.endswith("\n"):
            result = result[:-1]
        if re.search(r"\bshow-whitespaces\b", el.attr.get("class") or ""):
            result = _SHOW_WS.sub(_show_whitespace, result)
        code_attr = {"class": f"language-{lang}"} if lang else {}
        return (f"{pad}<pre{self.html_attributes(attr)}>"
                f"<code{self.html_attributes(code_attr)}>{result}\n</code></pre>\n")

    def convert_blockquote(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html("blockquote", el.attr, self.inner(el, indent), indent)

    def convert_header(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        if self.options.get("auto_ids") and attr.get("id") is None:
            attr["id"] = self.generate_id(el.options.get("raw_text") or "")
        level = el.options["level"]
        if attr.get("id") is not None and self.in_toc(el):  # Ruby: an empty id is still an id
            self.toc.append((level, attr["id"], el.children))
        level = max(min(level + int(self.options.get("header_offset") or 0), 6), 1)
        return self.format_as_block_html(f"h{level}", attr, self.inner(el, indent), indent)

    def convert_hr(self, el: Element, indent: int) -> str:
        return f"{' ' * indent}<hr{self.html_attributes(el.attr)} />\n"

    def convert_ul(self, el: Element, indent: int) -> str:
        refs = (el.options.get("ial") or {}).get(":refs") or ()
        if self.toc_code is None and "toc" in refs:
            self.toc_code = (el.type, el.attr, f"\0toc-{os.urandom(16).hex()}\0")
            return self.toc_code[2]
        if self.footnote_location is None and "footnotes" in refs:
            self.footnote_location = f"\0footnotes-{os.urandom(16).hex()}\0"
            return self.footnote_location
        return self.format_as_indented_block_html(el.type, el.attr, self.inner(el, indent), indent)

    convert_ol = convert_ul

    def convert_dl(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html("dl", el.attr, self.inner(el, indent), indent)

    def convert_li(self, el: Element, indent: int) -> str:
        pad = " " * indent
        output = f"{pad}<{el.type}{self.html_attributes(el.attr)}>"
        res = self.inner(el, indent)
        children = el.children
        if not children or (children[0].type == "p" and children[0].options.get("transparent")):
            output += res + (pad if res.endswith("\n") else "")
        else:
            output += "\n" + res + pad
        return output + f"</{el.type}>\n"

    convert_dd = convert_li

    def convert_dt(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        parent_ial = self.stack[-1].options.get("ial") if self.stack else None
        if not attr.get("id") and parent_ial and parent_ial.get(":refs"):
            for ref in parent_ial[":refs"]:
                m = _AUTO_IDS_REF.match(ref)
                if m:
                    generated = basic_generate_id(el.options.get("raw_text") or "")
                    attr["id"] = f"{m.group(1) or ''}{generated}".lstrip(WHITESPACE)
                    break
        return self.format_as_block_html("dt", attr, self.inner(el, indent), indent)

    def convert_html_element(self, el: Element, indent: int) -> str:
        res = self.inner(el, indent)
        name = el.value
        if el.options.get("category") == "span":
            if not res and name in HTML_ELEMENTS_WITHOUT_BODY:
                return f"<{name}{self.html_attributes(el.attr)} />"
            return f"<{name}{self.html_attributes(el.attr)}>{res}</{name}>"
        parent = self.stack[-1] if self.stack else self.root
        in_raw = parent.type == "html_element" and parent.options.get("content_model") == "raw"
        output = "" if in_raw else " " * indent
        output += f"<{name}{self.html_attributes(el.attr)}"
        model = el.options.get("content_model")
        if el.options.get("is_closed") and model == "raw":
            output += " />"
        elif res and model != "block":
            output += f">{res}</{name}>"
        elif res:
            output += f">\n{_chomp(res)}\n{' ' * indent}</{name}>"
        elif name in HTML_ELEMENTS_WITHOUT_BODY:
            output += " />"
        else:
            output += f"></{name}>"
        if not in_raw:
            output += "\n"
        return output

    def convert_xml_comment(self, el: Element, indent: int) -> str:
        parent = self.stack[-1] if self.stack else self.root
        if el.options.get("category") == "block" and not (
                parent.type == "html_element" and parent.options.get("content_model") == "raw"):
            return f"{' ' * indent}{el.value}\n"
        return el.value

    convert_xml_pi = convert_xml_comment

    def convert_table(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html(el.type, el.attr, self.inner(el, indent), indent)

    convert_thead = convert_tbody = convert_tfoot = convert_table

    def convert_tr(self, el: Element, indent: int) -> str:
        outer_index, self.cell_index = self.cell_index, 0
        try:
            return self.convert_table(el, indent)
        finally:
            self.cell_index = outer_index

    def convert_td(self, el: Element, indent: int) -> str:
        res = self.inner(el, indent)
        kind = "th" if self.stack[-2].type == "thead" else "td"
        attr = el.attr
        index = self.cell_index
        self.cell_index += 1
        alignments = self.stack[-3].options.get("alignment") or []
        alignment = alignments[index] if index < len(alignments) else "default"
        if alignment != "default":
            attr = dict(el.attr)
            attr["style"] = (f"{attr['style']}; " if "style" in attr else "") + f"text-align: {alignment}"
        return self.format_as_block_html(kind, attr, res if res else self.ent(ENTITY_NBSP), indent)

    def convert_comment(self, el: Element, indent: int) -> str:
        if el.options.get("category") == "block":
            return f"{' ' * indent}<!-- {el.value} -->\n"
        return f"<!-- {el.value} -->"

    def convert_raw(self, el: Element, indent: int) -> str:
        types = el.options.get("type")
        if not types or "html" in types:
            return el.value + ("\n" if el.options.get("category") == "block" else "")
        return ""

    def convert_math(self, el: Element, indent: int) -> str:
        block = el.options.get("category") == "block"
        if self.options.get("math_engine") == "mathjax":
            value = escape_html(el.value)
            result = f"\\[{value}\\]\n" if block else f"\\({value}\\)"
            if not el.attr:
                return result
            if block:
                return self.format_as_block_html("div", el.attr, result, indent)
            return self.format_as_span_html("span", el.attr, f"${el.value}$")
        attr = dict(el.attr)
        attr["class"] = f"{attr.get('class') or ''} kdmath".lstrip(WHITESPACE)
        if block:
            return self.format_as_block_html("div", attr, f"$$\n{el.value}\n$$", indent)
        return self.format_as_span_html("span", attr, f"${el.value}$")

    # -- spans ---------------------------------------------------------------------

    def convert_br(self, el: Element, indent: int) -> str:
        return "<br />"

    def convert_a(self, el: Element, indent: int) -> str:
        return self.format_as_span_html("a", el.attr, self.inner(el, indent))

    def convert_img(self, el: Element, indent: int) -> str:
        return f"<img{self.html_attributes(el.attr)} />"

    def convert_codespan(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        lang = self.extract_code_language(attr, remove=False)
        hl_opts: dict[str, Any] = {}
        result = self.highlight_code(el.value, lang, "span", hl_opts)
        if result is not None:
            self.add_syntax_highlighter_to_class_attr(attr, lang or hl_opts.get("default_lang"))
        else:
            result = escape_html(el.value)
        return self.format_as_span_html("code", attr, result)

    def convert_footnote(self, el: Element, indent: int) -> str:
        repeat = ""
        name = str(self.options.get("footnote_prefix") or "") + el.options["name"]
        footnote = self.footnotes_by_name.get(name)
        if footnote is not None:
            number = footnote[2]
            footnote[3] += 1
            repeat = f":{footnote[3]}"
        else:
            number = self.footnote_counter
            self.footnote_counter += 1
            footnote = [name, el.value, number, 0]
            self.footnotes.append(footnote)
            self.footnotes_by_name[name] = footnote
        return (f'<sup id="fnref:{name}{repeat}" role="doc-noteref">'
                f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>')

    def convert_em(self, el: Element, indent: int) -> str:
        return self.format_as_span_html(el.type, el.attr, self.inner(el, indent))

    convert_strong = convert_em

    def convert_entity(self, el: Element, indent: int) -> str:
        return self.ent(el.value, el.options.get("original"))

    def convert_typographic_sym(self, el: Element, indent: int) -> str:
        custom = (self.options.get("typographic_symbols") or {}).get(el.value)
        if custom:
            return escape_html(custom, "text")
        return "".join(self.ent(e) for e in TYPOGRAPHIC_SYMS[el.value])

    def convert_smart_quote(self, el: Element, indent: int) -> str:
        quotes = self.options.get("smart_quotes") or ("lsquo", "rsquo", "ldquo", "rdquo")
        choice = quotes[SMART_QUOTE_INDICES[el.value]]
        try:
            return self.ent(entity(choice))
        except KeyError:
            return self.ent(entity(el.value))

    def convert_abbreviation(self, el: Element, indent: int) -> str:
        title = self.root.options["abbrev_defs"].get(el.value, "")
        attr = dict(self.root.options["abbrev_attr"].get(el.value) or {})
        if title:
            attr["title"] = title
        return self.format_as_span_html("abbr", attr, el.value)

    def convert_root(self, el: Element, indent: int) -> str:
        result = self.inner(el, indent)
        if self.footnote_location:
            result = result.replace(self.footnote_location, self.footnote_content(), 1)
        else:
            result += self.footnote_content()
        if self.toc_code:
            toc_tree = self.generate_toc_tree(self.toc, self.toc_code[0], self.toc_code[1] or {})
            text = self.convert(toc_tree, 0) if toc_tree.children else ""
            result = result.replace(self.toc_code[2], text, 1)
        return result

    # -- ids, toc, footnotes ---------------------------------------------------------

    def generate_id(self, text: str) -> str:
        gen_id = basic_generate_id(text) or "section"
        if gen_id in self.used_ids:
            self.used_ids[gen_id] += 1
            gen_id += f"-{self.used_ids[gen_id]}"
        else:
            self.used_ids[gen_id] = 0
        return str(self.options.get("auto_id_prefix") or "") + gen_id

    def in_toc(self, el: Element) -> bool:
        levels = self.options.get("toc_levels") or ()
        return el.options["level"] in levels and not re.search(r"\bno_toc\b", el.attr.get("class") or "")

    def generate_toc_tree(self, toc: list[tuple[int, str, list[Element]]], kind: str,
                          attr: dict[str, str]) -> Element:
        sections = Element(kind, None, dict(attr))
        sections.attr.setdefault("id", "markdown-toc")
        stack: list[Element] = []
        for level, header_id, children in toc:
            li = Element("li", None, None, {"level": level})
            li.children.append(Element("p", None, None, {"transparent": True}))
            link = Element("a", None, {"href": f"#{header_id}", "id": f"{sections.attr['id']}-{header_id}"})
            link.children.extend(_fix_for_toc_entry([c.deep_copy() for c in children]))
            li.children[-1].children.append(link)
            li.children.append(Element(kind))
            while True:
                if not stack:
                    sections.children.append(li)
                    stack.append(li)
                    break
                if stack[-1].options["level"] < level:
                    stack[-1].children[-1].children.append(li)
                    stack.append(li)
                    break
                item = stack.pop()
                if not item.children[-1].children:
                    item.children.pop()
        while stack:
            item = stack.pop()
            if not item.children[-1].children:
                item.children.pop()
        return sections

    def footnote_content(self) -> str:
        ol = Element("ol")
        if self.footnote_start != 1:
            ol.attr["start"] = str(self.footnote_start)
        configured = self.options.get("footnote_backlink")
        backlink = str(configured if configured is not None else "&#8617;")
        backlink_text = escape_html(backlink, "text")
        index = 0
        while index < len(self.footnotes):
            name, data, _number, repeat = self.footnotes[index]
            li = Element("li", None, {"id": f"fn:{name}", "role": "doc-endnote"})
            li.children = [c.deep_copy() for c in data.children]
            para = None
            insert_space = False
            if (li.children and li.children[-1].type == "p") or self.options.get("footnote_backlink_inline"):
                parent = li
                while parent.children and parent.children[-1].type not in ("p", "header"):
                    parent = parent.children[-1]
                para = parent.children[-1] if parent.children else None
                insert_space = True
            if para is None:
                para = Element("p")
                li.children.append(para)
                insert_space = False
            if backlink:
                nbsp = self.ent(ENTITY_NBSP)
                raw = FOOTNOTE_BACKLINK_FMT % (nbsp if insert_space else "", name, backlink_text)
                para.children.append(Element("raw", raw))
                for i in range(1, repeat + 1):
                    para.children.append(Element("raw", FOOTNOTE_BACKLINK_FMT % (
                        nbsp, f"{name}:{i}", f"{backlink_text}<sup>{i + 1}</sup>")))
            ol.children.append(Element("raw", self.convert(li, 4)))
            index += 1
        if not ol.children:
            return ""
        return self.format_as_indented_block_html(
            "div", {"class": "footnotes", "role": "doc-endnotes"}, self.convert(ol, 2), 0)

    # -- code highlighting -------------------------------------------------------------

    @staticmethod
    def extract_code_language(attr: dict[str, str], remove: bool) -> Optional[str]:
        cls = attr.get("class")
        if not cls:
            return None
        m = _LANGUAGE_CLASS.search(cls)
        if not m:
            return None
        if remove:
            cls = _LANGUAGE_NAME.sub("", cls, count=1).strip(WHITESPACE)
            if cls:
                attr["class"] = cls
            else:
                del attr["class"]
        return m.group(1)

    def add_syntax_highlighter_to_class_attr(self, attr: dict[str, str], lang: Optional[str]) -> None:
        attr["class"] = ((attr.get("class") or "") + self.highlighter_class).lstrip(WHITESPACE)
        if lang:
            attr["class"] = _LANGUAGE_OR_START.sub(
                lambda m: f"language-{lang}{' ' if m.group(1) is not None else ''}", attr["class"], count=1)

    def highlight_code(self, text: str, lang: Optional[str], kind: str, call_opts: dict[str, Any]) -> Optional[str]:
        if self.options.get("syntax_highlighter") != "rouge":
            return None
        opts = self.rouge_options(kind)
        call_opts["default_lang"] = opts.get("default_lang")
        if not (lang or opts.get("default_lang") or opts.get("guess_lang")):
            return None
        if opts.get("disable"):
            return None
        tokens = highlighting.rouge_tokens(text, lang or opts.get("default_lang"), bool(opts.get("guess_lang")))
        if tokens is None:
            return None
        if opts.get("line_numbers"):
            tokens = _rouge_table(tokens, text, opts)
        if kind == "span" or opts.get("wrap") is False:
            return tokens
        css_class = opts.get("css_class") or "highlight"
        return f'<div class="highlight"><pre class="{css_class}"><code>{tokens}</code></pre></div>'

    def rouge_options(self, kind: str) -> dict[str, Any]:
        base = dict(self.options.get("syntax_highlighter_opts") or {})
        span_opts = _symbolize(base.pop("span", None) or {})
        block_opts = _symbolize(base.pop("block", None) or {})
        if kind == "span":
            merged = {**base, **span_opts}
            merged["wrap"] = False
            return merged
        return {**base, **block_opts}


def _rouge_table(formatted: str, text: str, opts: dict[str, Any]) -> str:
    """Rouge's ``HTMLTable`` formatter, which kramdown's ``line_numbers: true`` option wraps the code in.

    One gutter line per line of *text* (a last line without a newline counts), numbered from ``start_line``.
    """
    lines = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    start = int(opts.get("start_line") or 1)
    numbers = "\n".join(str(number) for number in range(start, start + lines)) + "\n"
    table, gutter, code = (opts.get("table_class") or "rouge-table", opts.get("gutter_class") or "rouge-gutter",
                           opts.get("code_class") or "rouge-code")
    return (f'<table class="{table}"><tbody><tr><td class="{gutter} gl"><pre class="lineno">{numbers}</pre></td>'
            f'<td class="{code}"><pre>{formatted if lines else ""}</pre></td></tr></tbody></table>')


def _symbolize(opts: Any) -> dict[str, Any]:
    return {str(k).lstrip(":"): v for k, v in dict(opts).items()} if isinstance(opts, dict) else {}


def _chomp(text: str) -> str:
    return text[:-1] if text.endswith("\n") else text


def _show_whitespace(m: re.Match[str]) -> str:
    suffix = "-l" if m.group(1) else "-r" if m.group(2) else ""
    out = []
    for ch in m.group():
        if ch == "\t":
            out.append(f'<span class="ws-tab{suffix}">\t</span>')
        else:
            out.append(f'<span class="ws-space{suffix}">&#8901;</span>')
    return "".join(out)


def _fix_for_toc_entry(elements: list[Element]) -> list[Element]:
    """Drop footnote markers and unwrap links, as kramdown does for TOC entries."""
    out: list[Element] = []
    for el in elements:
        if el.type == "footnote":
            continue
        el.children = _fix_for_toc_entry(el.children)
        if el.type == "a":
            out.extend(el.children)
        else:
            out.append(el)
    return out
