"""A page never cites its own source ("the office's guide", 本校指南): the build and the copy lint name the line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from fixture_site import SITE, copy_site

DATA = ROOT / "tests" / "data" / "source-citing"
from guide.checks import copy_lint as lint_copy
from guide.checks import source_citing
from guide.sources.errors import SourceError

PHRASES = source_citing.load_phrases(SITE / source_citing.PHRASES_FILE)
ADVICE = source_citing.ADVICE


def problems(name: str) -> list[str]:
    return source_citing.citing_problems((DATA / name).read_text(encoding="utf-8"), f"docs/{name}", PHRASES)


def test_a_page_that_tells_the_student_what_to_do_passes() -> None:
    assert problems("good.en.md") == []


def test_every_citing_line_is_named_front_matter_admonitions_and_alt_text_included() -> None:
    assert problems("bad.en.md") == [
        f"docs/bad.en.md:2: 'office's guide': {ADVICE}",
        f"docs/bad.en.md:9: 'office’s guide': {ADVICE}",
        f"docs/bad.en.md:11: 'guide does not say': {ADVICE}",
        f"docs/bad.en.md:13: 'office's picture': {ADVICE}",
    ]


def test_chinese_phrases_are_found_too() -> None:
    assert problems("bad.zh.md") == [f"docs/bad.zh.md:7: '本校指南': {ADVICE}", f"docs/bad.zh.md:11: '指南未提及': {ADVICE}"]


def test_the_phrase_list_holds_both_languages() -> None:
    assert "office's guide" in PHRASES and "本校指南" in PHRASES


def test_the_build_stops_on_a_citing_page(tmp_path: Path) -> None:
    """The build runs the same check (guide/mkdocs_hooks/checks.py) and names the line; the good pages build."""
    project = tmp_path / "project"
    copy_site(project)

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                              cwd=project, capture_output=True, text=True, check=False)

    assert build().returncode == 0
    page = project / "docs" / "index.zh.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + (DATA / "bad.zh.md").read_text(encoding="utf-8").splitlines()[6] + "\n"
    page.write_text(text, encoding="utf-8")
    proc = build()
    assert proc.returncode != 0
    assert f"docs/index.zh.md:{len(text.splitlines())}: '本校指南': {ADVICE}" in proc.stderr.splitlines()


@pytest.mark.parametrize(("text", "message"), [
    ("en: [\"office's guide\"\n", "phrases.yml:2: not valid YAML"),
    ("en: []\n", "phrases.yml: expected one list of phrases per language"),
    ("en: [\"\"]\n", "phrases.yml: '' is not a phrase"),
])
def test_a_broken_phrase_list_says_what_to_write(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "phrases.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as err:
        source_citing.load_phrases(path)
    assert str(err.value).startswith(f"{tmp_path}/{message}")


def test_the_copy_lint_finds_them_for_make_check() -> None:
    found = lint_copy.lint_citing((DATA / "bad.zh.md").read_text(encoding="utf-8"), "docs/bad.zh.md", PHRASES)
    assert [str(f) for f in found] == [f"docs/bad.zh.md:7: '本校指南': {ADVICE} [source-citing]",
                                       f"docs/bad.zh.md:11: '指南未提及': {ADVICE} [source-citing]"]


def test_no_real_page_cites_its_source() -> None:
    pages = sorted((SITE / "docs").glob("*.md"))
    assert pages
    found = [p for page in pages
             for p in source_citing.citing_problems(page.read_text(encoding="utf-8"), f"docs/{page.name}", PHRASES)]
    assert found == []
