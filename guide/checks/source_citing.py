"""A page never cites its own source: to the student, this site is the guide.

A sentence such as "The office's guide does not say where" (本校指南没有说明) reads as the site admitting it does not
know, and points to a document the student has never seen. Where the source is silent, a page tells the student what
to do instead, and the question waits for the office in CONTENT-QUESTIONS.md. The phrases live in
includes/source-citing.yml; this hook fails the build on any of them, on any line of a page (front matter,
admonitions, captions and alt text included), with the file, the line and what to write instead.
guide/checks/copy_lint.py runs the same check for `make check`.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from guide.sources.errors import SourceError

PHRASES_FILE = "includes/source-citing.yml"
ADVICE = ("a page never cites its source: tell the student what to do instead (whom to call, which line first) "
          "and put the open question in CONTENT-QUESTIONS.md")



def load_phrases(path: Path) -> tuple[str, ...]:
    """Every phrase of every language, lower case; a malformed file stops with its name and what to write."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"{path}: missing (the phrases that cite this guide's source)") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise SourceError(f"{where}: not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) and v for v in data.values()):
        raise SourceError(f"{path}: expected one list of phrases per language, e.g. 'en: [\"office's guide\"]'")
    phrases = [p for v in data.values() for p in v]
    bad = [p for p in phrases if not isinstance(p, str) or not p.strip()]
    if bad:
        raise SourceError(f"{path}: {bad[0]!r} is not a phrase: write each phrase as text in quotes")
    return tuple(dict.fromkeys(p.strip().lower() for p in phrases))


def citing_lines(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line number, first phrase found) for each line of a page that cites the source: the whole file is read,
    so the numbers are the file's own."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        lower = line.lower()
        phrase = next((p for p in phrases if p in lower), None)
        if phrase:
            found.append((number, phrase))
    return found


def citing_problems(text: str, src: str, phrases: tuple[str, ...]) -> list[str]:
    """One line per line of the page that cites the source, naming the file, the line and what to do."""
    return [f"{src}:{number}: '{phrase}': {ADVICE}" for number, phrase in citing_lines(text, phrases)]
