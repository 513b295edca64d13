"""Fail the build when a nav title has no translation for a language.

mkdocs-static-i18n shows the untranslated (Chinese) title in the English menu when `nav_translations` lacks it,
and says nothing. This hook names mkdocs.yml, the line of the nav entry and the title to translate.
"""
from __future__ import annotations

import re


def nav_titles(nav) -> list[str]:
    """Every title in the nav tree, in order (section titles too)."""
    titles: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(title)
                if isinstance(value, list):
                    titles.extend(nav_titles(value))
    return titles


def title_line(config_text: str, title: str) -> int:
    """The 1-based line of `- TITLE:` in mkdocs.yml (after `nav:`), or 1 when not found."""
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), 0)
    entry = re.compile(r"^\s*-\s*['\"]?" + re.escape(title) + r"['\"]?\s*:")
    for number in range(start, len(lines)):
        if entry.match(lines[number]):
            return number + 1
    return 1


def untranslated(nav, languages: list[tuple[str, dict]], config_text: str, config_name: str) -> list[str]:
    """One line per missing translation; `languages` holds (locale, nav_translations) of non-default languages."""
    problems = []
    for title in nav_titles(nav):
        for locale, translations in languages:
            if title not in (translations or {}):
                problems.append(
                    f"{config_name}:{title_line(config_text, title)}: nav title '{title}' has no {locale} "
                    f"translation: add '{title}: ...' under nav_translations of locale {locale}")
    return problems
