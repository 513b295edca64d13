"""Words the pages must not use, from CONTENT-QUESTIONS.md (the office decides them, not a test): the words of an
open question (a page that says them guesses the answer; deleting the question's row lifts the guard) and the words
the pages never use. Pages are read as the student reads them (facts filled in), with the templates and the facts.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guide.sources import facts as facts_module
from guide.sources import site_config
from guide.sources.errors import SourceError

QUESTIONS_FILE = "CONTENT-QUESTIONS.md"
NEVER_HEADING = "## Words the pages never use"
QUOTED = re.compile(r"`([^`\n]+)`")


@dataclass(frozen=True)
class Guard:
    words: str
    line: int  # the line of CONTENT-QUESTIONS.md that names it
    question: str  # the open question's number, or "" for words the pages never use
    why: str  # the question, or the reason the words are never used


def parse_guards(text: str) -> tuple[list[Guard], list[str]]:
    """The guards of CONTENT-QUESTIONS.md's two tables, and one line per row that cannot be read."""
    guards: list[Guard] = []
    problems: list[str] = []
    never = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            never = line.strip() == NEVER_HEADING
        if not line.lstrip().startswith("|") or set(line) <= {"|", "-", " ", ":"}:
            continue  # not a table row, or the line under a header
        row = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if never and len(row) == 2 and row[0].lower() in {"words", "words the pages never use"}:
            continue  # the header
        if never and (len(row) != 2 or not QUOTED.search(row[0])):
            problems.append(f"{QUESTIONS_FILE}:{number}: a row of this table needs two cells: the words in "
                            "`backticks`, then why the pages never use them")
        elif never:
            guards += [Guard(words, number, "", row[1]) for words in QUOTED.findall(row[0])]
        elif row[0].isdigit() and len(row) != 4:  # else the header or another table
            problems.append(f"{QUESTIONS_FILE}:{number}: question {row[0]} has {len(row)} cells, the table has 4 "
                            "(#, question, where the answer goes, words the pages must not use while it is open): "
                            "put the words in the last cell, in `backticks`, or leave it empty")
        elif row[0].isdigit():
            guards += [Guard(words, number, row[0], row[1]) for words in QUOTED.findall(row[3])]
    return guards, problems


def page_lines(root: Path, facts: facts_module.Facts | None,
               language_of: Callable[[str], str]) -> list[tuple[str, int, str]]:
    """(file, line, text) of every page as the student reads it (facts filled in), and of the page templates."""
    found: list[tuple[str, int, str]] = []
    for page in sorted((root / "docs").rglob("*.md")):
        src = page.relative_to(root).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        if facts is not None:
            expanded = facts_module.expand(text, facts, language_of(page.name), src)[0]
            if expanded.count("\n") == text.count("\n"):  # each fact fills one line: the lines stay where they were
                text = expanded
        found += [(src, number, line) for number, line in enumerate(text.splitlines(), 1)]
    for template in sorted((root / "overrides").rglob("*.html")):
        src = template.relative_to(root).as_posix()
        lines = template.read_text(encoding="utf-8", errors="replace").splitlines()
        found += [(src, number, line) for number, line in enumerate(lines, 1)]
    data = root / facts_module.FACTS_FILE  # what the e-mail and the page templates show from it, comments aside
    if data.is_file():
        lines = data.read_text(encoding="utf-8", errors="replace").splitlines()
        found += [(facts_module.FACTS_FILE, number, line.split(" #")[0]) for number, line in enumerate(lines, 1)
                  if not line.lstrip().startswith("#")]
    return found


def advice(guard: Guard) -> str:
    if guard.question:
        return (f"question {guard.question} of {QUESTIONS_FILE} (line {guard.line}) is still open: do not guess "
                "the answer; tell the student what to do instead (which line to call). If the office has answered "
                f"it, delete the question's row in {QUESTIONS_FILE}; if the words mean something else here, make the "
                "words in the row's last cell more precise")
    return (f"{QUESTIONS_FILE} (line {guard.line}) says the pages never use these words ({guard.why.rstrip('.')}): "
            "rewrite the sentence")


def guard_problems(root: Path) -> list[str]:
    path = root / QUESTIONS_FILE
    if not path.is_file():
        return []
    guards, problems = parse_guards(path.read_text(encoding="utf-8", errors="replace"))
    if not guards:
        return problems
    try:
        language_of = site_config.read(root).language_of
    except SourceError:  # the content check names what is wrong with mkdocs.yml
        return problems
    try:
        facts = facts_module.load_facts(root)
    except SourceError:  # the content check names what is wrong with includes/facts.yml
        facts = None
    for src, number, line in page_lines(root, facts, language_of):
        lowered = line.lower()
        problems += [f'{src}:{number}: "{guard.words}": {advice(guard)}'
                     for guard in guards if guard.words.lower() in lowered]
    return problems
