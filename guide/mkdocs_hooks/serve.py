"""What `make serve` needs besides MkDocs: the preview's PDFs, a rebuild when a file the build reads outside docs/
changes, and an emptied folder for the build after a failed one."""
from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import hook_support
from mkdocs import utils
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.serve")
# mkdocs.yml's `watch:` would do it, but refuses a path that does not exist, and tests build partial copies.
READ_BY_THE_BUILD = ("includes", "redirects.yml", "published-links.yml")
_serving = False
_running: subprocess.Popen[str] | None = None
# mkdocs-static-i18n 1.3.1 makes MkDocs' clean_directory a no-op while it builds the other languages and restores it
# only when all built, so after a failed build a renamed page's old output lingered until a restart. Hooks are loaded
# before the first build, so this is MkDocs' own function.
_CLEAN_DIRECTORY = utils.clean_directory


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    root = Path(config.config_file_path).parent
    for name in READ_BY_THE_BUILD:
        if (root / name).exists():
            server.watch(str(root / name))
    return server


def _stop_running_export() -> None:
    global _running
    if _running is not None and _running.poll() is None:
        _running.kill()  # the export holds nothing to save: each PDF is renamed into place only when whole
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
    if hook_support.inside_language_loop(config):
        return  # static-i18n's inner builds must keep the no-op
    utils.clean_directory = _CLEAN_DIRECTORY  # a new build empties its folder first
    if _serving:
        _stop_running_export()


def on_build_error(error) -> None:
    # The language loop is over once an error leaves it: nothing needs the no-op any more.
    utils.clean_directory = _CLEAN_DIRECTORY


# Under make serve, export the PDFs into the preview after each build, so its PDF links work as when published: in the
# background (the pages are served at once), and one at a time (a rebuild stops an export still running, whose folder
# is about to be emptied).
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
