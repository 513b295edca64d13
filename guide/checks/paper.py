"""make check's paper rule: the PDFs that `make build` exports from the pages, exported from the check's own build.

The build refuses a checklist that no longer fits one A4 page and a guide PDF too large to e-mail, so make check
exports them too (into the check's cache, never site/) and names the page to shorten. Anything else the export says
when it fails is passed on as it is.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# The export's own lines (guide/pdf/export.py size_problems), and which page each PDF is made from.
CHECKLIST = re.compile(r"chsi-checklist-(?P<lang>\w+)\.pdf: (?P<pages>\d+) pages")
GUIDE = re.compile(r"chsi-guide-(?P<lang>\w+)\.pdf: (?P<size>[\d.]+ MB), more than the (?P<limit>[\d.]+ MB) limit")


def paper_problems(root: Path, site: Path) -> list[str]:
    """Export both languages' PDFs from a built site into its downloads/; one line per problem."""
    proc = subprocess.run([sys.executable, "-m", "guide.pdf", "--site-dir", str(site)], cwd=root,
                          capture_output=True, text=True, check=False)
    if proc.returncode == 0:
        return []
    problems = []
    for line in proc.stderr.splitlines():
        if not line.startswith("make pdf: ") or line.startswith("make pdf: note:"):
            continue
        text = line.removeprefix("make pdf: ")
        if match := CHECKLIST.search(text):
            problems.append(f"docs/checklist.{match['lang']}.md: printed, the checklist takes {match['pages']} A4 "
                            "pages; it must fit one: shorten it (the PDF is chsi-checklist-"
                            f"{match['lang']}.pdf)")
        elif match := GUIDE.search(text):
            problems.append(f"the {match['lang']} guide PDF is {match['size']}, more than the {match['limit']} an "
                            "e-mail can carry: make a picture smaller or cut pages' words")
        elif "the site was built without its public address" not in text:
            problems.append(f"the PDF export: {text}")
    said = (proc.stderr or proc.stdout).strip().splitlines()
    return problems or [f"the PDF export failed: {said[-1] if said else 'without saying why'}: run make build to see it"]
