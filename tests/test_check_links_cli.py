"""guide/linkcheck/cli.py end to end against local servers: JSON shape, exit codes, the cache and the history."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

import link_fixture as fixture

from guide.linkcheck import cli as check_links

FAST_TOML = fixture.FAST_SETTINGS + "cache_ttl = {ttl}\n"


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> fixture.CaseServers:
    servers = fixture.start_cases(tmp_path_factory.mktemp("tls"), slow_seconds=2.0)
    yield servers
    servers.close()


def config(tmp_path: Path, ttl: float = 3600) -> str:
    path = tmp_path / "pyproject.toml"
    path.write_text(FAST_TOML.format(ttl=ttl), encoding="utf-8")
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = check_links.main(argv)
    return code, capsys.readouterr().out


def test_json_has_the_documented_shape_and_broken_exits_1(cases: fixture.CaseServers, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.en.md"
    page.write_text(f"# Page\n\nSee [this][ok], [that][gone] and [old]({cases.base}/moved).\n\n"
                    f"[ok]: {cases.base}/ok\n[gone]: {cases.base}/gone\n", encoding="utf-8")
    code, out = run(["--format", "json", "--no-cache", "--config", config(tmp_path), str(page)], capsys)
    data = json.loads(out)
    assert code == 1
    assert set(data) == {"results", "summary"}
    assert data["summary"] == {"ok": 1, "redirect": 1, "broken": 1, "blocked": 0, "unreachable": 0}
    by_url = {r["url"]: r for r in data["results"]}
    assert all(set(r) == {"url", "verdict", "status", "final_url", "sources", "detail"} for r in data["results"])
    where = check_links.internal.display(page)
    assert by_url[f"{cases.base}/gone"] == {
        "url": f"{cases.base}/gone", "verdict": "broken", "status": 404, "final_url": f"{cases.base}/gone",
        "sources": [f"{where}:3", f"{where}:6"], "detail": "404 Not Found"}
    assert by_url[f"{cases.base}/moved"]["final_url"] == f"{cases.base}/ok"


def test_warnings_alone_exit_0(cases: fixture.CaseServers, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = [cases.base + p for p in ("/ok", "/moved", "/forbidden", "/challenge")] + [
        f"http://127.0.0.1:{cases.refused_port}/"]
    code, out = run(["--no-cache", "--config", config(tmp_path), *urls], capsys)
    assert code == 0
    assert out.splitlines()[-1] == "5 links: 1 ok, 1 redirect, 0 broken, 2 blocked, 1 unreachable"
    assert f"redirect    [301] {cases.base}/moved -> {cases.base}/ok (at command line)" in out


def test_ok_results_are_cached_until_the_ttl_and_nothing_else_is(cases: fixture.CaseServers, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    urls = [cases.base + "/page-cached", cases.base + "/gone"]
    argv = ["--format", "json", "--cache-dir", str(tmp_path / "cache"), "--config", config(tmp_path), *urls]
    cases.state.reset()
    run(argv, capsys)
    code, out = run(argv, capsys)
    assert code == 1
    assert [h.path for h in cases.state.log] == ["/page-cached", "/gone", "/gone"]  # the second run asked only for /gone
    assert json.loads(out)["results"][0]["detail"] == "cached"
    cases.state.reset()
    run(["--cache-dir", str(tmp_path / "cache"), "--config", config(tmp_path, ttl=0), *urls], capsys)
    assert [h.path for h in cases.state.log] == ["/page-cached", "/gone"]  # expired: asked again


def test_unreachable_turns_broken_after_n_runs_in_a_row(cases: fixture.CaseServers, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    dead = f"http://127.0.0.1:{cases.refused_port}/"
    argv = ["--format", "json", "--cache-dir", str(tmp_path / "cache"), "--config", config(tmp_path), dead]
    first, out1 = run(argv, capsys)
    second, out2 = run(argv, capsys)
    assert (first, json.loads(out1)["results"][0]["verdict"]) == (0, "unreachable")
    assert (second, json.loads(out2)["results"][0]["verdict"]) == (1, "broken")
    assert "unreachable in 2 runs in a row" in json.loads(out2)["results"][0]["detail"]


def test_a_link_that_answers_again_starts_its_history_afresh(cases: fixture.CaseServers, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from guide.linkcheck import store

    saved = store.Store(history={cases.base + "/ok": 5})
    store.save_store(tmp_path / "cache", saved)
    code, _ = run(["--cache-dir", str(tmp_path / "cache"), "--config", config(tmp_path), cases.base + "/ok"], capsys)
    assert code == 0 and store.load_store(tmp_path / "cache").history == {}


@pytest.mark.parametrize(("patch", "step"), [
    ("check_internal", "reading the input"),
    ("check_external", "checking the remote links"),
])
def test_a_fault_of_the_checker_exits_2_with_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path, patch: str, step: str) -> None:
    # Exit 1 means broken links: a crash must never look like that (the weekly workflow would open an issue).
    def crash(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("something\nunexpected")

    monkeypatch.setattr(check_links, patch, crash)
    page = tmp_path / "page.en.md"
    page.write_text("# Page\n", encoding="utf-8")
    code = check_links.main(["--no-cache", "--config", config(tmp_path), str(page), "http://127.0.0.1:9/x"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == (f"make links: failed while {step} (RuntimeError: something unexpected);"
                   " this says nothing about the links\n")


def test_a_missing_dependency_exits_2_not_1() -> None:
    # As in a clone where only the site group is set up: httpx cannot be imported.
    blocked = ("import runpy, sys; sys.modules['httpx'] = None; sys.argv = ['check_links.py', '--offline'];"
               " runpy.run_path('guide/linkcheck/cli.py', run_name='__main__')")
    proc = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith("make links: cannot start (import of httpx halted; None in sys.modules)")
    assert proc.stderr.count("\n") == 1
