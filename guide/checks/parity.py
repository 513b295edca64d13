"""Translation parity: each language's page says what the default language's says (its structure, never its prose,
outside code, comments and front matter, each finding at the file's own line); a page committed after its
counterpart is a warning only.
"""
from __future__ import annotations

import difflib
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from guide.pictures.spec import drawn_text
from guide.sources import facts as facts_module
from guide.sources import site_config, ui_labels
from guide.sources.markup import BOLD, CODE_SPAN, COMMENT, FRONT_MATTER, HAN, front_matter_lines, outside_fences

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

NO_ID = "heading '{}' has no explicit id: add {{#some-id}}, the same in every language"
Finding = tuple[str, int, str]  # (file, line, what is wrong); line 0 is the file as a whole


class Item(NamedTuple):
    line: int
    value: str
    section: str  # the id of the H1/H2 it sits in


class Heading(NamedTuple):
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
    path: str = ""
    headings: list[Heading] = field(default_factory=list)
    # By kind: the images and admonitions, in order; the tabs, numbered steps and checklist items, counted per section;
    # the links, the undefined references and the UI labels.
    items: defaultdict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))
    prose: str = ""  # the text outside code and comments, to look a label up in

    def section_line(self, section: str, fallback: int | None = None) -> int | None:
        return next((h.line for h in self.headings if h.key == section), fallback)


def addresses(line: str, link_names: set[str]) -> tuple[list[str], list[str]]:
    """External addresses on one line: reference names used (if defined) and literal ones; and undefined names."""
    found: list[str] = []
    undefined: list[str] = []
    line = CODE_SPAN.sub("", line)
    for match in REF_LINK.finditer(line):
        name = (match.group("name") or match.group("text")).strip().lower()
        (found if name in link_names else undefined).append(f"[{name}]")
    rest = REF_LINK.sub(" ", IMAGE_REF.sub(" ", line))
    found += [f"[{name}]" for m in SHORTCUT.finditer(rest) if (name := m.group("name").strip().lower()) in link_names]
    found += URL.findall(rest)
    rest = URL.sub(" ", rest)
    found += [f"e-mail {email}" for email in EMAIL.findall(rest)]
    for raw in PHONE.findall(EMAIL.sub(" ", rest)):  # as +digits or digits; dates and short numbers only look like one
        if not DATE.match(raw) and len(digits := re.sub(r"\D", "", raw)) >= 7:
            found.append(("phone +" if raw.startswith("+") else "phone ") + digits)
    return found, undefined


def image_key(src: str, locale: str) -> str:
    """An image by file name, the page's locale as a name part made `{lang}`: qr-guide-en.svg on an English page and
    qr-guide-zh.svg on the Chinese one are one picture (English pages live a folder deeper, so paths differ)."""
    name = src.removeprefix("./").rsplit("/", 1)[-1]
    return re.sub(rf"(?<=[-_.]){re.escape(locale)}(?=[-_.])", "{lang}", name) if locale else name


def parse_page(text: str, link_names: set[str], labels: set[str], locale: str = "", path: str = "") -> PageFacts:
    """A page's structure; link_names: the references facts.yml defines; labels: the known UI labels."""
    facts = PageFacts(path)
    section = "(top)"
    keep_lines = lambda match: "\n" * match.group(0).count("\n")  # blanked: the line numbers stay true
    lines = list(outside_fences(COMMENT.sub(keep_lines, FRONT_MATTER.sub(keep_lines, text))))
    facts.prose = "\n".join(line for _, line in lines)
    for number, line in lines:
        if heading := HEADING.match(line):
            ids = HEADING_ID.findall(heading.group("attrs") or "")
            level = len(heading.group("hashes"))
            facts.headings.append(Heading(number, level, ids[0] if ids else None, heading.group("text")))
            shown = f"{{#{ids[0]}}}" if ids else heading.group("text")
            facts.items["heading"].append(Item(number, f"{'#' * level} {shown}", ""))
            if level <= 2:
                section = facts.headings[-1].key
            continue

        def add(kind: str, value: str, number: int = number, section: str = section) -> None:
            facts.items[kind].append(Item(number, value, section))

        if match := ADMONITION.match(line):
            add("admonition", f"{match.group('marker')} {match.group('kind')}")
        if TAB.match(line):
            add("tab", "tab")
        if TASK.match(line):
            add("checklist item", "checklist item")
        elif STEP.match(line):
            add("numbered step", "numbered step")
        for match in [*IMAGE_INLINE.finditer(line), *IMAGE_HTML.finditer(line)]:
            add("image", image_key(match.group("src"), locale))
        for match in IMAGE_REF.finditer(line):
            add("image", f"[{(match.group('name') or match.group('text')).lower()}]")
        found, undefined = addresses(IMAGE_INLINE.sub(" ", line), link_names)
        for kind, values in (("link", found), ("undefined", undefined)):
            for value in values:
                add(kind, value)
        for label in (m.group("label") for m in BOLD.finditer(CODE_SPAN.sub("", line))):
            if HAN.search(label) and label in labels:
                add("label", label)
    return facts


def compare_sequence(kind: str, ref: PageFacts, tr: PageFacts) -> list[Finding]:
    """Things that must appear in the same order (headings, images, admonitions): what is missing or extra."""
    found: list[Finding] = []
    ref_items, tr_items = ref.items[kind], tr.items[kind]
    a, b = [item.value for item in ref_items], [item.value for item in tr_items]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "replace" and kind == "heading" and i2 - i1 == j2 - j1:  # headings changed in place
            found += [(tr.path, tr_items[j].line, f"heading {b[j]} where {ref.path}:{ref_items[i].line} has {a[i]}")
                      for i, j in zip(range(i1, i2), range(j1, j2))]
        elif op != "equal":
            found += [(tr.path, tr_items[j].line, f"{kind} {b[j]} is not in {ref.path}") for j in range(j1, j2)]
            last = tr_items[-1].line if kind == "heading" and b else 1  # a heading's section is its own: ""
            found += [(tr.path, tr_items[j1].line if j1 < len(b) else tr.section_line(item.section, last),
                       f"{kind} {item.value} of {ref.path}:{item.line} is missing here") for item in ref_items[i1:i2]]
    return found


def compare_counts(kind: str, ref: PageFacts, tr: PageFacts) -> list[Finding]:
    """Per section (H1/H2 id) the same number of items (numbered steps, checklist items, tabs)."""
    found: list[Finding] = []
    ref_items, tr_items = ref.items[kind], tr.items[kind]
    want, have = Counter(item.section for item in ref_items), Counter(item.section for item in tr_items)
    for section in dict.fromkeys([i.section for i in ref_items] + [i.section for i in tr_items]):
        if want[section] == have[section]:
            continue
        if section != "(top)" and (tr.section_line(section) is None or ref.section_line(section) is None):
            continue  # the section itself is missing on one side: the heading check says so
        line = tr.section_line(section, next((i.line for i in tr_items if i.section == section), 1))
        noun = kind if have[section] == 1 else f"{kind}s"
        found.append((tr.path, line, (f"section #{section} has {have[section]} {noun}, "
                                      f"{ref.path}:{ref.section_line(section) or 1} has {want[section]}")))
    return found


def compare_links(ref: PageFacts, tr: PageFacts) -> list[Finding]:
    """Links, e-mails and phone numbers that must appear on both pages, in any order and number."""
    ref_first, tr_first = ({i.value: i for i in reversed(page.items["link"])} for page in (ref, tr))
    return ([(tr.path, tr.section_line(i.section, 1), f"link {v} of {ref.path}:{i.line} is missing here")
             for v, i in sorted(ref_first.items()) if v not in tr_first]
            + [(tr.path, i.line, f"link {v} is not in {ref.path}") for v, i in sorted(tr_first.items()) if v not in ref_first])


def compare_labels(ref: PageFacts, tr: PageFacts) -> list[Finding]:
    """A label bold on one page must occur on the other: bold there too, or (in Chinese prose) as plain text."""
    def absent(page: PageFacts, other: PageFacts) -> dict[str, Item]:  # each at its first place on the page
        bold = {item.value for item in other.items["label"]}
        return {i.value: i for i in reversed(page.items["label"]) if i.value not in bold and i.value not in other.prose}

    return ([(tr.path, tr.section_line(i.section, 1), f"UI label **{v}** of {ref.path}:{i.line} is missing here")
             for v, i in absent(ref, tr).items()]
            + [(tr.path, i.line, f"UI label **{v}** does not occur in {ref.path}") for v, i in absent(tr, ref).items()])


def label_findings(root: Path, glossed_pages: list[tuple[str, str]], labels: dict[str, str]) -> list[Finding]:
    """The build hook's gloss check on every English page (path, text), and table entries no English page uses."""
    found: list[Finding] = []
    used: set[str] = set()
    for path, text in glossed_pages:
        skip = front_matter_lines(text)
        body = "\n".join(text.split("\n")[skip:])
        for problem in ui_labels.check_english(body, labels, path, skip + 1)[1]:
            file, line, message = re.match(r"(.*?):(\d+): (.*)", problem, re.DOTALL).groups()
            found.append((file, int(line), message))
        used |= {m.group("label") for m in ui_labels.BOLD.finditer(body)}
    # A label a picture draws is explained by the glossary even when the page's steps refer to it briefly.
    drawn = drawn_text(root / "shots")
    table = (root / ui_labels.TABLE_FILE).read_text(encoding="utf-8").splitlines()
    if glossed_pages:
        found += [(str(ui_labels.TABLE_FILE), next((i for i, line in enumerate(table, 1)
                                      if line.startswith((f"{label}:", f'"{label}":'))), 0),
                   f"label {label} is used on no English page and drawn in no picture: remove it")
                  for label in labels if label not in used and label not in drawn]
    return found


def stale_pairs(root: Path, config: site_config.SiteConfig, pages: dict[str, dict[str, PageFacts]]) -> list[Finding]:
    """A language's page committed after its counterpart in the default language, or before: the older is named."""
    proc = subprocess.run(["git", "log", "--name-only", "--format=%x00%h %cs", "--", config.docs_dir],
                          cwd=root, capture_output=True, text=True, check=False)
    newest: dict[str, tuple[int, str, str]] = {}  # path -> (order, 0 the newest; sha; date) of its last commit
    for order, commit in enumerate((proc.stdout if proc.returncode == 0 else "").split("\x00")[1:]):
        head, *files = commit.strip().splitlines()
        sha, _, date = head.partition(" ")
        for file in filter(None, map(str.strip, files)):
            newest.setdefault(file, (order, sha, date))
    found: list[Finding] = []
    for files in pages.values():
        ref = files.get(config.default.code)
        for page in files.values():
            if ref is None or page is ref or ref.path not in newest or page.path not in newest:
                continue
            (new, new_c), (old, old_c) = sorted([(p.path, newest[p.path]) for p in (ref, page)], key=lambda x: x[1][0])
            if new_c[0] != old_c[0]:
                found.append((old, 0, (f"possibly outdated: {new} changed in a later commit ({new_c[1]}, "
                                       f"{new_c[2]}) than this file ({old_c[1]}, {old_c[2]})")))
    return found


def check_project(root: Path) -> tuple[list[str], list[str], str]:
    """The parity check over the project at root, its git history included: (problems, warnings, summary line)."""
    config = site_config.read(root)
    docs, locales = config.docs_dir, config.codes
    facts = facts_module.load_facts(root) if (root / facts_module.FACTS_FILE).is_file() else None
    # Pages name the facts ({{ hotline-en }}, [words][chsi-home]): compare them as the build shows them.
    defined = {name.strip().lower() for name in facts.references()} if facts else set()
    labels = ui_labels.load_labels(root / ui_labels.TABLE_FILE) if (root / ui_labels.TABLE_FILE).is_file() else {}
    problems: list[Finding] = []
    pages: dict[str, dict[str, PageFacts]] = {}
    texts: dict[str, str] = {}
    for file in sorted((root / docs).rglob("*.md"), key=lambda p: p.relative_to(root / docs).as_posix()):
        path = file.relative_to(root).as_posix()
        match = re.match(r"^(?P<base>.+)\.(?P<locale>[A-Za-z_-]+)\.md$", path.removeprefix(f"{docs}/"))
        if not match or match["locale"] not in locales:
            problems.append((path, 0, (f"no language suffix ({', '.join(f'.{code}.md' for code in locales)}): "
                                       "each page needs one file per language")))
            continue
        text = file.read_text(encoding="utf-8")
        texts[path] = facts_module.expand(text, facts, config.language_of(path), path)[0] if facts else text
        page = parse_page(texts[path], defined, set(labels), match["locale"], path)
        pages.setdefault(match["base"], {})[match["locale"]] = page
        links_file = facts_module.FACTS_FILE if facts else "a links file"
        problems += [(path, i.line, f"reference {i.value} is not defined in {links_file}: it would show as plain text")
                     for i in page.items["undefined"]]
    for files in pages.values():  # every difference between a page and the default language's, on the former
        ref = files.get(config.default.code)
        for tr in (page for page in files.values() if ref and page is not ref):
            problems += [(page.path, h.line, NO_ID.format(h.text)) for page in (ref, tr) for h in page.headings
                         if h.id is None]
            problems += [*compare_links(ref, tr), *compare_labels(ref, tr),
                         *(f for kind in ("heading", "image", "admonition") for f in compare_sequence(kind, ref, tr)),
                         *(f for kind in ("tab", "numbered step", "checklist item") for f in compare_counts(kind, ref, tr))]
    glossed = [lang.code for lang in config.languages if not lang.default]  # languages that gloss CHSI's labels
    if glossed and labels:
        problems += label_findings(root, [(p.path, texts[p.path]) for files in pages.values() for code in glossed
                                          if (p := files.get(code))], labels)
    shown = [f"{path}:{line}: {message}" if line else f"{path}: {message}" for path, line, message in sorted(problems)]
    warnings = [f"{path}: warning: {message}" for path, _, message in sorted(stale_pairs(root, config, pages))]
    return shown, warnings, (f"parity: {len(pages)} pages in {len(locales)} languages ({', '.join(locales)}): "
                             f"{len(shown)} problems, {len(warnings)} warnings")
