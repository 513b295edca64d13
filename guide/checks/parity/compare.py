"""Compare a translation's facts with the default language's page and say, line by line, where they differ."""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass

from .facts import Heading, Item, PageFacts


@dataclass(frozen=True)
class Finding:
    """One line of the report. line None: the file as a whole (a missing page)."""

    path: str
    line: int | None
    message: str
    severity: str = "error"  # "error" fails the check; "warning" is reported only

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"

    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.line or 0, self.message)


@dataclass(frozen=True)
class Page:
    """A page file of one language: where it is (as reported) and what it says."""

    path: str
    facts: PageFacts


def heading_text(heading: Heading) -> str:
    return f"{'#' * heading.level} {{#{heading.id}}}" if heading.id else f"{'#' * heading.level} {heading.text}"


def anchor(page: Page, section: str, fallback: int = 1) -> int:
    """The line where something missing from a section should go: that section's heading, else fallback."""
    return page.facts.section_line(section) or fallback


def compare_headings(ref: Page, tr: Page) -> list[Finding]:
    """Same heading ids, levels and order; each heading has an explicit id."""
    found = [
        Finding(page.path, h.line,
                f"heading '{h.text}' has no explicit id: add {{#some-id}}, the same in every language")
        for page in (ref, tr) for h in page.facts.headings if h.id is None
    ]
    a = [heading_text(h) for h in ref.facts.headings]
    b = [heading_text(h) for h in tr.facts.headings]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                found.append(Finding(tr.path, tr.facts.headings[j].line,
                                     f"heading {b[j]} where {ref.path}:{ref.facts.headings[i].line} has {a[i]}"))
            continue
        for j in range(j1, j2):
            found.append(Finding(tr.path, tr.facts.headings[j].line, f"heading {b[j]} is not in {ref.path}"))
        line = tr.facts.headings[j1].line if j1 < len(b) else (tr.facts.headings[-1].line if b else 1)
        for i in range(i1, i2):
            found.append(Finding(tr.path, line,
                                 f"heading {a[i]} of {ref.path}:{ref.facts.headings[i].line} is missing here"))
    return found


def compare_sequence(kind: str, ref: Page, tr: Page, ref_items: list[Item], tr_items: list[Item]) -> list[Finding]:
    """Things that must appear in the same order (images, admonitions): report what is missing or extra."""
    found: list[Finding] = []
    a = [item.value for item in ref_items]
    b = [item.value for item in tr_items]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for j in range(j1, j2):
            found.append(Finding(tr.path, tr_items[j].line, f"{kind} {b[j]} is not in {ref.path}"))
        for i in range(i1, i2):
            item = ref_items[i]
            line = tr_items[j1].line if j1 < len(b) else anchor(tr, item.section)
            found.append(Finding(tr.path, line, f"{kind} {a[i]} of {ref.path}:{item.line} is missing here"))
    return found


def compare_sets(kind: str, ref: Page, tr: Page, ref_items: list[Item], tr_items: list[Item]) -> list[Finding]:
    """Things that must appear on both pages, in any order and number (links, UI labels)."""
    found: list[Finding] = []
    ref_values = {item.value for item in ref_items}
    tr_values = {item.value for item in tr_items}
    for value in sorted(ref_values - tr_values):
        item = next(i for i in ref_items if i.value == value)
        found.append(Finding(tr.path, anchor(tr, item.section),
                             f"{kind} {value} of {ref.path}:{item.line} is missing here"))
    for value in sorted(tr_values - ref_values):
        item = next(i for i in tr_items if i.value == value)
        found.append(Finding(tr.path, item.line, f"{kind} {value} is not in {ref.path}"))
    return found


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def compare_counts(kind: str, ref: Page, tr: Page, ref_items: list[Item], tr_items: list[Item]) -> list[Finding]:
    """Per section (H1/H2 id) the same number of items (numbered steps, checklist items, tabs)."""
    found: list[Finding] = []
    want = Counter(item.section for item in ref_items)
    have = Counter(item.section for item in tr_items)
    sections = list(dict.fromkeys([i.section for i in ref_items] + [i.section for i in tr_items]))
    for section in sections:
        if want[section] == have[section]:
            continue
        if section != "(top)" and (tr.facts.section_line(section) is None or ref.facts.section_line(section) is None):
            continue  # the section itself is missing on one side: the heading check says so
        line = anchor(tr, section, next((i.line for i in tr_items if i.section == section), 1))
        ref_line = ref.facts.section_line(section) or 1
        found.append(Finding(tr.path, line, f"section #{section} has {plural(have[section], kind)}, "
                                            f"{ref.path}:{ref_line} has {want[section]}"))
    return found


def compare_pages(ref: Page, tr: Page) -> list[Finding]:
    """Every difference between a page and its translation, as findings on the translation."""
    r, t = ref.facts, tr.facts
    return [
        *compare_headings(ref, tr),
        *compare_sequence("image", ref, tr, r.images, t.images),
        *compare_sequence("admonition", ref, tr, r.admonitions, t.admonitions),
        *compare_counts("tab", ref, tr, r.tabs, t.tabs),
        *compare_counts("numbered step", ref, tr, r.steps, t.steps),
        *compare_counts("checklist item", ref, tr, r.tasks, t.tasks),
        *compare_sets("link", ref, tr, r.links, t.links),
        *compare_labels(ref, tr),
    ]


def compare_labels(ref: Page, tr: Page) -> list[Finding]:
    """A label bold on one page must occur on the other: bold there too, or (in Chinese prose) as plain text."""
    found: list[Finding] = []
    tr_values = {item.value for item in tr.facts.labels}
    ref_values = {item.value for item in ref.facts.labels}
    for item in ref.facts.labels:
        if item.value not in tr_values and item.value not in tr.facts.prose:
            found.append(Finding(tr.path, anchor(tr, item.section),
                                 f"UI label **{item.value}** of {ref.path}:{item.line} is missing here"))
            tr_values.add(item.value)
    for item in tr.facts.labels:
        if item.value not in ref_values and item.value not in ref.facts.prose:
            found.append(Finding(tr.path, item.line, f"UI label **{item.value}** does not occur in {ref.path}"))
            ref_values.add(item.value)
    return found


def undefined_references(page: Page, links_file: str) -> list[Finding]:
    """Reference links whose name is not defined: Markdown would print them as plain text."""
    return [Finding(page.path, item.line, f"reference {item.value} is not defined in {links_file}: "
                                          f"it would show as plain text")
            for item in page.facts.undefined_refs]
