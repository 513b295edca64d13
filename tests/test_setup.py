"""scripts/setup.sh on a machine it has not seen: which Debian packages it asks for, and what it says.

Each test runs a copy of the script with a PATH of its own: the few real tools the script uses, and fakes for
dpkg-query (nothing is installed), id (not root, and no sudo) and, where a test needs it, python3. The script
then names what is missing and stops (exit 1) before it installs anything.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL_TOOLS = ["bash", "cat", "sha256sum", "cut", "awk", "mktemp", "rm", "mkdir", "flock", "grep", "dirname", "env",
              "sed", "tr", "head"]


def fake_machine(tmp_path: Path, *, python: str | None = None, npm: bool = False) -> tuple[Path, dict[str, str]]:
    """A copy of the project's set-up files and an environment whose PATH holds only what the test allows."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    for name in ("scripts/setup.sh", "requirements.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in REAL_TOOLS:
        if found := shutil.which(tool):
            (bin_dir / tool).symlink_to(found)
    fakes = {"dpkg-query": "exit 1", "id": 'echo 1000'}
    if python is not None:
        fakes["python3"] = python
    if npm:
        fakes["npm"] = "exit 0"
    for name, body in fakes.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return repo, {"PATH": str(bin_dir), "HOME": str(tmp_path), "LANG": "C.UTF-8"}


def run_setup(repo: Path, env: dict[str, str], group: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "scripts/setup.sh", group], cwd=repo, env=env, capture_output=True, text=True,
                          check=False, timeout=60)


def missing_packages(proc: subprocess.CompletedProcess[str]) -> list[str]:
    first = proc.stderr.splitlines()[0]
    assert first.startswith("setup: these Debian packages are missing: "), proc.stderr
    return first.split(": ", 2)[2].split()


@pytest.fixture
def real_python() -> str:
    """A fake python3 that runs the interpreter running the tests (a supported version, venv included)."""
    return f'exec {sys.executable} "$@"'


def test_the_test_group_asks_for_node_and_npm_when_there_is_no_npm(tmp_path: Path, real_python: str) -> None:
    repo, env = fake_machine(tmp_path, python=real_python)
    proc = run_setup(repo, env, "test")
    assert proc.returncode == 1
    assert {"nodejs", "npm", "chromium"} <= set(missing_packages(proc))


def test_an_npm_already_there_is_kept(tmp_path: Path, real_python: str) -> None:
    repo, env = fake_machine(tmp_path, python=real_python, npm=True)
    proc = run_setup(repo, env, "test")
    assert not {"nodejs", "npm"} & set(missing_packages(proc))


def test_the_site_group_needs_no_node(tmp_path: Path, real_python: str) -> None:
    repo, env = fake_machine(tmp_path, python=real_python)
    packages = missing_packages(run_setup(repo, env, "site"))
    assert "fonts-noto-cjk" in packages
    assert not {"nodejs", "npm", "chromium"} & set(packages)
