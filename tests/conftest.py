"""Shared fixtures: strict builds of the tests' own site (tests/data/site/), and a guard that no test reads the
guide's real content (`make check` judges that; tests/test_live_guide.py runs it)."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixture_site import SITE, copy_site, is_live_content

ROOT = Path(__file__).resolve().parent.parent
# The browser tests' shared fixtures (browser, base_url, root_url, sub_path_url, new_page) live in tests/browser.py.
pytest_plugins = ["browser"]


def build_site(site_dir: Path, *, site_url: str | None = None, project: Path = SITE) -> Path:
    """Build the tests' site (or another project) strictly into site_dir; fail the test with MkDocs' output if not."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **({"SITE_URL": site_url} if site_url else {}))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return site_dir


@pytest.fixture
def in_the_tests_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands take the project from the working folder, as make runs them: here, the tests' own site."""
    monkeypatch.chdir(SITE)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the tests' site that the test edits, as the office edits the guide."""
    return copy_site(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' site, built once per session with the default site_url (Chinese at /, English at /en/)."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


# An address that is public in form (guide/sources/site_address.py), so the build writes what only a published site has:
# the sitemap, QR codes, canonical and absolute hreflang links.
PUBLISHED_URL = "https://guide.example.edu/"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' site built once per session for PUBLISHED_URL, as the deploy workflow builds it."""
    return build_site(tmp_path_factory.mktemp("published") / "site", site_url=PUBLISHED_URL)


# An audit hook sees every file this process opens: a test (or a module at import) that opens the guide's content
# fails, naming the file. Builds and commands run in child processes, given the fixture site as their project.
_PROJECT_PREFIX = str(ROOT) + os.sep
_live_reads: list[str] = []


def _watch_live_content(event: str, args: tuple) -> None:
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path = os.path.abspath(os.fsdecode(args[0]))
    if path.startswith(_PROJECT_PREFIX) and is_live_content(path):
        _live_reads.append(path)


sys.addaudithook(_watch_live_content)


def _read_message(reads: list[str]) -> str:
    files = ", ".join(sorted({os.path.relpath(path, ROOT) for path in reads}))
    return (f"read the guide's own content ({files}): tests use tests/data/site/ (fixture_site.SITE); "
            "a rule about the real content belongs in make check")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    if _live_reads:
        raise pytest.UsageError("a test module " + _read_message(_live_reads))


@pytest.fixture(autouse=True)
def _no_live_content(request: pytest.FixtureRequest) -> Iterator[None]:
    _live_reads.clear()
    yield
    if _live_reads and request.node.get_closest_marker("live_content") is None:
        pytest.fail(f"{request.node.nodeid} " + _read_message(_live_reads), pytrace=False)
