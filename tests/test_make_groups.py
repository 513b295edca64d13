"""Every make target sets up the dependency group that holds what its scripts import (no network, no install).

`make links` once crashed in a fresh clone with ModuleNotFoundError: httpx, because it set up only the site group.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from make_groups import groups_of, parse_makefile, problems, target_needs

ROOT = Path(__file__).resolve().parent.parent

HEADER = """\
PY := .venv/bin/python
setup-site:
\t@scripts/setup.sh site
setup-links:
\t@scripts/setup.sh links
setup-test:
\t@scripts/setup.sh test
"""


@pytest.mark.live_content  # reads mkdocs.yml for its hooks and plugins (settings, never the nav)
def test_every_make_target_sets_up_what_its_scripts_import() -> None:
    assert problems(ROOT) == []
    # Guards against a check that passes because it sees nothing.
    assert target_needs(ROOT, "links").imports["httpx"].startswith("guide/linkcheck/fetch.py:")
    assert "pypdf" in target_needs(ROOT, "bench-build").imports
    build = target_needs(ROOT, "build")
    assert {"weasyprint", "mkdocs", "segno", "yaml", "pymdownx"} <= set(build.imports)  # segno: guide/outputs/qr_codes.py
    assert ("mkdocs.plugins", "i18n") in build.plugins
    assert {"uv"} == set(target_needs(ROOT, "lock").tools)
    rules, _ = parse_makefile((ROOT / "Makefile").read_text(encoding="utf-8"))
    assert groups_of("build", rules) == {"site"}
    assert groups_of("links", rules) == {"site", "links"}
    assert groups_of("email-kit", rules) == {"site"}
    assert groups_of("bench-build", rules) == {"test"}


def fake_project(tmp_path: Path, makefile: str, files: dict[str, str]) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "Makefile").write_text(HEADER + makefile, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("setup", "expected"), [
    ("setup-site", [("make report: scripts/helper.py:3 imports pypdf (pypdf), which the group it sets up (site)"
                    " does not install: make it depend on setup-test")]),
    ("setup-test", []),
])
def test_a_function_local_import_in_a_helper_counts(tmp_path: Path, setup: str, expected: list[str]) -> None:
    root = fake_project(tmp_path, f"report: {setup}\n\t$(PY) scripts/report.py --out x\n", {
        "scripts/report.py": "import sys\nfrom helper import pages\n",
        "scripts/helper.py": "def pages(path):\n    import json\n    from pypdf import PdfReader\n",
    })
    assert problems(root) == expected


def test_a_prerequisite_that_sets_up_only_the_site_group_is_not_enough(tmp_path: Path) -> None:
    # The bug of `make links`: it depended on build, and build sets up the site group only (a relative import too).
    root = fake_project(tmp_path, "build: setup-site\n\t$(PY) scripts/build.py\n"
                                  "links: build\n\t$(PY) scripts/links.py\n", {
        "scripts/build.py": "import yaml\n",
        "scripts/links.py": "import pkg.fetch\n",
        "scripts/pkg/__init__.py": "",
        "scripts/pkg/fetch.py": "from . import util\n",
        "scripts/pkg/util.py": "import httpx\n",
    })
    assert problems(root) == [("make links: scripts/pkg/util.py:1 imports httpx (httpx), which the group it sets up"
                              " (site) does not install: make it depend on setup-links")]


def test_a_script_started_with_sys_executable_counts(tmp_path: Path) -> None:
    root = fake_project(tmp_path, "all: setup-site\n\t$(PY) scripts/parent.py\n", {
        "scripts/parent.py": "import subprocess, sys\nsubprocess.run([sys.executable, 'scripts/child.py'])\n"
                             "subprocess.run([sys.executable, '-m', 'pytest'])\n",
        "scripts/child.py": "import playwright.sync_api\n",
    })
    found = problems(root)
    assert [line.split(" (")[0] for line in found] == [
        "make all: scripts/child.py:1 imports playwright",
        "make all: scripts/parent.py:3 imports pytest",
    ]


def test_tools_unknown_imports_and_targets_without_set_up(tmp_path: Path) -> None:
    root = fake_project(tmp_path, "lock: setup-site\n\t.venv/bin/uv pip compile \\\n\t  pyproject.toml\n"
                                  "odd: setup-test\n\t$(PY) scripts/odd.py\n"
                                  "bare:\n\t$(PY) -m mkdocs build\n", {
        "scripts/odd.py": "import no_such_module_anywhere\n",
    })
    assert problems(root) == [
        ("make bare: runs programs from .venv but sets up no dependency group (make it depend on one of:"
        " setup-site, setup-links, setup-test)"),
        ("make lock: the recipe runs .venv/bin/uv (uv), which the group it sets up (site) does not"
        " install: make it depend on setup-test"),
        "make odd: scripts/odd.py:1 imports no_such_module_anywhere, which no installed distribution provides",
    ]
