"""Check the guide's sources as the build does, without building: every mistake the build refuses, in seconds.

make check runs it first, as its content stage. It runs the build's own check functions (guide/mkdocs_hooks/checks.py calls this module) over docs/, includes/ and mkdocs.yml: file hygiene, pages in one
language only, pages missing from the nav, nav titles without a translation, front matter, facts typed by hand or
named wrongly, UI labels, the e-mail's items, the screen list, and every link, picture and heading id between the
pages. One line per problem (file:line: what is wrong and what to do), then a summary line.
"""
from __future__ import annotations

from pathlib import Path

from guide.checks import front_matter, mail_items, nav_translations, page_pairs, source_citing, source_hygiene
from guide.linkcheck import internal
from guide.sources import checked, screens, site_config, ui_labels
from guide.sources import facts as facts_module
from guide.sources.errors import SourceError


def page_problems(root: Path, src: str, facts: facts_module.Facts, table: dict,
                  config: site_config.SiteConfig) -> list[str]:
    """What the build's page hooks would refuse in one page (front matter, facts, labels)."""
    path = root / src
    source = path.read_text(encoding="utf-8")
    problems = [p for p in [front_matter.front_matter_problem(source, src)] if p]
    first = ui_labels.front_matter_lines(source) + 1
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


def link_problems(root: Path, pages: list[Path], facts: facts_module.Facts,
                  config: site_config.SiteConfig) -> list[str]:
    """Links between pages, pictures and heading ids that do not resolve (the build's --strict link validation)."""
    def expand(path: Path, text: str) -> str:
        return facts_module.expand(text, facts, config.language_of(path.name), str(path))[0]

    found = internal.check_markdown(pages, root / "docs", facts.references(), expand)
    prefixes = {f"{root}/", f"{root.resolve()}/"}

    def relative(text: str) -> str:  # the checker names files from the working folder; name them from the project
        for prefix in prefixes:
            text = text.replace(prefix, "")
        return text

    return [relative(f"{source}: {result.detail}: fix the link, or the file name or heading id it points to")
            for _key, result in sorted(found.internal.items()) if result.verdict == internal.BROKEN
            for source in result.sources]


def content_problems(root: Path, *, links: bool = True) -> list[str]:
    """Every problem the build would stop at in root's sources, one line each. links=False leaves out the links
    between pages, which the build has MkDocs check (guide/mkdocs_hooks/warning_lines.py adds the line)."""
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
    problems += page_pairs.missing_translations(uris, config.codes)
    problems += source_hygiene.missing_from_nav(uris, config.nav)
    translated = [(lang.code, lang.nav_translations) for lang in config.languages if not lang.default]
    problems += nav_translations.untranslated(config.nav, translated,
                                              (root / site_config.MKDOCS_YML).read_text(encoding="utf-8"), "mkdocs.yml")
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
    problems += mail_items.item_problems(facts, {label: entry.gloss for label, entry in table.items()})
    for uri in uris:
        problems += page_problems(root, f"docs/{uri}", facts, table, config)
    if links:
        problems += link_problems(root, pages, facts, config)
    return problems


def build_problems(root: Path) -> list[str]:
    """What the build refuses before it renders: every content problem but the links (MkDocs checks those as it
    renders), and any page that cites its own source (make check reports those through the copy lint)."""
    problems = content_problems(root, links=False)
    path = root / source_citing.PHRASES_FILE
    if not path.is_file():
        return problems
    try:
        phrases = source_citing.load_phrases(path)
    except SourceError as err:
        return [*problems, str(err).replace(f"{root}/", "")]
    for page in sorted((root / "docs").rglob("*.md")):
        src = f"docs/{page.relative_to(root / 'docs').as_posix()}"
        problems += source_citing.citing_problems(page.read_text(encoding="utf-8", errors="replace"), src, phrases)
    return problems
