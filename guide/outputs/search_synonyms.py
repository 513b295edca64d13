"""Let search find a section by the student's own words ("photo code" where the guide says 图片采集码), from
includes/ui-labels.yml: a label's `search:` words go to the ONE section per language about it (the first in nav order
whose heading names it, else the first that shows it: a label shown in many places would otherwise pull the student
to whichever repeats it most); the top-level `search:` phrases go to the sections whose heading holds the phrase,
else to every section that shows it.

The words are a field of the index that Material's search weighs as a heading but never shows; pages boosted down
(glossary, checklist: every label, no task) get none. A Chinese word is indexed whole, since Material cuts a Chinese
query only at words its index knows.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.sources.errors import SourceError
from guide.sources.markup import html_text

SEARCH_KEY = "search"  # the top-level key of the table that holds synonyms of words that are not labels
HAN_CHAR = r"[\u3400-\u4dbf\u4e00-\u9fff]"
HAN = re.compile(HAN_CHAR + "+")
ZWSP = "\u200b"
FIELD = "synonyms"
FIELD_BOOST = 1000.0  # as Material weighs a heading's words (its "title" field)
NO_TASK_BOOST = 0.5  # the glossary's and the checklist's `search: boost`: they repeat labels but answer no task


@dataclass(frozen=True)
class Synonyms:
    """What the guide writes (a label or a phrase), and what a student may type instead, in one language."""
    lang: str
    guide_words: str
    student_words: tuple[str, ...]
    gloss: str | None = None  # for a label: its English gloss (an English heading names the label by it)
    where: str = ""  # file:line of the entry, for messages


def _words(value: object, where: str, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise SourceError(f"{where}: {what}: write the student's words as a list, e.g. [photo code, photo-taking code]")
    return tuple(w.strip() for w in value)


def _by_language(value: object, where: str, what: str, languages: tuple[str, ...]) -> dict[str, object]:
    if not isinstance(value, dict) or not value or set(value) - set(languages):
        example = ", ".join(f"{code}: [...]" for code in languages)
        raise SourceError(f"{where}: {what}: give the words per language, e.g. search: {{{example}}} "
                          f"(languages: {', '.join(languages)})")
    return value


def parse_synonyms(text: str, path: Path, languages: tuple[str, ...]) -> list[Synonyms]:
    """Every synonym entry of the label table; a malformed one stops the build with file:line and what to write."""
    data = yaml.safe_load(text)  # ui_labels.py has already reported a file that is not valid YAML
    data = data if isinstance(data, dict) else {}
    lines = text.splitlines()

    def line_of(key: object) -> int:
        return next((i for i, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 0)

    def line_of_phrase(phrase: object) -> int:  # its line under search:, else that of search:
        start = line_of(SEARCH_KEY)
        return next((i for i, text in enumerate(lines, 1) if i > start and text.strip().startswith(f"{phrase}:")), start)

    found: list[Synonyms] = []
    for label, entry in data.items():
        if label == SEARCH_KEY or not isinstance(entry, dict) or SEARCH_KEY not in entry:
            continue
        where = f"{path}:{line_of(label)}"
        for lang, words in _by_language(entry[SEARCH_KEY], where, f"label {label!r}", languages).items():
            gloss = str(entry.get("gloss") or label)
            found.append(Synonyms(lang, str(label), _words(words, where, f"label {label!r}, {lang}"), gloss, where))
    phrases = data.get(SEARCH_KEY)
    if phrases is not None:
        where = f"{path}:{line_of(SEARCH_KEY)}"
        for lang, table in _by_language(phrases, where, "search", languages).items():
            if not isinstance(table, dict):
                raise SourceError(f"{where}: search: {lang}: write '\"the guide's words\": [the student's words]'")
            for phrase, words in table.items():
                found.append(Synonyms(lang, str(phrase), _words(words, where, f"search: {lang}: {phrase!r}"),
                                      where=f"{path}:{line_of_phrase(phrase)}"))
    return found


def segment(words: str, cut) -> str:
    """Chinese runs cut into words and joined by U+200B, as Material's search plugin does to page text."""
    return HAN.sub(lambda m: ZWSP + ZWSP.join(cut(m.group(0))) + ZWSP, words).strip(ZWSP)


def _same_word(char: str) -> str:
    """What would continue `char`'s word (Chinese beside Chinese, ASCII letters/digits together); (?!): nothing."""
    return HAN_CHAR if HAN.match(char) else "[A-Za-z0-9]" if char.isascii() and char.isalnum() else "(?!)"


def holds(text: str, words: str) -> bool:
    """Whether `words` stand in `text` as whole words: 注册 in “点击 注册” but not in 立即注册, "edit" in "Edit your
    name" but not in "credit"."""
    whole = rf"(?<!{_same_word(words[0])}){re.escape(words)}(?!{_same_word(words[-1])})"
    return re.search(whole, text) is not None


def doc_language(location: str, folders: Mapping[str, str]) -> str:
    """The language whose folder ("en/") starts a merged index's location, else the default's (folder "")."""
    default = next(code for code, folder in folders.items() if not folder)
    return next((code for code, folder in folders.items() if folder and location.startswith(folder)), default)


def nav_rank(location: str, nav_slugs: list[str], folders: Mapping[str, str]) -> int:
    """Where an index entry's page stands in the navigation (pages outside it last)."""
    page = location.split("#")[0].removeprefix(folders[doc_language(location, folders)])
    return nav_slugs.index(page) if page in nav_slugs else len(nav_slugs)


def add_synonyms(index: dict, synonyms: list[Synonyms], folders: Mapping[str, str], cut=None,
                 nav_slugs: list[str] | None = None) -> list[Synonyms]:
    """Give entries of a (merged) search index the student's words; return the synonyms no page of their language
    shows (a page was reworded: they would silently find nothing). `cut` segments Chinese as Material does."""
    docs = [d for d in index.get("docs", []) if d.get("boost", 1) > NO_TASK_BOOST]
    order = sorted(range(len(docs)), key=lambda i: (nav_rank(docs[i].get("location", ""), nav_slugs or [], folders), i))
    # Each entry as read, lower case, with Material's U+200B word marks: a label is found as the word it is.
    shown = {id(d): html_text(d.get("title", "") + " " + d.get("text", "")).lower() for d in docs}
    added: dict[int, list[str]] = {}
    unmatched: list[Synonyms] = []
    # static-i18n may hand over an index that holds one language so far: only a language present can miss words.
    present = {doc_language(d.get("location", ""), folders) for d in index.get("docs", [])}

    def needle(words: str) -> str:
        return segment(words.lower(), cut) if cut else words.lower()

    for entry in synonyms:
        own = [docs[i] for i in order if doc_language(docs[i].get("location", ""), folders) == entry.lang]
        holding = [d for d in own if holds(shown[id(d)], needle(entry.guide_words))]
        names = [needle(entry.guide_words)] + ([needle(entry.gloss)] if entry.gloss else [])
        # A heading that names the label by its gloss answers it even when its text does not show the label
        # ("Item 3: Account Name" explains 用户名 without repeating it).
        headed = [d for d in own if any(holds(html_text(d.get("title", "")).lower(), n) for n in names)]
        if not holding and not headed:
            if entry.lang in present:
                unmatched.append(entry)
            continue
        label = entry.gloss is not None
        for doc in (headed or holding)[:1 if label else None]:  # a label: the one section about it
            words = added.setdefault(id(doc), [])
            # A section that names a label only by its gloss holds the label too: a student who pastes it from
            # CHSI's screen (用户名) lands on the section that explains it.
            own_label = [entry.guide_words] if label and doc not in holding else []
            words += [w for w in (*entry.student_words, *own_label) if w not in words]
    known = vocabulary(index, [w for entry in synonyms for w in entry.student_words])
    for doc in docs:
        if added.get(id(doc)):
            doc[FIELD] = " / ".join(with_parts(added[id(doc)], known))
    if added:
        index.setdefault("config", {}).setdefault("fields", {})[FIELD] = {"boost": FIELD_BOOST}
    return unmatched


def vocabulary(index: dict, student_words: list[str]) -> set[str]:
    """Every Chinese word the search knows: the pages' words (as the index holds them) and the students' own."""
    known = {w for w in student_words if HAN.fullmatch(w)}
    for doc in index.get("docs", []):
        for text in (doc.get("title", ""), doc.get("text", "")):
            known.update(w for w in re.split(r"[\s\u200b]+", html_text(text).lower()) if HAN.fullmatch(w))
    return known


def parts(word: str, known: set[str]) -> list[str]:
    """The longest known words, left to right, as the corrected worker cuts a query: 手机号已被注册 -> 手机号, 已被注册."""
    found, start = [], 0
    while start < len(word):
        end = next((end for end in range(len(word), start, -1) if word[start:end] in known), start)
        if end > start:
            found.append(word[start:end])
        start = max(end, start + 1)
    return found


def with_parts(words: list[str], known: set[str]) -> list[str]:
    """Each Chinese phrase followed by its known words, for the phrase typed with a space in it, or only part of it."""
    out: list[str] = []
    for word in words:
        pieces = parts(word, known - {word}) if HAN.fullmatch(word) else []
        # Only the longer words: a word of one or two characters (注册, 失败) is in too many sections to stand
        # for the phrase.
        pieces = [p for p in pieces if len(p) >= 3] if len(pieces) > 1 else []
        out += [w for w in (word, *pieces) if w not in out]
    return out


def unmatched_problems(unmatched: list[Synonyms], names: Mapping[str, str]) -> list[str]:
    """One line per synonym no page shows; `names`: each language's name as mkdocs.yml gives it."""
    return [f"{e.where}: search words for {e.guide_words!r}: no {names.get(e.lang, e.lang)} page shows "
            f"{e.guide_words!r} any more (a page was reworded?): write the words as a page now shows them, or remove "
            "the entry" for e in unmatched]
