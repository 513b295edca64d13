"""Words the pages must not use, from CONTENT-QUESTIONS.md: the office decides them, not a test.

Two tables of CONTENT-QUESTIONS.md hold them, each word or phrase in `backticks`:
- the questions table's last column, "Words the pages must not use while it is open": while a question is open, a
  page that says, for example, `UTC+8` (question 7, the hotlines' hours) guesses the answer. Answering the question
  (deleting its row, as README.md says) lifts the guard;
- the table under "## Words the pages never use": words the office's guide does not support, whatever is open.

Every page (docs/*.md, facts such as {{ hotline-en }} filled in, as the student reads them), the page templates
(overrides/*.html) and includes/facts.yml (the e-mail's words) are searched, ignoring case. One line per use: file:line, the words, and what to do.
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


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def parse_guards(text: str) -> tuple[list[Guard], list[str]]:
    """The guards of CONTENT-QUESTIONS.md's two tables, and one line per row that cannot be read."""
    guards: list[Guard] = []
    problems: list[str] = []
    never = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            never = line.strip() == NEVER_HEADING
            continue
        if not line.lstrip().startswith("|"):
            continue
        row = cells(line)
        if never:
            if len(row) != 2 or set(row[0]) <= {"-", " ", ":"} or not QUOTED.search(row[0]):
                if len(row) == 2 and row[0].lower() in {"words", "words the pages never use"}:
                    continue  # the header
                if set(line) <= {"|", "-", " ", ":"}:
                    continue  # the line under the header
                problems.append(f"{QUESTIONS_FILE}:{number}: a row of this table needs two cells: the words in "
                                "`backticks`, then why the pages never use them")
                continue
            guards += [Guard(words, number, "", row[1]) for words in QUOTED.findall(row[0])]
            continue
        if not row[0].isdigit():
            continue  # the header, the line under it, or another table
        if len(row) != 4:
            problems.append(f"{QUESTIONS_FILE}:{number}: question {row[0]} has {len(row)} cells, the table has 4 "
                            "(#, question, where the answer goes, words the pages must not use while it is open): "
                            "put the words in the last cell, in `backticks`, or leave it empty")
            continue
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
                f"it, delete the question's row in {QUESTIONS_FILE}")
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
