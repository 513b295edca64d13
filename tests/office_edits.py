"""The office's ordinary edits, as the README's recipes say to make them, on a copy of the tests' site."""
from __future__ import annotations

import re
from pathlib import Path

import site_sources


def insert_after(path: Path, anchor: re.Pattern[str], new_lines: list[str]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if anchor.search(line)) + 1
    lines[at:at] = [line + "\n" for line in new_lines]
    path.write_text("".join(lines), encoding="utf-8")


def rename_files(project: Path, old: str, new: str) -> None:
    """Rename docs/OLD.*.md to NEW, and change its nav line in mkdocs.yml and the links to it in docs/."""
    for lang in site_sources.languages(project):
        (project / "docs" / f"{old}.{lang}.md").rename(project / "docs" / f"{new}.{lang}.md")
    link = re.compile(rf"(?<![\w/-]){re.escape(old)}\.md")
    for page in [project / "mkdocs.yml", *(project / "docs").glob("*.md")]:
        text = page.read_text(encoding="utf-8")
        page.write_text(link.sub(f"{new}.md", text), encoding="utf-8")
    # Its line in includes/checked.yml keeps its date under the new name: a rename is not a check against CHSI.
    checked = project / "includes" / "checked.yml"
    text = checked.read_text(encoding="utf-8")
    checked.write_text(re.sub(rf"^(\s+(?:- )?){re.escape(old)}(:|\s*$)", rf"\g<1>{new}\2", text, flags=re.MULTILINE),
                       encoding="utf-8")


def add_redirect(project: Path, old: str, new: str) -> None:
    """`old/: new.md` under redirects in redirects.yml (the file says `redirects: {}` while it has none)."""
    redirects = project / "redirects.yml"
    text = redirects.read_text(encoding="utf-8")
    line = f"  {old}/: {new}.md\n"
    text = (text.replace("redirects: {}\n", f"redirects:\n{line}") if "redirects: {}" in text
            else text.rstrip("\n") + f"\n{line}")
    redirects.write_text(text, encoding="utf-8")


CHECKED_ON = "2026-12-06"  # the day a new page was compared with CHSI, as the office writes it
NEW_PAGE = {
    "zh": ("记下账号", (
        '---\ndescription: "把学信网账号和密码记在安全的地方。"\n---\n\n# 记下账号 {#keep-your-details}\n\n'
        "注册后，记下账号和密码。\n\n## 记在哪里 {#where-to-keep-them}\n\n1. 把账号和密码写在安全的地方。\n"
        "2. 不要告诉别人。\n")),
    "en": ("Keep your details", (
        '---\ndescription: "Keep your CHSI account name and password somewhere safe."\n---\n\n'
        "# Keep your details {#keep-your-details}\n\nAfter registering, note your account name and password.\n\n"
        "## Where to keep them {#where-to-keep-them}\n\n1. Write them down somewhere safe.\n"
        "2. Do not tell anyone.\n")),
}


def add_page_pair(project: Path, name: str) -> None:
    """docs/NAME.zh.md and .en.md, with its lines in mkdocs.yml's nav and nav_translations, published-links.yml
    and includes/checked.yml."""
    for lang, (_title, text) in NEW_PAGE.items():
        (project / "docs" / f"{name}.{lang}.md").write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    last = site_sources.nav_files(project)[-1]
    insert_after(config, re.compile(rf":\s+{re.escape(last)}\s*$"), [f"  - {NEW_PAGE['zh'][0]}: {name}.md"])
    text = config.read_text(encoding="utf-8")
    indent = re.search(r"^( *)nav_translations:\n( *)", text, re.MULTILINE).group(2)
    insert_after(config, re.compile(r"^\s*nav_translations:"), [f"{indent}{NEW_PAGE['zh'][0]}: {NEW_PAGE['en'][0]}"])
    insert_after(project / "published-links.yml", re.compile(r"^pages:"), [f"  - path: {name}/"])
    insert_after(project / "includes" / "checked.yml", re.compile(r"^pages:"), [f"  {name}: {CHECKED_ON}"])


NEW_QUESTION = {
    "zh": "## 页面打不开 {#page-does-not-open}\n\n刷新页面，或换一个浏览器再试。\n",
    "en": "## The page does not open {#page-does-not-open}\n\nReload the page, or try another browser.\n",
}


def add_question(project: Path) -> None:
    """A new question with its answer on both troubleshooting pages, before the last (the catch-all stays last)."""
    for lang, section in NEW_QUESTION.items():
        page = site_sources.docs_file("troubleshooting/", lang, project)
        text = page.read_text(encoding="utf-8")
        last = text.rindex("\n## ") + 1
        page.write_text(text[:last] + section + "\n" + text[last:], encoding="utf-8")


def most_linked_page(project: Path) -> str:
    """The page (not the home page) that most other pages link to: renaming it changes the most files."""
    names = [name.removesuffix(".md") for name in site_sources.nav_files(project) if "/" not in name]
    texts = [p.read_text(encoding="utf-8") for p in (project / "docs").glob("*.md")]
    return max((n for n in names if n != "index"), key=lambda n: sum(t.count(f"{n}.md") for t in texts))
