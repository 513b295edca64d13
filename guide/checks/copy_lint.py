"""make check's copy stage: Chinese typography (except UI labels, which quote CHSI's screens character for character),
English spelling, Markdown style, each screen label marked as its `mark:` says, and no line citing the guide's source.
"""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import autocorrect_py
import codespell_lib
from pymarkdown.api import PyMarkdownApi

from guide.checks import content
from guide.sources import site_config, ui_labels
from guide.sources.markup import BOLD, HAN, outside_fences

CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.+)$")
KINDS = {"brackets": ("【", "】"), "quotes": ("“", "”"), "plain": ("", "")}
WHAT = {"brackets": "something the student reads on the screen (a box, a result)",
        "quotes": "something the student selects or types (a button, an option, a value)",
        "plain": "a name or a term, not screen text"}
HIDDEN = re.compile(r"`[^`\n]+`|<!--.*?-->")
ADD_MARK = ("add 'mark: brackets' (what the student reads), 'mark: quotes' (what the student selects or types) or "
            "'mark: plain' (a name or a term) to its line")
Finding = tuple[str, int, str, str]  # (path, line, tool, message)


def lint_chinese(text: str, path: str, labels: set[str]) -> list[Finding]:
    """中文文案排版指北 findings on one page; a finding whose text is exactly a UI label is the screen's own text."""
    # Admonition and tab bodies are indented four spaces, which CommonMark (and so autocorrect) reads as code: their
    # prose is linted too, unindented outside fenced code; the line count does not change.
    lines = text.split("\n")
    for number, line in outside_fences(text):
        lines[number - 1] = line.lstrip(" ")
    result = autocorrect_py.lint_for("\n".join(lines), path)
    return [(path, item.line, "autocorrect", f"write '{item.new}' for '{item.old}'")
            for item in result.lines if item.old.strip() not in labels]


def written(label: str, kind: str) -> str:
    opening, closing = KINDS[kind]
    return f"{opening}**{label}**{closing}" if kind != "plain" else label


def line_marks(line: str, marks: dict[str, str]) -> list[str]:
    """What is wrong with the labels on one prose line of a Chinese page; marks: label -> its kind."""
    line = HIDDEN.sub(lambda m: " " * len(m.group(0)), line)
    problems = []
    for match in BOLD.finditer(line):
        label = match.group("label")
        kind = marks.get(label)
        if not HAN.search(label):
            continue
        if kind is None:
            problems.append(f"**{label}** is bolded like a screen label, but {ui_labels.TABLE_FILE} gives it no mark: add it "
                            "there with its mark (brackets: what the student reads; quotes: what the student selects "
                            "or types), or write it without bold")
        elif kind == "plain":
            problems.append(f"**{label}** is {WHAT[kind]}: write it as {label}, without bold")
        elif (line[match.start() - 1:match.start()], line[match.end():match.end() + 1]) != KINDS[kind]:
            problems.append(f"**{label}** is {WHAT[kind]}: write it as {written(label, kind)}")
    for label, kind in marks.items():
        other = {"brackets": "quotes", "quotes": "brackets"}.get(kind)
        if other is None:
            continue
        opening, closing = KINDS[other]
        if re.search(re.escape(opening) + r"(?:\*\*)?" + re.escape(label) + r"(?:\*\*)?" + re.escape(closing), line):
            problems.append(f"{opening}{label}{closing} is marked as {WHAT[other]}, but it is {WHAT[kind]}: "
                            f"write it as {written(label, kind)}")
    return problems


def settings_file(root: Path) -> Path:
    """The pyproject.toml whose [tool.*] settings apply: root's own, else this repository's."""
    return root / "pyproject.toml" if (root / "pyproject.toml").is_file() else ROOT / "pyproject.toml"


def lint_english(paths: list[str], root: Path) -> list[Finding]:
    """codespell on the given files (paths relative to root); its output parsed into findings."""
    if not paths:
        return []
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(root):
        codespell_lib.main("--toml", str(settings_file(root).resolve()), *paths)
    return [(m.group("path"), int(m.group("line")), "codespell", m.group("message").strip())
            for m in map(CODESPELL_LINE.match, out.getvalue().splitlines()) if m]


def lint_markdown(paths: list[str], root: Path) -> list[Finding]:
    """pymarkdownlnt with the rules of root/pyproject.toml."""
    return [(path, item.line_number, "pymarkdown",
             f"{item.rule_id} {item.rule_name}: {item.rule_description}{item.extra_error_information}".rstrip())
            for path in paths
            for item in PyMarkdownApi().configuration_file_path(str(settings_file(root)))
            .scan_path(str(root / path)).scan_failures]


def lint_project(root: Path) -> tuple[list[str], list[Finding]]:
    """Every page of root's docs_dir, linted: the page list and the findings."""
    root = root.resolve()
    config = site_config.read(root)
    pages = sorted(p.relative_to(root).as_posix() for p in (root / config.docs_dir).rglob("*.md"))
    table = ui_labels.load_table(root / ui_labels.TABLE_FILE) if (root / ui_labels.TABLE_FILE).is_file() else {}
    marks = {label: entry.mark for label, entry in table.items() if entry.mark}
    phrases = (content.load_phrases(root / content.PHRASES_FILE) if (root / content.PHRASES_FILE).is_file() else ())
    # A table that marks no label at all belongs to a project that does not mark them (the test projects).
    found = [(str(ui_labels.TABLE_FILE), entry.line, "label-marks", f"label {label} has no mark: {ADD_MARK}")
             for label, entry in table.items() if marks and not entry.mark]
    for path in pages:
        text = (root / path).read_text(encoding="utf-8")
        if re.search(r"\.zh[\w-]*\.md$", path):
            found += lint_chinese(text, path, set(table))
            found += [(path, number, "label-marks", message) for number, line in outside_fences(text)
                      for message in line_marks(line, marks)] if marks else []
        found += [(path, line, "source-citing", f"'{phrase}': {content.ADVICE}")
                  for line, phrase in content.citing_lines(text, phrases)]
    found += lint_english([p for p in pages if p.endswith(".en.md")], root)
    found += lint_markdown(pages, root)
    return pages, sorted(found)
