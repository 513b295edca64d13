"""Fail the build when a page exists in one language only.

mkdocs-static-i18n's fallback_to_default must stay on so that images and other shared files reach the English
build, but it would also silently publish a Chinese page under /en/ when its English file is missing. This hook
closes that gap: every `NAME.<locale>.md` needs a sibling for each configured language.
"""
from __future__ import annotations

import re
from collections import defaultdict

PAGE = re.compile(r"^(?P<name>.+)\.(?P<locale>[a-z]{2}(?:_[A-Za-z]+)?)\.md$")


def missing_translations(src_uris: list[str], locales: list[str]) -> list[str]:
    """One line per missing file: 'docs/x.en.md is missing (docs/x.zh.md exists)'."""
    found: dict[str, set[str]] = defaultdict(set)
    for uri in src_uris:
        match = PAGE.match(uri)
        if match and match.group("locale") in locales:
            found[match.group("name")].add(match.group("locale"))
    problems = []
    for name, have in sorted(found.items()):
        for locale in locales:
            if locale not in have:
                present = ", ".join(f"docs/{name}.{other}.md" for other in sorted(have))
                problems.append(f"docs/{name}.{locale}.md is missing ({present} exists): write the translation")
    return problems
