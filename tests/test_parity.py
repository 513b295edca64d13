"""The parity check: one fixture drift at a time gives exactly its report line; the real docs/ give none."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from fixture_site import SITE

DATA = ROOT / "tests" / "data" / "parity"
from guide.checks.__main__ import parity_stage
from guide.checks.parity import report as check_parity


def fixture_project(tmp_path: Path, en: str | None = None) -> Path:
    """A copy of the fixture site; en: a file of tests/data/parity/bad/ to use as the English page."""
    root = tmp_path / "site"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("bad"))
    if en:
        shutil.copy(DATA / "bad" / en, root / "docs" / "good.en.md")
    # The pages link the facts by name ([words][chsi-home]), as the guide's pages do.
    shutil.copy(SITE / "includes" / "facts.yml", root / "includes" / "facts.yml")
    return root


def run(root: Path) -> list[str]:
    """make check's parity stage as it prints: warnings, problems, its summary line."""
    stage = parity_stage(root)
    return [*stage.before, *stage.problems, stage.summary]


def test_good_pair_has_no_problems(tmp_path: Path) -> None:
    out = run(fixture_project(tmp_path))
    assert out == ["parity: 1 pages in 2 languages (zh, en): 0 problems, 0 warnings"]


@pytest.mark.parametrize(
    ("bad", "lines"),
    [
        ("bad-heading-count.en.md",
         ["docs/good.en.md:16: heading ## {#checklist} of docs/good.zh.md:30 is missing here"]),
        ("bad-heading-id.en.md",
         ["docs/good.en.md:9: heading ## {#open-form} where docs/good.zh.md:9 has ## {#open-the-form}"]),
        ("bad-step-count.en.md",
         ["docs/good.en.md:9: section #open-the-form has 3 numbered steps, docs/good.zh.md:9 has 2"]),
        ("bad-checklist.en.md",
         ["docs/good.en.md:30: section #checklist has 1 checklist item, docs/good.zh.md:30 has 2"]),
        ("bad-admonition.en.md", ["docs/good.en.md:26: admonition !!! tip is not in docs/good.zh.md",
                                  "docs/good.en.md:26: admonition !!! warning of docs/good.zh.md:26 is missing here"]),
        ("bad-image.en.md", ["docs/good.en.md:14: image form-old.png is not in docs/good.zh.md",
                             "docs/good.en.md:14: image form.png of docs/good.zh.md:14 is missing here"]),
        ("bad-links.en.md", ["docs/good.en.md:9: link [chsi-home] of docs/good.zh.md:11 is missing here",
                             "docs/good.en.md:11: link https://www.chsi.cn/ is not in docs/good.zh.md",
                             "docs/good.en.md:16: link phone +861067410388 of docs/good.zh.md:28 is missing here",
                             "docs/good.en.md:28: link phone +861068352057 is not in docs/good.zh.md"]),
        ("bad-undefined-ref.en.md", [
            "docs/good.en.md:9: link [chsi-home] of docs/good.zh.md:11 is missing here",
            ("docs/good.en.md:11: reference [chsi-homepage] is not defined in includes/facts.yml: "
            "it would show as plain text")]),
        ("bad-gloss.en.md", [("docs/good.en.md:12: UI label **注册** is glossed '(Sign up)' "
                             "but includes/ui-labels.yml says '(Register)'")]),
    ],
)
def test_each_drift_is_one_report_line(tmp_path: Path, bad: str,
                                       lines: list[str]) -> None:
    out = run(fixture_project(tmp_path, en=bad))
    assert out[:-1] == lines
    assert out[-1] == f"parity: 1 pages in 2 languages (zh, en): {len(lines)} problems, 0 warnings"


def test_a_page_in_one_language_only_is_left_to_the_content_stage(tmp_path: Path) -> None:
    """guide/checks/page_pairs.py names the missing file (tests/test_page_pairs.py): make check says it once."""
    root = fixture_project(tmp_path)
    (root / "docs" / "good.en.md").unlink()
    assert run(root) == ["parity: 1 pages in 2 languages (zh, en): 0 problems, 0 warnings"]


def test_a_label_no_english_page_uses_is_reported(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    with (root / "includes" / "ui-labels.yml").open("a", encoding="utf-8") as table:
        table.write("找回密码: {gloss: Recover password, source: quoted}\n")
    out = run(root)
    assert out[0] == (
        "includes/ui-labels.yml:5: label 找回密码 is used on no English page and drawn in no picture: remove it")


def git(root: Path, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_a_page_changed_after_its_translation_is_a_warning(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "both languages")
    zh = root / "docs" / "good.zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("只需几分钟", "只需五分钟"), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Chinese only")
    out = run(root)
    assert out[0].startswith(
        "docs/good.en.md: warning: possibly outdated: docs/good.zh.md changed in a later commit (")
    assert out[-1] == "parity: 1 pages in 2 languages (zh, en): 0 problems, 1 warnings"


def test_real_docs_have_no_parity_problems() -> None:
    report = check_parity.check_project(SITE)
    assert [str(f) for f in report.problems] == []
    assert report.languages == ["zh", "en"]


def test_headings_without_ids_and_labels_missing_from_the_other_page(tmp_path: Path) -> None:
    root = fixture_project(tmp_path)
    zh = root / "docs" / "good.zh.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("## 出发前 {#checklist}", "## 出发前").replace("选择 **立即注册**", "注册吧"),
                  encoding="utf-8")
    out = run(root)
    assert out == [
        "docs/good.en.md:30: heading ## {#checklist} where docs/good.zh.md:30 has ## 出发前",
        "docs/good.en.md:35: UI label **立即注册** does not occur in docs/good.zh.md",
        "docs/good.zh.md:30: heading '出发前' has no explicit id: add {#some-id}, the same in every language",
        "parity: 1 pages in 2 languages (zh, en): 3 problems, 0 warnings",
    ]
