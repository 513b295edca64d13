"""`make serve` follows a page rename made in steps, as a person makes it, without restarting and without wrong advice;
the PDF export runs once per build.

A failed English build used to leave static-i18n's "do not empty the folder" in place, so the old page's output
lingered and the redirect check called it a real page ("remove the redirect"), until a restart.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import site_sources
from office_edits import add_redirect, most_linked_page, rename_files

from guide.deploy.nginx_conf import free_port

MARKER = "redirect page made from redirects.yml"


class Preview:
    def __init__(self, project: Path, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        with log.open("w") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict",
                                          "--dev-addr", f"127.0.0.1:{self.port}"],
                                         cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
                                         start_new_session=True)  # its own group: the PDF exports end with it

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, done: Callable[[str], bool], what: str, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the preview stopped:\n{self.text()[-3000:]}"
            if done(self.text()):
                return self.text()
            time.sleep(0.5)
        pytest.fail(f"the preview never {what} in {timeout:.0f} s:\n{self.text()[-3000:]}")

    def builds(self) -> int:
        return self.text().count("Building documentation...")


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[Preview]:
    served = Preview(project, tmp_path / "serve.log")
    try:
        yield served
    finally:
        os.killpg(served.proc.pid, signal.SIGTERM)
        served.proc.wait(timeout=30)


def settled_after(builds: int) -> Callable[[str], bool]:
    """True once a build after the first `builds` has ended, in success or in an error."""
    def settled(log: str) -> bool:
        if log.count("Building documentation...") <= builds:
            return False
        tail = log[log.rindex("Building documentation..."):]
        return "Reloading browsers" in tail or "An error happened" in tail
    return settled


def test_a_rename_in_steps_reloads_without_wrong_advice(project: Path, preview: Preview) -> None:
    preview.wait_for(lambda log: "Serving on" in log, "served the first build")
    old = most_linked_page(project)
    new = f"{old}-renamed"

    # Step 1: the links first. Both languages' builds warn; the English one, inside static-i18n's loop, aborts.
    builds = preview.builds()
    for page in (project / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(rf"(?<![\w/-]){re.escape(old)}\.md", f"{new}.md", text), encoding="utf-8")
    preview.wait_for(lambda log: log.count("Building documentation...") > builds and "in strict mode" in log,
                     "failed on the changed links")

    # Step 2: the redirect line. redirects.yml is outside docs/: the preview rebuilds all the same (it fails again on
    # the links; tests/test_redirects.py shows the advice a build gives while the old page is still there).
    builds = preview.builds()
    add_redirect(project, old, new)
    preview.wait_for(settled_after(builds), "rebuilt after a change to redirects.yml alone")

    # Step 3: the files and the nav line. The preview settles on a good build, with the old addresses redirected.
    builds = preview.builds()
    rename_files(project, old, new)
    preview.wait_for(settled_after(builds), "rebuilt after the rename")
    time.sleep(3)  # the rename changes several files: a second change event may start one more build
    log = preview.wait_for(settled_after(preview.builds() - 1), "settled after the rename")
    last = log[log.rindex("Building documentation..."):]
    assert "An error happened" not in last, f"the preview's last build failed:\n{last}"
    assert "real page" not in log and "remove the redirect" not in log, log[-3000:]
    for prefix in site_sources.languages(project).values():
        old_page = httpx.get(f"{preview.base}{prefix}{old}/", timeout=10)
        assert old_page.status_code == 200 and MARKER in old_page.text, f"/{prefix}{old}/ is not a redirect page"
        assert httpx.get(f"{preview.base}{prefix}{new}/", timeout=10).status_code == 200


EXPORT_ENDS = re.compile(r"PDFs exported for the preview|PDFs could not be exported|PDF export for the preview stopped")


def exports(log: str) -> int:
    return len(EXPORT_ENDS.findall(log))


def test_the_preview_exports_the_pdfs_once_per_build(project: Path, preview: Preview) -> None:
    preview.wait_for(lambda log: "PDFs exported for the preview" in log, "exported the PDFs", timeout=240)
    time.sleep(20)  # a second export of the same build, as before, ends within seconds of the first
    log = preview.text()
    assert exports(log) == 1 and preview.builds() == 1, log[-3000:]
    # A rebuild: one more export, into the rebuilt folder.
    page = site_sources.docs_file("", "en", project)
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    preview.wait_for(lambda log: log.count("PDFs exported for the preview") == 2, "exported again", timeout=240)
    time.sleep(20)
    assert exports(preview.text()) == 2 and preview.builds() == 2, preview.text()[-3000:]
    assert httpx.get(preview.base + "downloads/chsi-guide-en.pdf", timeout=10).content.startswith(b"%PDF-")
