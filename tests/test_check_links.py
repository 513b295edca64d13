"""The link checker online, against local servers that misbehave on purpose (127.0.0.x only): each verdict, its
politeness, and the command end to end (JSON shape, exit codes, the cache and the history, a runner without DNS)."""
from __future__ import annotations

import dataclasses
import itertools
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import link_fixture as fixture
import pytest
from fixture_site import SITE

from guide.linkcheck import cli as check_links
from guide.linkcheck.config import Settings
from guide.linkcheck.fetch import run_fetch
from guide.linkcheck.model import Result

ROOT = Path(__file__).resolve().parent.parent
# Small numbers keep the whole file fast; the behaviour is the same as with the project's settings.
FAST = Settings(
    min_interval=0.0, host_interval={}, connect_timeout=1.0, read_timeout=0.5, request_deadline=1.5,
    url_deadline=6.0, retries=1, backoff=0.05, backoff_cap=0.2, retry_after_cap=3.0, max_bytes=256 * 1024,
    max_redirects=5,
)
READ = "read the first 262144 bytes"
# case name or extra path -> (verdict, status, how the detail begins; {base} is the server), seconds at most
EXPECTED: dict[str, tuple[str, int | None, str, float]] = {
    "ok": ("ok", 200, "", 30), "mentions-not-found": ("ok", 200, "", 30),
    "not-found": ("broken", 404, "404 Not Found", 30), "gone": ("broken", 410, "410 Gone", 30),
    "soft-404-zh": ("broken", 200, "soft 404: the page says", 30),
    "soft-404-en": ("broken", 200, "soft 404: the title says", 30),
    "soft-404-redirect": ("broken", 200, "soft 404: redirected to an error page {base}/404.html", 30),
    "moved-301": ("redirect", 301, "moved permanently: update the link to {base}/ok", 30),
    "moved-308": ("redirect", 308, "moved permanently: update the link to {base}/ok", 30),
    "login-302": ("ok", 200, "302 to {base}/ok", 30), "temp-307": ("ok", 200, "307 to {base}/ok", 30),
    "chain": ("redirect", 301, "moved permanently: update the link to {base}/chain/4", 30),
    "loop": ("broken", 302, "redirect loop: {base}/loop-a -> {base}/loop-b -> {base}/loop-a", 30),
    "too-many": ("broken", 302, "more than 5 redirects", 30), "forbidden": ("blocked", 403, "403 Forbidden", 30),
    "ua-gated": ("ok", 200, "", 30), "challenge-412": ("blocked", 412, "challenge page (__jsl_clearance)", 30),
    "challenge-200": ("blocked", 200, "challenge page (a script sets a cookie and reloads)", 30),
    "robot-999": ("blocked", 999, "999", 30),
    "rate-limited": ("blocked", 429, "429 Too Many Requests (still refused after 2 tries)", 30),
    "rate-then-ok": ("ok", 200, "", 30), "head-refused": ("ok", 200, "", 30),
    # two read timeouts of 0.5 s and a short backoff, not the server's 3 s; the drip is cut by the request deadline
    # (1.5 s) though bytes keep coming for 30 s; a huge body is read only up to the limit, and so is a gzip bomb
    "slow": ("unreachable", None, "timeout", 2.5), "drip": ("unreachable", None, "timeout", 10),
    "huge": ("ok", 200, READ, 2), "gzip-bomb": ("ok", 200, READ, 30),
    "reset": ("unreachable", None, "connection", 30), "refused": ("unreachable", None, "connection refused", 30),
    "bad-tls": ("unreachable", None, "TLS failure", 30),
    # client-side redirects: a <meta http-equiv="refresh"> to another page is followed and judged where it leads
    "/refresh": ("redirect", 200, 'client-side redirect (<meta http-equiv="refresh">): update the link to {base}/ok',
                 30),
    "/refresh-gone": ("broken", 404, "404 Not Found (after 1 redirect)", 30),
    "/refresh-chain": ("redirect", 301, "moved permanently: update the link to {base}/ok", 30),
    "/refresh-loop-a": ("broken", 200, "redirect loop:", 30),
    "/refresh-later": ("ok", 200, "", 30), "/refresh-self": ("ok", 200, "", 30),
}
CASES = {c.name: c for c in fixture.CASES + fixture.EXTRA_CASES}


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> fixture.CaseServers:
    servers = fixture.start_cases(tmp_path_factory.mktemp("tls"), slow_seconds=3.0)
    yield servers
    servers.close()


def check(url: str, settings: Settings = FAST) -> Result:
    return run_fetch([url], settings)[url][0]


def log(servers: fixture.CaseServers) -> list[str]:
    return [f"{h.method} {h.path}" for h in servers.log]


@pytest.mark.parametrize("name", sorted(set(EXPECTED) | set(CASES) - {"no-such-host"}))  # every case of the fixture
def test_each_case_gets_its_verdict(cases: fixture.CaseServers, name: str) -> None:
    verdict, status, detail, seconds = EXPECTED[name]
    url = cases.base + name if name.startswith("/") else cases.url(CASES[name])
    if url is None:
        pytest.skip("openssl is not installed: no certificate for the TLS server")
    assert name.startswith("/") or CASES[name].expected == verdict  # the table agrees with the benchmark's
    start = time.monotonic()
    result = check(url)
    assert (result.verdict, result.status) == (verdict, status), result.detail
    assert result.detail.startswith(detail.format(base=cases.base)), result.detail
    assert time.monotonic() - start < seconds


@pytest.mark.parametrize(("path", "requests"), [
    ("/refresh", ["GET /refresh", "GET /ok"]),                      # followed, as a browser does
    ("/refresh-gone", ["GET /refresh-gone", "GET /gone"]),
    ("/refresh-chain", ["GET /refresh-chain", "GET /refresh-moved", "GET /ok"]),
    ("/refresh-later", ["GET /refresh-later"]),                     # a late refresh or a reload: the page itself
    ("/refresh-self", ["GET /refresh-self"]),
    ("/loop-a", ["GET /loop-a", "GET /loop-b"]),                    # a loop is detected, not walked until the cap
    ("/hop/0", [f"GET /hop/{n}" for n in range(6)]),                # redirects stop at the cap (5)
    ("/form.pdf", ["HEAD /form.pdf", "GET /form.pdf"]),             # HEAD refused: GET
])
def test_the_requests_a_link_costs(cases: fixture.CaseServers, path: str, requests: list[str]) -> None:
    cases.log.clear()
    check(cases.base + path)
    assert log(cases) == requests


def test_pages_are_asked_for_like_a_browser(cases: fixture.CaseServers) -> None:
    check(cases.base + "/ok")
    headers = cases.log[-1].headers
    assert headers["user-agent"].startswith("Mozilla/5.0") and "Chrome/" in headers["user-agent"]
    assert headers["accept-language"] == "zh-CN,zh;q=0.9,en;q=0.8"
    robot = dataclasses.replace(FAST, user_agent="python-httpx/0.28.1")
    assert check(cases.base + "/ua-gated", robot).verdict == "blocked"


def test_429_with_retry_after_then_200_is_ok_after_waiting(cases: fixture.CaseServers) -> None:
    cases.log.clear()
    assert check(cases.base + "/busy-once").verdict == "ok"
    first, second = cases.log
    assert second.at - first.at >= 0.95  # Retry-After: 1 was honoured


def test_a_retry_after_above_the_cap_ends_the_retries(cases: fixture.CaseServers) -> None:
    cases.log.clear()
    result = check(cases.base + "/busy", dataclasses.replace(FAST, retry_after_cap=0.5))
    assert result.verdict == "blocked" and "longer than the cap" in result.detail
    assert log(cases) == ["GET /busy"]


def resolver(answers: dict[str, str], errno: int, message: str):
    """getaddrinfo that knows only `answers` (name -> IPv4 address) and fails every other name."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host  # the HTTP stack may pass the name IDNA-encoded
        if name in answers:
            return real(answers[name], port, *args, **kwargs)
        raise socket.gaierror(errno, message)

    return getaddrinfo


# --- politeness and parallelism --------------------------------------------------------------------------------------

def test_one_request_at_a_time_per_host_with_the_minimum_interval() -> None:
    hosts = fixture.start_hosts(1, first=40)
    try:
        results = run_fetch(hosts.urls(5), dataclasses.replace(FAST, min_interval=0.2))
        assert {r.verdict for r, _ in results.values()} == {"ok"}
        gaps = [b.at - a.at for a, b in itertools.pairwise(hosts.logs[0])]
        assert len(gaps) == 4 and min(gaps) >= 0.2  # requests that overlapped would start closer together
    finally:
        hosts.close()


def test_many_hosts_are_checked_in_parallel() -> None:
    hosts = fixture.start_hosts(6, first=50)
    try:
        start = time.monotonic()
        results = run_fetch(hosts.urls(3), dataclasses.replace(FAST, min_interval=0.3))
        elapsed = time.monotonic() - start
        assert len(results) == 18 and {r.verdict for r, _ in results.values()} == {"ok"}
        assert elapsed < 1.8  # one host after the other would take 15 gaps of 0.3 s = 4.5 s
        starts = sorted(log[0].at for log in hosts.logs)
        assert starts[-1] - starts[0] < 0.3  # every host began at once
    finally:
        hosts.close()


# --- the command: report, exit status, cache and history ------------------------------------------------------------

def config(tmp_path: Path, ttl: float = 3600) -> str:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"{fixture.FAST_SETTINGS}cache_ttl = {ttl}\ncache_dir = '{tmp_path / 'cache'}'\n", encoding="utf-8")
    return str(path)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = check_links.main(argv)
    return code, capsys.readouterr().out


def history(tmp_path: Path) -> dict[str, int]:
    return json.loads((tmp_path / "cache" / "history.json").read_text(encoding="utf-8"))


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
    argv = ["--format", "json", "--config", config(tmp_path), *urls]
    cases.log.clear()
    run(argv, capsys)
    code, out = run(argv, capsys)
    assert code == 1
    assert log(cases) == ["GET /page-cached", "GET /gone", "GET /gone"]  # the second run asked only for /gone
    assert json.loads(out)["results"][0]["detail"] == "cached"
    cases.log.clear()
    run(["--config", config(tmp_path, ttl=0), *urls], capsys)
    assert log(cases) == ["GET /page-cached", "GET /gone"]  # expired: asked again


def test_unreachable_turns_broken_after_n_runs_in_a_row_and_a_link_that_answers_starts_afresh(
        cases: fixture.CaseServers, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dead = f"http://127.0.0.1:{cases.refused_port}/"
    argv = ["--format", "json", "--config", config(tmp_path), dead]
    first, out1 = run(argv, capsys)
    second, out2 = run(argv, capsys)
    assert (first, json.loads(out1)["results"][0]["verdict"]) == (0, "unreachable")
    assert (second, json.loads(out2)["results"][0]["verdict"]) == (1, "broken")
    assert "unreachable in 2 runs in a row" in json.loads(out2)["results"][0]["detail"]
    (tmp_path / "cache" / "history.json").write_text(json.dumps({cases.base + "/ok": 5}), encoding="utf-8")
    code, _ = run(["--config", config(tmp_path), cases.base + "/ok"], capsys)
    assert code == 0 and history(tmp_path) == {}


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
    assert (code, out) == (2, "")
    assert err == (f"make links: failed while {step} (RuntimeError: something unexpected);"
                   " this says nothing about the links\n")


@pytest.mark.parametrize(("module", "message"), [
    ("guide.linkcheck", "make links: cannot start (import of httpx halted; None in sys.modules)"),
    ("guide.screencheck", "make screens: import of httpx halted; None in sys.modules: run `make screens`"),
])
def test_a_missing_dependency_exits_2_not_1(module: str, message: str) -> None:
    # As in a clone where only the site group is set up: httpx cannot be imported.
    blocked = ("import runpy, sys; sys.modules['httpx'] = None; sys.argv = ['check.py', '--offline'];"
               f" runpy.run_module({module!r}, run_name='__main__')")
    proc = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr.startswith(message)
    assert proc.stderr.count("\n") == 1


# --- a runner whose resolver answers for no host: the resolver is blamed, not the links, run after run -------------

# "No such name" for every host (a resolver that filters), and no answer at all (a resolver that is not there).
NO_SUCH_NAME = (socket.EAI_NONAME, "Name or service not known")
NO_ANSWER = (socket.EAI_AGAIN, "Temporary failure in name resolution")


@pytest.mark.parametrize("failure", [NO_SUCH_NAME, NO_ANSWER])
def test_without_dns_links_stay_unreachable_however_many_runs_and_their_history_stays_as_it_was(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        failure: tuple[int, str]) -> None:
    earlier = "https://www.example.edu/guide/"  # unreachable once in an earlier run: neither counted nor forgotten
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "history.json").write_text(json.dumps({earlier: 1}), encoding="utf-8")
    monkeypatch.setattr(socket, "getaddrinfo", resolver({}, *failure))
    argv = ["--format", "json", "--config", config(tmp_path),
            str(SITE / "docs"), earlier]  # the pages, whose remote addresses come from includes/facts.yml
    for number in range(4):  # well past the threshold of 2 runs that turns an unreachable link broken
        code, out = run(argv, capsys)
        report = json.loads(out)
        remote = [r for r in report["results"] if r["url"].startswith(("http://", "https://"))]
        assert len(remote) > 1, "the pages name no web address: nothing was checked"
        assert {r["verdict"] for r in remote} == {"unreachable"}, (number, remote)
        assert all("DNS looks down" in r["detail"] for r in remote), (number, remote)
        assert report["summary"]["broken"] == 0 and code == 0, (number, report)
    assert history(tmp_path) == {earlier: 1}


@pytest.mark.parametrize(("failure", "code", "verdict"), [(NO_SUCH_NAME, 1, "broken"), (NO_ANSWER, 0, "unreachable")])
def test_a_dead_name_among_hosts_that_answer_is_broken_but_a_lookup_without_answer_is_not(
        cases: fixture.CaseServers, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], failure: tuple[int, str], code: int, verdict: str) -> None:
    # The resolver answers for one host (the local case server under a name), so it is working: the other name is gone.
    port = cases.base.rsplit(":", 1)[1]
    monkeypatch.setattr(socket, "getaddrinfo", resolver({"alive.example.test": "127.0.0.1"}, *failure))
    alive, gone = f"http://alive.example.test:{port}/ok", "https://gone.example.test/"
    got, out = run(["--format", "json", "--no-cache", "--config", config(tmp_path), alive, gone], capsys)
    verdicts = {r["url"]: r["verdict"] for r in json.loads(out)["results"]}
    assert (got, verdicts) == (code, {alive: "ok", gone: verdict})
