"""A broken front matter block fails the build with file and line instead of turning into page text."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import site_sources
from fixture_site import copy_site

from guide.checks import front_matter

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ('---\ndescription: "Step 1: register."\n---\n\n# Title\n', None),
        ("# Title without front matter\n",
         ("docs/x.en.md:1: page has no front matter: start the file with ---, description: ..., --- "
          "(one sentence for search results)")),
        ("---\ntitle: Contact\n---\n\n# Title\n",
         "docs/x.en.md:1: front matter has no description: add 'description: ...' (one sentence for search results)"),
        ('---\ndescription: ""\n---\n\n# Title\n',
         "docs/x.en.md:1: front matter has no description: add 'description: ...' (one sentence for search results)"),
        ("---\ndescription: Step 1: register.\n---\n\n# Title\n",
         "docs/x.en.md:2: front matter is not valid YAML (mapping values are not allowed here): quote the value"),
        ("---\n- a list\n---\n\n# Title\n", "docs/x.en.md:2: front matter must be a mapping such as 'description: ...'"),
    ],
)
def test_front_matter_problem(source: str, problem: str | None) -> None:
    assert front_matter.front_matter_problem(source, "docs/x.en.md") == problem


def test_every_page_has_a_description_of_its_own(built_site: Path) -> None:
    descriptions = {}
    for page in site_sources.built_pages(built_site):
        html = page.read_text(encoding="utf-8")
        start = html.find('<meta name="description" content="')
        source = site_sources.source_of(built_site, page)
        assert start != -1, f"{source}:1: no description in the built page: add 'description: \"...\"' to its front matter"
        descriptions[source] = html[start:html.find('">', start)]
    shared = {d: [s for s, o in descriptions.items() if o == d] for d in descriptions.values()}
    twins = [files for files in shared.values() if len(files) > 1]
    assert not twins, f"{twins[0][0]} and {twins[0][1]} have the same description: write one of its own for each page"


def test_the_real_build_fails_when_a_description_is_removed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_site(project)
    page = project / "docs" / "contact.en.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    page.write_text("".join(line for line in lines if not line.startswith("description:")), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert ("docs/contact.en.md:1: front matter has no description: add 'description: ...' "
            "(one sentence for search results)") in proc.stdout + proc.stderr
