"""The project as the checks see it: languages from mkdocs.yml, page files per language, link names, git history."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from .compare import Finding

LINK_DEFINITION = re.compile(r"^\s{0,3}\[(?P<name>[^\]]+)\]:\s*(?P<url>\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool


@dataclass(frozen=True)
class SiteConfig:
    docs_dir: str
    languages: list[Language]
    links_files: list[str]  # files auto-appended to every page (their reference definitions serve all pages)

    @property
    def default(self) -> Language:
        return next((lang for lang in self.languages if lang.default), self.languages[0])


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; the checks need none of their values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_mkdocs(text: str) -> dict:
    """mkdocs.yml's text as data; YAML it cannot read (a tab from a web editor, say) is a ValueError naming the line."""
    try:
        return yaml.load(text, Loader=_AnyTagLoader) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"mkdocs.yml:{mark.line + 1}" if mark else "mkdocs.yml"
        raise ValueError(f"{where}: not valid YAML ({getattr(err, 'problem', None) or err}): check the indentation "
                         "(spaces, not tabs) and put a value with a colon in quotes") from None


def read_config(text: str) -> SiteConfig:
    """Languages (from the i18n plugin), docs_dir and auto-appended snippet files, from mkdocs.yml's text."""
    config = load_mkdocs(text)
    languages: list[Language] = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in (plugin["i18n"] or {}).get("languages") or []:
                if lang.get("build", True):
                    languages.append(Language(str(lang["locale"]), str(lang.get("name", lang["locale"])),
                                              bool(lang.get("default", False))))
    if not languages:
        raise ValueError("mkdocs.yml: no languages under plugins: i18n: languages")
    links_files: list[str] = []
    for ext in config.get("markdown_extensions") or []:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            options = ext["pymdownx.snippets"] or {}
            bases = options.get("base_path") or ["."]
            bases = [bases] if isinstance(bases, str) else bases
            for name in options.get("auto_append") or []:
                links_files.append(f"{bases[0].rstrip('/')}/{name}")
    return SiteConfig(str(config.get("docs_dir", "docs")), languages, links_files)


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
            if lang.locale not in files:
                source = files.get(config.default.locale, have)
                found.append(Finding(f"{config.docs_dir}/{base}.{lang.locale}.md", None,
                                     f"missing: {config.docs_dir}/{source} has no {lang.name} ({lang.locale}) "
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
        ref_name = files.get(config.default.locale)
        ref = commits.get(f"{docs}/{ref_name}") if ref_name else None
        for lang in config.languages:
            name = files.get(lang.locale)
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
