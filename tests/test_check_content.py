"""make check's source checks: the build's own check functions over docs/, includes/ and mkdocs.yml, no build."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from project_facts import FACTS, ROOT

from guide.checks import content as check_content


def copy_sources(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for part in ("docs", "includes"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def english_page_with(project: Path, needle: str) -> Path:
    return next(p for p in sorted((project / "docs").glob("*.en.md")) if needle in p.read_text(encoding="utf-8"))


def test_the_real_sources_have_no_problem() -> None:
    assert check_content.content_problems(ROOT) == []


def test_typical_mistakes_are_each_named_with_file_line_and_what_to_do(tmp_path: Path) -> None:
    project = copy_sources(tmp_path)
    page = english_page_with(project, "{{ hotline-en }}")
    text = page.read_text(encoding="utf-8")
    line = text[: text.index("{{ hotline-en }}")].count("\n") + 1
    page.write_text(text.replace("{{ hotline-en }}", FACTS.hotlines["hotline-en"], 1), encoding="utf-8")
    linking = english_page_with(project, ".md#")
    linked = linking.read_text(encoding="utf-8")
    target = linked[linked.index(".md#") + 4:].split(")")[0]
    link_line = linked[: linked.index(".md#")].count("\n") + 1
    linking.write_text(linked.replace(f".md#{target})", ".md#no-such-section)", 1), encoding="utf-8")
    lonely = project / "docs" / "faq.en.md"
    lonely.write_text('---\ndescription: "x"\n---\n\n# FAQ {#faq}\n', encoding="utf-8")
    found = check_content.content_problems(project)
    rel = lambda p: p.relative_to(project).as_posix()
    assert f"{rel(page)}:{line}: the number {FACTS.hotlines['hotline-en']} is typed here: write {{{{ hotline-en }}}} " \
           "instead, so the page always shows what includes/facts.yml says" in found
    assert any(p.startswith(f"{rel(linking)}:{link_line}: no heading or id 'no-such-section'") for p in found), found
    assert "docs/faq.zh.md is missing (docs/faq.en.md exists): write the translation" in found
    assert any(p.startswith("docs/faq.en.md:1: this page is not in the nav of mkdocs.yml") for p in found), found


def test_the_command_prints_one_line_per_problem_and_exits_1(tmp_path: Path) -> None:
    project = copy_sources(tmp_path)
    (project / "includes" / "facts.yml").write_text("school: [\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "guide.checks.content", "--root", str(project)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith("includes/facts.yml:2: not valid YAML")
    assert proc.stdout.splitlines()[-1] == "content: 1 problem(s)"
