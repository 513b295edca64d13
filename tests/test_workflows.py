"""The GitHub Actions workflows pass actionlint and zizmor (offline: no GitHub API here), and keep least privilege."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = BIN / tool
    if not exe.exists():
        pytest.fail(f"{exe} is missing: run `make test` (scripts/setup.sh installs it from requirements.lock)")
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_three_workflows_exist() -> None:
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "links.yml", "test.yml"]


def test_actionlint_finds_nothing() -> None:
    proc = _run("actionlint", "-no-color", *map(str, WORKFLOWS))
    assert proc.returncode == 0, f"actionlint exit {proc.returncode}:\n{proc.stdout}{proc.stderr}"


def test_zizmor_finds_nothing() -> None:
    proc = _run("zizmor", "--offline", "--no-progress", ".github/workflows")
    assert proc.returncode == 0, f"zizmor exit {proc.returncode}:\n{proc.stdout}{proc.stderr}"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_no_permission_by_default_and_no_persisted_token(workflow: Path) -> None:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert data["permissions"] == {}, "grant permissions per job, not per workflow"
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} must say what it needs"
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, f"job {name}: persist-credentials: false"


def test_link_check_may_write_issues_and_nothing_else() -> None:
    data = yaml.safe_load((ROOT / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    assert data["jobs"]["check"]["permissions"] == {"contents": "read", "issues": "write"}
    assert data[True]["schedule"], "the link check runs on a schedule"  # PyYAML reads the key `on` as True
