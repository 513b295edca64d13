"""A page that lists the e-mail's items by number lists them as includes/facts.yml does: the e-mail follows that file
at once, a list typed on a page does not, and the page and the e-mail must never disagree.
"""
from __future__ import annotations

import re
from pathlib import Path

from guide.sources import facts as facts_module
from guide.sources.errors import SourceError

# "(n)" that opens a list item, or follows a comma in a list written on one line ("(1) 姓名，(2) 证件号码 ..."): not
# "(5) 至 (7)" in a sentence. Its text runs to the next item.
ITEM = re.compile(r"(?:^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s+)?|[,，、;；]\s*)\((?P<number>\d{1,2})\)\s*(?:\*\*)?"
                  r"(?P<text>[\u3400-\u9fff](?:(?![,，、;；]?\s*\(\d{1,2}\)).)*)")


def is_label(text: str, label: str) -> bool:
    """The text starts with the whole label: 姓名 is not the start of 姓名无法修改的页面截图."""
    return text.startswith(label) and not re.match(r"[\u3400-\u9fff]", text[len(label):len(label) + 1])


def page_problems(text: str, src: str, items: list[facts_module.MailItem]) -> list[str]:
    """One line per typed item that is not the facts file's, and per list that leaves an item out."""
    problems: list[str] = []
    listed: list[tuple[int, int]] = []  # (number, line) in the order the page gives them
    for number, line in enumerate(text.splitlines(), 1):
        for match in ITEM.finditer(line):
            n = int(match["number"])
            listed.append((n, number))
            if n > len(items):
                problems.append(f"{src}:{number}: item ({n}): includes/facts.yml lists {len(items)} items for the "
                                "e-mail: remove it here, or add it to mail-to-chsi there")
            elif not is_label(match["text"], items[n - 1].label):
                problems.append(f"{src}:{number}: item ({n}) should be {items[n - 1].label}, as in includes/facts.yml"
                                " (the e-mail lists it so): write the label as it is there, or change it there")
    # Each run of (1), (2) ... on the page is one list; each must name every item once, in order.
    runs: list[list[tuple[int, int]]] = []
    for n, number in listed:
        if n == 1 or not runs:
            runs.append([])
        runs[-1].append((n, number))
    for run in runs:
        numbers = [n for n, _ in run]
        if numbers != list(range(1, len(items) + 1)):
            missing = [n for n in range(1, len(items) + 1) if n not in numbers]
            say = (f"item{'s' if len(missing) > 1 else ''} {', '.join(f'({n}) {items[n - 1].label}' for n in missing)}"
                   f" {'are' if len(missing) > 1 else 'is'} missing" if missing else "the numbers are out of order")
            problems.append(f"{src}:{run[0][1]}: the e-mail's items are listed from here, but {say}:"
                            f" list all {len(items)} of includes/facts.yml's mail-to-chsi, in its order")
    return problems


def list_problems(root: Path) -> list[str]:
    try:
        facts = facts_module.load_facts(root)
    except SourceError:  # the content check names what is wrong with includes/facts.yml
        return []
    if not facts.items:
        return []
    return [problem for page in sorted((root / "docs").rglob("*.md"))
            for problem in page_problems(page.read_text(encoding="utf-8", errors="replace"),
                                         page.relative_to(root).as_posix(), facts.items)]
