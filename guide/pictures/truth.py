"""A picture tells the truth about what it is and shows: its pages give its kind's caption and alt text and its
size; a screenshot shows, readable by OCR, each label its steps name, with marker N on the row of step N's label."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.pictures import ocr as shot_ocr
from guide.pictures.spec import Spec
from guide.sources.markup import BOLD

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?:\.\./)*images/(?P<file>[\w.-]+\.png)\)(?:\{(?P<attrs>[^}]*)\})?")
ITEM = re.compile(r"^(\d+)\.\s+(\S.*)$")


@dataclass(frozen=True)
class Step:
    number: int
    line: int
    text: str


@dataclass(frozen=True)
class Use:  # where a page shows a picture, and what it says around it
    page: Path
    line: int
    lang: str
    alt: str
    attrs: dict[str, str]
    caption: str | None
    steps: tuple[Step, ...]


KINDS_FILE = Path("includes/picture-kinds.yml")  # the caption and alt text each kind of picture starts with


def load_kinds(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def expected(kinds: dict, spec: Spec, part: str, lang: str) -> str | None:
    """The caption or alt-text start a page in this language must have for this picture (None: no rule)."""
    text = (kinds.get(spec.kind) or {}).get(part, {}).get(lang)
    return text.format(taken=spec.taken or "") if isinstance(text, str) else None


def steps_after(lines: list[str], start: int) -> tuple[str | None, tuple[Step, ...]]:
    """The caption (the first line after the picture, unless it is already a step) and the ordered list after it."""
    rest = [(n, line) for n, line in enumerate(lines[start:], start + 1) if line.strip()]  # (line number, line)
    caption = rest.pop(0)[1].strip() if rest and not ITEM.match(rest[0][1].strip()) else None
    indent = len(rest[0][1]) - len(rest[0][1].lstrip()) if rest else 0
    steps: list[Step] = []
    for n, line in rest:
        m = ITEM.match(line.strip())
        cur = len(line) - len(line.lstrip())
        if m and cur == indent:
            steps.append(Step(int(m.group(1)), n, m.group(2)))
        elif cur <= indent:
            break
        elif steps:
            steps[-1] = Step(steps[-1].number, steps[-1].line, f"{steps[-1].text} {line.strip()}")
    return caption, tuple(steps)


def uses(docs: Path, filename: str) -> list[Use]:
    found = []
    for md in sorted(docs.glob("*.md")):
        lang = md.stem.rpartition(".")[2]
        lines = md.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            m = next((m for m in IMAGE.finditer(line) if m.group("file") == filename), None)
            if m is None:
                continue
            attrs = dict(re.findall(r"(\w+)=(\S+)", m.group("attrs") or ""))
            caption, steps = steps_after(lines, i + 1)
            found.append(Use(md, i + 1, lang, m.group("alt"), attrs, caption, steps))
    return found


def page_problems(spec: Spec, size: tuple[int, int], places: Iterable[Use], kinds: dict) -> list[str]:
    problems = []
    kind = f"{spec.path} says kind: {spec.kind}"
    for use in places:
        where = f"{use.page}:{use.line}"
        caption, alt = expected(kinds, spec, "caption", use.lang), expected(kinds, spec, "alt", use.lang)
        if caption is not None and use.caption != caption:
            problems.append(f"{where}: caption: the line after {spec.name}.png must read “{caption}” ({kind})")
        if alt is not None and not use.alt.startswith(alt):
            problems.append(f"{where}: alt text: start it with “{alt}” and then say what the picture shows "
                            f"({kind})")
        w, h = size
        if use.attrs.get("width") != str(w) or use.attrs.get("height") != str(h):
            problems.append(f"{where}: size: {spec.name}.png is {w}x{h} pixels: write width={w} height={h}")
    return problems


def judge_screenshot(spec: Spec, lines: Sequence[shot_ocr.Line], places: Iterable[Use], labels: Iterable[str],
                     diameter: int, band: Callable[[int, int], list[shot_ocr.Line]]) -> tuple[list[str], list[str]]:
    """Problems (they fail `make shots` and `make check`) and notes (they rest on the office's word). A label the
    whole reading misses is read again in its marker's row alone (band). One OCR cannot read anywhere but the office
    ticked (`shows`) is a note, and its marker stays where the office put it."""
    known = set(labels)
    problems: dict[object, str] = {}  # the first page's words for each, as notes
    notes: dict[str, str] = {}
    picture = f"images/{spec.name}.png"
    strip = functools.cache(lambda y: shot_ocr.on_row(band(y - diameter, y + diameter), y, diameter))
    for use in places:
        for step in use.steps:
            named = list(dict.fromkeys(label for label in BOLD.findall(step.text) if label in known))
            marker = spec.markers[step.number - 1] if named and step.number <= len(spec.markers) else None
            anywhere = {label: shot_ocr.find_label(lines, label) for label in named}
            beside = {label: shot_ocr.find_label(shot_ocr.on_row(lines, marker.at[1], diameter), label)
                      or shot_ocr.find_label(strip(marker.at[1]), label) for label in named} if marker else {}
            for label in (label for label in named if not anywhere[label] and not beside.get(label)):
                if label in spec.shows:
                    notes.setdefault(label, f"{use.page}:{step.line}: note: step {step.number} names **{label}**, "
                                     f"which OCR cannot read in {picture}; it counts because it is ticked under "
                                     f"“Screen labels the picture shows” ({spec.path}, shows): make sure the picture "
                                     "shows it")
                else:
                    problems.setdefault((step.number, label), f"{use.page}:{step.line}: step {step.number} names "
                                        f"**{label}**, which OCR cannot read in {picture}: use a screenshot that shows "
                                        "it and do not black it out; if the picture does show it, tick it under "
                                        f"“Screen labels the picture shows” (make mark-picture NAME={spec.name})")
            elsewhere = [found for found in anywhere.values() if found is not None]
            if not marker or any(beside.values()) or not elsewhere:
                continue  # on its row, or OCR cannot place the label: the marker stays where the office put it
            rows = ", ".join(f"{found.box.y0}-{found.box.y1}" for found in elsewhere)
            problems.setdefault(step.number, f"{use.page}:{step.line}: marker {step.number} at {list(marker.at)} is "
                                f"not on the row of {', '.join(f'**{label}**' for label in named)}, which step "
                                f"{step.number} names (OCR reads it at height {rows}): move marker {step.number} "
                                f"beside it (make mark-picture NAME={spec.name})")
    unknown = [f"{spec.path}: shows: “{label}” is not in includes/ui-labels.yml: save the markings again "
               f"(make mark-picture NAME={spec.name})" for label in spec.shows if label not in known]
    return list(problems.values()) + unknown, list(notes.values())
