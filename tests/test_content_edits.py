"""The office's ordinary edits, made on a copy of the project exactly as the README's recipes say, pass the strict
build and the tests that read the pages, with no test file edited.

Each test copies the project (never touching the real docs/), makes one edit, builds the copy strictly, then runs
the copy's own, unedited test files that follow the content: the page list, published links, redirects, parity,
copy lint, budgets, headers, search, pictures, facts. A test that kept its own copy of a page list, a heading id or
a nav title would fail here.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import site_sources

ROOT = Path(__file__).resolve().parent.parent
# What a clone does not hold (or a build writes): everything else is copied.
NOT_COPIED = shutil.ignore_patterns(".venv", "site", "site.tmp-*", "site.old-*", "node_modules", ".git", ".cache",
                                    ".pytest_cache", "__pycache__")
# The copy's test files that read pages, ids and titles from the sources (no browser, no PDF).
CONTENT_TESTS = ["tests/test_site_build.py", "tests/test_published_links.py", "tests/test_parity.py",
                 "tests/test_parity_copy.py", "tests/test_budgets.py", "tests/test_security_headers.py",
                 "tests/test_search_index.py", "tests/test_source_facts.py", "tests/test_shots_legends.py",
                 "tests/test_ui_labels.py", "tests/test_nav_translations.py"]
NO_BROWSER = ["-mnot browser"]  # pytest's -m with its value attached ("-m" then a word reads as `python -m`)


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=NOT_COPIED)
    return dest


def strict_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site)],
                          cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True,
                          check=False)


def run_tests(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *args],
                          cwd=project, env=env, capture_output=True, text=True, check=False)


def passes(proc: subprocess.CompletedProcess[str], what: str) -> int:
    """The number of tests that passed; fails the test with the copy's output unless all did."""
    tail = (proc.stdout + proc.stderr)[-6000:]
    assert proc.returncode == 0, f"{what} failed on the edited copy (exit {proc.returncode}):\n{tail}"
    passed = re.search(r"(\d+) passed", proc.stdout)
    assert passed and " failed" not in proc.stdout and " error" not in proc.stdout, tail
    return int(passed.group(1))


def insert_after(path: Path, anchor: re.Pattern[str], new_lines: list[str]) -> None:
    """Insert lines after the first line matching `anchor`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if anchor.search(line)) + 1
    lines[at:at] = [line + "\n" for line in new_lines]
    path.write_text("".join(lines), encoding="utf-8")


# --- the recipes -----------------------------------------------------------------------------------


def rename_files(project: Path, old: str, new: str) -> None:
    """Rename docs/OLD.*.md to NEW, and change its nav line in mkdocs.yml and the links to it in docs/."""
    for lang in site_sources.languages(project):
        (project / "docs" / f"{old}.{lang}.md").rename(project / "docs" / f"{new}.{lang}.md")
    link = re.compile(rf"(?<![\w/-]){re.escape(old)}\.md")
    for page in [project / "mkdocs.yml", *(project / "docs").glob("*.md")]:
        text = page.read_text(encoding="utf-8")
        page.write_text(link.sub(f"{new}.md", text), encoding="utf-8")


def add_redirect(project: Path, old: str, new: str) -> None:
    """`old/: new.md` under redirects in redirects.yml (the file says `redirects: {}` while it has none)."""
    redirects = project / "redirects.yml"
    text = redirects.read_text(encoding="utf-8")
    line = f"  {old}/: {new}.md\n"
    text = (text.replace("redirects: {}\n", f"redirects:\n{line}") if "redirects: {}" in text
            else text.rstrip("\n") + f"\n{line}")
    redirects.write_text(text, encoding="utf-8")


def rename_page(project: Path, old: str, new: str) -> None:
    """The README's recipe: rename the files, change the nav line and the links, add the redirect line.

    published-links.yml keeps its entry for the old address: the redirect serves it.
    """
    rename_files(project, old, new)
    add_redirect(project, old, new)


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
    """docs/NAME.zh.md and .en.md, `- 中文标题: NAME.md` under nav, its English title under nav_translations, and
    the page's address in published-links.yml."""
    for lang, (_title, text) in NEW_PAGE.items():
        (project / "docs" / f"{name}.{lang}.md").write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    last = site_sources.nav_files(project)[-1]
    insert_after(config, re.compile(rf":\s+{re.escape(last)}\s*$"), [f"  - {NEW_PAGE['zh'][0]}: {name}.md"])
    text = config.read_text(encoding="utf-8")
    indent = re.search(r"^( *)nav_translations:\n( *)", text, re.MULTILINE).group(2)
    insert_after(config, re.compile(r"^\s*nav_translations:"), [f"{indent}{NEW_PAGE['zh'][0]}: {NEW_PAGE['en'][0]}"])
    insert_after(project / "published-links.yml", re.compile(r"^pages:"), [f"  - path: {name}/"])


NEW_QUESTION = {
    "zh": "## 页面打不开 {#page-does-not-open}\n\n刷新页面，或换一个浏览器再试。\n",
    "en": "## The page does not open {#page-does-not-open}\n\nReload the page, or try another browser.\n",
}


def add_question(project: Path) -> dict[str, Path]:
    """A new `## question {#id}` with its answer on the troubleshooting pages of both languages, before the last
    question (the catch-all stays last)."""
    pages = {}
    for lang, section in NEW_QUESTION.items():
        page = site_sources.docs_file("troubleshooting/", lang, project)
        text = page.read_text(encoding="utf-8")
        last = text.rindex("\n## ") + 1
        page.write_text(text[:last] + section + "\n" + text[last:], encoding="utf-8")
        pages[lang] = page
    return pages


def most_linked_page(project: Path) -> str:
    """The page (not the home page) that most other pages link to: renaming it changes the most files."""
    names = [name.removesuffix(".md") for name in site_sources.nav_files(project) if "/" not in name]
    texts = [p.read_text(encoding="utf-8") for p in (project / "docs").glob("*.md")]
    return max((n for n in names if n != "index"), key=lambda n: sum(t.count(f"{n}.md") for t in texts))


# --- the tests -------------------------------------------------------------------------------------


def test_a_renamed_page_with_its_redirect_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    old = most_linked_page(project)
    new = f"{old}-renamed"
    rename_page(project, old, new)
    site = tmp_path / "site"
    build = strict_build(project, site)
    assert build.returncode == 0, f"the strict build of the renamed copy failed:\n{build.stdout}\n{build.stderr}"
    for prefix in site_sources.languages(project).values():
        assert "redirect page made from redirects.yml" in (site / prefix / old / "index.html").read_text("utf-8")
        assert (site / prefix / new / "index.html").is_file()
    # The redirect pages run no inline script, so the committed nginx snippet needs no `make headers`.
    check = subprocess.run([sys.executable, "-m", "guide.deploy.headers_snippet", "--site", str(site), "--check"],
                           cwd=project, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    assert passes(run_tests(project, *NO_BROWSER, *CONTENT_TESTS), "the content tests") > 50
    # In Chromium: the searches that must find the page (now at its new address), and the CSP on every page.
    assert passes(run_tests(project, "tests/test_browser_search_ranking.py", "tests/test_browser_language.py",
                            "-k", "search"), "the search tests") > 10


def test_a_new_page_pair_with_its_nav_entry(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_page_pair(project, "keep-your-details")
    site = tmp_path / "site"
    build = strict_build(project, site)
    assert build.returncode == 0, f"the strict build with a new page failed:\n{build.stdout}\n{build.stderr}"
    english = (site / "en" / "keep-your-details" / "index.html").read_text(encoding="utf-8")
    assert "Keep your details" in english and 'id="where-to-keep-them"' in english
    assert passes(run_tests(project, *NO_BROWSER, *CONTENT_TESTS), "the content tests") > 50


def test_a_new_question_on_the_troubleshooting_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    pages = add_question(project)
    site = tmp_path / "site"
    build = strict_build(project, site)
    assert build.returncode == 0, f"the strict build with a new question failed:\n{build.stdout}\n{build.stderr}"
    roots = site_sources.languages(project)
    for lang, page in pages.items():
        built = site / roots[lang] / site_sources.current("troubleshooting/", project) / "index.html"
        assert 'id="page-does-not-open"' in built.read_text(encoding="utf-8"), f"{page} built without the question"
    assert passes(run_tests(project, *NO_BROWSER, *CONTENT_TESTS), "the content tests") > 50
