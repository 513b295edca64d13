"""Reports: text for people, json, markdown (a CI job summary), sarif and github annotations for machines."""
from __future__ import annotations

import json

from .model import BROKEN, OK, VERDICTS, Result, summarize

FORMATS = ("text", "json", "markdown", "sarif", "github")
LEVEL = {"broken": "error", "redirect": "warning", "blocked": "warning", "unreachable": "warning"}
RULES = {
    "broken": "The link is dead: 404, 410, a name that does not resolve, a soft 404 or a redirect loop.",
    "redirect": "The link moved permanently (301/308): update it to the final URL.",
    "blocked": "The site is alive but refuses robots (403, 412, 429, 999 or a challenge page).",
    "unreachable": "No answer: timeout, refused or reset connection, TLS failure.",
}


def problems(results: list[Result]) -> list[Result]:
    order = {v: i for i, v in enumerate((BROKEN, "unreachable", "blocked", "redirect"))}
    return sorted((r for r in results if r.verdict != OK), key=lambda r: (order[r.verdict], r.url))


def _where(result: Result, limit: int = 3) -> str:
    names = [str(s) for s in result.sources]
    if len(names) > limit:
        names = names[:limit] + [f"+{len(result.sources) - limit} more"]
    return ", ".join(names) or "command line"


def summary_line(results: list[Result]) -> str:
    counts = summarize(results)
    cached = sum(r.cached for r in results)
    parts = ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    return f"{len(results)} links: {parts}" + (f" ({cached} ok from the cache)" if cached else "")


def to_text(results: list[Result]) -> str:
    lines = []
    for r in problems(results):
        status = f"[{r.status}]" if r.status else "[---]"
        target = f"{r.url} -> {r.final_url}" if r.verdict == "redirect" and r.final_url else r.url
        lines.append(f"{r.verdict:<11} {status} {target} (at {_where(r)}) | {r.detail}")
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


def to_json(results: list[Result]) -> str:
    data = {"results": [r.as_json() for r in results], "summary": summarize(results)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(results: list[Result]) -> str:
    counts = summarize(results)
    out = ["## Link check", "", "| " + " | ".join(VERDICTS) + " |", "|" + "---|" * len(VERDICTS),
           "| " + " | ".join(str(counts[v]) for v in VERDICTS) + " |", ""]
    found = problems(results)
    if found:
        out += ["| verdict | status | link | where | detail |", "|---|---|---|---|---|"]
        for r in found:
            out.append(f"| {r.verdict} | {r.status or ''} | {_cell(r.url)} | {_cell(_where(r))} | {_cell(r.detail)} |")
    else:
        out.append("Every link is ok.")
    return "\n".join(out) + "\n"


def to_sarif(results: list[Result]) -> str:
    sarif_results = []
    for r in problems(results):
        locations = []
        for s in r.sources:
            physical: dict[str, object] = {"artifactLocation": {"uri": s.path}}
            if s.line:
                physical["region"] = {"startLine": s.line}
            locations.append({"physicalLocation": physical})
        sarif_results.append({
            "ruleId": r.verdict,
            "level": LEVEL[r.verdict],
            "message": {"text": f"{r.verdict}: {r.url}" + (f" ({r.detail})" if r.detail else "")},
            "locations": locations,
        })
    run = {
        "tool": {"driver": {"name": "guide.linkcheck", "informationUri": "README.md#check-the-links",
                            "rules": [{"id": k, "shortDescription": {"text": v}} for k, v in RULES.items()]}},
        "results": sarif_results,
    }
    data = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(results: list[Result]) -> str:
    lines = []
    for r in problems(results):
        message = _escape_data(f"{r.verdict} [{r.status or '---'}] {r.url} | {r.detail}")
        for s in r.sources or []:
            props = f"file={_escape_property(s.path)}" + (f",line={s.line}" if s.line else "")
            lines.append(f"::{LEVEL[r.verdict]} {props},title=link {r.verdict}::{message}")
    lines.append(summary_line(results))
    return "\n".join(lines) + "\n"


def render(results: list[Result], fmt: str) -> str:
    return {"text": to_text, "json": to_json, "markdown": to_markdown, "sarif": to_sarif, "github": to_github}[fmt](results)
