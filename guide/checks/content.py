"""The content stage: every mistake the build refuses, found in seconds without building; the build runs
build_problems through guide/mkdocs_hooks/rendering.py, so both print the same lines. It names what MkDocs and
mkdocs-static-i18n pass silently: a page in one language only (fallback_to_default, which the English build's images
need, would publish the Chinese page under /en/), a page outside the nav or a nav title without its translation (the
English menu would show the Chinese), front matter that is not YAML (shown as text) or has no description (search
would show the site's), facts, labels and links, an e-mail item whose label has no gloss, and a page that cites its
own source (to the student this site is the guide: the page says what to do, the question goes to
CONTENT-QUESTIONS.md).
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml

from guide.checks import source_hygiene
from guide.linkcheck import internal
from guide.sources import checked, markup, screens, site_config, ui_labels
from guide.sources import facts as facts_module
from guide.sources.errors import SourceError, yaml_error

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*?\n)??)---[ \t]*\n", re.DOTALL)
PAGE = re.compile(r"^(?P<name>.+)\.(?P<locale>[a-z]{2}(?:_[A-Za-z]+)?)\.md$")
PHRASES_FILE = "includes/source-citing.yml"
QUESTIONS = "questions"  # front matter `budget: questions`: a page of separate questions (guide/checks/phone_pages.py)
ADVICE = ("a page never cites its source: tell the student what to do instead (whom to call, which line first) "
          "and put the open question in CONTENT-QUESTIONS.md")


def front_matter_problem(source: str, src: str) -> str | None:
    """A one-line problem for a front matter block that is not a YAML mapping with a description, or None."""
    match = FRONT_MATTER.match(source)
    if not match:
        return f"{src}:1: page has no front matter: start the file with ---, description: ..., --- (one sentence for search results)"
    try:
        data = yaml.safe_load(match.group("body"))
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, src, first_line=2, unmarked=1)  # the body starts after the opening ---
        return f"{where}: front matter is not valid YAML ({problem}): quote the value"
    if not isinstance(data, dict) and data is not None:  # None: an empty block (--- then ---)
        return f"{src}:2: front matter must be a mapping such as 'description: ...'"
    if not str((data or {}).get("description") or "").strip():
        return f"{src}:1: front matter has no description: add 'description: ...' (one sentence for search results)"
    if "budget" in (data or {}) and data["budget"] != QUESTIONS:
        line = next((n for n, text in enumerate(match.group("body").splitlines(), 2) if text.startswith("budget")), 1)
        return (f"{src}:{line}: front matter budget: {data['budget']!r} is not known: write 'budget: {QUESTIONS}' "
                "(a page of separate questions, each measured on its own), or delete the line")
    return None


def front_matter(source: str) -> dict:
    """A page's front matter: the rendered stage, its one caller, runs only once front_matter_problem finds nothing."""
    return yaml.safe_load(FRONT_MATTER.match(source).group("body")) or {}


def missing_translations(src_uris: list[str], locales: list[str]) -> list[str]:
    """One line per missing file: 'docs/x.en.md is missing (docs/x.zh.md exists)'."""
    found: dict[str, set[str]] = defaultdict(set)
    for match in filter(None, map(PAGE.match, src_uris)):
        if match.group("locale") in locales:
            found[match.group("name")].add(match.group("locale"))
    return [f"docs/{name}.{locale}.md is missing ({', '.join(f'docs/{name}.{other}.md' for other in sorted(have))} "
            "exists): write the translation" for name, have in sorted(found.items()) for locale in locales
            if locale not in have]


def missing_from_nav(sources: list[str], nav: object) -> list[str]:
    """Pages (NAME.LANG.md) whose NAME.md the nav does not name."""
    named = set(site_config.nav_files(nav))
    return [f"docs/{src}:1: this page is not in the nav of mkdocs.yml, so no menu reaches it: add '- TITLE: {base}' "
            "under nav, and its English title under nav_translations"
            for src in sorted(sources) if (base := re.sub(r"\.[a-z]{2}\.md$", ".md", src)) not in named]


def untranslated(nav: object, languages: list[tuple[str, dict]], config_text: str) -> list[str]:
    """One line per nav title a language lacks; `languages` holds (locale, nav_translations) of the others."""
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), 0)

    def line_of(title: str) -> int:  # its `- TITLE:` after nav:, else 1
        entry = re.compile(r"^\s*-\s*['\"]?" + re.escape(title) + r"['\"]?\s*:")
        return next((number + 1 for number in range(start, len(lines)) if entry.match(lines[number])), 1)

    return [f"{site_config.MKDOCS_YML}:{line_of(title)}: nav title '{title}' has no {locale} translation: add "
            f"'{title}: ...' under nav_translations of locale {locale}"
            for title, _ in site_config.nav_entries(nav) if title for locale, translations in languages
            if title not in (translations or {})]


def load_phrases(path: Path) -> tuple[str, ...]:
    """Every phrase that cites the source, of every language, lower case; a malformed file stops with what to write."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, path)
        raise SourceError(f"{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict) or not all(isinstance(v, list) and v for v in data.values()):
        raise SourceError(f"{path}: expected one list of phrases per language, e.g. 'en: [\"office's guide\"]'")
    phrases = [p for v in data.values() for p in v]
    if bad := [p for p in phrases if not isinstance(p, str) or not p.strip()]:
        raise SourceError(f"{path}: {bad[0]!r} is not a phrase: write each phrase as text in quotes")
    return tuple(dict.fromkeys(p.strip().lower() for p in phrases))


def citing_lines(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, first phrase found) for each line of a page that cites the source, front matter and alt text included."""
    return [(number, phrase) for number, line in enumerate(text.lower().splitlines(), 1)
            if (phrase := next((p for p in phrases if p in line), None))]


def item_problems(facts: facts_module.Facts, labels: dict[str, str]) -> list[str]:
    """One line per item of the e-mail whose label includes/ui-labels.yml lacks."""
    at = f"{facts_module.FACTS_FILE}:{facts.lines['mail-to-chsi']}"  # parse_facts refuses a file without the e-mail
    return [f"{at}: item ({n}) of mail-to-chsi has the label {item.label}, which {ui_labels.TABLE_FILE} lacks: "
            "add it there with its English gloss, or correct the label"
            for n, item in enumerate(facts.items, 1) if item.label not in labels]


def page_problems(root: Path, src: str, facts: facts_module.Facts, table: dict,
                  config: site_config.SiteConfig) -> list[str]:
    """What the build's page hooks would refuse in one page (front matter, facts, labels)."""
    path = root / src
    source = path.read_text(encoding="utf-8")
    problems = [p for p in [front_matter_problem(source, src)] if p]
    first = markup.front_matter_lines(source) + 1
    markdown = "\n".join(source.split("\n")[first - 1:])
    locale = config.language_of(path.name)
    problems += facts_module.typed_facts(markdown, facts, src, first)
    markdown, unknown = facts_module.expand(markdown, facts, locale, src, first)
    problems += unknown
    labels = {label: entry.gloss for label, entry in table.items()}
    problems += ui_labels.assumption_problems(markdown, table, src, first)
    if locale == config.default.code:  # CHSI's own language: labels stand as the screen shows them
        problems += ui_labels.check_chinese(markdown, labels, src, first)
    else:  # every other language glosses each label where it first names it
        problems += ui_labels.check_english(markdown, labels, src, first)[1]
    return problems


def link_problems(root: Path, pages: list[Path]) -> list[str]:
    """Each [text][name] that nothing defines; the build's --strict validation refuses the other dead links."""
    found = internal.check_markdown(pages, root)
    # The checker names files from the working folder: name them from the project.
    relative = re.compile("|".join(re.escape(f"{prefix}/") for prefix in {str(root), str(root.resolve())}))
    return [relative.sub("", f"{source}: {result.detail}: fix the link, or the file name or heading id it points to")
            for _key, result in sorted(found.internal.items()) if result.verdict == internal.BROKEN
            for source in result.sources]


def content_problems(root: Path, *, links: bool = True) -> list[str]:
    """Every problem the build would stop at, one line each; links=False: the build has MkDocs check the links."""
    problems: list[str] = []
    for name in (*source_hygiene.YAML_FILES, facts_module.FACTS_FILE, "mkdocs.yml"):
        if (root / name).is_file():
            problems += source_hygiene.yaml_file_problems((root / name).read_text(encoding="utf-8"), name)
    docs = root / "docs"
    pages = sorted(docs.rglob("*.md"))
    uris = [p.relative_to(docs).as_posix() for p in pages]
    for page, uri in zip(pages, uris):
        problems += source_hygiene.source_problems(page.read_bytes(), f"docs/{uri}")
    if problems:  # a page that is not clean UTF-8, or a YAML file with a tab, cannot be read further
        return problems
    try:
        config = site_config.read(root)
    except SourceError as err:  # mkdocs.yml cannot be read: nothing else can be checked against it
        return problems + [str(err)]
    problems += missing_translations(uris, config.codes)
    problems += missing_from_nav(uris, config.nav)
    translated = [(lang.code, lang.nav_translations) for lang in config.languages if not lang.default]
    problems += untranslated(config.nav, translated, (root / site_config.MKDOCS_YML).read_text(encoding="utf-8"))
    try:
        facts = facts_module.load_facts(root)
        table = ui_labels.load_table(root / ui_labels.TABLE_FILE)
        screens.load_screens(root)
    except SourceError as err:  # name the files from the project, as everywhere else
        return problems + str(err).replace(f"{root}/", "").splitlines()
    try:  # the day each page was compared with CHSI: the line under its title
        checked.load_checked(root)
    except SourceError as err:
        problems += str(err).splitlines()
    problems += item_problems(facts, {label: entry.gloss for label, entry in table.items()})
    for uri in uris:
        problems += page_problems(root, f"docs/{uri}", facts, table, config)
    if links:
        problems += link_problems(root, pages)
    return problems


def build_problems(root: Path) -> list[str]:
    """What the build refuses before it renders: the content problems and the pages citing their source (which make
    check reports through the copy lint)."""
    problems = content_problems(root, links=False)
    path = root / PHRASES_FILE
    if not path.is_file():
        return problems
    try:
        phrases = load_phrases(path)
    except SourceError as err:
        return [*problems, str(err).replace(f"{root}/", "")]
    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8", errors="replace")
        problems += [f"docs/{page.relative_to(root / 'docs').as_posix()}:{number}: '{phrase}': {ADVICE}"
                     for number, phrase in citing_lines(text, phrases)]
    return problems
