"""Word budgets (make check's budgets stage): a student reads on a phone, so a task page keeps to what the task
needs (GOV.UK). The glossary and the checklist are reference pages: counted, not budgeted. A long label, after its
first two mentions, is referred to briefly ("the first tick box").
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from guide.checks.search_queries import current_page, renames
from guide.sources import facts as facts_module
from guide.sources import site_config
from guide.sources.errors import SourceError
from guide.sources.markup import BOLD, COMMENT, FRONT_MATTER, HAN, TAG

REFERENCE_PAGES = {"glossary", "checklist"}
PAGE_WORDS, TOTAL_WORDS = 400, 2000
PAGE_CHARS, TOTAL_CHARS = 800, 4000
LONG_LABEL, LONG_LABEL_MENTIONS = 8, 2

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")


def readable_text(markdown: str) -> str:
    """What a reader reads: no front matter, comments, pictures, addresses, attribute lists or markup."""
    text = FRONT_MATTER.sub("", markdown)
    text = COMMENT.sub(" ", text)
    text = re.sub(r"^\s*\[!\[.*$", " ", text, flags=re.MULTILINE)  # a picture: its alt text is not read on screen
    text = TAG.sub(" ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [text](address) -> [text]
    text = re.sub(r"\]\[[^\]]*\]", "]", text)  # [text][reference] -> [text]
    text = re.sub(r"\{[^}\n]*\}", " ", text)  # { #id } and { loading=lazy }
    text = re.sub(r"^\s*(!!!|===)\s*\w*", " ", text, flags=re.MULTILINE)  # admonition and tab markers
    return text


@functools.cache
def project_facts(root: Path) -> facts_module.Facts | None:
    """The facts of the project the pages belong to, if it has them (make check names a broken facts file)."""
    try:
        site_config.read(root)  # the pages' languages come from it
        return facts_module.load_facts(root) if (root / facts_module.FACTS_FILE).is_file() else None
    except SourceError:
        return None


def page_text(path: Path) -> str:
    """The page with the e-mail's items put in (a list a reader reads); other facts stay names, as always counted."""
    text = path.read_text(encoding="utf-8")
    root = path.resolve().parent.parent
    facts = project_facts(root)
    if facts is None:
        return text
    locale = site_config.read(root).language_of(path.name)

    def shown(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in facts_module.MAIL_NAMES:
            return match.group(0)
        return facts.shown_mail(name, locale, text[:match.start()]).replace(facts_module.LIST_LINE_BREAK, "\n")

    return facts_module.PLACEHOLDER.sub(shown, text)


def count(path: Path) -> tuple[int, int]:
    """English words (on Chinese pages: the Latin words it quotes, such as the items' English) and Chinese characters."""
    text = readable_text(page_text(path))
    return len(WORD.findall(HAN.sub(" ", text))), len(HAN.findall(text))


def long_label_problems(path: Path) -> list[str]:
    """A long label bolded more than twice on one page, named at its third mention."""
    seen: Counter[str] = Counter()
    problems = []
    for number, line in enumerate(page_text(path).split("\n"), 1):
        for label in BOLD.findall(line):
            if len(HAN.findall(label)) >= LONG_LABEL:
                seen[label] += 1
                if seen[label] == LONG_LABEL_MENTIONS + 1:
                    problems.append(f"{path}:{number}: **{label}** is bolded a third time on this page: after its "
                                    f"first mention, refer to it briefly (for example 'the first tick box')")
    return problems


def check(docs: Path) -> tuple[list[str], list[str]]:
    """The table (one line per page pair) and the problems (one line each)."""
    pages = sorted(docs.glob("*.md"))
    counts = {p: count(p) for p in pages}
    problems = [problem for p in pages for problem in long_label_problems(p)]
    moves = renames(docs.parent)  # a reference page renamed since (redirects.yml, beside docs/) stays one
    reference = REFERENCE_PAGES | {current_page(name, moves) for name in REFERENCE_PAGES}
    table = [f"{'page':<20} {'en words':>9} {'zh chars':>9}  budget"]
    total_words = total_chars = 0
    for name in sorted({p.name.split(".")[0] for p in pages}):
        en, zh = docs / f"{name}.en.md", docs / f"{name}.zh.md"
        words, chars = counts[en][0] if en in counts else 0, counts[zh][1] if zh in counts else 0
        task = name not in reference
        if task:
            total_words += words
            total_chars += chars
            if en in counts and words > PAGE_WORDS:
                problems.append(f"{en}: {words} words, over the {PAGE_WORDS} a task page may have: cut what "
                                "the task does not need")
            if zh in counts and chars > PAGE_CHARS:
                problems.append(f"{zh}: {chars} Chinese characters, over the {PAGE_CHARS} a task page may "
                                "have: cut what the task does not need")
        table.append(f"{name:<20} {words:>9} {chars:>9}  {'task' if task else 'reference (not budgeted)'}")
    table.append(f"{'task pages together':<20} {total_words:>9} {total_chars:>9}  "
                 f"at most {TOTAL_WORDS} words, {TOTAL_CHARS} characters")
    if total_words > TOTAL_WORDS:
        problems.append(f"{docs}: the task pages have {total_words} English words together, over {TOTAL_WORDS}")
    if total_chars > TOTAL_CHARS:
        problems.append(f"{docs}: the task pages have {total_chars} Chinese characters together, over {TOTAL_CHARS}")
    return table, problems
