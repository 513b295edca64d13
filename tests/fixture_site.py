"""The tests' own site, tests/data/site/: the pages, facts, labels and settings every test builds and reads.

No test reads the guide's real content (tests/conftest.py stops one that does), so a correct edit of the guide can
fail nothing but `make check`. The site runs the project's own code through its links (guide/, overrides/,
docs/assets/, pyproject.toml), with the project's settings (tests/test_fixture_site.py holds them in step).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SITE = PROJECT / "tests" / "data" / "site"
# The guide's own content: what the office edits and `make check` judges. Tests never open these.
LIVE_CONTENT = [PROJECT / name for name in ("docs", "includes", "shots", "mkdocs.yml", "redirects.yml",
                                            "published-links.yml", "CONTENT-QUESTIONS.md")]
# Files among them that are the project's code, not content: the site's assets (the fixture links them), and the
# rule that keeps original screenshots out of git.
SHARED_CODE = [PROJECT / "docs" / "assets", PROJECT / "shots" / "originals" / ".gitignore"]


def copy_site(dest: Path) -> Path:
    """A copy of the fixture site that a test may edit; the links to the project's code stay links (absolute)."""
    def keep_links(src: str, names: list[str]) -> set[str]:
        return {name for name in names if (Path(src) / name).is_symlink()}

    shutil.copytree(SITE, dest, ignore=keep_links, dirs_exist_ok=True)
    for folder, dirs, files in os.walk(SITE):  # os.walk does not descend into the links
        for name in dirs + files:
            link = Path(folder) / name
            if link.is_symlink():
                (dest / link.relative_to(SITE)).symlink_to(link.resolve(), target_is_directory=link.is_dir())
    return dest


def site_files(site: Path) -> list[str]:
    """Every file of a built site, as sorted paths relative to it."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def is_live_content(path: str) -> bool:
    """True for a path inside the guide's own content (not through the fixture's links to shared code)."""
    absolute = Path(path)
    return (any(absolute == live or live in absolute.parents for live in LIVE_CONTENT)
            and not any(absolute == code or code in absolute.parents for code in SHARED_CODE))
