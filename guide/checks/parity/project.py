"""The project as the parity check sees it: page files per language, link names, git history."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from guide.sources.site_config import SiteConfig

from .compare import Finding

LINK_DEFINITION = re.compile(r"^\s{0,3}\[(?P<name>[^\]]+)\]:\s*(?P<url>\S+)", re.MULTILINE)


def link_names(text: str) -> set[str]:
    """Reference names defined in a Markdown file (lower case, as Markdown matches them)."""
    return {match.group("name").strip().lower() for match in LINK_DEFINITION.finditer(text)}


def page_files(names: list[str], locales: list[str]) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Group docs-relative .md paths by page: {base: {locale: path}}, and the files with no known language suffix."""
    pages: dict[str, dict[str, str]] = {}
    unsuffixed: list[str] = []
    for name in sorted(names):
        match = re.match(r"^(?P<base>.+)\.(?P<locale>[A-Za-z_-]+)\.md$", name)
        if match and match.group("locale") in locales:
            pages.setdefault(match.group("base"), {})[match.group("locale")] = name
        else:
            unsuffixed.append(name)
    return pages, unsuffixed


def missing_translations(pages: dict[str, dict[str, str]], config: SiteConfig) -> list[Finding]:
    """One finding per page file that a configured language lacks."""
    found: list[Finding] = []
    for base, files in sorted(pages.items()):
        have = next(iter(files.values()))
        for lang in config.languages:
            if lang.code not in files:
                source = files.get(config.default.code, have)
                found.append(Finding(f"{config.docs_dir}/{base}.{lang.code}.md", None,
                                     f"missing: {config.docs_dir}/{source} has no {lang.name} ({lang.code}) "
                                     f"translation, and the build does not fall back to another language"))
    return found


@dataclass(frozen=True)
class Commit:
    sha: str
    order: int  # 0 is the newest
    date: str


def last_commits(log: str) -> dict[str, Commit]:
    """The newest commit touching each path, from `git log --name-only --format=%x00%h %cs` output."""
    latest: dict[str, Commit] = {}
    order = -1
    current: Commit | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            order += 1
            sha, _, date = line[1:].partition(" ")
            current = Commit(sha, order, date)
        elif line.strip() and current is not None:
            latest.setdefault(line.strip(), current)
    return latest


def git_log(root: Path, docs_dir: str) -> str:
    """The history of docs_dir, newest first; empty when root is not a git work tree."""
    proc = subprocess.run(["git", "log", "--name-only", "--format=%x00%h %cs", "--", docs_dir],
                          cwd=root, capture_output=True, text=True, check=False)
    return proc.stdout if proc.returncode == 0 else ""


def stale_pairs(pages: dict[str, dict[str, str]], config: SiteConfig, commits: dict[str, Commit]) -> list[Finding]:
    """Warn when a language's page was committed after its counterpart in the default language, or before."""
    found: list[Finding] = []
    docs = config.docs_dir
    for base, files in sorted(pages.items()):
        ref_name = files.get(config.default.code)
        ref = commits.get(f"{docs}/{ref_name}") if ref_name else None
        for lang in config.languages:
            name = files.get(lang.code)
            other = commits.get(f"{docs}/{name}") if name else None
            if lang.default or ref is None or other is None or ref.order == other.order:
                continue
            old, new = (f"{docs}/{name}", f"{docs}/{ref_name}") if ref.order < other.order else \
                (f"{docs}/{ref_name}", f"{docs}/{name}")
            old_c, new_c = commits[old], commits[new]
            found.append(Finding(old, None, f"possibly outdated: {new} changed in a later commit "
                                            f"({new_c.sha}, {new_c.date}) than this file ({old_c.sha}, {old_c.date})",
                                 severity="warning"))
    return found
