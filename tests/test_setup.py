"""scripts/setup.sh on a machine it has not seen: which Debian packages it asks for, and what it says.

Each test runs a copy of the script with a PATH of its own: the few real tools the script uses, and fakes for
dpkg-query (nothing is installed, or everything), id (not root, and no sudo) and python3. The script then names
what is missing and stops (exit 1) before it installs anything, or, with everything installed, gets as far as
.venv, where a fake venv without pip stops it.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL_TOOLS = ["bash", "cat", "sha256sum", "cut", "awk", "mktemp", "rm", "mkdir", "flock", "grep", "dirname", "env",
              "sed", "tr", "head", "chmod", "touch"]


def fake_machine(tmp_path: Path, *, python: str | None = None, npm: bool = False,
                 installed: bool = False) -> tuple[Path, dict[str, str]]:
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
    fakes = {"dpkg-query": "echo 'install ok installed'" if installed else "exit 1", "id": "echo 1000"}
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
    # libatomic1: Playwright's driver is a Node binary linked against it, and a minimal Debian lacks it.
    assert {"nodejs", "npm", "chromium", "libatomic1"} <= set(missing_packages(proc))


def test_an_npm_already_there_is_kept(tmp_path: Path, real_python: str) -> None:
    repo, env = fake_machine(tmp_path, python=real_python, npm=True)
    proc = run_setup(repo, env, "test")
    assert not {"nodejs", "npm"} & set(missing_packages(proc))


def test_the_site_group_needs_no_node(tmp_path: Path, real_python: str) -> None:
    repo, env = fake_machine(tmp_path, python=real_python)
    packages = missing_packages(run_setup(repo, env, "site"))
    # WeasyPrint's libraries and fontconfig's fc-list: a minimal Debian has none of them.
    assert {"fonts-noto-cjk", "fontconfig", "libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"} <= set(packages)
    assert not {"nodejs", "npm", "chromium"} & set(packages)


def python_reporting(version: tuple[int, int, int]) -> str:
    """A fake python3: the real interpreter, claiming to be `version`."""
    return f'[ "$1" = -c ] || exit 3\nexec {sys.executable} -c "import sys; sys.version_info = {version + ("final", 0)}\n$2"'


@pytest.mark.parametrize(("version", "ok"), [((3, 11, 1), False), ((3, 11, 2), True), ((3, 13, 0), True),
                                             ((4, 0, 0), False), ((3, 10, 14), False)])
def test_the_python_version_is_checked_first(tmp_path: Path, version: tuple[int, int, int], ok: bool) -> None:
    repo, env = fake_machine(tmp_path, python=python_reporting(version))
    proc = run_setup(repo, env, "site")
    assert proc.returncode == 1
    found = ".".join(map(str, version))
    if ok:
        missing_packages(proc)  # past the check: on to the Debian packages
    else:
        assert proc.stderr == f"setup: Python 3.11.2 or newer 3.x is needed; found {found}\n"


def test_no_python_at_all_is_named(tmp_path: Path) -> None:
    repo, env = fake_machine(tmp_path)
    proc = run_setup(repo, env, "site")
    assert (proc.returncode, proc.stderr) == (1, ("setup: Python 3.11.2 or newer 3.x is needed; found no working"
                                                 " python3 on PATH (Debian: apt-get install python3)\n"))


# python3 -m venv DIR makes a venv whose python fails (no pip): the set-up stops right after making it again.
VENV_MAKER = f"""if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "$3/bin"; printf '#!/bin/sh\\nexit 1\\n' > "$3/bin/python"; chmod +x "$3/bin/python"; touch "$3/new"
  exit 0
fi
exec {sys.executable} "$@\""""


def stamp(repo: Path) -> str:
    return hashlib.sha256((repo / "requirements.lock").read_bytes() + (repo / "pyproject.toml").read_bytes()).hexdigest()


@pytest.mark.parametrize(("venv_python", "stamped", "why"), [
    ("echo '3.9.0 (fake build)'", True, "it was made by Python 3.9.0, and python3 is {here}"),
    (None, True, "its Python does not run"),
    ("same", False, "no earlier set-up finished"),
    ("same", True, None),
])
def test_a_venv_of_another_python_or_half_made_is_made_again(tmp_path: Path, venv_python: str | None,
                                                             stamped: bool, why: str | None) -> None:
    repo, env = fake_machine(tmp_path, python=VENV_MAKER, installed=True)
    venv = repo / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "old").touch()
    if venv_python == "same":
        (venv / "bin" / "python").symlink_to(sys.executable)
    elif venv_python:
        (venv / "bin" / "python").write_text(f"#!/bin/sh\n{venv_python}\n", encoding="utf-8")
        (venv / "bin" / "python").chmod(0o755)
    if stamped:
        (venv / ".installed-site").write_text(stamp(repo) + "\n", encoding="utf-8")
    proc = run_setup(repo, env, "site")
    if why is None:
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
        assert (venv / "old").exists()
        return
    here = sys.version.split()[0]
    assert proc.stdout.splitlines()[0] == f"setup: making .venv again: {why.format(here=here)}"
    assert proc.returncode == 1  # the fake venv has no pip
    assert (venv / "new").exists() and not (venv / "old").exists()
