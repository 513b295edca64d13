"""When a person last compared each page with CHSI (includes/checked.yml); an undated page must say so."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.sources.errors import SourceError, fields, line, scalar, yaml_error

CHECKED_FILE = "includes/checked.yml"
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
PERIOD = re.compile(r"^(\d{1,3})\s+(day|week|month)s?$")
KEYS = ("review_in", "pages", "undated")
HOW = "write the day you compared the page with CHSI as YYYY-MM-DD, e.g. register: 2026-12-06"


@dataclass(frozen=True)
class Period:
    count: int
    unit: str  # day, week or month

    def after(self, day: dt.date) -> dt.date:
        """The day this period after `day` (a month later than 31 August is 30 September)."""
        if self.unit != "month":
            return day + dt.timedelta(**{f"{self.unit}s": self.count})
        months = day.month - 1 + self.count
        year, month = day.year + months // 12, months % 12 + 1
        return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Review:
    page: str           # the page's name: docs/NAME.zh.md and docs/NAME.en.md
    checked: dt.date    # the day a person compared it with CHSI
    review_in: Period   # how long that check holds
    line: int           # its line in includes/checked.yml

    @property
    def review_by(self) -> dt.date:
        """The first day the check no longer holds."""
        return self.review_in.after(self.checked)

    def days_left(self, today: dt.date) -> int:
        return (self.review_by - today).days


Checked = dict[str, Review]  # each dated page's name -> its review


def page_name(src_uri: str) -> str:
    """docs/register.zh.md, register.en.md -> register."""
    name = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    return name.rsplit(".", 1)[0]


def _period(node: yaml.Node, problems: list[str]) -> Period | None:
    text = scalar(node)
    match = PERIOD.match(text)
    if not match or int(match[1]) == 0:
        problems.append(f"{CHECKED_FILE}:{line(node)}: review_in: {text or '(empty)'} is not a period: write a "
                        "number and days, weeks or months, e.g. review_in: 6 months")
        return None
    return Period(int(match[1]), match[2])


def _date(node: yaml.Node, name: str, today: dt.date, problems: list[str]) -> dt.date | None:
    text = scalar(node)
    try:
        day = dt.date.fromisoformat(text) if DATE.match(text) else None
    except ValueError:
        day = None
    if day is None:
        problems.append(f"{CHECKED_FILE}:{line(node)}: {name}: {text or '(empty)'} is not a date: {HOW}")
    elif day > today:
        problems.append(f"{CHECKED_FILE}:{line(node)}: {name}: {text} is in the future: a page is checked on a day "
                        f"that has come; {HOW}")
        return None
    return day


def parse_checked(text: str, pages: list[str], today: dt.date) -> tuple[Checked | None, list[str]]:
    """The file's content, or None and one 'includes/checked.yml:LINE: what to do' per mistake; each of `pages` must
    be dated or undated."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, CHECKED_FILE)
        return None, [f"{where}: not valid YAML ({problem}): compare the line with the lines around it"]
    if not isinstance(root, yaml.MappingNode):
        return None, [f"{CHECKED_FILE}:1: expected review_in:, pages: and undated: (see the comment at the top)"]
    top = fields(root)
    problems = [f"{CHECKED_FILE}:{line(key)}: {key.value}: is not known here: the file holds only review_in:, "
                "pages: and undated:" for key, _value in top.values() if key.value not in KEYS]
    missing = [key for key in KEYS if key not in top]
    if missing:
        return None, problems + [(f"{CHECKED_FILE}:1: {', '.join(k + ':' for k in missing)} missing: the file holds "
                                 "review_in:, pages: and undated: (see the comment at the top)")]
    default = _period(top["review_in"][1], problems)
    pages_node, undated_node = top["pages"][1], top["undated"][1]
    known = set(pages)
    seen: dict[str, int] = {}
    reviews: dict[str, Review] = {}

    def name_of(node: yaml.Node) -> str | None:
        name = scalar(node)
        if name not in known:
            problems.append(f"{CHECKED_FILE}:{line(node)}: {name or '(empty)'} is not a page of docs/: write a page's "
                            f"name without its language and .md ({', '.join(sorted(known))})")
            return None
        if name in seen:
            problems.append(f"{CHECKED_FILE}:{line(node)}: {name} is listed already on line {seen[name]}: "
                            "give each page one line")
            return None
        seen[name] = line(node)
        return name

    if not isinstance(pages_node, yaml.MappingNode):
        problems.append(f"{CHECKED_FILE}:{line(pages_node)}: pages: needs one line per page, e.g. register: "
                        "2026-12-06")
    else:
        for key, value in pages_node.value:
            name = name_of(key)
            if isinstance(value, yaml.MappingNode):
                entry = fields(value)
                if set(entry) - {"checked", "review_in"} or "checked" not in entry:
                    problems.append(f"{CHECKED_FILE}:{line(value)}: write {key.value}: {{checked: YYYY-MM-DD}} or "
                                    f"{key.value}: {{checked: YYYY-MM-DD, review_in: 3 months}}")
                    continue
                day = _date(entry["checked"][1], "checked", today, problems)
                period = _period(entry["review_in"][1], problems) if "review_in" in entry else default
            else:
                day, period = _date(value, key.value, today, problems), default
            if name and day and period:
                reviews[name] = Review(name, day, period, line(key))
    if isinstance(undated_node, yaml.SequenceNode):
        for node in undated_node.value:
            name_of(node)
    elif not isinstance(undated_node, yaml.ScalarNode) or undated_node.value not in ("", "[]"):  # "": none undated
        problems.append(f"{CHECKED_FILE}:{line(undated_node)}: undated: needs a list of pages, one per line "
                        "(- glossary)")
    for name in sorted(known - set(seen)):
        problems.append(f"{CHECKED_FILE}:{line(pages_node)}: docs/{name}.zh.md and docs/{name}.en.md have no line: "
                        f"add `  {name}: YYYY-MM-DD` under pages: (the day you compared the page with CHSI), or "
                        "list it under undated: if it says nothing about CHSI's screens")
    if problems or default is None:
        return None, problems
    return reviews, []


def docs_pages(root: Path) -> list[str]:
    """The names of the pages of docs/ (each page's Chinese file stands for the pair)."""
    return sorted(page_name(p.name) for p in (root / "docs").glob("*.zh.md"))


def load_checked(root: Path, today: dt.date | None = None) -> Checked:
    """root's includes/checked.yml; any mistake raises SourceError naming the file and line of each."""
    path = root / CHECKED_FILE
    if not path.is_file():
        raise SourceError(f"{CHECKED_FILE}: missing: it holds the day each page was last compared with CHSI "
                          "(README.md, Check a page against CHSI)")
    checked, problems = parse_checked(path.read_text(encoding="utf-8"), docs_pages(root), today or dt.date.today())
    if checked is None:
        raise SourceError("\n".join(problems))
    return checked
