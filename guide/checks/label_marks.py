"""One way to mark screen labels on Chinese pages, as the office marks them: 【**姓名**】 and “**注册**”.

includes/ui-label-marks.yml sorts the labels of includes/ui-labels.yml into brackets (what the student reads: a box,
a result), quotes (what the student acts on: a button, an option, text to type) and plain (names and terms). A Chinese
page bolds a label and puts its mark around the bold; this check names, with file:line, a bold label without its
mark, a label marked the other way, a plain term in bold, and a bold label the file does not sort yet.
guide/checks/copy_lint.py runs it on every Chinese page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

MARKS_FILE = "includes/ui-label-marks.yml"
KINDS = {"brackets": ("【", "】"), "quotes": ("“", "”"), "plain": ("", "")}
WHAT = {"brackets": "something the student reads on the screen (a box, a result)",
        "quotes": "something the student selects or types (a button, an option, a value)",
        "plain": "a name or a term, not screen text"}
BOLD = re.compile(r"\*\*(?P<label>[^*\n]+?)\*\*")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
FENCE = re.compile(r"^\s*(```|~~~)")
HIDDEN = re.compile(r"`[^`\n]+`|<!--.*?-->")


class MarksError(ValueError):
    """includes/ui-label-marks.yml cannot be used: the message names the file, the line and what to write."""


@dataclass(frozen=True)
class MarkProblem:
    line: int
    message: str


def load_marks(path: Path, labels: set[str] | None = None) -> dict[str, str]:
    """Label -> its kind (brackets, quotes or plain). labels: the label table, to catch a misspelt entry."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise MarksError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML: {getattr(err, 'problem', err)}") from None
    lines = text.splitlines()

    def line_of(word: str, start: int = 1) -> int:
        """The first line from start on that holds word (outside comments); entries may wrap over lines."""
        return next((i for i, line in enumerate(lines, 1) if i >= start and word in line.split("#")[0]), start)

    if not isinstance(data, dict):
        raise MarksError(f"{path}:1: expected the lists brackets:, quotes: and plain:")
    marks: dict[str, str] = {}
    for kind, entries in data.items():
        if kind not in KINDS:
            raise MarksError(f"{path}:{line_of(f'{kind}:')}: unknown list {kind!r}: use brackets, quotes or plain")
        start = line_of(f"{kind}:")
        for label in entries or []:
            label = str(label)
            if label in marks:
                raise MarksError(f"{path}:{line_of(label, start)}: {label} is listed under both {marks[label]} and {kind}: "
                                 "keep it in one list")
            if labels is not None and label not in labels:
                raise MarksError(f"{path}:{line_of(label, start)}: {label} is not a label of includes/ui-labels.yml: "
                                 "check the spelling, or add it there first")
            marks[label] = kind
    return marks


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
            problems.append(f"**{label}** is bolded like a screen label, but {MARKS_FILE} does not say how to mark it:"
                            " add it under brackets (what the student reads) or quotes (what the student selects or "
                            "types), or write it without bold")
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
