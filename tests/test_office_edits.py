"""The office's ordinary edits, made on a copy of the tests' site as README.md's recipes say: each passes `make check`
and the strict build with no test edited, and each wrong edit is refused by `make check`, naming the file and line.
`make check`'s static stages run in-process; its rendered stage and the pictures have tests of their own.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import build_site
from office_edits import add_page_pair, add_question, add_redirect, most_linked_page, rename_files

from guide.checks import __main__ as make_check

STATIC_STAGES = [stage for stage in make_check.STATIC if stage is not make_check.pictures_stage]


def check(project: Path) -> list[str]:
    return [problem for stage in STATIC_STAGES for problem in stage(project).problems]


def passes(project: Path, site: Path) -> Path:
    """make check's static stages find nothing and the strict build passes; the built site."""
    assert check(project) == []
    return build_site(site, project=project)


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old` by `new`; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: the recipe's anchor moved"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_the_ordinary_additions_pass_together(project: Path, tmp_path: Path) -> None:
    """README's recipes, on one copy and one build: "Change the e-mail to CHSI" (an eighth item that is a text),
    "Add a new kind of fact" then "Answer a question" (the hotline's hours; the question's row goes, and with it its
    guard), a new troubleshooting symptom, and a new page pair with its nav entry."""
    facts = project / "includes" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    last_item = re.search(r"^  items:\n(?:    - .*\n(?:       .*\n)*)+", text, re.MULTILINE)
    facts.write_text(text[:last_item.end()] + "    - {label: 学号, english: Student ID number}\n"
                     + text[last_item.end():], encoding="utf-8")
    with (project / "includes" / "ui-labels.yml").open("a", encoding="utf-8") as table:
        table.write("学号: {gloss: Student ID number, source: quoted, mark: plain}\n")
    replace(facts, "texts: {}", 'texts:\n  hotline-hours: {zh: "9:00-17:00（北京时间）", en: "9:00-17:00 (UTC+8)"}')
    replace(project / "docs" / "contact.en.md", "- Chinese service: {{ hotline-zh }}\n",
            "- Chinese service: {{ hotline-zh }}\n\nThe hotlines answer {{ hotline-hours }}.\n")
    replace(project / "docs" / "contact.zh.md", "- 英文服务 {{ hotline-en }}\n",
            "- 英文服务 {{ hotline-en }}\n\n服务时间：{{ hotline-hours }}。\n")
    questions = project / "CONTENT-QUESTIONS.md"
    lines = questions.read_text(encoding="utf-8").splitlines(keepends=True)
    questions.write_text("".join(line for line in lines if not line.startswith("| 7 |")), encoding="utf-8")
    add_question(project)
    add_page_pair(project, "keep-your-details")
    site = passes(project, tmp_path / "site")

    english = (site / "en" / "locked-out" / "index.html").read_text(encoding="utf-8")
    chinese = (site / "locked-out" / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<input id="mc-item-8"[^>]*>', english)
    assert box and 'type="text"' in box.group(0), "the eighth item is a text box, not an attachment to tick"
    body = unquote(re.search(r'href="(mailto:[^"]+\?subject=[^"]+)"', english).group(1))
    assert "(8) 学号 Student ID number: " in body and "学号 Student ID number: 见附件" not in body
    assert "eight items" in english and "seven items" not in english
    assert "八项" in chinese and "七项" not in chinese
    for page in ("contact", "troubleshooting", "checklist"):
        assert "eight" in (site / "en" / page / "index.html").read_text(encoding="utf-8"), page
    assert "The hotlines answer 9:00-17:00 (UTC+8)." in (site / "en" / "contact" / "index.html").read_text("utf-8")
    assert "服务时间：9:00-17:00（北京时间）。" in (site / "contact" / "index.html").read_text("utf-8")
    assert 'id="page-does-not-open"' in (site / "en" / "troubleshooting" / "index.html").read_text("utf-8")
    assert 'id="where-to-keep-them"' in (site / "en" / "keep-your-details" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(("page", "old", "new", "says"), [
    ("contact.en.md", "- English service: {{ hotline-en }}", "- English service: 010-12345678",
     "includes/facts.yml"),
    ("register.en.md", "**立即注册** (Register now)", "**立即注册**", "立即注册"),
    ("contact.en.md", "## Service e-mail {#email}", "The hotlines answer 9:00-17:00 (UTC+8).\n\n## Service e-mail {#email}",
     "UTC+8"),
], ids=["a-typed-number", "a-label-without-its-gloss", "hours-typed-while-the-question-is-open"])
def test_a_wrong_edit_is_refused_naming_file_and_line(project: Path, page: str, old: str, new: str,
                                                      says: str) -> None:
    line = replace(project / "docs" / page, old, new)
    problems = check(project)
    assert any(p.startswith(f"docs/{page}:{line}:") and says in p for p in problems), problems


def test_renamed_pages_with_their_redirect_lines(project: Path, tmp_path: Path) -> None:
    """README's rename recipe on the page most others link to, and on the checklist: the PDFs follow the checklist
    through its redirect line, and it stays its own one-page PDF."""
    old = most_linked_page(project)
    assert old != "checklist"
    # The recipe: rename the files, change the nav line and the links, add the redirect line (the redirect serves
    # published-links.yml's entry for the old address).
    for name, new in ((old, f"{old}-renamed"), ("checklist", "printable-checklist")):
        rename_files(project, name, new)
        add_redirect(project, name, new)
    site = passes(project, tmp_path / "site")
    assert "redirect page made from redirects.yml" in (site / "en" / old / "index.html").read_text("utf-8")
    assert (site / "en" / f"{old}-renamed" / "index.html").is_file()
    proc = subprocess.run([sys.executable, "-m", "guide.pdf", "--site-dir", str(site)], cwd=project,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "chsi-checklist-en.pdf  1 page" in proc.stdout
