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
    """A Markdown file and line, or a built HTML page (no line)."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Link:
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


def markdown_counts(title: str, verdicts: tuple[str, ...], counts: dict[str, int]) -> list[str]:
    """The head of a CI job summary: a title and a table of how many results got each verdict."""
    return [f"## {title}", "", "| " + " | ".join(verdicts) + " |", "|" + "---|" * len(verdicts),
            "| " + " | ".join(str(counts[v]) for v in verdicts) + " |", ""]


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
