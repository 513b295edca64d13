"""Lint the copy of every page: Chinese typography, English spelling, Markdown formatting.

* Chinese pages (locales starting with zh): autocorrect-py, which applies 中文文案排版指北 (a space between Chinese
  and Latin letters or digits, full-width punctuation). UI labels from includes/ui-labels.yml are left as they are:
  they quote CHSI's screens character for character.
* English pages: codespell (it reads pyproject.toml [tool.codespell] if a word ever needs ignoring).
* Chinese pages: screen labels marked as the office marks them, 【**姓名**】 and “**注册**”, each the way its
  `mark:` in includes/ui-labels.yml says; a label without its mark is named at its line (guide/checks/label_marks.py).
* Every page: pymarkdownlnt (rules in pyproject.toml [tool.pymarkdown], each one turned off with its reason); and no
  line that cites the guide's own source ("the office's guide", 本校指南: phrases in includes/source-citing.yml).

`make check` runs this check among the others; alone: python -m guide.checks.copy_lint [--root DIR] [--format text|json]
exit status: 0 no findings, 1 findings, 2 wrong usage
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import autocorrect_py
import codespell_lib
from pymarkdown.api import PyMarkdownApi

from guide.checks import label_marks, source_citing
from guide.checks.parity.facts import FENCE
from guide.sources import site_config, ui_labels
from guide.sources.errors import SourceError

LABELS_FILE = "includes/ui-labels.yml"
PHRASES_FILE = source_citing.PHRASES_FILE
CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.+)$")


@dataclass(frozen=True)
class LintFinding:
    tool: str
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} [{self.tool}]"


def unindent_blocks(text: str) -> str:
    """Admonition and tab bodies are indented four spaces, which CommonMark (and so autocorrect) reads as code.

    Strip the indentation outside fenced code so their prose is linted too; the line count does not change."""
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        out.append(line if in_fence or FENCE.match(line) else line.lstrip(" "))
    return "\n".join(out)


def lint_chinese(text: str, path: str, labels: set[str]) -> list[LintFinding]:
    """中文文案排版指北 findings on one page; a finding whose text is exactly a UI label is the screen's own text."""
    result = autocorrect_py.lint_for(unindent_blocks(text), path)
    return [LintFinding("autocorrect", path, item.line, f"write '{item.new}' for '{item.old}'")
            for item in result.lines if item.old.strip() not in labels]


def lint_marks(text: str, path: str, marks: dict[str, str]) -> list[LintFinding]:
    """A Chinese page's screen labels, each with the mark includes/ui-labels.yml gives it."""
    return [LintFinding("label-marks", path, p.line, p.message) for p in label_marks.mark_problems(text, marks)]


def lint_citing(text: str, path: str, phrases: tuple[str, ...]) -> list[LintFinding]:
    """Lines that cite the guide's own source."""
    return [LintFinding("source-citing", path, line, f"'{phrase}': {source_citing.ADVICE}")
            for line, phrase in source_citing.citing_lines(text, phrases)]


def settings_file(root: Path) -> Path:
    """The pyproject.toml whose [tool.*] settings apply: root's own, else this repository's."""
    return root / "pyproject.toml" if (root / "pyproject.toml").is_file() else ROOT / "pyproject.toml"


def lint_english(paths: list[str], root: Path) -> list[LintFinding]:
    """codespell on the given files (paths relative to root); its output parsed into findings."""
    if not paths:
        return []
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(root):
        codespell_lib.main("--toml", str(settings_file(root).resolve()), *paths)
    found: list[LintFinding] = []
    for line in out.getvalue().splitlines():
        match = CODESPELL_LINE.match(line)
        if match:
            found.append(LintFinding("codespell", match.group("path"), int(match.group("line")),
                                     match.group("message").strip()))
    return found


def lint_markdown(paths: list[str], root: Path) -> list[LintFinding]:
    """pymarkdownlnt with the rules of root/pyproject.toml."""
    found: list[LintFinding] = []
    for path in paths:
        api = PyMarkdownApi().configuration_file_path(str(settings_file(root)))
        result = api.scan_path(str(root / path))
        for item in result.scan_failures:
            found.append(LintFinding("pymarkdown", path, item.line_number,
                                     f"{item.rule_id} {item.rule_name}: {item.rule_description}"
                                     f"{item.extra_error_information}".rstrip()))
    return found


def lint_project(root: Path) -> tuple[list[str], list[LintFinding]]:
    """Every page of root's docs_dir, linted: the page list and the findings."""
    root = root.resolve()
    config = site_config.read(root)
    pages = sorted(p.relative_to(root).as_posix() for p in (root / config.docs_dir).rglob("*.md"))
    table = ui_labels.load_table(root / LABELS_FILE) if (root / LABELS_FILE).is_file() else {}
    labels = set(table)
    chinese = [p for p in pages if re.search(r"\.zh[\w-]*\.md$", p)]
    english = [p for p in pages if p.endswith(".en.md")]
    marks = label_marks.marks_of(table)
    phrases = source_citing.load_phrases(root / PHRASES_FILE) if (root / PHRASES_FILE).is_file() else ()
    # A table that marks no label at all belongs to a project that does not mark them (the test projects).
    found = [LintFinding("label-marks", LABELS_FILE, p.line, p.message)
             for p in (label_marks.unmarked(table) if marks else [])]
    for path in chinese:
        text = (root / path).read_text(encoding="utf-8")
        found += lint_chinese(text, path, labels)
        if marks:
            found += lint_marks(text, path, marks)
    for path in pages:
        found += lint_citing((root / path).read_text(encoding="utf-8"), path, phrases)
    found += lint_english(english, root)
    found += lint_markdown(pages, root)
    return pages, sorted(found, key=lambda f: (f.path, f.line, f.tool, f.message))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project directory holding mkdocs.yml (default: the working folder, where make runs)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    if not (args.root / "mkdocs.yml").is_file():
        print(f"copy: no mkdocs.yml in {args.root}", file=sys.stderr)
        return 2
    try:
        pages, found = lint_project(args.root)
    except (ValueError, SourceError) as err:  # mkdocs.yml or the label table is not valid YAML: it names the line
        print(f"copy: {str(err).replace(f'{args.root.resolve()}/', '')}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps({"pages": pages, "findings": [asdict(f) for f in found]}, ensure_ascii=False, indent=2))
    else:
        for finding in found:
            print(finding)
        print(f"copy: {len(pages)} pages: {len(found)} findings")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
