"""Every make target sets up the dependency group that holds what its scripts import (no network, no install).

`make links` once crashed in a fresh clone with ModuleNotFoundError: httpx, because it set up only the site group.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from make_groups import SETUP, problems, recipes, walk

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
    runs = {target: recipes(ROOT, target) for target in ("links", "bench-build", "build", "lock", "email-kit")}
    assert walk(ROOT, runs["links"])[("import", "httpx")].startswith("guide/linkcheck/fetch.py:")
    assert ("import", "pypdf") in walk(ROOT, runs["bench-build"])
    build = walk(ROOT, runs["build"])
    # segno: guide/outputs/qr_codes.py
    assert {("import", name) for name in ("weasyprint", "mkdocs", "segno", "yaml", "pymdownx")} <= set(build)
    assert ("mkdocs.plugins", "i18n") in build
    assert [need for need in walk(ROOT, runs["lock"]) if need[0] == "tool"] == [("tool", "uv")]
    assert {target: set(SETUP.findall(run)) for target, run in runs.items()} == {
        "links": {"site", "links"}, "bench-build": {"test"}, "build": {"site"}, "lock": {"test"}, "email-kit": {"site"}}


HELPER = {"scripts/report.py": "import sys\nfrom helper import pages\n",
          "scripts/helper.py": "def pages(path):\n    import json\n    from pypdf import PdfReader\n"}
NOT_INSTALLED = "which the group it sets up ({}) does not install: make it depend on setup-{}"


@pytest.mark.parametrize(("makefile", "files", "expected"), [
    # A function-local import in a helper module counts.
    ("report: setup-site\n\t$(PY) scripts/report.py --out x\n", HELPER,
     ["make report: scripts/helper.py:3 imports pypdf (pypdf), " + NOT_INSTALLED.format("site", "test")]),
    ("report: setup-test\n\t$(PY) scripts/report.py --out x\n", HELPER, []),
    # The bug of `make links`: it depended on build, and build sets up the site group only (a relative import too).
    ("build: setup-site\n\t$(PY) scripts/build.py\nlinks: build\n\t$(PY) scripts/links.py\n", {
        "scripts/build.py": "import yaml\n", "scripts/links.py": "import pkg.fetch\n", "scripts/pkg/__init__.py": "",
        "scripts/pkg/fetch.py": "from . import util\n", "scripts/pkg/util.py": "import httpx\n"},
     ["make links: scripts/pkg/util.py:1 imports httpx (httpx), " + NOT_INSTALLED.format("site", "links")]),
    # Scripts and modules started with sys.executable count.
    ("all: setup-site\n\t$(PY) scripts/parent.py\n", {
        "scripts/parent.py": "import subprocess, sys\nsubprocess.run([sys.executable, 'scripts/child.py'])\n"
                             "subprocess.run([sys.executable, '-m', 'pytest'])\n",
        "scripts/child.py": "import playwright.sync_api\n"},
     ["make all: scripts/child.py:1 imports playwright (playwright), " + NOT_INSTALLED.format("site", "test"),
      "make all: scripts/parent.py:3 imports pytest (pytest), " + NOT_INSTALLED.format("site", "test")]),
    # Tools, imports nothing installed provides, and targets that set up no group.
    (("lock: setup-site\n\t.venv/bin/uv pip compile \\\n\t  pyproject.toml\nodd: setup-test\n\t$(PY) scripts/odd.py\n"
     "bare:\n\t$(PY) -m mkdocs build\n"), {"scripts/odd.py": "import no_such_module_anywhere\n"},
     [("make bare: runs programs from .venv but sets up no dependency group (make it depend on one of:"
      " setup-site, setup-links, setup-test)"),
      "make lock: the recipe runs .venv/bin/uv (uv), " + NOT_INSTALLED.format("site", "test"),
      "make odd: scripts/odd.py:1 imports no_such_module_anywhere, which no installed distribution provides"]),
], ids=["helper-import", "helper-import-set-up", "prerequisite-site-only", "sys-executable", "tools-unknown-bare"])
def test_a_small_project_gets_exactly_these_lines(tmp_path: Path, makefile: str, files: dict[str, str],
                                                  expected: list[str]) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "Makefile").write_text(HEADER + makefile, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert problems(tmp_path) == expected
