"""Convert Markdown with Jekyll's kramdown (the oracle, one long-lived Ruby process) and with liquidsite.

Used by the Markdown differential fuzzer (slow tier, skipped without Ruby and Jekyll) and by
``tools``-style minimising by hand: ``KramdownOracle`` keeps ``render_markdown.rb`` running and
sends it one JSON line a document, so thousands of documents and the many small candidates of a
minimisation cost one Jekyll start-up.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

ORACLE_SCRIPT = Path(__file__).resolve().parent / "oracle" / "render_markdown.rb"


@dataclass(frozen=True)
class Converted:
    out: Optional[str] = None
    err: Optional[str] = None


def oracle_available() -> bool:
    return shutil.which("ruby") is not None and shutil.which("jekyll") is not None


class JsonLinesOracle:
    """A Ruby oracle script kept running: it reads one JSON value a line and answers each with one
    JSON object a line (``out`` or ``err``), so many questions cost one Ruby start-up."""

    def __init__(self, script: Path, args: Iterable[str] = (), env: Optional[Mapping[str, str]] = None) -> None:
        self.process = subprocess.Popen(
            ["ruby", str(script), *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            encoding="utf-8", env=dict(os.environ, **(env or {})),
        )

    def ask_all(self, questions: Iterable[Any]) -> list[Converted]:
        """Every question answered, in order. A thread writes them while this one reads the
        answers, so neither side blocks on a full pipe however large a question or its answer."""
        assert self.process.stdin is not None and self.process.stdout is not None
        lines = [json.dumps(question) + "\n" for question in questions]
        stdin = self.process.stdin

        def write() -> None:
            for line in lines:
                stdin.write(line)
            stdin.flush()

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        results = []
        for _ in lines:
            item = json.loads(self.process.stdout.readline())
            results.append(Converted(item.get("out"), item.get("err")))
        writer.join()
        return results

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)

    def __enter__(self) -> "JsonLinesOracle":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class KramdownOracle(JsonLinesOracle):
    """Jekyll 4.3.1's Markdown converter in a Ruby process kept open, for a site whose ``kramdown:``
    settings are *kramdown_config* (merged over Jekyll's defaults as Jekyll merges a site's)."""

    def __init__(self, kramdown_config: Optional[Mapping[str, Any]] = None) -> None:
        env = {"TZ": "UTC", "JEKYLL_ENV": "development", "JEKYLL_NO_BUNDLER_REQUIRE": "true"}
        super().__init__(ORACLE_SCRIPT, [json.dumps(kramdown_config or {})], env)

    def convert_all(self, documents: Iterable[str]) -> list[Converted]:
        """Every document converted, in order."""
        return self.ask_all(documents)

    def convert(self, document: str) -> Converted:
        return self.convert_all([document])[0]

    def __enter__(self) -> "KramdownOracle":
        return self


def liquidsite_convert(document: str, kramdown_config: Optional[Mapping[str, Any]] = None) -> Converted:
    """The document converted as liquidsite's Markdown converter does for a site whose ``kramdown:``
    settings are *kramdown_config*."""
    from liquidsite import markdown

    try:
        return Converted(out=markdown.render(document, markdown.jekyll_options(kramdown_config)))
    except Exception as err:  # noqa: BLE001 - a crash is a difference to report, not to raise
        return Converted(err=f"{type(err).__name__}: {err}")


def minimise(document: str, still_differs: Callable[[str], bool]) -> str:
    """A smaller document that still differs: drop lines, then characters, while it keeps differing."""
    for unit in ("\n", ""):
        pieces = document.split("\n") if unit else list(document)
        size = max(1, len(pieces) // 2)
        while size >= 1:
            start = 0
            while start < len(pieces):
                candidate = pieces[:start] + pieces[start + size:]
                text = unit.join(candidate)
                if candidate and text != document and still_differs(text):
                    pieces, document = candidate, text
                else:
                    start += size
            size //= 2
        document = unit.join(pieces)
    return document
