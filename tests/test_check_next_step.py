"""make check: while the theme shows a footer "Next" (navigation.footer), each page's own "Next:" line leads to the
page after it in the nav, so a student is never sent two ways."""
from __future__ import annotations

import shutil
from pathlib import Path

from guide.checks import next_step

PROJECT = Path(__file__).parent / "data" / "checks" / "project"


def with_footer(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    - navigation.top\n",
                                                                 "    - navigation.top\n    - navigation.footer\n"),
                      encoding="utf-8")
    return root


def test_lines_that_agree_with_the_footer_pass(tmp_path: Path) -> None:
    assert next_step.next_problems(with_footer(tmp_path)) == []


def test_a_line_that_the_footer_contradicts_is_named_in_each_language(tmp_path: Path) -> None:
    root = with_footer(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - 注册: register.md\n  - 联系: contact.md\n",
                                                                 "  - 联系: contact.md\n  - 注册: register.md\n"),
                      encoding="utf-8")
    assert next_step.next_problems(root) == [
        ("docs/index.zh.md:9: the footer's Next is contact.md (the next page in the nav of mkdocs.yml), but this "
        "'下一步：' line leads to register.md: make them agree (reorder the nav in mkdocs.yml, or change the line)"),
        ("docs/index.en.md:9: the footer's Next is contact.md (the next page in the nav of mkdocs.yml), but this "
        "'Next:' line leads to register.md: make them agree (reorder the nav in mkdocs.yml, or change the line)"),
    ]


def test_a_line_over_two_lines_is_read_whole() -> None:
    assert next_step.own_next("Text.\n\nNext: once it works,\n[call CHSI](contact.md#hotlines).\n", "Next:") == (
        3, ["contact.md"])


def test_without_the_footer_there_is_one_next_only(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    page = root / "docs" / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(register.md)", "(contact.md)"), encoding="utf-8")
    assert next_step.next_problems(root) == []
    assert next_step.next_problems(with_footer(tmp_path / "footer")) == []
