"""Check that every page exists in every language of mkdocs.yml and that the translations have not drifted apart.

For each page, each language's file is compared with the default language's: heading ids, levels and order;
images; admonition kinds in order; external links, e-mails and phone numbers; numbered steps, checklist items and
tabs per section; UI labels. English pages are also checked against includes/ui-labels.yml as the build does.
Pages changed in git after their counterpart are named as possibly outdated (a warning only).

`make check` runs this check among the others; alone: python -m guide.checks.parity.cli [--root DIR] [--format text|json]
exit status: 0 no problems (warnings allowed), 1 problems found, 2 wrong usage or unreadable configuration
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

from guide.checks.parity.compare import Finding, Page, compare_pages, undefined_references
from guide.checks.parity.facts import parse_page
from guide.checks.parity.project import (
    git_log,
    last_commits,
    link_names,
    missing_translations,
    page_files,
    stale_pairs,
)
from guide.pictures.spec import drawn_text
from guide.sources import facts as facts_module
from guide.sources import site_config, ui_labels
from guide.sources.errors import SourceError
from guide.sources.site_config import SiteConfig

LABELS_FILE = "includes/ui-labels.yml"
DRAWN_TEXT = "shots/*.yml"  # the text the published pictures show (see guide/pictures/spec.py drawn_text)


@dataclass
class Report:
    languages: list[str]
    pages: list[str]
    findings: list[Finding]

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def label_findings(pages: dict[str, dict[str, str]], texts: dict[str, str], labels: dict[str, str],
                   docs: str, glossed: Sequence[str]) -> list[Finding]:
    """The build hook's gloss check on every English page, and table entries that no English page uses."""
    found: list[Finding] = []
    used: set[str] = set()
    for path in (f"{docs}/{files[code]}" for files in pages.values() for code in glossed if code in files):
        text = texts[path]
        skip = ui_labels.front_matter_lines(text)
        body = "\n".join(text.split("\n")[skip:])
        _, problems = ui_labels.check_english(body, labels, path, skip + 1)
        for problem in problems:
            where, _, message = problem.partition(": ")
            file, _, line = where.rpartition(":")
            found.append(Finding(file, int(line), message))
        used |= {m.group("label") for m in ui_labels.BOLD.finditer(body)}
    # A label a picture draws is explained by the glossary even when the page's steps refer to it briefly.
    drawn = texts.get(DRAWN_TEXT, "")
    used |= {label for label in labels if label in drawn}
    table_lines = {}
    for label in labels:
        table_lines[label] = next((i for i, line in enumerate(texts.get(LABELS_FILE, "").splitlines(), 1)
                                   if line.startswith((f"{label}:", f'"{label}":'))), None)
    if any(code in files for files in pages.values() for code in glossed):
        found += [Finding(LABELS_FILE, table_lines[label], f"label {label} is used on no English page and drawn in no picture: "
                                                            "remove it")
                  for label in labels if label not in used]
    return found


def check(config: SiteConfig, texts: dict[str, str], labels: dict[str, str], log: str,
          links_files: Sequence[str] = ()) -> Report:
    """All findings for a project whose files (docs pages, links files, label table) are given as texts."""
    docs = config.docs_dir
    locales = [lang.code for lang in config.languages]
    names = [path.removeprefix(f"{docs}/") for path in texts if path.startswith(f"{docs}/") and path.endswith(".md")]
    pages, unsuffixed = page_files(names, locales)
    defined = set().union(*(link_names(texts.get(f, "")) for f in links_files)) if links_files else set()
    links_file = links_files[0] if links_files else "a links file"
    findings = missing_translations(pages, config)
    findings += [Finding(f"{docs}/{name}", None, f"no language suffix ({', '.join(f'.{l}.md' for l in locales)}): "
                                                 f"each page needs one file per language") for name in unsuffixed]
    for base, files in sorted(pages.items()):
        parsed = {loc: Page(f"{docs}/{name}", parse_page(texts[f"{docs}/{name}"], defined, set(labels), loc))
                  for loc, name in files.items()}
        for page in parsed.values():
            findings += undefined_references(page, links_file)
        ref = parsed.get(config.default.code)
        if ref is None:
            continue
        for loc, page in parsed.items():
            if loc != config.default.code:
                findings += compare_pages(ref, page)
    glossed = [lang.code for lang in config.languages if not lang.default]  # languages that gloss CHSI's labels
    if glossed and labels:
        findings += label_findings(pages, texts, labels, docs, glossed)
    findings += stale_pairs(pages, config, last_commits(log))
    return Report(locales, sorted(pages), sorted(findings, key=Finding.sort_key))


def read_project(root: Path) -> tuple[SiteConfig, dict[str, str], dict[str, str], list[str]]:
    """The configuration, the texts of the pages (facts expanded), the label table, and the files whose link
    definitions every page may use."""
    config = site_config.read(root)
    links_files: list[str] = []
    texts = {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
             for path in (root / config.docs_dir).rglob("*.md")}
    for name in [LABELS_FILE]:
        if (root / name).is_file():
            texts[name] = (root / name).read_text(encoding="utf-8")
    if (root / facts_module.FACTS_FILE).is_file():
        # Pages name the facts ({{ hotline-en }}, [words][chsi-home]): compare them as the build shows them.
        facts = facts_module.load_facts(root)
        links_files.append(facts_module.FACTS_FILE)
        texts[facts_module.FACTS_FILE] = facts.definitions()
        for path, text in texts.items():
            if path.startswith(f"{config.docs_dir}/") and path.endswith(".md"):
                texts[path] = facts_module.expand(text, facts, config.language_of(path), path)[0]
    labels = ui_labels.load_labels(root / LABELS_FILE) if (root / LABELS_FILE).is_file() else {}
    texts[DRAWN_TEXT] = drawn_text(root / "shots")
    return config, texts, labels, links_files


def render_text(report: Report) -> str:
    lines = [str(finding) for finding in report.findings]
    lines.append(f"parity: {len(report.pages)} pages in {len(report.languages)} languages "
                 f"({', '.join(report.languages)}): {len(report.problems)} problems, {len(report.warnings)} warnings")
    return "\n".join(lines)


def render_json(report: Report) -> str:
    return json.dumps({"languages": report.languages, "pages": report.pages,
                       "problems": [asdict(f) for f in report.problems],
                       "warnings": [asdict(f) for f in report.warnings]}, ensure_ascii=False, indent=2)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project directory holding mkdocs.yml (default: the working folder, where make runs)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    if not (args.root / "mkdocs.yml").is_file():
        print(f"parity: no mkdocs.yml in {args.root}", file=sys.stderr)
        return 2
    try:
        config, texts, labels, links_files = read_project(args.root)
    except (ValueError, SourceError) as err:
        print(f"parity: {err}", file=sys.stderr)
        return 2
    report = check(config, texts, labels, git_log(args.root, config.docs_dir), links_files)
    print(render_json(report) if args.format == "json" else render_text(report))
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
