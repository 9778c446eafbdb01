"""Inline attribute lists (IAL), attribute list definitions (ALD) and the
``{::comment}``, ``{::nomarkdown}`` and ``{::options}`` extensions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Optional

from . import options as kd_options
from . import patterns as P
from .element import Element
from .patterns import END, rx

if TYPE_CHECKING:  # pragma: no cover
    # KramdownParser, made of these mixins, would be a cyclic base: mypy sees its other parts as Any.
    _Base = Any
else:
    _Base = object

REFS = ":refs"
ALD_TYPE_KEY_VALUE_PAIR = r"(" + P.ALD_ID_NAME + r")=(\"|')((?:\\\}|\\\2|[^}\x02])*?)\2"
ALD_TYPE_CLASS_NAME = r"\.([^\s\.#]+)"
ALD_TYPE_ID_NAME = r"#([A-Za-z][\w:-]*)"
ALD_TYPE_ID_OR_CLASS = rx(ALD_TYPE_ID_NAME + "|" + ALD_TYPE_CLASS_NAME)
ALD_TYPE_ID_OR_CLASS_MULTI = r"((?:" + ALD_TYPE_ID_NAME + "|" + ALD_TYPE_CLASS_NAME + r")+)"
ALD_TYPE_REF = r"(" + P.ALD_ID_NAME + r")"
ALD_TYPE_ANY = rx(
    r"(?:\A|\s)(?:" + ALD_TYPE_KEY_VALUE_PAIR + "|" + ALD_TYPE_REF + "|" + ALD_TYPE_ID_OR_CLASS_MULTI
    + r")(?=\s|" + END + ")"
)


def ial_of(el: Element) -> dict[str, Any]:
    """The element's IAL, created empty if missing (Ruby's ``options[:ial] ||= {}``)."""
    ial = el.options.get("ial")
    if ial is None:
        ial = el.options["ial"] = {}
    return ial


class ExtensionParsers(_Base):
    block_ial: Optional[dict[str, Any]]  # assigned here; KramdownParser declares its parse state
    BLOCK_EXTENSIONS_START = P.BLOCK_EXTENSIONS_START

    def parse_attribute_list(self, text: str, opts: dict[str, Any]) -> None:
        stripped = text.strip(P.WHITESPACE)
        if not stripped or stripped == ":":
            return
        for key, sep, val, ref, id_and_or_class, _id, _cls in ALD_TYPE_ANY.findall(text):
            if ref:
                opts.setdefault(REFS, []).append(ref)
            elif id_and_or_class:
                for id_attr, class_attr in ALD_TYPE_ID_OR_CLASS.findall(id_and_or_class):
                    if class_attr:
                        opts["class"] = f"{opts.get('class') or ''} {class_attr}".lstrip(P.WHITESPACE)
                    else:
                        opts["id"] = id_attr
            else:
                opts[key] = re.sub(r"\\(\}|" + re.escape(sep) + ")", r"\1", val)

    def update_ial_with_ial(self, ial: dict[str, Any], opts: dict[str, Any]) -> None:
        if REFS in opts:
            ial.setdefault(REFS, []).extend(opts[REFS])
        for key, value in opts.items():
            if key == "class":
                ial["class"] = f"{ial.get('class') or ''} {value}".lstrip(P.WHITESPACE)
            elif key != REFS:
                ial[key] = value

    def parse_extension_start_tag(self, kind: str) -> bool:
        src = self.src
        saved = src.pos
        matched = src.matched()
        ext, attr_text, self_closing, stop_name = src.group(1), src.group(2), src.group(3), src.group(4)
        src.pos += len(matched)

        def error_block() -> bool:
            src.pos = saved
            if kind == "span":
                self.add_text(src.getch())
            return False

        if stop_name or matched == "{:/}":
            return error_block()
        opts: dict[str, Any] = {}
        self.parse_attribute_list(attr_text or "", opts)
        body: Optional[str] = None
        if not self_closing:
            if kind == "block":
                stop_re = rx("^" + P.OPT_SPACE + P.EXT_STOP_STR % ext + r" *?\n")
            else:
                stop_re = rx(P.EXT_STOP_STR % ext)
            start = src.pos
            if src.scan_until(stop_re) is None:
                return error_block()
            body = src.string[start:src.match_start()]
            if kind == "block":
                body = body[:-1] if body.endswith("\n") else body
        if not self.handle_extension(ext or "", opts, body, kind):
            return error_block()
        return True

    def handle_extension(self, name: str, opts: dict[str, Any], body: Optional[str], kind: str) -> bool:
        if name == "comment":
            if body is not None:
                self.tree.children.append(Element("comment", body, None, {"category": kind}))
            return True
        if name == "nomarkdown":
            if body is not None:
                types = str(opts.get("type", "")).split()
                self.tree.children.append(Element("raw", body, None, {"category": kind, "type": types}))
            return True
        if name == "options":
            for key, value in opts.items():
                if key == REFS or key not in kd_options.KRAMDOWN_DEFAULTS:
                    continue
                if key in self.options.get("forbidden_inline_options", ()) or key == "forbidden_inline_options":
                    continue
                try:
                    parsed = kd_options.coerce(key, value)
                except (kd_options.OptionError, ValueError, TypeError):
                    continue
                self.options[key] = parsed
                self.root.options["options"][key] = parsed
            if kind == "block":
                self.tree.children.append(self.new_block_el("eob", "extension"))
            return True
        return False

    def parse_block_extensions(self) -> bool:
        src = self.src
        if src.scan(P.ALD_START) is not None:
            name, text = src.group(1) or "", src.group(2) or ""
            self.parse_attribute_list(text, self.alds.setdefault(name, {}))
            self.tree.children.append(self.new_block_el("eob", "ald"))
            return True
        if src.check(P.EXT_BLOCK_START) is not None:
            return self.parse_extension_start_tag("block")
        if src.scan(P.IAL_BLOCK_START) is not None:
            text = src.group(1) or ""
            children = self.tree.children
            last = children[-1] if children else None
            if last is not None and last.type != "blank" and (
                last.type != "eob" or last.value in ("link_def", "abbrev_def", "footnote_def")
            ):
                self.parse_attribute_list(text, ial_of(last))
                if src.check(P.IAL_BLOCK_START) is None:
                    children.append(self.new_block_el("eob", "ial"))
            else:
                if self.block_ial is None:
                    self.block_ial = {}
                self.parse_attribute_list(text, self.block_ial)
            return True
        return False

    def parse_span_extensions(self) -> None:
        src = self.src
        if src.check(P.EXT_SPAN_START) is not None:
            self.parse_extension_start_tag("span")
        elif src.check(P.IAL_SPAN_START) is not None:
            children = self.tree.children
            last = children[-1] if children else None
            if last is not None and last.type != "text":
                text = src.group(1) or ""
                src.pos += len(src.matched())
                attr: dict[str, Any] = {}
                self.parse_attribute_list(text, attr)
                self.update_ial_with_ial(ial_of(last), attr)
                self.update_attr_with_ial(last.attr, attr)
            else:
                self.add_text(src.getch())
        else:
            self.add_text(src.getch())
