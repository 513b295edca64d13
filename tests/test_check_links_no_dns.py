"""The link checker on a machine whose resolver answers for no host: its verdict stays `unreachable` run after run.

The resolver is replaced at its boundary (socket.getaddrinfo, which the HTTP client's event loop calls for every
host name), so no request leaves the machine. Several runs in a row share one cache folder, as `make links` does.
"""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
import link_fixture as fixture
from fixture_site import SITE

from guide.linkcheck import cli as check_links
from guide.linkcheck import store

# The pages, whose remote addresses come from includes/facts.yml.
LINKS = SITE / "docs"
# Few retries and a threshold of 2, so that four runs are well past the point where the old verdict turned broken.
FAST_TOML = fixture.FAST_SETTINGS
RUNS = 4
# "No such name" for every host (a resolver that filters), and no answer at all (a resolver that is not there).
SILENT_RESOLVERS = {
    "no-such-name": (socket.EAI_NONAME, "Name or service not known"),
    "no-answer": (socket.EAI_AGAIN, "Temporary failure in name resolution"),
}


def _config(tmp_path: Path) -> str:
    path = tmp_path / "pyproject.toml"
    path.write_text(FAST_TOML, encoding="utf-8")
    return str(path)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = check_links.main(argv)
    return code, json.loads(capsys.readouterr().out)


def _resolver(answers: dict[str, str], failure: tuple[int, str]):
    """getaddrinfo that knows only `answers` (name -> IPv4 address) and fails every other name with `failure`."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name in answers:
            return real(answers[name], port, *args, **kwargs)
        raise socket.gaierror(*failure)

    return getaddrinfo


@pytest.mark.parametrize("resolver", sorted(SILENT_RESOLVERS))
def test_the_guides_remote_links_stay_unreachable_however_many_runs(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], resolver: str) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({}, SILENT_RESOLVERS[resolver]))
    argv = ["--format", "json", "--cache-dir", str(tmp_path / "cache"), "--config", _config(tmp_path), str(LINKS)]
    for run in range(1, RUNS + 1):
        code, report = _run(argv, capsys)
        remote = [r for r in report["results"] if r["url"].startswith(("http://", "https://"))]
        assert remote, "the pages name no web address: nothing was checked"
        assert {r["verdict"] for r in remote} == {"unreachable"}, (run, remote)
        assert all("DNS looks down" in r["detail"] for r in remote), (run, remote)
        assert report["summary"]["broken"] == 0 and code == 0, (run, report)
    assert store.load_store(tmp_path / "cache").history == {}


def test_a_run_without_dns_neither_counts_nor_forgets_earlier_unreachable_runs(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://www.example.edu/guide/"
    store.save_store(tmp_path / "cache", store.Store(history={url: 1}))
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({}, SILENT_RESOLVERS["no-answer"]))
    argv = ["--format", "json", "--cache-dir", str(tmp_path / "cache"), "--config", _config(tmp_path), url]
    for _ in range(RUNS):
        code, report = _run(argv, capsys)
        assert (code, report["results"][0]["verdict"]) == (0, "unreachable")
    assert store.load_store(tmp_path / "cache").history == {url: 1}


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> fixture.CaseServers:
    servers = fixture.start_cases(tmp_path_factory.mktemp("tls"), slow_seconds=2.0)
    yield servers
    servers.close()


def test_a_dead_name_among_hosts_that_answer_is_still_broken(
        cases: fixture.CaseServers, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    # The resolver answers for one host (the local case server under a name), so it is working: the other name is gone.
    port = cases.base.rsplit(":", 1)[1]
    monkeypatch.setattr(socket, "getaddrinfo",
                        _resolver({"alive.example.test": "127.0.0.1"}, SILENT_RESOLVERS["no-such-name"]))
    alive, gone = f"http://alive.example.test:{port}/ok", "https://gone.example.test/"
    code, report = _run(["--format", "json", "--no-cache", "--config", _config(tmp_path), alive, gone], capsys)
    verdicts = {r["url"]: r["verdict"] for r in report["results"]}
    assert (code, verdicts) == (1, {alive: "ok", gone: "broken"})
