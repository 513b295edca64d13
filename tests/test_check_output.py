"""make check's one output: each problem once, a last line counting them; the rendered stage waits on the content."""
from __future__ import annotations

from pathlib import Path

import pytest

from guide.checks import __main__ as make_check
from guide.checks.__main__ import Stage

PAGE_PAIR = "docs/faq.zh.md is missing (docs/faq.en.md exists): write the translation"


def stages(monkeypatch: pytest.MonkeyPatch, content: list[str], rendered: list[str]) -> list[str]:
    """Stand-in stages; returns the list the rendered stage is recorded in when it runs."""
    ran: list[str] = []
    monkeypatch.setattr(make_check, "content_stage", lambda root: Stage(content, f"content: {len(content)}"))

    def rendered_stage(root: Path, say) -> Stage:
        ran.append("rendered")
        say("building the pages to measure them (sources changed)")
        return Stage(rendered, f"rendered: {len(rendered)}")

    monkeypatch.setattr(make_check, "rendered_stage", rendered_stage)
    monkeypatch.setattr(make_check, "STATIC", (
        make_check.content_stage,
        lambda root: Stage([PAGE_PAIR], "parity: 1", ["docs/x.en.md: warning: possibly outdated"]),
        lambda root: Stage(["docs/a.en.md:3: typo [codespell]"], "copy: 1", ["page  en words"]),
    ))
    return ran


def test_each_problem_is_printed_once_and_counted_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ran = stages(monkeypatch, [PAGE_PAIR], [])
    out: list[str] = []
    count = make_check.run(tmp_path, out.append)
    assert count == 2
    assert out.count(PAGE_PAIR) == 1  # the same line from two stages
    assert out[-1].startswith("rendered: not built: the build refuses the sources") and ran == []
    assert make_check.last_line(count) == "make check: 2 problem(s): fix them and run make check again"
    assert make_check.last_line(0) == "make check: 0 problem(s)"


def test_the_rendered_stage_runs_when_the_build_would_accept_the_sources(monkeypatch: pytest.MonkeyPatch,
                                                                          tmp_path: Path) -> None:
    ran = stages(monkeypatch, [], ["docs/register.en.md: 4.20 phone screens tall"])
    out: list[str] = []
    assert make_check.run(tmp_path, out.append) == 3
    assert ran == ["rendered"]
    assert out == ["content: 0", "docs/x.en.md: warning: possibly outdated", PAGE_PAIR, "parity: 1",
                   "page  en words", "docs/a.en.md:3: typo [codespell]", "copy: 1",
                   "building the pages to measure them (sources changed)",
                   "docs/register.en.md: 4.20 phone screens tall", "rendered: 1"]


def test_only_the_stages_asked_for_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ran = stages(monkeypatch, ["docs/a.en.md:1: broken"], [])
    def copy_stage(root: Path) -> Stage:
        return Stage([], "copy: 0")

    monkeypatch.setattr(make_check, "STATIC", (make_check.content_stage, copy_stage))
    out: list[str] = []
    assert make_check.run(tmp_path, out.append, only=["copy"]) == 0
    assert out == ["copy: 0"] and ran == []
    assert make_check.run(tmp_path, out.append, only=["rendered"]) == 1  # it names what it waits on
    assert out[1:] == ["docs/a.en.md:1: broken", "content: 1", out[-1]] and ran == []


def test_a_check_that_stops_is_one_line_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    stages(monkeypatch, [], [])

    def broken_stage(root: Path) -> Stage:
        raise KeyError("nav")

    monkeypatch.setattr(make_check, "STATIC", (make_check.content_stage, broken_stage))
    out: list[str] = []
    assert make_check.run(tmp_path, out.append) == 1
    assert out[1:3] == [("make check: the broken check stopped (KeyError: 'nav'): this is a fault in the checks, not in "
                        "your edit: tell a developer"), "broken: not checked"]
    assert out[-1] == "rendered: 0"
