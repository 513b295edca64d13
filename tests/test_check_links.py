"""The remote checks of guide/linkcheck/cli.py against local servers that misbehave on purpose (127.0.0.x only)."""
from __future__ import annotations

import dataclasses
import itertools
import socket
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

import link_fixture as fixture

from guide.linkcheck.config import Settings
from guide.linkcheck.fetch import run_remote
from guide.linkcheck.model import Result

# Small numbers keep the whole file fast; the behaviour is the same as with the project's settings.
FAST = Settings(
    min_interval=0.0, host_interval={}, connect_timeout=1.0, read_timeout=0.5, request_deadline=1.5,
    url_deadline=6.0, retries=1, backoff=0.05, backoff_cap=0.2, retry_after_cap=3.0, max_bytes=256 * 1024,
    max_redirects=5,
)


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> fixture.CaseServers:
    servers = fixture.start_cases(tmp_path_factory.mktemp("tls"), slow_seconds=3.0)
    yield servers
    servers.close()


def check(url: str, settings: Settings = FAST) -> Result:
    return run_remote([url], settings)[url]


def hits(servers: fixture.CaseServers, path: str) -> list[fixture.Hit]:
    return [h for h in servers.state.log if h.path == path]


def case(name: str) -> fixture.Case:
    return next(c for c in fixture.CASES + fixture.EXTRA_CASES if c.name == name)


# --- verdicts --------------------------------------------------------------------------------------------------------

def test_a_normal_page_is_ok_and_asked_for_like_a_browser(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/ok")
    assert (result.verdict, result.status, result.final_url) == ("ok", 200, cases.base + "/ok")
    headers = hits(cases, "/ok")[-1].headers
    assert headers["user-agent"].startswith("Mozilla/5.0") and "Chrome/" in headers["user-agent"]
    assert headers["accept-language"] == "zh-CN,zh;q=0.9,en;q=0.8"


@pytest.mark.parametrize(("path", "status"), [("/gone", 404), ("/removed", 410)])
def test_404_and_410_are_broken(cases: fixture.CaseServers, path: str, status: int) -> None:
    result = check(cases.base + path)
    assert (result.verdict, result.status) == ("broken", status)


@pytest.mark.parametrize("name", ["soft-404-zh", "soft-404-en", "soft-404-redirect"])
def test_a_soft_404_is_broken(cases: fixture.CaseServers, name: str) -> None:
    result = check(cases.url(case(name)))
    assert result.verdict == "broken" and result.status == 200
    assert result.detail.startswith("soft 404")


def test_a_normal_page_quoting_not_found_is_ok(cases: fixture.CaseServers) -> None:
    assert check(cases.base + "/faq").verdict == "ok"


@pytest.mark.parametrize("path", ["/moved", "/moved-308", "/chain/1"])
def test_a_permanent_redirect_gives_the_final_url(cases: fixture.CaseServers, path: str) -> None:
    result = check(cases.base + path)
    assert result.verdict == "redirect" and result.status in {301, 308}
    assert result.final_url in {cases.base + "/ok", cases.base + "/chain/4"}
    assert result.final_url in result.detail


@pytest.mark.parametrize("path", ["/login", "/temp"])
def test_302_and_307_to_a_working_page_are_ok(cases: fixture.CaseServers, path: str) -> None:
    result = check(cases.base + path)
    assert (result.verdict, result.final_url) == ("ok", cases.base + "/ok")


def test_a_meta_refresh_to_a_working_page_is_a_redirect_to_it(cases: fixture.CaseServers) -> None:
    cases.state.reset()
    result = check(cases.base + "/refresh")
    assert (result.verdict, result.status, result.final_url) == ("redirect", 200, cases.base + "/ok")
    assert "client-side redirect" in result.detail and cases.base + "/ok" in result.detail
    assert [h.path for h in cases.state.log] == ["/refresh", "/ok"]  # followed, as a browser does


def test_a_meta_refresh_to_a_404_is_broken(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/refresh-gone")
    assert (result.verdict, result.status, result.final_url) == ("broken", 404, cases.base + "/gone")
    assert result.detail == "404 Not Found (after 1 redirect)"


def test_a_meta_refresh_then_a_301_gives_the_final_url(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/refresh-chain")
    assert (result.verdict, result.status, result.final_url) == ("redirect", 301, cases.base + "/ok")


def test_meta_refreshes_in_a_loop_are_broken(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/refresh-loop-a")
    assert result.verdict == "broken" and result.detail.startswith("redirect loop:")


@pytest.mark.parametrize("path", ["/refresh-later", "/refresh-self"])
def test_a_late_refresh_or_a_reload_is_judged_as_the_page_itself(cases: fixture.CaseServers, path: str) -> None:
    cases.state.reset()
    result = check(cases.base + path)
    assert (result.verdict, result.final_url) == ("ok", cases.base + path)
    assert [h.path for h in cases.state.log] == [path]


def test_a_redirect_loop_is_broken(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/loop-a")
    assert result.verdict == "broken" and "redirect loop" in result.detail
    assert len(hits(cases, "/loop-a")) == 1  # detected, not walked until the cap


def test_redirects_stop_at_the_cap(cases: fixture.CaseServers) -> None:
    cases.state.reset()
    result = check(cases.base + "/hop/0")
    assert result.verdict == "broken" and "more than 5 redirects" in result.detail
    assert len([h for h in cases.state.log if h.path.startswith("/hop/")]) == 6


@pytest.mark.parametrize(("name", "status"), [("forbidden", 403), ("challenge-412", 412), ("challenge-200", 200),
                                              ("robot-999", 999)])
def test_refusals_and_challenges_are_blocked(cases: fixture.CaseServers, name: str, status: int) -> None:
    result = check(cases.url(case(name)))
    assert (result.verdict, result.status) == ("blocked", status)


def test_a_page_that_refuses_robot_user_agents_is_ok(cases: fixture.CaseServers) -> None:
    assert check(cases.base + "/ua-gated").verdict == "ok"
    robot = dataclasses.replace(FAST, user_agent="python-httpx/0.28.1")
    assert check(cases.base + "/ua-gated", robot).verdict == "blocked"


def test_429_with_retry_after_then_200_is_ok_after_waiting(cases: fixture.CaseServers) -> None:
    cases.state.reset()
    result = check(cases.base + "/busy-once")
    assert result.verdict == "ok"
    first, second = hits(cases, "/busy-once")
    assert second.at - first.at >= 0.95  # Retry-After: 1 was honoured


def test_429_that_persists_is_blocked(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/busy")
    assert (result.verdict, result.status) == ("blocked", 429)


def test_a_retry_after_above_the_cap_ends_the_retries(cases: fixture.CaseServers) -> None:
    cases.state.reset()
    result = check(cases.base + "/busy", dataclasses.replace(FAST, retry_after_cap=0.5))
    assert result.verdict == "blocked" and "longer than the cap" in result.detail
    assert len(hits(cases, "/busy")) == 1


def test_head_refused_falls_back_to_get(cases: fixture.CaseServers) -> None:
    cases.state.reset()
    result = check(cases.base + "/form.pdf")
    assert (result.verdict, result.status) == ("ok", 200)
    assert [h.method for h in hits(cases, "/form.pdf")] == ["HEAD", "GET"]


def test_a_slow_server_is_unreachable_within_the_deadlines(cases: fixture.CaseServers) -> None:
    start = time.monotonic()
    result = check(cases.base + "/slow")
    assert result.verdict == "unreachable" and "timeout" in result.detail
    assert time.monotonic() - start < 2.5  # two read timeouts of 0.5 s and a short backoff, not the 3 s sleep


def test_a_dripping_body_hits_the_overall_deadline(cases: fixture.CaseServers) -> None:
    start = time.monotonic()
    result = check(cases.base + "/drip", dataclasses.replace(FAST, retries=0))
    assert result.verdict == "unreachable"
    # The request deadline (1.5 s) cuts it, though bytes keep coming for 30 s; a loaded machine adds a few seconds.
    assert time.monotonic() - start < 10


def test_a_huge_body_is_read_only_up_to_the_limit(cases: fixture.CaseServers) -> None:
    start = time.monotonic()
    result = check(cases.base + "/huge")
    assert result.verdict == "ok"
    assert 0 < result.bytes_read <= FAST.max_bytes
    assert time.monotonic() - start < 2


def test_a_gzip_bomb_is_decompressed_only_up_to_the_limit(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/bomb")
    assert result.verdict == "ok"
    assert result.bytes_read == FAST.max_bytes  # 64 MB inflated would be 256 times more


def test_a_connection_reset_is_unreachable(cases: fixture.CaseServers) -> None:
    result = check(cases.base + "/reset")
    assert result.verdict == "unreachable" and "reset" in result.detail or "closed" in result.detail


def test_a_refused_connection_is_unreachable(cases: fixture.CaseServers) -> None:
    result = check(cases.url(case("refused")))
    assert result.verdict == "unreachable" and "refused" in result.detail


def test_a_self_signed_certificate_is_unreachable(cases: fixture.CaseServers) -> None:
    url = cases.url(case("bad-tls"))
    if url is None:
        pytest.skip("openssl is not installed: no certificate for the TLS server")
    result = check(url)
    assert result.verdict == "unreachable" and "TLS" in result.detail


@pytest.mark.parametrize(("errno", "verdict"), [(socket.EAI_NONAME, "broken"), (socket.EAI_AGAIN, "unreachable")])
def test_a_name_that_does_not_resolve_is_broken_but_a_failing_resolver_is_not(
        monkeypatch: pytest.MonkeyPatch, errno: int, verdict: str) -> None:
    real = socket.getaddrinfo

    def fake(host: object, *args: object, **kwargs: object) -> object:
        if host in ("gone.example", b"gone.example"):  # the HTTP stack may pass the name IDNA-encoded
            raise socket.gaierror(errno, "lookup failed")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    assert check("http://gone.example/", dataclasses.replace(FAST, retries=0)).verdict == verdict


# --- politeness and parallelism --------------------------------------------------------------------------------------

def test_one_request_at_a_time_per_host_with_the_minimum_interval() -> None:
    hosts = fixture.start_hosts(1, first=40)
    try:
        polite = dataclasses.replace(FAST, min_interval=0.2)
        results = run_remote(hosts.urls(5), polite)
        assert {r.verdict for r in results.values()} == {"ok"}
        times = [h.at for h in hosts.states[0].log]
        gaps = [b - a for a, b in itertools.pairwise(times)]
        assert len(gaps) == 4 and min(gaps) >= 0.2
        assert hosts.states[0].most_active == 1
    finally:
        hosts.close()


def test_many_hosts_are_checked_in_parallel() -> None:
    hosts = fixture.start_hosts(6, first=50)
    try:
        polite = dataclasses.replace(FAST, min_interval=0.3)
        start = time.monotonic()
        results = run_remote(hosts.urls(3), polite)
        elapsed = time.monotonic() - start
        assert len(results) == 18 and {r.verdict for r in results.values()} == {"ok"}
        assert elapsed < 1.8  # one host after the other would take 15 gaps of 0.3 s = 4.5 s
        starts = sorted(state.log[0].at for state in hosts.states)
        assert starts[-1] - starts[0] < 0.3  # every host began at once
    finally:
        hosts.close()


def test_chsi_hosts_wait_one_second_by_default() -> None:
    settings = Settings()
    assert settings.interval_for("account.chsi.com.cn") == 1.0
    assert settings.interval_for("chsi.com.cn") == 1.0
    assert settings.interval_for("example.org") == settings.min_interval


# --- a runner without DNS ----------------------------------------------------------------------------------------------

def _gone(url: str) -> Result:
    return Result(url, "broken", detail="the host name does not resolve (Name or service not known)")


def test_when_no_name_resolves_the_resolver_is_blamed_not_the_links() -> None:
    from guide.linkcheck.classify import allow_for_a_dns_outage

    results = {u: _gone(u) for u in ("https://www.chsi.com.cn/", "https://account.chsi.com.cn/x")}
    adjusted = allow_for_a_dns_outage(results)
    assert {r.verdict for r in adjusted.values()} == {"unreachable"}
    assert all("DNS looks down" in r.detail for r in adjusted.values())


def test_a_gone_name_among_resolving_hosts_stays_broken() -> None:
    from guide.linkcheck.classify import allow_for_a_dns_outage

    results = {"https://gone.example/": _gone("https://gone.example/"),
               "https://www.chsi.com.cn/": Result("https://www.chsi.com.cn/", "ok", status=200)}
    assert allow_for_a_dns_outage(results)["https://gone.example/"].verdict == "broken"
