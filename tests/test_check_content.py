"""make check's source checks: the build's own check functions over docs/, includes/ and mkdocs.yml, no build.

On the small project of tests/data/checks/project (the real sources are make check's to judge, not a test's)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guide.checks import content as check_content

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "tests" / "data" / "checks" / "project"


def copy_sources(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project)
    return project


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_sources_without_a_mistake_pass() -> None:
    assert check_content.content_problems(PROJECT) == []


def test_typical_mistakes_are_each_named_with_file_line_and_what_to_do(tmp_path: Path) -> None:
    project = copy_sources(tmp_path)
    page = project / "docs" / "contact.en.md"
    line = line_of(page, "{{ hotline-en }}")
    page.write_text(page.read_text(encoding="utf-8").replace("{{ hotline-en }}", "010-00000001"), encoding="utf-8")
    linking = project / "docs" / "register.en.md"
    link_line = line_of(linking, "contact.md#hotlines")
    linking.write_text(linking.read_text(encoding="utf-8").replace("contact.md#hotlines", "contact.md#no-such-section"),
                       encoding="utf-8")
    (project / "docs" / "faq.en.md").write_text('---\ndescription: "x"\n---\n\n# FAQ {#faq}\n', encoding="utf-8")
    found = check_content.content_problems(project)
    assert (f"docs/contact.en.md:{line}: the number 010-00000001 is typed here: write {{{{ hotline-en }}}} instead, "
            "so the page always shows what includes/facts.yml says") in found
    assert any(p.startswith(f"docs/register.en.md:{link_line}: no heading or id 'no-such-section'") for p in found), found
    assert "docs/faq.zh.md is missing (docs/faq.en.md exists): write the translation" in found
    assert any(p.startswith("docs/faq.en.md:1: this page is not in the nav of mkdocs.yml") for p in found), found


def test_make_check_prints_one_line_per_problem_and_exits_1(tmp_path: Path) -> None:
    project = copy_sources(tmp_path)
    (project / "includes" / "facts.yml").write_text("school: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.checks", "--only", "content", "--root", str(project)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith("includes/facts.yml:2: not valid YAML")
    assert proc.stdout.splitlines()[-2:] == ["content: 1 problem(s)",
                                             "make check: 1 problem(s): fix them and run make check again"]
