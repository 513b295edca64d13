"""The pull request's summary names every problem `make check` names, in its words: tests/data/pr-summary/ holds a
clean guide and the same after three typical web-editor edits (a pasted phone number, a heading id changed in one
language, a half-width comma in Chinese)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "pr-summary"
SCRIPT = ROOT / "scripts" / "pr_summary.py"
from guide.checks import __main__ as make_check
from scripts import pr_summary

# The stages of `make check` the summary runs, as make check prints them in the project's folder.
MAKE_CHECK = [arg for _title, name in pr_summary.CHECKS for arg in ("--only", name)]
SUMMARY_LINE = re.compile(r"^(content|parity|copy|budgets|rules|make check): |^page +en words|^\S+ +\d+ +\d+ |^task pages")


def make_check_lines(tree: Path) -> list[str]:
    """Every problem line `make check` prints for tree (its closing counts and the budget table left out)."""
    proc = subprocess.run([sys.executable, "-m", "guide.checks", *MAKE_CHECK], cwd=tree, capture_output=True,
                          text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode in (0, 1), proc.stderr
    return [line for line in proc.stdout.splitlines() if line and not SUMMARY_LINE.match(line)]


def shown(markdown: str) -> list[str]:
    """The problem lines of the summary as a reader sees them: list items, code spans and escapes undone."""
    out = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            text = re.sub(r"^- `([^`]+)`: ", r"\1: ", line)
            out.append(re.sub(r"\\(.)", r"\1", text.removeprefix("- ")))
    return out


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False)


def test_the_clean_tree_says_plainly_that_all_is_well() -> None:
    proc = run("checks", "--root", str(DATA / "clean"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "**All is well: no problem found.**" in proc.stdout
    assert shown(proc.stdout) == [] == make_check_lines(DATA / "clean")


def test_three_mistakes_are_each_named_as_make_check_names_them_and_beside_their_line(tmp_path: Path) -> None:
    tree, out = DATA / "three-mistakes", tmp_path / "annotations.txt"
    proc = run("checks", "--root", str(tree), "--annotations", str(out))
    assert proc.returncode == 1
    expected = make_check_lines(tree)
    assert shown(proc.stdout) == expected
    assert f"**{len(expected)} problem(s) to fix.**" in proc.stdout
    assert "All is well" not in proc.stdout
    # The three mistakes, each at its file and line (the edits in the tree, found from the clean tree's text).
    clean, broken = DATA / "clean", tree
    changed = {}
    for page in sorted((broken / "docs").glob("*.md")):
        before = (clean / "docs" / page.name).read_text(encoding="utf-8").splitlines()
        after = page.read_text(encoding="utf-8").splitlines()
        changed |= {f"docs/{page.name}:{n}": line for n, (old, line) in enumerate(zip(before, after), 1) if old != line}
    assert len(changed) == 3
    for where in changed:
        assert any(item.startswith(f"- `{where}`: ") for item in proc.stdout.splitlines()), where
    lines = out.read_text(encoding="utf-8").splitlines()  # each problem as a workflow command beside its line
    assert len(lines) == len(expected)
    for line, problem in zip(lines, expected):
        file, _, number = problem.partition(": ")[0].partition(":")
        assert line == f"::error file={file},line={number},title=make check::{problem}"


@pytest.mark.parametrize(("problem", "listed"), [
    ("docs/x.en.md:4: write **注册** (Register) for **注册**, and {{ hotline-en }} for [a|b] <x> `c` a_b",
     (r"- `docs/x.en.md:4`: write \*\*注册\*\* (Register) for \*\*注册\*\*, and {{ hotline-en }} for \[a\|b\] \<x\> "
     r"\`c\` a\_b")),
    ("docs/faq.en.md: 512 words", "- `docs/faq.en.md`: 512 words"),
    ("parity: something odd", "- parity: something odd"),  # a line that names no file is listed too
    ("docs/faq.zh.md is missing (docs/faq.en.md exists): write the translation",
     "- docs/faq.zh.md is missing (docs/faq.en.md exists): write the translation"),
])
def test_each_problem_is_a_list_item_whose_markdown_shows_as_written(problem: str, listed: str) -> None:
    assert pr_summary.item(problem) == listed
    assert shown(listed) == [problem]


def test_a_check_that_breaks_is_named_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(root: Path) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(make_check, "content_stage", broken)
    monkeypatch.setattr(pr_summary, "CHECKS", (("A check", "content"),))
    results = pr_summary.run_checks(DATA / "clean")
    text = pr_summary.checks_markdown(results)
    assert "**A check could not run: A check.**" in text and "`RuntimeError: disk on fire`" in text
    assert "All is well" not in text


@pytest.mark.parametrize("build", ["failure", "skipped", "cancelled"])
def test_no_preview_says_why(build: str) -> None:
    proc = run("preview", "--build", build)
    assert proc.returncode == 1
    assert "**There is no preview: the site could not be built.**" in proc.stdout
    assert "python3 -m http.server" not in proc.stdout


def test_the_preview_says_how_to_open_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "downloads").mkdir(parents=True)
    for name in ("guide-en.pdf", "guide-zh.pdf"):
        (site / "downloads" / name).write_bytes(b"%PDF-1.7\n")
    proc = run("preview", "--build", "success", "--artifact-url", "https://example.invalid/artifacts/7",
               "--site", str(site))
    assert proc.returncode == 0
    assert "[download `preview`](https://example.invalid/artifacts/7)" in proc.stdout
    assert "`downloads/guide-en.pdf`, `downloads/guide-zh.pdf`" in proc.stdout
    assert "python3 -m http.server 8000" in proc.stdout and "http://127.0.0.1:8000/" in proc.stdout


def test_the_preview_artifact_is_what_the_workflow_uploads() -> None:
    import yaml

    steps = yaml.safe_load((ROOT / ".github/workflows/preview.yml").read_text(encoding="utf-8"))["jobs"]["preview"]
    upload = next(s for s in steps["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == pr_summary.PREVIEW_NAME
    assert upload["with"]["path"].rstrip("/") == "site"
