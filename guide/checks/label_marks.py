"""One way to mark screen labels on Chinese pages, as the office marks them: 【**姓名**】 and “**注册**”.

Each label of includes/ui-labels.yml says its mark on its own line: brackets (what the student reads: a box, a
result), quotes (what the student acts on: a button, an option, text to type) or plain (names and terms). A Chinese
page bolds a label and puts its mark around the bold; this check names, with file:line, a bold label without its
mark, a label marked the other way, a plain term in bold, and, in the table, a label that has no mark yet.
guide/checks/copy_lint.py runs it on every Chinese page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from guide.sources import ui_labels

TABLE_FILE = str(ui_labels.TABLE_FILE)
KINDS = {"brackets": ("【", "】"), "quotes": ("“", "”"), "plain": ("", "")}
WHAT = {"brackets": "something the student reads on the screen (a box, a result)",
        "quotes": "something the student selects or types (a button, an option, a value)",
        "plain": "a name or a term, not screen text"}
BOLD = re.compile(r"\*\*(?P<label>[^*\n]+?)\*\*")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
FENCE = re.compile(r"^\s*(```|~~~)")
HIDDEN = re.compile(r"`[^`\n]+`|<!--.*?-->")
ADD_MARK = ("add 'mark: brackets' (what the student reads), 'mark: quotes' (what the student selects or types) or "
            "'mark: plain' (a name or a term) to its line")


@dataclass(frozen=True)
class MarkProblem:
    line: int
    message: str


def marks_of(table: dict[str, ui_labels.Label]) -> dict[str, str]:
    """Label -> its kind (brackets, quotes or plain), for the labels whose line gives one."""
    return {label: entry.mark for label, entry in table.items() if entry.mark}


def unmarked(table: dict[str, ui_labels.Label]) -> list[MarkProblem]:
    """One problem per label of the table without its mark, at the label's line in includes/ui-labels.yml."""
    return [MarkProblem(entry.line, f"label {label} has no mark: {ADD_MARK}")
            for label, entry in table.items() if not entry.mark]


def written(label: str, kind: str) -> str:
    opening, closing = KINDS[kind]
    return f"{opening}**{label}**{closing}" if kind != "plain" else label


def line_problems(line: str, marks: dict[str, str]) -> list[str]:
    """What is wrong with the labels on one prose line of a Chinese page."""
    line = HIDDEN.sub(lambda m: " " * len(m.group(0)), line)
    problems = []
    for match in BOLD.finditer(line):
        label = match.group("label")
        if not CJK.search(label):
            continue
        kind = marks.get(label)
        if kind is None:
            problems.append(f"**{label}** is bolded like a screen label, but {TABLE_FILE} gives it no mark: add it "
                            "there with its mark (brackets: what the student reads; quotes: what the student selects "
                            "or types), or write it without bold")
            continue
        if kind == "plain":
            problems.append(f"**{label}** is {WHAT[kind]}: write it as {label}, without bold")
            continue
        opening, closing = KINDS[kind]
        before, after = line[match.start() - 1:match.start()], line[match.end():match.end() + 1]
        if (before, after) != (opening, closing):
            problems.append(f"**{label}** is {WHAT[kind]}: write it as {written(label, kind)}")
    for label, kind in marks.items():
        if kind == "plain":
            continue
        other = "quotes" if kind == "brackets" else "brackets"
        opening, closing = KINDS[other]
        if re.search(re.escape(opening) + r"(?:\*\*)?" + re.escape(label) + r"(?:\*\*)?" + re.escape(closing), line):
            problems.append(f"{opening}{label}{closing} is marked as {WHAT[other]}, but it is {WHAT[kind]}: "
                            f"write it as {written(label, kind)}")
    return problems


def mark_problems(text: str, marks: dict[str, str]) -> list[MarkProblem]:
    """Every problem on a Chinese page, with its line in the file (fenced code skipped)."""
    found: list[MarkProblem] = []
    in_fence = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            found += [MarkProblem(number, message) for message in line_problems(line, marks)]
    return found
