"""kramdown's table parser: pipe rows, optional header/footer separators, several
bodies, alignment from the header separator, ``\\|`` escapes and code spans that may
hold pipes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..lazy_re import lazy_pattern
from . import patterns as P
from .element import Element
from .patterns import rx
from .scanner import Scanner

if TYPE_CHECKING:  # pragma: no cover
    # KramdownParser, made of these mixins, would be a cyclic base: mypy sees its other parts as Any.
    _Base = Any
else:
    _Base = object

TABLE_SEP_LINE = rx(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n")
TABLE_HSEP_ALIGN = rx(r"[ \t]?(:?)-+(:?)[ \t]?")
TABLE_FSEP_LINE = rx(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*\n")
TABLE_ROW_LINE = rx(r"^(.*?)[ \t]*\n")
# A pipe on the line, first checked by a scan to its last pipe: without it, a line of a paragraph
# costs re a step per character for the lazy repeat (the block parsers try this on every line).
TABLE_PIPE_CHECK = r"(?=.*\|)(?:\||.*?[^\\\n]\|)"
TABLE_LINE = rx(TABLE_PIPE_CHECK + r".*\n")
TABLE_PIPE_AT_START = rx("^" + TABLE_PIPE_CHECK)
_LEADING_PIPE = lazy_pattern(r"^\s*\|", re.ASCII)
_CODE_ELEMENT = lazy_pattern(r"(<code.*?>.*?</code>)")
_UNESCAPED_PIPE = lazy_pattern(r"(?<!\\)\|")
_BACKTICKS = lazy_pattern(r"`+")


def _ruby_split_lines(text: str) -> list[str]:
    """Ruby's ``split("\\n")``: trailing empty fields are dropped."""
    lines = text.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    return lines


class TableParsers(_Base):
    TABLE_START = rx("^" + P.OPT_SPACE + r"(?=\S)" + TABLE_PIPE_CHECK + r".*\n")

    def parse_table(self) -> bool:
        if not self.after_block_boundary():
            return False
        src = self.src
        saved = orig_pos = src.pos
        table = self.new_block_el("table", None, None, {"alignment": []})
        leading_pipe = _LEADING_PIPE.match(src.check(TABLE_LINE) or "") is not None
        src.scan(TABLE_SEP_LINE)
        rows: list[Element] = []
        has_footer = False
        columns = 0

        def add_container(kind: str, force: bool) -> None:
            nonlocal rows
            if not has_footer or kind != "tbody" or force:
                cont = Element(kind)
                cont.children, rows = rows, []
                table.children.append(cont)

        while not src.eos():
            if src.check(TABLE_LINE) is None:
                break
            if src.scan(TABLE_SEP_LINE) is not None:
                if not rows:
                    pass
                elif not table.options["alignment"] and not has_footer:
                    add_container("thead", False)
                    table.options["alignment"] = [
                        "default" if not left and not right else "left" if not right
                        else "right" if not left else "center"
                        for left, right in TABLE_HSEP_ALIGN.findall(src.group(1) or "")
                    ]
                else:
                    add_container("tbody", False)
            elif src.scan(TABLE_FSEP_LINE) is not None:
                if rows:
                    add_container("tbody", True)
                has_footer = True
            elif src.scan(TABLE_ROW_LINE) is not None:
                row = Element("tr")
                cells = self.split_table_row(src.group(1) or "")
                if leading_pipe and cells and not cells[0].strip(P.WHITESPACE):
                    cells.pop(0)
                if cells and not cells[-1].strip(P.WHITESPACE):
                    cells.pop()
                for cell_text in cells:
                    cell = Element("td")
                    cell.children.append(Element("raw_text", cell_text.strip(P.WHITESPACE)))
                    row.children.append(cell)
                columns = max(columns, len(cells))
                rows.append(row)
            else:
                break

        if not self.before_block_boundary() or not self.table_pipes_outside_spans(orig_pos):
            src.pos = saved
            return False
        if rows:
            add_container("tfoot" if has_footer else "tbody", False)
        if not any(c.type == "tbody" for c in table.children):
            src.pos = saved
            return False
        for section in table.children:
            for row in section.children:
                row.children.extend(Element("td") for _ in range(columns - len(row.children)))
        alignment = table.options["alignment"]
        if len(alignment) > columns:
            table.options["alignment"] = alignment[:columns]
        else:
            table.options["alignment"] = alignment + ["default"] * (columns - len(alignment))
        self.tree.children.append(table)
        return True

    def split_table_row(self, line: str) -> list[str]:
        """Split a row at unescaped pipes that are not inside code spans or ``<code>``."""
        cells: list[str] = []

        def append(text: str) -> None:
            if cells:
                cells[-1] += text
            else:
                cells.append(text)

        env = self.save_env()
        for index, part in enumerate(_CODE_ELEMENT.split(line)):
            if index % 2:
                append(part)
                continue
            self.reset_env(src=Scanner(part))
            root = Element("root")
            self.parse_spans(root, None, ("codespan",))
            for child in root.children:
                if child.type == "raw_text":
                    first, *others = [t.replace("\\|", "|") for t in _UNESCAPED_PIPE.split(child.value)]
                    append(first)
                    cells.extend(others)
                else:
                    delim = max(_BACKTICKS.findall(child.value), default="") + "`"
                    pad = " " if len(delim) > 1 else ""
                    append(f"{delim}{pad}{child.value}{pad}{delim}")
        self.restore_env(env)
        return cells

    def table_pipes_outside_spans(self, orig_pos: int) -> bool:
        """kramdown's check that every table line has a pipe outside code spans and HTML."""
        src = self.src
        env = self.save_env()
        self.reset_env(src=Scanner(src.string[orig_pos:src.pos - 1]))
        root = Element("root")
        self.parse_spans(root, None, ("codespan", "span_html"))
        self.restore_env(env)
        pipe_on_line = False
        for child in root.children:
            value = child.value
            if not value:
                continue
            lines = _ruby_split_lines(value)
            if child.type == "codespan":
                if len(lines) > 2 or (len(lines) == 2 and not pipe_on_line):
                    break
                if len(lines) == 2 and pipe_on_line:
                    pipe_on_line = False
            else:
                if len(lines) > 1 and not pipe_on_line and not TABLE_PIPE_AT_START.match(lines[0]):
                    break
                pipe_on_line = (False if len(lines) > 1 else pipe_on_line) or bool(
                    lines and TABLE_PIPE_AT_START.match(lines[-1])
                )
        return pipe_on_line
