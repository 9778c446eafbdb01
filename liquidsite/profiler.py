"""``--profile``: Jekyll's build-phase and Liquid render tables, in terminal-table's layout."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Optional, Protocol

from .log import logger


def tabulate(rows: list[list[str]]) -> str:
    """Header, separator, rows; first column left-aligned, the others right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row) if i]
        return "| " + " | ".join(cells) + " |"

    separator = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    return "\n" + "\n".join([line(rows[0]), separator, *(line(r) for r in rows[1:])]) + "\n"


@dataclass
class FileStats:
    count: int = 0
    bytes: int = 0
    time: float = 0.0


@dataclass
class RenderStats:
    """Liquid render time, count and output size per template file."""

    files: dict[str, FileStats] = field(default_factory=dict)

    def measure(self, name: str, render: Callable[[], str]) -> str:
        started = time.perf_counter()
        output = render()
        stats = self.files.setdefault(name, FileStats())
        stats.count += 1
        stats.bytes += len(output.encode("utf-8"))
        stats.time += time.perf_counter() - started
        return output

    def table(self, limit: int = 50) -> str:
        ranked = sorted(self.files.items(), key=lambda item: -item[1].time)[:limit]
        rows = [["Filename", "Count", "Bytes", "Time"]]
        for name, s in ranked:
            rows.append([name, str(s.count), f"{s.bytes / 1024:.2f}K", f"{s.time:.3f}"])
        rows.append([
            f"TOTAL (for {len(ranked)} files)",
            str(sum(s.count for _, s in ranked)),
            f"{sum(s.bytes for _, s in ranked) / 1024:.2f}K",
            f"{sum(s.time for _, s in ranked):.3f}",
        ])
        return tabulate(rows)


class _StatsHolder(Protocol):
    @property
    def stats(self) -> Optional["RenderStats"]: ...


class _Pipeline(Protocol):
    """The site as the profiler drives it: Jekyll's phases, and the renderer that kept the stats."""

    def reset(self) -> None: ...

    def read(self) -> None: ...

    def generate(self) -> None: ...

    def render(self) -> None: ...

    def cleanup(self) -> None: ...

    def write(self) -> None: ...

    @property
    def renderer(self) -> _StatsHolder: ...


def profile_process(site: _Pipeline) -> None:
    """Run the pipeline phase by phase, then print Jekyll's two tables."""
    rows = [["PHASE", "TIME"]]
    total = 0.0
    for phase in ("reset", "read", "generate", "render", "cleanup", "write"):
        started = time.perf_counter()
        getattr(site, phase)()
        elapsed = round(time.perf_counter() - started, 4)
        total += elapsed
        rows.append([phase.upper(), f"{elapsed:.4f}"])
    rows.append(["TOTAL TIME", f"{total:.4f}"])
    logger.info("\nBuild Process Summary:")
    logger.info(tabulate(rows))
    logger.info("\nSite Render Stats:")
    stats = site.renderer.stats
    assert stats is not None, "the renderer collects stats whenever `profile` is set"
    logger.info(stats.table())
