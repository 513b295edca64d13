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


# --- the weekly check's tracking issue ---------------------------------------------------------------------------------

def _check_step() -> dict[str, object]:
    data = yaml.safe_load((ROOT / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    return next(s for s in data["jobs"]["check"]["steps"] if "check_screens.py" in s.get("run", ""))


def _run_check_step(tmp_path: Path, links: int, screens: int, open_issue: str = "") -> tuple[int, list[str], str]:
    """The step's script with stand-ins for the two checkers (given exit codes) and for gh (which logs its calls)."""
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f'  scripts/check_links.py) echo "## Link check"; exit {links} ;;\n'
        f'  scripts/check_screens.py) echo "## Screen check"; exit {screens} ;;\n'
        "esac\nexit 99\n", encoding="utf-8")
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "gh").write_text(f'#!/bin/sh\necho "$*" >> "$GH_LOG"\n[ "$2" = list ] && echo "{open_issue}"\nexit 0\n',
                              encoding="utf-8")
    for exe in (venv / "python", tools / "gh"):
        exe.chmod(0o755)
    log, summary = tmp_path / "gh.log", tmp_path / "summary.md"
    env = {"PATH": f"{tools}:/usr/bin:/bin", "GH_LOG": str(log), "GITHUB_STEP_SUMMARY": str(summary),
           "TITLE": "Broken links found by the weekly link check", "RUN_URL": "https://example.invalid/run/1"}
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", str(_check_step()["run"])],
                          cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return proc.returncode, calls, summary.read_text(encoding="utf-8") if summary.exists() else ""


@pytest.mark.parametrize(("links", "screens"), [(2, 0), (0, 2), (2, 1), (1, 2)])
def test_a_checker_that_crashes_never_opens_or_comments_on_the_issue(tmp_path: Path, links: int, screens: int) -> None:
    code, calls, summary = _run_check_step(tmp_path, links, screens, open_issue="7")
    assert code == 2
    assert calls == []
    assert "## Link check" in summary and "## Screen check" in summary   # both reports still reach the run's log


@pytest.mark.parametrize(("links", "screens"), [(1, 0), (0, 1), (1, 1)])
def test_a_broken_link_or_a_drifted_label_opens_the_issue_with_both_reports(tmp_path: Path, links: int,
                                                                            screens: int) -> None:
    code, calls, _ = _run_check_step(tmp_path, links, screens)
    assert code == 1
    assert calls[-1] == 'issue create --title Broken links found by the weekly link check --body-file report.md'
    body = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert body.index("## Link check") < body.index("## Screen check") < body.index("[The run that found this]")


def test_a_later_failure_comments_on_the_open_issue(tmp_path: Path) -> None:
    code, calls, _ = _run_check_step(tmp_path, 0, 1, open_issue="7")
    assert (code, calls[-1]) == (1, "issue comment 7 --body-file report.md")


def test_when_all_is_well_the_open_issue_is_closed(tmp_path: Path) -> None:
    code, calls, _ = _run_check_step(tmp_path, 0, 0, open_issue="7")
    assert code == 0
    assert calls[-1].startswith("issue close 7 --comment Every link is fine and every label is on its page again")
