"""For the published-links, redirect and e-mail kit tests: the registry, and the site as `make build` leaves it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from fixture_site import SITE

from guide.sources import published_links as pl
from guide.sources import site_config

ROOTS = site_config.read(SITE, env={}).roots
REGISTRY = pl.load_registry(SITE / pl.REGISTRY_NAME, list(ROOTS))

_full_sites: dict[Path, Path] = {}


def site_with_pdfs(built_site: Path, scratch: Path) -> Path:
    """A copy of the built site with the PDFs in downloads/, as `make build` leaves it (made once per session)."""
    if built_site not in _full_sites:
        site = scratch / "site"
        shutil.copytree(built_site, site)
        proc = subprocess.run(
            [sys.executable, "-m", "guide.pdf", "--site-dir", str(site)],
            cwd=SITE, env=dict(os.environ), capture_output=True, text=True, check=False,
        )
        if proc.returncode != 0:
            pytest.fail(f"guide/pdf/export.py failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        _full_sites[built_site] = site
    return _full_sites[built_site]
