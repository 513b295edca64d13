"""scripts/setup.sh on a machine it has not seen: which Debian packages it asks for, and what it says.

Each test runs a copy of the script with a PATH of its own: the few real tools it uses, and fakes for dpkg-query
(nothing is installed, or everything), id (not root, and no sudo), python3 and npm.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A fake python3 that runs the interpreter running the tests (a supported version, venv included).
REAL_PYTHON = f'exec {sys.executable} "$@"'
REAL_TOOLS = ["bash", "cat", "sha256sum", "cut", "awk", "mktemp", "rm", "mkdir", "flock", "grep", "dirname", "env",
              "sed", "tr", "head", "chmod", "touch"]


def fake_machine(tmp_path: Path, *, python: str | None, npm: bool = False, installed: bool = False) -> Path:
    """A copy of the project's set-up files beside a bin/ that holds only what the test allows."""
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    for name in ("scripts/setup.sh", "requirements.lock", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in REAL_TOOLS:
        if found := shutil.which(tool):
            (bin_dir / tool).symlink_to(found)
    fakes = {"dpkg-query": "echo 'install ok installed'" if installed else "exit 1", "id": "echo 1000",
             "python3": python, "npm": "exit 0" if npm else None}  # None: not on the machine
    for name, body in fakes.items():
        if body is not None:
            (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
            (bin_dir / name).chmod(0o755)
    return repo


def run_setup(repo: Path, group: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(repo.parent / "bin"), "HOME": str(repo.parent), "LANG": "C.UTF-8"}
    return subprocess.run(["bash", "scripts/setup.sh", group], cwd=repo, env=env, capture_output=True, text=True,
                          check=False, timeout=60)


def missing_packages(proc: subprocess.CompletedProcess[str]) -> list[str]:
    first = proc.stderr.splitlines()[0]
    assert first.startswith("setup: these Debian packages are missing: "), proc.stderr
    return first.split(": ", 2)[2].split()


@pytest.mark.parametrize(("group", "npm", "wanted", "unwanted"), [
    # libatomic1: Playwright's driver is a Node binary linked against it, and a minimal Debian lacks it.
    ("test", False, {"nodejs", "npm", "chromium", "libatomic1"}, set()),
    ("test", True, set(), {"nodejs", "npm"}),  # an npm already there is kept
    # WeasyPrint's libraries and fontconfig's fc-list: a minimal Debian has none of them; the site needs no node.
    ("site", False, {"fonts-noto-cjk", "fontconfig", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"},
     {"nodejs", "npm", "chromium"}),
], ids=["test", "test-with-npm", "site"])
def test_the_debian_packages_each_group_asks_for(tmp_path: Path, group: str, npm: bool, wanted: set[str],
                                                 unwanted: set[str]) -> None:
    proc = run_setup(fake_machine(tmp_path, python=REAL_PYTHON, npm=npm), group)
    assert proc.returncode == 1
    packages = set(missing_packages(proc))
    assert wanted <= packages and not unwanted & packages, packages


@pytest.mark.parametrize(("version", "found"), [
    ((3, 11, 1), "3.11.1"), ((3, 11, 2), None), ((3, 13, 0), None), ((4, 0, 0), "4.0.0"), ((3, 10, 14), "3.10.14"),
    (None, "no working python3 on PATH (Debian: apt-get install python3)"),
])
def test_the_python_version_is_checked_first(tmp_path: Path, version: tuple[int, int, int] | None,
                                             found: str | None) -> None:
    # A fake python3: the real interpreter, claiming to be `version` (none at all for None).
    claim = version and f'[ "$1" = -c ] || exit 3\nexec {sys.executable} -c "import sys; sys.version_info = {version + ("final", 0)}\n$2"'
    proc = run_setup(fake_machine(tmp_path, python=claim), "site")
    assert proc.returncode == 1
    if found is None:
        missing_packages(proc)  # past the check: on to the Debian packages
    else:
        assert proc.stderr == f"setup: Python 3.11.2 or newer 3.x is needed; found {found}\n"


# python3 -m venv DIR makes a venv whose python fails (no pip): the set-up stops right after making it again.
VENV_MAKER = f"""if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin"; printf '#!/bin/sh\\nexit 1\\n' > "$3/bin/python"; chmod +x "$3/bin/python"; touch "$3/new"
  exit 0
fi
exec {sys.executable} "$@\""""


@pytest.mark.parametrize(("venv_python", "stamped", "why"), [
    ("echo '3.9.0 (fake build)'", True, "it was made by Python 3.9.0, and python3 is {here}"),
    (None, True, "its Python does not run"),
    ("same", False, "no earlier set-up finished"),
    ("same", True, None),
])
def test_a_venv_of_another_python_or_half_made_is_made_again(tmp_path: Path, venv_python: str | None,
                                                             stamped: bool, why: str | None) -> None:
    repo = fake_machine(tmp_path, python=VENV_MAKER, installed=True)
    venv = repo / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "old").touch()
    if venv_python == "same":
        (venv / "bin" / "python").symlink_to(sys.executable)
    elif venv_python:
        (venv / "bin" / "python").write_text(f"#!/bin/sh\n{venv_python}\n", encoding="utf-8")
        (venv / "bin" / "python").chmod(0o755)
    if stamped:
        stamp = hashlib.sha256((repo / "requirements.lock").read_bytes() + (repo / "pyproject.toml").read_bytes())
        (venv / ".installed-site").write_text(stamp.hexdigest() + "\n", encoding="utf-8")
    proc = run_setup(repo, "site")
    if why is None:
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
        assert (venv / "old").exists()
        return
    here = sys.version.split()[0]
    assert proc.stdout.splitlines()[0] == f"setup: making .venv again: {why.format(here=here)}"
    assert proc.returncode == 1  # the fake venv has no pip
    assert (venv / "new").exists() and not (venv / "old").exists()
