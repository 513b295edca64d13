"""The Chinese UI labels of includes/ui-labels.yml: read, checked on the pages, glossed and marked as Chinese."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.sources.errors import SourceError, yaml_error
from guide.sources.markup import CODE_SPAN, COMMENT, TAG, prose_lines
from guide.sources.words import CHINESE, words

TABLE_FILE = Path("includes/ui-labels.yml")
GLOSSARY_MARKER = "<!-- ui-labels-table -->"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
# A bold run, an optional attribute list the author wrote, and an optional bracketed gloss after it.
BOLD = re.compile(r"\*\*(?P<label>[^*\n]+?)\*\*(?P<attrs>\{[^}\n]*\})?(?P<gloss> \((?P<text>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\))?")

# Where a label comes from: "quoted" when the office's guide names it; "assumption" when it does not and the office
# has yet to confirm it (CONTENT-QUESTIONS.md). Pictures may draw only quoted labels. A page never cites its source,
# so it does not say that a label is assumed; but the real screen may not show an assumed label, so a line using one
# must give the student a way out on that same line: a hotline ({{ hotline-en }}) or a link to the contact page.
SOURCES = ("quoted", "assumption")
HELP_ON_LINE = re.compile(r"\{\{\s*hotline-[\w-]+\s*\}\}|\]\[hotline-[\w-]+\]|\]\(<?tel:|\]\((?:\.\./)*contact\.md")
# Besides labels, the table holds the student's words for search, on a label or under this top-level key
# (guide/outputs/search_synonyms.py).
SEARCH_KEY = "search"
# How Chinese pages mark a label (its `mark:`): 【**label**】, “**label**”, or plain text (guide/checks/copy_lint.py).
MARKS = ("brackets", "quotes", "plain")
# Chinese search keeps each label a student might type whole: jieba, which segments the Chinese index at build time,
# learns every label of at most SEARCH_WORD_LENGTH characters that it can hold as one word (no space or punctuation,
# which the index's separator splits on anyway). A longer label is a sentence or a phrase: kept whole, its words
# (居民身份证 in 中国大陆地区用户推荐设置居民身份证) could no longer be found.
JIEBA_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
SEARCH_WORD_LENGTH = 5
JIEBA_FREQUENCY = 1000  # as the hand-kept words of includes/jieba-user-dict.txt


@dataclass(frozen=True)
class Label:
    gloss: str
    source: str
    line: int
    copy: bool = False  # a text the student must enter or choose: pages give it a copy button (guide/rendering/copy_buttons.py)
    mark: str = ""      # how Chinese pages mark it: brackets, quotes or plain (guide/checks/copy_lint.py); "" not yet


def load_table(path: Path) -> dict[str, Label]:
    """Read the label table; a malformed table stops the build with the file, the line and what to write."""
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise SourceError(f"{path}: missing (the table of Chinese UI labels and their English glosses)") from None
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, path)
        raise SourceError(f"{where}: not valid YAML ({problem}): check the indentation (spaces, "
                          "not tabs) and put a value with a colon in quotes") from None
    if not isinstance(data, dict) or not data:
        raise SourceError(f"{path}: expected a mapping of Chinese label -> {{gloss: ..., source: quoted}}")
    lines = text.splitlines()
    table: dict[str, Label] = {}
    for label, entry in data.items():
        if label == SEARCH_KEY:
            continue  # the student's words for the guide's own words: guide/outputs/search_synonyms.py reads them
        line = next((i for i, text in enumerate(lines, 1) if text.startswith(f"{label}:")), 0)
        example = f"{label}: {{gloss: English meaning, source: quoted}}"
        if not isinstance(label, str) or not isinstance(entry, dict):
            raise SourceError(f"{path}:{line}: label {label!r}: write it as '{example}'")
        gloss, source = entry.get("gloss"), entry.get("source")
        if not isinstance(gloss, str) or not gloss.strip():
            raise SourceError(f"{path}:{line}: label {label!r} needs a one-line English gloss: '{example}'")
        if source not in SOURCES:
            raise SourceError(f"{path}:{line}: label {label!r}: source is {source!r}; write 'source: quoted' if the "
                              "office's guide names it, else 'source: assumption'")
        unknown = sorted(set(entry) - {"gloss", "source", "mark", "copy", SEARCH_KEY})
        if unknown:
            raise SourceError(f"{path}:{line}: label {label!r}: unknown field {unknown[0]!r} "
                              "(expected gloss, source, mark, and optionally copy, search)")
        mark = entry.get("mark", "")
        if mark not in ("", *MARKS):
            raise SourceError(f"{path}:{line}: label {label!r}: mark is {mark!r}; write 'mark: brackets' (what the "
                              "student reads), 'mark: quotes' (what the student selects or types) or 'mark: plain' "
                              "(a name or a term)")
        copy = entry.get("copy", False)
        if not isinstance(copy, bool):
            raise SourceError(f"{path}:{line}: label {label!r}: copy is {copy!r}; write 'copy: true' for a text the "
                              "student must enter or choose (it gets a copy button), or leave it out")
        if not CJK.search(label):
            raise SourceError(f"{path}:{line}: label {label!r} has no Chinese characters: glosses are for Chinese labels")
        table[label] = Label(gloss, source, line, copy, mark)
    return table


def teach_search(table: dict[str, Label], add_word) -> list[str]:
    """Teach add_word (jieba's) every short label, so none needs a line in includes/jieba-user-dict.txt; the words."""
    words = [label for label in table if len(label) <= SEARCH_WORD_LENGTH and JIEBA_WORD.fullmatch(label)]
    for word in words:
        add_word(word, JIEBA_FREQUENCY)
    return words


def load_labels(path: Path) -> dict[str, str]:
    return {label: entry.gloss for label, entry in load_table(path).items()}


def check_english(markdown: str, labels: dict[str, str], src: str, first_line: int) -> tuple[str, list[str]]:
    """Return the page with `lang` added to each label, and the problems found (one line each)."""
    problems: list[str] = []
    out: list[str] = []
    glossed: set[str] = set()  # labels already glossed higher up the page: later mentions may stand bare
    for number, line, prose in prose_lines(markdown, first_line):
        if not prose:
            out.append(line)
            continue

        def fix(match: re.Match[str], number: int = number) -> str:
            label = match.group("label")
            if not CJK.search(label):
                return match.group(0)
            where = f"{src}:{number}"
            if label not in labels:
                problems.append(f"{where}: unknown UI label **{label}**: add it to {TABLE_FILE} with its English gloss")
                return match.group(0)
            gloss = labels[label]
            if match.group("gloss") is not None:
                glossed.add(label)
                if match.group("text") != gloss:
                    problems.append(f"{where}: UI label **{label}** is glossed '({match.group('text')})' "
                                    f"but {TABLE_FILE} says '({gloss})'")
            elif label not in glossed:
                problems.append(f"{where}: UI label **{label}** is first mentioned here and needs its gloss right "
                                f"after it: ' ({gloss})' (later mentions on the page may stand bare)")
            attrs = match.group("attrs") or "{ lang=zh-Hans }"
            return f"**{label}**{attrs}{match.group('gloss') or ''}"

        fixed = BOLD.sub(fix, line)
        rest = COMMENT.sub("", CODE_SPAN.sub("", BOLD.sub("", line)))
        # Link reference definitions come from includes/facts.yml (guide/sources/facts.py); pages hold none.
        stray = CJK.findall(rest)
        if stray:
            problems.append(f"{src}:{number}: Chinese text outside a bold UI label ({''.join(stray)[:20]}): "
                            f"write it as **label** (gloss) from {TABLE_FILE}, or in English")
        out.append(fixed)
    return "\n".join(out), problems


def assumption_problems(markdown: str, table: dict[str, Label], src: str, first_line: int) -> list[str]:
    """A label the office's guide does not name may appear only on a line that says whom to call if it is not there."""
    guessed = [label for label, entry in table.items() if entry.source == "assumption"]
    problems = []
    for number, line, prose in prose_lines(markdown, first_line):
        for label in guessed if prose else ():
            if f"**{label}**" in line and not HELP_ON_LINE.search(line):
                problems.append(f"{src}:{number}: **{label}** is marked 'source: assumption' in {TABLE_FILE}, so the "
                                "screen may not show it: on this line, tell the student whom to call if they cannot "
                                "find it (a hotline such as {{ hotline-en }}, or a link to contact.md), "
                                "or ask the office and mark it quoted")
    return problems


def check_chinese(markdown: str, labels: dict[str, str], src: str, first_line: int) -> list[str]:
    """Chinese pages bold only screen labels: a bold Chinese text the table lacks is a new or misspelt label."""
    problems = []
    for number, line, prose in prose_lines(markdown, first_line):
        if not prose:
            continue
        for match in BOLD.finditer(COMMENT.sub("", CODE_SPAN.sub("", line))):
            label = match.group("label")
            if CJK.search(label) and label not in labels:
                problems.append(f"{src}:{number}: **{label}** is bolded like a screen label but is not in {TABLE_FILE}:"
                                " add it there (with its English gloss and source) or write it without bold")
    return problems


GLOSSARY_CLASS = "ui-labels-table"  # every label in it gets a copy button (guide/rendering/copy_buttons.py)


def glossary_table(labels: dict[str, str], locale: str) -> str:
    said = words(locale)
    # A page in another language marks each Chinese label as Chinese, for screen readers and fonts.
    mark = f"{{ lang={CHINESE.html_lang} }}" if said.glosses_labels else ""
    rows = [f"| {said.glossary_heads[0]} | {said.glossary_heads[1]} |", "| --- | --- |"]
    rows += [f"| **{label}**{mark} | {gloss} |" for label, gloss in labels.items()]
    return f'<div class="{GLOSSARY_CLASS}" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def tab_slug(labels: dict[str, str]):
    """A slugify function for pymdownx.tabbed that slugs a Chinese label by its English gloss."""

    def slugify(text: str, sep: str) -> str:
        title = TAG.sub("", text).strip()
        words = labels.get(title, title)
        return re.sub(r"[^a-z0-9]+", sep, words.lower()).strip(sep)

    return slugify
