"""Under `make serve`, export the PDFs too, so the preview's PDF links work as they will when published.

`make build` exports the PDFs after MkDocs (scripts/build_site.py). `mkdocs serve` builds into a temporary folder
and knows nothing of them, so every page's "whole guide as a PDF" link was dead in the preview. After each build
while serving, this hook runs the same export into that folder, in the background: the pages are served at once,
and the PDFs appear a few seconds later (again after each rebuild, since a rebuild empties the folder).
"""
from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.serve_pdfs")
EXPORT = Path(__file__).resolve().parent.parent / "scripts" / "export_pdf.py"
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def _export(site_dir: str) -> None:
    proc = subprocess.run([sys.executable, str(EXPORT), "--site-dir", site_dir], capture_output=True, text=True,
                          check=False)
    if proc.returncode == 0:
        log.info("PDFs exported for the preview: %s", proc.stdout.strip().splitlines()[-1:])
    else:
        log.warning("the preview's PDFs could not be exported: %s", (proc.stderr or proc.stdout).strip()[-500:])


def on_post_build(config):
    if _serving:
        threading.Thread(target=_export, args=(str(config["site_dir"]),), daemon=True).start()
