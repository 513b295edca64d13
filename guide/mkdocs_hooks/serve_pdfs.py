"""Under `make serve`, export the PDFs into the preview after each build, so its PDF links work as when published:
in the background (the pages are served at once), and one at a time (a rebuild stops an export still running, whose
folder is about to be emptied)."""
from __future__ import annotations

import logging
import subprocess
import sys
import threading

import hook_support
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.serve_pdfs")
_serving = False
_running: subprocess.Popen[str] | None = None


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def _stop_running_export() -> None:
    global _running
    if _running is not None and _running.poll() is None:
        _running.terminate()
        try:
            _running.wait(timeout=10)
        except subprocess.TimeoutExpired:
            _running.kill()
            _running.wait()
    _running = None


def _report(proc: subprocess.Popen[str]) -> None:
    out, err = proc.communicate()
    if proc.returncode == 0:
        log.info("PDFs exported for the preview: %s", out.strip().splitlines()[-1:])
    elif proc.returncode < 0:
        log.info("PDF export for the preview stopped: a newer build replaced it")
    else:
        log.warning("the preview's PDFs could not be exported: %s", (err or out).strip()[-500:])


def on_pre_build(config):
    if _serving and not hook_support.inside_language_loop(config):
        _stop_running_export()


@event_priority(-120)  # after mkdocs-static-i18n (-100) built every language, and after the redirect pages (-110)
def on_post_build(config):
    global _running
    if not _serving or hook_support.inside_language_loop(config):
        return
    _stop_running_export()
    _running = subprocess.Popen([sys.executable, "-m", "guide.pdf", "--site-dir", str(config["site_dir"])], cwd=hook_support.ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    threading.Thread(target=_report, args=(_running,), daemon=True).start()


def on_shutdown():
    _stop_running_export()
