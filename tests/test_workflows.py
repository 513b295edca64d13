"""The GitHub Actions workflows pass actionlint and zizmor (offline: no GitHub API here), and keep least privilege."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_the_four_workflows_exist() -> None:
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "links.yml", "preview.yml", "test.yml"]


@pytest.mark.parametrize("command", [["actionlint", "-no-color", *map(str, WORKFLOWS)],
                                     ["zizmor", "--offline", "--no-progress", ".github/workflows"]], ids=lambda c: c[0])
def test_the_linters_find_nothing(command: list[str]) -> None:
    exe = BIN / command[0]
    if not exe.exists():
        pytest.fail(f"{exe} is missing: run `make test` (scripts/setup.sh installs it from requirements.lock)")
    proc = subprocess.run([str(exe), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{command[0]} exit {proc.returncode}:\n{proc.stdout}{proc.stderr}"


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
    data = workflow("links.yml")
    assert data["jobs"]["check"]["permissions"] == {"contents": "read", "issues": "write"}
    assert data[True]["schedule"], "the link check runs on a schedule"  # PyYAML reads the key `on` as True


def test_the_preview_runs_on_pull_requests_and_only_reads_the_code() -> None:
    data = workflow("preview.yml")
    assert set(data[True]) == {"pull_request"}  # PyYAML reads the key `on` as True
    # No comment on the pull request: the summary and the line annotations need no write permission.
    assert {name: job["permissions"] for name, job in data["jobs"].items()} == {
        "checks": {"contents": "read"}, "preview": {"contents": "read"}}
    checks = " ".join(step.get("run", "") for step in data["jobs"]["checks"]["steps"])
    assert "scripts/pr_summary.py checks" in checks and "$GITHUB_STEP_SUMMARY" in checks
    preview = data["jobs"]["preview"]["steps"]
    runs = [step.get("run", "") for step in preview]
    assert "make build" in runs
    last = preview[-1]
    assert "scripts/pr_summary.py preview" in last["run"] and "cancelled()" in last["if"]


def test_the_check_step_writes_the_summary_and_the_annotations(tmp_path: Path) -> None:
    """The step's own script, run in a folder that links this project's .venv and scripts/ (on the real sources)."""
    steps = workflow("preview.yml")["jobs"]["checks"]
    script = next(step["run"] for step in steps["steps"] if step.get("name") == "check the pages")
    for name in (".venv", "scripts"):
        (tmp_path / name).symlink_to(ROOT / name)
    summary = tmp_path / "summary-of-the-run.md"
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=tmp_path,
                          env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}, capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "**All is well: no problem found.**" in summary.read_text(encoding="utf-8")
    assert (tmp_path / "annotations.txt").read_text(encoding="utf-8") == ""


# --- the weekly check's tracking issue ---------------------------------------------------------------------------------

def _links_steps() -> dict[str, dict]:
    data = workflow("links.yml")
    return {step.get("name", step.get("uses")): step for step in data["jobs"]["check"]["steps"]}


CLOSE = "issue close 7 --comment Every link is fine and every label is on its page again (https://example.invalid/run/1)."
CREATE = "issue create --title Broken links found by the weekly link check --body-file report.md"


# Exit 2 is a checker failing (or a missing dependency): no issue is opened or commented on.
@pytest.mark.parametrize(("links", "screens", "open_issue", "code", "calls"), [
    (2, 0, "7", 2, []), (0, 2, "7", 2, []), (2, 1, "7", 2, []), (1, 2, "7", 2, []),
    (1, 0, "", 1, [CREATE]), (0, 1, "", 1, [CREATE]), (1, 1, "", 1, [CREATE]),
    (0, 1, "7", 1, ["issue comment 7 --body-file report.md"]),
    (0, 0, "7", 0, [CLOSE]),
    (0, 0, "", 0, []),
])
def test_only_a_verdict_opens_comments_on_or_closes_the_issue(tmp_path: Path, links: int, screens: int,
                                                              open_issue: str, code: int, calls: list[str]) -> None:
    """The check step's script with stand-ins for the two checkers (given exit codes) and for gh (logging its calls),
    then the issue step."""
    steps = _links_steps()
    assert steps["update the tracking issue"]["if"] == (
        "always() && (steps.check.outputs.status == '0' || steps.check.outputs.status == '1')")
    venv, tools = tmp_path / ".venv" / "bin", tmp_path / "tools"
    venv.mkdir(parents=True)
    tools.mkdir()
    (venv / "python").write_text(
        "#!/bin/sh\n"
        'case "$1 $2" in\n'
        f'  "-m guide.linkcheck") echo "## Link check"; exit {links} ;;\n'
        f'  "-m guide.screencheck") echo "## Screen check"; exit {screens} ;;\n'
        "esac\nexit 99\n", encoding="utf-8")
    (tools / "gh").write_text(f'#!/bin/sh\necho "$*" >> "$GH_LOG"\n[ "$2" = list ] && echo "{open_issue}"\nexit 0\n',
                              encoding="utf-8")
    for exe in (venv / "python", tools / "gh"):
        exe.chmod(0o755)
    log, output = tmp_path / "gh.log", tmp_path / "output"
    output.write_text("", encoding="utf-8")
    env = {"PATH": f"{tools}:/usr/bin:/bin", "GH_LOG": str(log), "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
           "TITLE": "Broken links found by the weekly link check", "RUN_URL": "https://example.invalid/run/1"}
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", str(steps["check links"]["run"])],
                          cwd=tmp_path, env={**env, "GITHUB_OUTPUT": str(output)}, capture_output=True, text=True,
                          check=False)
    status = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines()).get("status", "")
    if status in ("0", "1"):  # as the issue step's `if:` (asserted above) decides
        subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", str(steps["update the tracking issue"]["run"])],
                       cwd=tmp_path, env={**env, "STATUS": status}, capture_output=True, text=True, check=True)
    made = [c for c in (log.read_text(encoding="utf-8").splitlines() if log.exists() else [])
            if not c.startswith("issue list")]
    assert (proc.returncode, made) == (code, calls)
    # Both reports reach the run's log, and the issue in their order.
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "## Link check" in summary and "## Screen check" in summary
    if calls and "--body-file" in calls[0]:
        body = (tmp_path / "report.md").read_text(encoding="utf-8")
        assert body.index("## Link check") < body.index("## Screen check") < body.index("[The run that found this]")


def test_the_link_history_survives_failing_runs_and_carries_over() -> None:
    steps = _links_steps()
    uses = [s.get("uses", "") for s in steps.values()]
    assert not any(u.startswith("actions/cache@") for u in uses), "actions/cache saves nothing when the job fails"
    restore, save = steps["restore the link history"], steps["save the link history"]
    assert restore["uses"].startswith("actions/cache/restore@") and save["uses"].startswith("actions/cache/save@")
    assert save["if"] == "always()"
    assert restore["with"]["key"] == save["with"]["key"] and "github.run_id" in save["with"]["key"]
    # A new run's own key never exists yet: it finds the previous run's cache through the prefix.
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])
    assert restore["with"]["path"] == save["with"]["path"] == ".cache/check-links"
    names = list(steps)
    assert names.index("restore the link history") < names.index("check links") < names.index("save the link history")


def test_deploy_publishes_the_email_kit_and_keeps_a_dist_for_the_pages_address() -> None:
    build = workflow("deploy.yml")["jobs"]["build"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert 'SITE_URL="${BASE_URL%/}/" make email-kit' in runs, "the kit is built with the published address"
    assert 'SITE_URL="${BASE_URL%/}/" make dist' in runs
    pages = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert pages["with"]["path"] == "site"  # site/downloads/email-kit/ goes with it
    upload = next(s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "dist/chsi-guide-*.tar.gz" and upload["with"]["if-no-files-found"] == "error"
    # Uploading an artifact needs no permission beyond what the build job has.
    assert build["permissions"] == {"contents": "read", "pages": "read"}
