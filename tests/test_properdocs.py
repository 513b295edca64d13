"""ProperDocs, the drop-in continuation of MkDocs 1.x, builds the same site: the fallback when MkDocs stops."""
from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import SITE, site_files

# The only intended difference: each page names the program that built it.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        return gzip.decompress(data)  # the gzip header carries the build time
    return GENERATOR.sub(b"", data) if path.suffix == ".html" else data


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site)],
        cwd=SITE, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, f"properdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    return site


def test_same_files_and_bytes_but_the_generator_tag(properdocs_site: Path, built_site: Path) -> None:
    assert site_files(properdocs_site) == site_files(built_site)
    differ = [name for name in site_files(built_site)
              if _normalised(built_site / name) != _normalised(properdocs_site / name)]
    assert differ == []
    # Guards the normalisation above: it must remove something that really differs.
    assert b"ProperDocs" in (properdocs_site / "index.html").read_bytes()
    assert b"ProperDocs" not in (built_site / "index.html").read_bytes()
