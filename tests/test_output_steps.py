"""The output steps run alone on a built site (python -m guide.outputs): run again they write what the build wrote."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PUBLISHED_URL
from fixture_site import SITE

from guide.outputs.built_site import from_project, page_file
from guide.outputs.steps import STEPS


def run_steps(site: Path, *steps: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": PUBLISHED_URL}
    return subprocess.run([sys.executable, "-m", "guide.outputs", "--site", str(site), *steps], cwd=SITE, env=env,
                          capture_output=True, text=True, check=False)


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only, anywhere under a and b."""
    files = [{p.relative_to(top).as_posix(): p.read_bytes() for p in top.rglob("*") if p.is_file()} for top in (a, b)]
    return sorted(name for name in files[0].keys() | files[1].keys() if files[0].get(name) != files[1].get(name))


def test_a_step_alone_writes_again_what_the_build_wrote_and_every_step_again_changes_nothing(
        published_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(published_site, site)
    made = [site / "_headers", *sorted((site / "downloads").glob("qr-guide-*.svg"))]
    assert len(made) == 1 + len(from_project(site, SITE).locales)  # the headers, and one QR code per language
    for path in made:
        path.unlink()
    proc = run_steps(site, "headers", "qr-codes")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert differences(published_site, site) == []
    proc = run_steps(site)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == f"outputs: {', '.join(STEPS)} written in {site}"
    assert differences(published_site, site) == []


def test_a_wrong_step_or_no_built_site_is_one_line_that_says_what_to_do(tmp_path: Path, built_site: Path) -> None:
    proc = run_steps(built_site, "no-such-step")
    assert proc.returncode == 2
    assert f"no step 'no-such-step': the steps are {', '.join(STEPS)}" in proc.stderr
    proc = run_steps(tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"outputs: {tmp_path} holds no built site: run `make build` first"


def test_a_step_alone_knows_which_page_made_which_file(built_site: Path) -> None:
    built = from_project(built_site, SITE)
    assert built.pages, "no page found in docs/"
    for dest in built.pages:
        assert (built_site / dest).is_file(), f"{dest} (from docs/{built.pages[dest]}) is not where the build wrote it"
    assert page_file("index.en.md", "zh") == "en/index.html"
    assert page_file("guide/step.zh.md", "zh") == "guide/step/index.html"
