"""A broken link, a missing picture or a wrong heading id fails the strict build naming the file and the line."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_site import copy_site

from guide.mkdocs_hooks import warning_lines


@pytest.mark.parametrize(("message", "located"), [
    # A missing page, a missing picture and a wrong id on the same page: the real build below.
    ("Doc file 'a.en.md' contains a link 'c.md#gone', but the doc 'c.en.md' does not contain an anchor '#gone'.",
     "docs/a.en.md:3: links to 'c.md#gone', but no heading of docs/c.en.md has that id"),
    ("Some other warning.", None),
])
def test_each_link_warning_gets_its_line(tmp_path: Path, message: str, located: str | None) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.en.md").write_text("# A {#a}\n\nSee [C](c.md#gone).\n", encoding="utf-8")
    found = warning_lines.locate(message, docs)
    assert (found is None) if located is None else found.startswith(located), found


def test_the_real_build_names_file_and_line_for_each_mistake(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_site(project)
    mistakes = {  # page -> (what is there, the mistake a maintainer makes)
        "locked-out.en.md": ("[Verify your identity](verify-identity.md)", "[Verify your identity](verify-identiy.md)"),
        "register.en.md": ("(images/register-01-form.png){ loading", "(images/register-01-frm.png){ loading"),
        "verify-identity.en.md": ("(#not-passed)", "(#not-pased)"),
    }
    lines = {}
    for name, (good, bad) in mistakes.items():
        page = project / "docs" / name
        text = page.read_text(encoding="utf-8")
        assert good in text
        lines[name] = text[:text.index(good)].count("\n") + 1
        page.write_text(text.replace(good, bad, 1), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                          cwd=project, capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"})
    out = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
    assert proc.returncode != 0
    assert f"docs/locked-out.en.md:{lines['locked-out.en.md']}: links to 'verify-identiy.md', which is not in docs/" in out
    assert f"docs/register.en.md:{lines['register.en.md']}: shows 'images/register-01-frm.png', which is not in docs/" in out
    assert (f"docs/verify-identity.en.md:{lines['verify-identity.en.md']}: links to '#not-pased', but no heading on "
            "this page has that id") in out
    assert "Aborted with 3 warnings in strict mode" in out
