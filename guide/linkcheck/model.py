"""Records shared by every module: where a link was found and what the check concluded."""
from __future__ import annotations

from dataclasses import dataclass, field

OK = "ok"
REDIRECT = "redirect"
BROKEN = "broken"
BLOCKED = "blocked"
UNREACHABLE = "unreachable"
VERDICTS: tuple[str, ...] = (OK, REDIRECT, BROKEN, BLOCKED, UNREACHABLE)


@dataclass(frozen=True, order=True)
class Source:
    """A place a link is written: a Markdown file and line, or a built HTML page (no line)."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Link:
    """One occurrence of a link target in one source."""

    url: str
    source: Source


@dataclass
class Result:
    """The verdict on one distinct URL (or internal target), with every place it is written."""

    url: str
    verdict: str
    status: int | None = None
    final_url: str | None = None
    sources: list[Source] = field(default_factory=list)
    detail: str = ""
    cached: bool = False
    resolver_down: bool = False  # no host name resolved in the run: it says nothing about this link (classify)
    bytes_read: int = 0     # body bytes after decompression (not reported; the tests read it)

    def as_json(self) -> dict[str, object]:
        return {
            "url": self.url,
            "verdict": self.verdict,
            "status": self.status,
            "final_url": self.final_url,
            "sources": [str(s) for s in self.sources],
            "detail": self.detail,
        }


def group_links(links: list[Link]) -> dict[str, list[Source]]:
    """URL -> its sources, sorted and without duplicates, in first-seen URL order."""
    grouped: dict[str, set[Source]] = {}
    for link in links:
        grouped.setdefault(link.url, set()).add(link.source)
    return {url: sorted(sources, key=lambda s: (s.path, s.line or 0)) for url, sources in grouped.items()}


def summarize(results: list[Result]) -> dict[str, int]:
    counts = {v: 0 for v in VERDICTS}
    for r in results:
        counts[r.verdict] += 1
    return counts
