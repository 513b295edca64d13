"""A nav title without an English translation fails the build with mkdocs.yml, its line and the title."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixture_site import copy_site

from guide.checks import nav_translations

ROOT = Path(__file__).resolve().parent.parent

CONFIG = "site_name: x\nnav:\n  - 首页: index.md\n  - 联系: contact.md\n  - 部分:\n      - 小节: part.md\n"


def test_each_missing_title_is_named_with_its_line() -> None:
    nav = [{"首页": "index.md"}, {"联系": "contact.md"}, {"部分": [{"小节": "part.md"}]}]
    problems = nav_translations.untranslated(nav, [("en", {"首页": "Home", "部分": "Part"})], CONFIG, "mkdocs.yml")
    assert problems == [
        "mkdocs.yml:4: nav title '联系' has no en translation: add '联系: ...' under nav_translations of locale en",
        "mkdocs.yml:6: nav title '小节' has no en translation: add '小节: ...' under nav_translations of locale en",
    ]


def test_the_real_build_fails_when_a_translation_is_removed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_site(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "            联系学信网: Contact CHSI\n" in text
    config.write_text(text.replace("            联系学信网: Contact CHSI\n", ""), encoding="utf-8")
    line = text.splitlines().index("  - 联系学信网: contact.md") + 1
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert (f"mkdocs.yml:{line - 1}: nav title '联系学信网' has no en translation: "
            "add '联系学信网: ...' under nav_translations of locale en") in proc.stdout + proc.stderr
