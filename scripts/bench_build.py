#!/usr/bin/env python3
"""Benchmark: the plain site build next to the PDF export, with the export's peak memory and the PDFs' sizes.

usage: bench_build.py [--runs 3]

Each run builds the real site into a temporary directory (`mkdocs build --strict`, the first half of `make build`),
then exports the PDFs from it (guide/pdf/export.py, the second half), each in its own process. Wall times are
the median of the runs; peak memory is the largest resident set of each process (its own rusage, from wait4).
Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    returncode: int


def timed(argv: list[str], env: dict[str, str]) -> Run:
    """Run argv; its wall time and its own peak resident memory (not the parent's, not earlier children's)."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.stderr.write(child.stderr.read().decode("utf-8", "replace") if child.stderr else "")
    return Run(seconds, usage.ru_maxrss / 1024, child.returncode)  # ru_maxrss is in KiB on Linux


def row(name: str, runs: list[Run]) -> str:
    seconds = statistics.median(r.seconds for r in runs)
    spread = f"{min(r.seconds for r in runs):.2f}–{max(r.seconds for r in runs):.2f}"
    return f"| {name} | {seconds:.2f} s | {spread} s | {max(r.peak_mib for r in runs):.0f} MiB |"


def table(build: list[Run], export: list[Run], files: list[tuple[str, int, int]]) -> str:
    lines = ["| Step | Median wall time | Range | Peak memory |", "| --- | --- | --- | --- |",
             row("site build (mkdocs build --strict, both languages)", build),
             row("PDF export (2 guides + 2 checklists)", export), "",
             "| PDF | Pages | Size |", "| --- | --- | --- |"]
    lines += [f"| {name} | {pages} | {size / 1024:.0f} KiB |" for name, pages, size in files]
    return "\n".join(lines)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    builds: list[Run] = []
    exports: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        site = Path(tmp) / "site"
        for _ in range(args.runs):
            builds.append(timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                                 "--site-dir", str(site)], env))
            exports.append(timed([sys.executable, "-m", "guide.pdf", "--site-dir", str(site)], env))
            if builds[-1].returncode or exports[-1].returncode:
                print("bench_build: a step failed (its output is above)", file=sys.stderr)
                return 1
        files = [(p.name, pdf_pages(p), p.stat().st_size) for p in sorted((site / "downloads").glob("*.pdf"))]
    print(f"{args.runs} run{'s' if args.runs != 1 else ''}, {os.cpu_count()} CPUs\n")
    print(table(builds, exports, files))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
