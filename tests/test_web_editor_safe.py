"""What a web editor does to a file (CRLF, no final newline, a BOM, a non-breaking space pasted from Word, a tab) is
accepted by `make check` (all its checks, through scripts/pr_summary.py) and the build, or reported with file:line and
the fix: never a traceback. Reported edits are made on the small guide of tests/data/pr-summary/clean (a second a run).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_site
from fixture_site import PROJECT, copy_site

from scripts import pr_summary

PAGE = "docs/contact.en.md"
FILES = (PAGE, "includes/facts.yml", "includes/ui-labels.yml", "mkdocs.yml")


# The first line that gives a key a value (`key: value`, a YAML key or a page's front matter), up to the value.
FIRST_VALUE = re.compile(rb"^[ \t]*[^\s#:][^:\n]*: (?=\S)", re.MULTILINE)
EDITS: dict[str, Callable[[bytes], bytes]] = {
    "crlf": lambda raw: raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
    "no-final-newline": lambda raw: raw.rstrip(b"\r\n"),
    "bom": lambda raw: b"\xef\xbb\xbf" + raw,
    "nbsp": lambda raw: FIRST_VALUE.sub(lambda m: m[0][:-1] + "\u00a0".encode(), raw, count=1),  # pasted after the colon
    "tab": lambda raw: FIRST_VALUE.sub(lambda m: b"\t" + m[0].lstrip(b" "), raw, count=1)}  # typed in front of the key
# Harmless: the checks and the build read these the same as a clean file. Everything else is reported.
ACCEPTED = {"crlf", "no-final-newline"}
ACCEPTED_IN_YAML = {"bom"}  # YAML skips a byte order mark; in a page MkDocs would show it, so it is reported there


def edited_line(before: bytes, after: bytes) -> int:
    old, new = before.split(b"\n"), after.split(b"\n")
    return next((n for n, (a, b) in enumerate(zip(old, new), 1) if a != b), 1)


def test_the_harmless_edits_pass_every_check_and_the_build(tmp_path: Path) -> None:
    project = copy_site(tmp_path / "project")
    for name in FILES:
        raw = (project / name).read_bytes()
        for edit in sorted(ACCEPTED) + (sorted(ACCEPTED_IN_YAML) if name.endswith(".yml") else []):
            raw = EDITS[edit](raw)
        (project / name).write_bytes(raw)
    results = pr_summary.run_checks(project)
    assert [r.broken for r in results if r.broken] == []
    assert [p for r in results for p in r.problems] == []
    build_site(tmp_path / "out", project=project)  # and so does the strict build


REPORTED = [(name, edit) for name in FILES for edit in EDITS
            if edit not in ACCEPTED and not (name.endswith(".yml") and edit in ACCEPTED_IN_YAML)]


@pytest.mark.parametrize(("name", "edit"), REPORTED, ids=[f"{e}-{n}" for n, e in REPORTED])
def test_make_check_names_the_file_the_line_and_the_fix(tmp_path: Path, name: str, edit: str) -> None:
    project = tmp_path / "project"
    shutil.copytree(PROJECT / "tests" / "data" / "pr-summary" / "clean", project)
    path = project / name
    before = path.read_bytes()
    path.write_bytes(EDITS[edit](before))
    results = pr_summary.run_checks(project)
    assert [r.broken for r in results if r.broken] == [], "a check crashed instead of reporting"
    problems = [p for r in results for p in r.problems]
    assert problems, f"{edit} in {name} passed unnoticed"
    # The first problem names the file and the line, and says what to do (a clause after the diagnosis).
    line = edited_line(before, path.read_bytes())
    assert problems[0].startswith(f"{name}:{line}: "), problems
    assert re.search(r": (save|replace|check|use|write|quote|remove|delete)\b", problems[0].split(": ", 1)[1]), \
        problems[0]


@pytest.mark.parametrize("name", ["includes/facts.yml", "mkdocs.yml"])
def test_the_build_names_a_tab_in_a_yaml_file_without_a_traceback(tmp_path: Path, name: str) -> None:
    project = copy_site(tmp_path / "project")
    before = (project / name).read_bytes()
    (project / name).write_bytes(EDITS["tab"](before))
    line = edited_line(before, (project / name).read_bytes())
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "Traceback" not in log
    # The build's checks name the file, the line and the tab, as make check does (guide/checks/source_hygiene.py);
    # MkDocs reads mkdocs.yml itself and names it with its full path, the line and the tab it found.
    assert (f"{name}:{line}: tab character" in log or f"{name}:{line}: not valid YAML" in log
            or (f'{name}", line {line}' in log and "'\\t'" in log)), log
