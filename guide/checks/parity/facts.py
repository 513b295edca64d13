"""What a page says that must be the same in every language: read from its Markdown, line by line.

Only the structure is read (headings, images, admonitions, tabs, links, steps, checklist items, UI labels), never
the prose. Fenced code, HTML comments and front matter are skipped; line numbers stay those of the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
FENCE = re.compile(r"^\s*(```|~~~)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]+`")

HEADING = re.compile(r"^\s{0,12}(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
HEADING_ID = re.compile(r"(?:^|\s)#([\w-]+)")
ADMONITION = re.compile(r"^\s*(?P<marker>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)")
TAB = re.compile(r"^\s*===\+?\s+\"")
STEP = re.compile(r"^\s*\d+[.)]\s+\S")
TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s")
IMAGE_INLINE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<src>[^)\s>]+)")
IMAGE_REF = re.compile(r"!\[(?P<text>[^\]]*)\]\[(?P<name>[^\]]*)\]")
IMAGE_HTML = re.compile(r"<img\b[^>]*\bsrc=[\"'](?P<src>[^\"']+)", re.IGNORECASE)
REF_LINK = re.compile(r"(?<![!\]\\])\[(?P<text>[^\]\n]*)\]\[(?P<name>[^\]\n]*)\]")
SHORTCUT = re.compile(r"(?<![!\]\\])\[(?P<name>[^\]\n]+)\](?![\[(:])")
URL = re.compile(r"\b(?:https?://|mailto:|tel:)[^\s)<>\]\"']+")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ()\-]{5,}\d(?!\w)")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BOLD = re.compile(r"\*\*(?P<text>[^*\n]+?)\*\*")


@dataclass(frozen=True)
class Item:
    """One thing found on a page: its line, what it is, and the section (H1/H2 id) it sits in."""

    line: int
    value: str
    section: str


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    id: str | None
    text: str

    @property
    def key(self) -> str:
        """How the heading is matched across languages: its explicit id, or its text when it has none."""
        return self.id if self.id is not None else f"(no id: {self.text})"


@dataclass
class PageFacts:
    headings: list[Heading] = field(default_factory=list)
    images: list[Item] = field(default_factory=list)
    admonitions: list[Item] = field(default_factory=list)
    tabs: list[Item] = field(default_factory=list)
    links: list[Item] = field(default_factory=list)
    undefined_refs: list[Item] = field(default_factory=list)
    steps: list[Item] = field(default_factory=list)
    tasks: list[Item] = field(default_factory=list)
    labels: list[Item] = field(default_factory=list)
    prose: str = ""  # the text outside code and comments, to look a label up in

    def section_line(self, section: str) -> int | None:
        return next((h.line for h in self.headings if h.key == section), None)


def blank_out(text: str) -> str:
    """Front matter and HTML comments replaced by as many newlines, so that line numbers stay true."""
    keep_lines = lambda match: "\n" * match.group(0).count("\n")
    return COMMENT.sub(keep_lines, FRONT_MATTER.sub(keep_lines, text))


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) for every line outside fenced code, with comments and front matter blanked."""
    out: list[tuple[int, str]] = []
    in_fence = False
    for number, line in enumerate(blank_out(text).split("\n"), 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            out.append((number, line))
    return out


def phone_digits(raw: str) -> str | None:
    """A phone number as `+digits` or `digits`; None for things that only look like one (dates, short numbers)."""
    raw = raw.strip()
    digits = re.sub(r"\D", "", raw)
    if DATE.match(raw) or len(digits) < 7:
        return None
    return ("+" if raw.startswith("+") else "") + digits


def addresses(line: str, link_names: set[str]) -> tuple[list[str], list[str]]:
    """External addresses on one line: reference names used (if defined) and literal ones; and undefined names."""
    found: list[str] = []
    undefined: list[str] = []
    line = CODE_SPAN.sub("", line)
    for match in REF_LINK.finditer(line):
        name = (match.group("name") or match.group("text")).strip().lower()
        (found if name in link_names else undefined).append(f"[{name}]")
    rest = REF_LINK.sub(" ", IMAGE_REF.sub(" ", line))
    for match in SHORTCUT.finditer(rest):
        name = match.group("name").strip().lower()
        if name in link_names:
            found.append(f"[{name}]")
    found += URL.findall(rest)
    rest = URL.sub(" ", rest)
    found += [f"e-mail {email}" for email in EMAIL.findall(rest)]
    rest = EMAIL.sub(" ", rest)
    for raw in PHONE.findall(rest):
        digits = phone_digits(raw)
        if digits:
            found.append(f"phone {digits}")
    return found, undefined


def image_key(src: str, locale: str) -> str:
    """An image as compared across languages: its file name, with the page's locale as a name part made `{lang}`.

    `../../downloads/qr-guide-en.svg` on an English page and `../downloads/qr-guide-zh.svg` on the Chinese one are
    the same picture in two languages (relative paths differ because English pages live one level deeper)."""
    name = src.removeprefix("./").rsplit("/", 1)[-1]
    return re.sub(rf"(?<=[-_.]){re.escape(locale)}(?=[-_.])", "{lang}", name) if locale else name


def parse_page(text: str, link_names: set[str], labels: set[str] | None = None, locale: str = "") -> PageFacts:
    """Read a page's structure. link_names: reference names defined for every page; labels: known UI labels;
    locale: the page's language, so that per-language images (`qr-en.svg`, `qr-zh.svg`) compare equal."""
    facts = PageFacts()
    section = "(top)"
    lines = prose_lines(text)
    facts.prose = "\n".join(line for _, line in lines)
    for number, line in lines:
        heading = HEADING.match(line)
        if heading:
            ids = HEADING_ID.findall(heading.group("attrs") or "")
            level = len(heading.group("hashes"))
            facts.headings.append(Heading(number, level, ids[0] if ids else None, heading.group("text")))
            if level <= 2:
                section = facts.headings[-1].key
            continue

        def add(bucket: list[Item], value: str, number: int = number, section: str = section) -> None:
            bucket.append(Item(number, value, section))

        if match := ADMONITION.match(line):
            add(facts.admonitions, f"{match.group('marker')} {match.group('kind')}")
        if TAB.match(line):
            add(facts.tabs, "tab")
        if TASK.match(line):
            add(facts.tasks, "checklist item")
        elif STEP.match(line):
            add(facts.steps, "numbered step")
        for match in [*IMAGE_INLINE.finditer(line), *IMAGE_HTML.finditer(line)]:
            add(facts.images, image_key(match.group("src"), locale))
        for match in IMAGE_REF.finditer(line):
            add(facts.images, f"[{(match.group('name') or match.group('text')).lower()}]")
        found, undefined = addresses(IMAGE_INLINE.sub(" ", line), link_names)
        for value in found:
            add(facts.links, value)
        for value in undefined:
            add(facts.undefined_refs, value)
        for match in BOLD.finditer(CODE_SPAN.sub("", line)):
            label = match.group("text")
            if CJK.search(label) and (labels is None or label in labels):
                add(facts.labels, label)
    return facts
