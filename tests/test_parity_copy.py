"""The copy lint: Chinese typography, English spelling and Markdown rules, on fixtures and on the real docs/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "parity"
from fixture_site import SITE

from guide.checks import copy_lint as lint_copy


def test_chinese_typography_is_linted_inside_admonitions_too() -> None:
    text = (DATA / "bad" / "bad-typography.zh.md").read_text(encoding="utf-8")
    found = lint_copy.lint_chinese(text, "docs/x.zh.md", set())
    assert [str(f) for f in found] == [
        "docs/x.zh.md:3: write '在学信网注册 CHSI 账号，只需 3 分钟。' for '在学信网注册CHSI账号,只需3分钟。' [autocorrect]",
        "docs/x.zh.md:7: write '用护照注册 CHSI 账号。' for '用护照注册CHSI账号。' [autocorrect]",
    ]


def test_ui_labels_keep_the_screens_own_punctuation() -> None:
    label = "华侨身份证/护照(无身份证者可填护照号)"
    text = f"2. 在 **证件类型** 中选择 **{label}**。\n"
    assert len(lint_copy.lint_chinese(text, "p.zh.md", set())) == 1
    assert lint_copy.lint_chinese(text, "p.zh.md", {label}) == []


def test_bad_english_page_gets_spelling_and_markdown_findings(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    shutil.copy(DATA / "bad" / "bad-spelling.en.md", root / "docs" / "good.en.md")
    shutil.copy(DATA / "bad" / "bad-typography.zh.md", root / "docs" / "good.zh.md")
    pages, found = lint_copy.lint_project(root)
    assert pages == ["docs/good.en.md", "docs/good.zh.md"]
    assert [(f.tool, f.path, f.line) for f in found] == [
        ("codespell", "docs/good.en.md", 3),
        ("pymarkdown", "docs/good.en.md", 5),
        ("autocorrect", "docs/good.zh.md", 3),
        ("autocorrect", "docs/good.zh.md", 7),
    ]
    assert found[0].message == "recieve ==> receive"
    assert found[1].message.startswith("MD059 descriptive-link-text")


def test_main_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    assert lint_copy.main(["--root", str(root)]) == 0
    assert capsys.readouterr().out == "copy: 2 pages: 0 findings\n"
    assert lint_copy.main(["--root", str(tmp_path)]) == 2


def test_real_docs_have_no_copy_findings() -> None:
    _, found = lint_copy.lint_project(SITE)
    assert [str(f) for f in found] == []
