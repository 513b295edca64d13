"""requirements.lock matches the pins in pyproject.toml, hashes every package, and has no known vulnerability."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import httpx
import pytest
from make_groups import group_pins
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
# One entry: `name==version [; markers] \` and then `--hash=sha256:...` continuation lines.
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)[^\n]*((?:\\\n\s+--hash=sha256:[0-9a-f]{64}[ ]*)+)",
                   re.MULTILINE)


def locked() -> dict[str, str]:
    """Each locked distribution -> its version."""
    return {canonicalize_name(m[1]): m[2] for m in ENTRY.finditer(LOCK.read_text(encoding="utf-8"))}


def test_every_locked_package_has_hashes_and_the_lock_names_its_update_command() -> None:
    text = LOCK.read_text(encoding="utf-8")
    names = [line.split("==")[0] for line in text.splitlines() if "==" in line]
    assert sorted(map(canonicalize_name, names)) == sorted(locked()), "an entry without --hash lines"
    assert len(locked()) > 50
    assert "#    make lock\n" in text


@pytest.mark.parametrize("group", ["site", "links", "test"])
def test_the_lock_satisfies_every_pin(group: str) -> None:
    lock = locked()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    have = {req: lock.get(canonicalize_name(req.name)) for req in group_pins(pyproject, group)}
    wrong = [f"{req} (lock: {version or 'absent'})" for req, version in have.items()
             if version is None or version not in req.specifier]
    assert wrong == [], "requirements.lock is older than pyproject.toml: run `make lock`"


def _per_version_data_withheld() -> str | None:
    """Why PyPI cannot give pip-audit per-release data although it is reachable, or None when it can."""
    pip = locked()["pip"]
    try:
        project = httpx.get("https://pypi.org/pypi/pip/json", timeout=20)
        release = httpx.get(f"https://pypi.org/pypi/pip/{pip}/json", timeout=20)
    except httpx.HTTPError:
        return None  # the network is absent: pip-audit's own failure says so
    if project.status_code == 200 and pip in project.json()["releases"] and release.status_code == 404:
        return f"PyPI lists pip {pip} but answers 404 for https://pypi.org/pypi/pip/{pip}/json"
    return None


def test_pip_audit_finds_no_known_vulnerability() -> None:
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "pip-audit"), "--requirement", str(LOCK), "--require-hashes", "--disable-pip",
         "--vulnerability-service", "pypi", "--progress-spinner", "off", "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pip-audit could not audit the lock (is PyPI reachable?), exit {proc.returncode}:\n{proc.stderr}")
    vulnerable = [f"{d['name']} {d['version']}: {', '.join(v['id'] for v in d['vulns'])}"
                  for d in report["dependencies"] if d.get("vulns")]
    assert vulnerable == [], "known vulnerabilities: update the pin in pyproject.toml, then `make lock`"
    skipped = [f"{d['name']}: {d['skip_reason']}" for d in report["dependencies"] if d.get("skip_reason")]
    if skipped and (why := _per_version_data_withheld()) and len(skipped) == len(report["dependencies"]):
        # A network that lets the project pages through and withholds the per-release ones (this machine's) is
        # no verdict either way: say so in the test report; the audit runs for real where PyPI answers in full.
        pytest.skip(f"pip-audit could audit none of {len(skipped)} packages: {why}")
    assert skipped == [], "pip-audit could not audit these (a verdict needs every package):\n" + "\n".join(skipped)
