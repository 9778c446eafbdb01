"""Generated Markdown documents for the kramdown differential fuzzer (seeded, reproducible).

Each document mixes the constructs academic pages write: headers with ids and IALs, emphasis
around punctuation and Unicode, links of every kind and bare URLs, images, code spans and fenced
code in the languages sites use, nested and task lists, blockquotes, GFM tables, HTML blocks with
``markdown="1"``, footnotes, abbreviations, definition lists, math, smart quotes and typographic
symbols, hard breaks, entities, CJK and accented text, Liquid-like braces left in the text, and
trailing spaces and tabs.
"""

from __future__ import annotations

import random

WORDS = (
    "the", "model", "data", "results", "paper", "we", "show", "a", "of", "in", "and", "research",
    "café", "naïve", "Zürich", "résumé", "Ångström", "日本語", "中文", "研究", "한국어", "Ελληνικά",
    "x_1", "foo_bar_baz", "snake_case", "2023", "3.14", "v1.2", "e.g.", "i.e.", "etc.", "Ph.D.",
    "co-author", "state-of-the-art", "α", "β-test", "naïve-Bayes", "HTML", "CSS", "ACM", "ΣΟΦΙΑΣ", "हिंदी", "Ⅻ",
)
PUNCT = (".", ",", ";", ":", "!", "?", "", "", "", "")
LANGS = ("python", "ruby", "javascript", "js", "bash", "shell", "yaml", "json", "html", "css", "c", "cpp",
         "java", "r", "matlab", "latex", "tex", "text", "plaintext", "console", "sql", "markdown", "diff",
         "nosuchlang", "Python", "bibtex", "")
CODE_LINES = (
    "def f(x):", "    return x * 2  # double", "x = [1, 2, 3]", "print(\"héllo\")", "if (a < b && c > d) {",
    "  echo $HOME", "<div class=\"a\">&amp;</div>", "key: value  ", "\tindented\twith tabs", "",
    "SELECT * FROM t WHERE a = 'b';", "% comment", "\\begin{equation} x^2 \\end{equation}",
    "@article{key, title={A}}", "{{ page.title }}", "- item", "+ added", "```", "    ",
)
URLS = ("https://example.com", "http://example.org/a_b/c?d=1&e=2", "https://doi.org/10.1000/xyz_123",
        "/assets/pdf/paper.pdf", "#section", "mailto:me@example.com", "https://example.com/é ü",
        "../relative/path.html", "https://scholar.google.com/citations?user=ABC_def&hl=en")


class DocumentGenerator:
    """Random documents from a seed; ``document()`` returns one."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.footnotes: list[str] = []
        self.link_ids: list[str] = []

    def pick(self, items: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(items)

    def words(self, low: int = 1, high: int = 6) -> str:
        return " ".join(self.pick(WORDS) for _ in range(self.rng.randint(low, high)))

    def url(self) -> str:
        return self.pick(URLS)

    def inline_atom(self, depth: int) -> str:
        r = self.rng
        kind = r.randrange(40)
        if kind < 10:
            return self.words() + self.pick(PUNCT)
        nested = self.inline(depth + 1, 1, 3) if depth < 2 else self.words(1, 3)
        atoms = [
            lambda: f"*{nested}*", lambda: f"**{nested}**", lambda: f"_{nested}_", lambda: f"__{nested}__",
            lambda: f"***{self.words(1, 2)}***", lambda: f"~~{nested}~~",
            lambda: f"`{self.pick(CODE_LINES).strip() or 'x'}`", lambda: "``a ` b``",
            lambda: f"[{nested}]({self.url()})", lambda: f"[{nested}]({self.url()} \"Title's here\")",
            lambda: f"![{self.words(1, 2)}]({self.url()})", lambda: "![alt](/img/a b.png){: width=\"50%\"}",
            lambda: f"<{self.pick(('https://example.com/x', 'me@example.com', 'http://a.b/c_d'))}>",
            lambda: self.pick(("www.example.com", "https://example.com/path_(x).", "see http://x.org/a.")),
            lambda: self.reference_link(nested),
            lambda: self.footnote_ref(),
            lambda: "$$" + self.pick(("x^2", "a_1 + b_2", "\\alpha < \\beta", "|x|")) + "$$",
            lambda: self.pick(("\"quoted\"", "'single'", "it's", "'90s", "\"a 'b' c\"", "don't", "\"«ok»\"")),
            lambda: self.pick(("--", "---", "...", "<<", ">>", "(c)", "1--2", "a---b", "-- x --")),
            lambda: self.pick(("&amp;", "&copy;", "&#169;", "&#x263A;", "&nbsp;", "& lone", "&bogus;", "AT&T")),
            lambda: self.pick(("<b>bold</b>", "<span class=\"x\">s</span>", "<br>", "<br/>", "<kbd>C</kbd>",
                               "<a href=\"/x\">a</a>", "<!-- c -->", "<sup>2</sup>", "<i>*em*</i>")),
            lambda: self.pick(("{{ site.url }}", "{{page.title}}", "{% raw %}", "{ x }", "{: .cls}", "{#id}")),
            lambda: self.pick(("\\*", "\\_", "\\`", "\\[", "\\\\", "\\|", "\\$", "\\{", "\\<")),
            lambda: self.pick(("a*b*c", "a_b_c", "**", "*", "_", "2*3*4", "snake_case_word", "* not em *")),
            lambda: self.pick(("HTML", "CSS", "ACM")),
            lambda: self.pick(("😀", "👍🏽", "→", "©", "½", "　", "\u00a0", "ß", "\u200b", "\ufeff", "ﬁ", "İ",
                               "e\u0301")),
            lambda: self.pick(("{% include cite.html key=\"x\" %}", "{% raw %}{{ x }}{% endraw %}", "{{ '*a*' }}",
                               "{%- if a -%}", "{{ site.baseurl }}/x.pdf")),
            lambda: self.pick((f"*{self.words(1, 2)}*{{: .cls}}", f"[{nested}]({self.url()}){{:target=\"_blank\"}}")),
            lambda: self.pick(("$x$", "\\$5", "$$\\$$", "US$ 10", "$$a$$b$$c$$")),
            lambda: self.pick(("<span markdown=\"1\">*x*</span>", "<abbr title=\"t\">T</abbr>", "<a name=\"x\"></a>",
                               "<img src=\"/a.png\" alt=\"\">", "<i class=\"fa fa-x\"></i>", "<del>x</del>",
                               "<span title=日本>x</span>", "<ä@ö.de>", "<img alt=Café src=\"/x\">",
                               "<em>a</em>_b_")),
            lambda: self.pick(("a<br>b", "x\\\\y", "[]()", "[a]()", "[a](<b c>)", "[a](b 'c')", "![a][b]", "[*a*][]",
                               "[a](/b(c))", "[a] [b]", "[^x]: not def", "\\[^1]")),
        ]
        return r.choice(atoms)()

    def reference_link(self, text: str) -> str:
        ref = self.pick(("ref", "Ref 1", "paper", "missing", "a_b", "ΣΑΣ", "Ünï"))
        self.link_ids.append(ref)
        return self.pick((f"[{text}][{ref}]", f"[{ref}][]", f"[{ref}]"))

    def footnote_ref(self) -> str:
        name = self.pick(("1", "note", "a_b", "2"))
        self.footnotes.append(name)
        return f"[^{name}]"

    def inline(self, depth: int = 0, low: int = 1, high: int = 8) -> str:
        parts = [self.inline_atom(depth) for _ in range(self.rng.randint(low, high))]
        out = ""
        for part in parts:
            sep = "" if not out else self.pick((" ", " ", " ", "", "  ", "\t"))
            out += sep + part
        return out

    def line_end(self) -> str:
        return self.pick(("", "", "", "", " ", "  ", "\t", "   ", " \\"))

    def paragraph(self) -> str:
        lines = [self.inline() for _ in range(self.rng.randint(1, 3))]
        return "".join(line + (self.line_end() + "\n" if i < len(lines) - 1 else "") for i, line in enumerate(lines))

    def header(self) -> str:
        text = self.inline(2, 1, 3)
        suffix = self.pick(("", "", " {#custom-id}", " {: .cls}", " {#x .y}", " #", " ##", " {#id}  "))
        if self.rng.random() < 0.3:
            return f"{text}{suffix}\n{self.pick(('===', '---', '=', '-----'))}"
        return f"{'#' * self.rng.randint(1, 6)}{self.pick((' ', ' ', '  ', ''))}{text}{suffix}"

    def code_block(self) -> str:
        body = "\n".join(self.pick(CODE_LINES) for _ in range(self.rng.randint(0, 4)))
        fence = self.pick(("```", "```", "~~~", "````"))
        if self.rng.random() < 0.15:
            return "\n".join("    " + line for line in (body or "code").split("\n"))
        lang = self.pick(LANGS)
        info = self.pick(("", " ")) + lang + self.pick(("", "", " {: .x}", " title"))
        return f"{fence}{info}\n{body}\n{fence}" + self.pick(("", "", "\n{: .ial}"))

    def list_block(self, depth: int = 0) -> str:
        ordered = self.rng.random() < 0.35
        items = []
        indent = "   " if ordered else "  "
        for n in range(self.rng.randint(1, 4)):
            marker = f"{n + 1}." if ordered else self.pick(("-", "*", "+")) if n == 0 else items[0].split(" ")[0]
            if not ordered and n > 0:
                marker = items[0].split(" ", 1)[0]
            task = self.pick(("", "", "[ ] ", "[x] ")) if not ordered else ""
            body = task + self.inline(1, 1, 4)
            if depth < 3 and self.rng.random() < 0.3:
                child = self.list_block(depth + 1) if self.rng.random() < 0.7 else self.block(depth + 1)
                sep = "\n" if self.rng.random() < 0.6 else "\n\n"
                body += sep + "\n".join((indent + line) if line else "" for line in child.split("\n"))
            items.append(f"{marker} {body}")
        joiner = "\n\n" if self.rng.random() < 0.3 else "\n"
        return joiner.join(items)

    def blockquote(self, depth: int) -> str:
        inner = self.block(depth + 1) if depth < 2 else self.paragraph()
        lazy = self.rng.random() < 0.2
        return "\n".join((line if lazy and i > 0 else ("> " + line if line else ">"))
                         for i, line in enumerate(inner.split("\n")))

    def table(self) -> str:
        cols = self.rng.randint(1, 4)
        aligns = [self.pick(("---", ":--", "--:", ":-:", "-")) for _ in range(cols)]
        lead = self.pick(("|", "|", ""))
        rows = [[self.inline(2, 1, 2).replace("|", "\\|") for _ in range(cols)] for _ in range(self.rng.randint(1, 4))]
        lines = [lead + " " + " | ".join(self.words(1, 2) for _ in range(cols)) + " " + lead.strip()]
        lines.append(lead + "|".join(aligns) + lead)
        lines += [lead + " " + " | ".join(row) + " " + lead for row in rows]
        return "\n".join(lines)

    def html_block(self, depth: int) -> str:
        inner = self.block(depth + 1) if depth < 2 else self.paragraph()
        return self.pick((
            f"<div markdown=\"1\">\n{inner}\n</div>",
            f"<div markdown=\"1\">\n\n{inner}\n\n</div>",
            f"<details>\n<summary>{self.words(1, 3)}</summary>\n\n{inner}\n\n</details>",
            f"<div class=\"note\">\n{self.words()}\n</div>",
            f"<div>\n*not* parsed {self.words(1, 2)}\n</div>",
            "<p align=\"center\">\n  <img src=\"/a.png\" width=\"50%\">\n</p>",
            f"<span markdown=\"1\">{self.inline(2, 1, 2)}</span>",
            "<!-- a comment\nover lines -->",
            f"<table>\n<tr><td>{self.words(1, 2)}</td></tr>\n</table>",
            f"<center>{self.words(1, 3)}</center>",
            "<script>\nvar a = 1 < 2;\n</script>",
            "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\"></iframe>",
        ))

    def footnote_definition(self) -> str:
        name = self.footnote_ref()[2:-1]
        rest = self.pick(("", "\n\n    Second paragraph.", "\n    lazy continuation", "\n\n    ```\n    code\n    ```"))
        return f"Text{self.footnote_ref()}\n\n[^{name}]: {self.inline(1, 1, 3)}{rest}"

    def definition_list(self) -> str:
        return "\n".join(f"{self.words(1, 3)}\n: {self.inline(1, 1, 3)}" for _ in range(self.rng.randint(1, 2)))

    def block(self, depth: int = 0) -> str:
        r = self.rng.randrange(100)
        if r < 28:
            return self.paragraph()
        if r < 40:
            return self.header()
        if r < 52:
            return self.list_block(depth)
        if r < 58:
            return self.code_block()
        if r < 63:
            return self.blockquote(depth)
        if r < 69:
            return self.table()
        if r < 76:
            return self.html_block(depth)
        if r < 80:
            return self.definition_list()
        if r < 84:
            return "$$\n" + self.pick(("x^2 + y^2 = z^2", "\\frac{a}{b}", "a < b\n\\\\ c")) + "\n$$"
        if r < 88:
            return self.pick(("---", "***", "* * *", "___", "- - -"))
        if r < 92:
            return self.pick(("{: .notice}", "{: #anchor}", "{:toc}", "* TOC\n{:toc}", "{::comment}\nx\n{:/}"))
        if r < 94:
            return self.pick(("Text with a hard  \nbreak", "Line\\\\\nnext", "trailing tab\t\nnext\t"))
        if r < 96:
            return self.footnote_definition()
        return self.pick(("  indented paragraph", "\t", "   ", "1986\\. A great year", "2. start at two"))

    def document(self) -> str:
        self.footnotes, self.link_ids = [], []
        blocks = [self.block() for _ in range(self.rng.randint(1, 7))]
        tail = []
        for name in dict.fromkeys(self.footnotes):
            if self.rng.random() < 0.85:
                tail.append(f"[^{name}]: {self.inline(1, 1, 3)}")
        for ref in dict.fromkeys(self.link_ids):
            if ref != "missing":
                tail.append(f"[{ref}]: {self.url()}" + self.pick(("", " \"Title\"", " 'T'")))
        if self.rng.random() < 0.3:
            tail.append(f"*[{self.pick(('HTML', 'CSS', 'ACM'))}]: {self.words(2, 3)}")
        joined = ""
        for block in blocks + tail:
            joined += (self.pick(("\n\n", "\n\n", "\n", "\n\n\n")) if joined else "") + block
        return joined + self.pick(("\n", "\n", "", "\n\n", "  \n"))


#: Snippets a mutation inserts anywhere: the characters and markers that change how text around them parses.
SNIPPETS = (
    "*", "_", "**", "`", "~~", "[", "]", "(", ")", "!", "<", ">", "&", "\\", "|", "$$", "{:", "}", "#", "\n",
    "\n\n", "  \n", "\t", "    ", "- ", "1. ", "> ", ": ", "[^1]", "<div>", "</div>", "<br>", "---\n", "```\n",
    "{: .c}", "{#i}", "\"", "'", "\u00a0", "日本", "é", "http://x.y/z", "{{ a }}", "<!--", "-->", "*[HTML]: T\n",
)


def mutate(document: str, rng: random.Random) -> str:
    """The document with a few edits a writer makes by accident: moved indentation, lost or extra
    lines, a stray marker."""
    lines = document.split("\n")
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(lines))
        edit = rng.randrange(6)
        if edit == 0:
            lines[at] = rng.choice((" ", "  ", "   ", "    ", "\t", " \t")) + lines[at]
        elif edit == 1:
            lines[at] = lines[at].lstrip(" \t")
        elif edit == 2 and len(lines) > 1:
            del lines[at]
        elif edit == 3:
            lines.insert(at, rng.choice(("", "", lines[at])))
        elif edit == 4 and rng.random() < 0.2:
            return "\r\n".join(lines)
        else:
            text = lines[at]
            cut = rng.randint(0, len(text))
            lines[at] = text[:cut] + rng.choice(SNIPPETS) + text[cut:]
    return "\n".join(lines)


#: Line openers the line-soup documents combine: every block start, at every indentation.
LINE_STARTS = (
    "", "", "- ", "* ", "+ ", "1. ", "2) ", "> ", ">> ", "# ", "## ", "    ", "\t", "  ", "   ", ": ", "| ",
    "```", "~~~", "<div>", "</div>", "<div markdown=\"1\">", "<details>", "</details>", "$$", "{: .c}", "[^1]: ",
    "[a]: ", "*[A]: ", "===", "---", "- - -", "<!--", "-->", "^", "{::comment}", "{:/}", "[x] ", "- [ ] ",
    "|---|---|", "a | b", "1986. ",
)

#: Inline pieces the token-soup documents string together, beside ``SNIPPETS``.
SOUP_TOKENS = SNIPPETS + (
    "<div markdown=\"1\">", "<span>", "</span>", "```python\n", "~~~\n", "| a | b |\n|---|---|\n", "1986\\. ",
    "<details>", "</details>", "<summary>", "[a]: /u\n", "[a]", "[a][]", "![i](/x)", "<http://a.b>", "www.x.org",
    "{::comment}", "{:/}", "{::nomarkdown}", "* TOC\n{:toc}\n", "\r\n", "&amp;", "&#x263A;", "...", "--", "(c)",
    "<<", ">>", "\\*", "$$\n", "\n: ", "\n===\n", "\n---\n", "[x] ", "[ ] ", "__", "***", "<https://ex.com/a_b>",
)


def line_soup(generator: DocumentGenerator) -> str:
    """Lines opened by random block markers (stacked, indented) over short inline text."""
    rng = generator.rng
    lines = []
    for _ in range(rng.randint(2, 12)):
        opener = "".join(rng.choice(LINE_STARTS) for _ in range(rng.randint(0, 3)))
        text = generator.inline(2, 0, 3) if rng.random() < 0.7 else rng.choice(("a", "A", "b c", ""))
        lines.append(opener + text)
    return "\n".join(lines) + rng.choice(("", "\n"))


def token_soup(generator: DocumentGenerator) -> str:
    """Markers and words strung together without regard for structure."""
    rng = generator.rng
    return "".join(rng.choice(SOUP_TOKENS) if rng.random() < 0.6 else rng.choice(WORDS) + " "
                   for _ in range(rng.randint(2, 40)))


#: Characters where Ruby's and Python's Unicode classes part (letters, marks, other numbers, joiners,
#: spaces, case mappings) beside the markers whose parsing depends on them.
UNICODE_PIECES = tuple("aZ_-*'\"`<>()[]{}#:.,!?/\\|&;$ \n\t") + (
    "é", "ß", "Σ", "ς", "½", "²", "Ⅻ", "Ⓐ", "ि", "\u0301", "\u00a0", "\u3000", "日", "😀", "\u200d", "İ", "ǅ",
    "‿", "٣", "·", "。", "_é", "é_", "<span>", "</span>", "<b>", "[^1]", "[a]: /x\n", "# ", "\n\n", "- ", "```",
    "@", "<a@b.c>", "&#8217;", "--", "...",
)


def unicode_soup(generator: DocumentGenerator) -> str:
    """A short string of ``UNICODE_PIECES``."""
    rng = generator.rng
    return "".join(rng.choice(UNICODE_PIECES) for _ in range(rng.randint(1, 30)))


def documents(count: int, seed: int = 13) -> list[str]:
    """*count* documents from *seed*: in turn generated, generated then edited, line soup, token soup,
    Unicode soup."""
    generator = DocumentGenerator(seed)
    made = []
    for n in range(count):
        kind = n % 5
        if kind == 0:
            made.append(generator.document())
        elif kind == 1:
            made.append(mutate(generator.document(), generator.rng))
        elif kind == 2:
            made.append(line_soup(generator))
        elif kind == 3:
            made.append(token_soup(generator))
        else:
            made.append(unicode_soup(generator))
    return made
