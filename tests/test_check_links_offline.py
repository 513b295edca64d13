"""The offline check (internal links and #fragments), the rules that need no server, and one address per page."""
from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from fixture_site import SITE

from guide.linkcheck import classify
from guide.linkcheck import cli as check_links
from guide.linkcheck.config import ConfigError, Settings, settings_from_table
from guide.linkcheck.fetch import inflate

DATA = Path(__file__).resolve().parent / "data" / "links"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = check_links.main(argv)
    except SystemExit as exc:  # argparse's own exit on wrong usage
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def broken(report: str) -> dict[str, dict[str, object]]:
    return {r["url"]: r for r in json.loads(report)["results"] if r["verdict"] == "broken"}


# --- the real site -----------------------------------------------------------------------------------------------------

def test_the_real_site_and_sources_have_no_broken_internal_link(built_site: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    sources = [str(p) for p in sorted((SITE / "docs").glob("*.md"))]
    _, out, err = run(["--offline", "--format", "json", str(built_site), *sources], capsys)
    data = json.loads(out)
    # downloads/ (PDFs, QR codes) is written after MkDocs by guide/pdf/export.py and guide/outputs/email_kit.py: a plain
    # build lacks it. Everything else must resolve, every #fragment included.
    dead = {url: r["sources"][:2] for url, r in broken(out).items() if not url.startswith("/downloads/")}
    assert dead == {}, err
    checked = {s for r in data["results"] for s in r["sources"]}
    assert any("/en/" in s for s in checked) and any(s.endswith("index.html") and "/en/" not in s for s in checked)
    assert data["summary"]["ok"] > 50  # both languages' pages, assets and anchors were really looked at


# --- the hand-made fixtures ------------------------------------------------------------------------------------------

def test_a_broken_anchor_and_a_missing_page_in_the_built_site_are_reported_with_their_page(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--offline", "--format", "json", str(DATA / "site")], capsys)
    found = broken(out)
    assert code == 1 and set(found) == {"/register/#missing-anchor", "/en/contact/"}
    assert found["/register/#missing-anchor"]["sources"] == [f"{check_links.internal.display(DATA / 'site')}/index.html"]
    assert "no id 'missing-anchor'" in str(found["/register/#missing-anchor"]["detail"])
    assert found["/en/contact/"]["sources"][0].endswith("site/en/register/index.html")
    # Canonical and hreflang addresses point into the site itself: checked as internal links, found, ok.
    assert "/en/" in {r["url"] for r in json.loads(out)["results"]}


TEXT_REPORT = """\
broken      [---] [chsi-help] (at docs/register.en.md:11) | no reference definition named [chsi-help]
1 links: 0 ok, 0 redirect, 1 broken, 0 blocked, 0 unreachable
"""
MARKDOWN_REPORT = """\
## Link check

| ok | redirect | broken | blocked | unreachable |
|---|---|---|---|---|
| 0 | 0 | 1 | 0 | 0 |

| verdict | status | link | where | detail |
|---|---|---|---|---|
| broken |  | [chsi-help] | docs/register.en.md:11 | no reference definition named [chsi-help] |
"""


@pytest.mark.parametrize(("fmt", "report"), [("text", TEXT_REPORT), ("markdown", MARKDOWN_REPORT)])
def test_an_undefined_reference_in_markdown_is_reported_with_file_and_line(
        fmt: str, report: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Lines 9 and 10 link to a missing heading and page: the build refuses those with their line, not this check.
    code, out, _ = run(["--offline", "--format", fmt, str(DATA / "docs")], capsys)
    assert (code, out.replace(check_links.internal.display(DATA / "docs"), "docs")) == (1, report)


@pytest.mark.parametrize(("argv", "message"), [
    (["no/such/dir"], "no/such/dir: no such file or directory"),
    (["--format", "yaml", "docs"], "invalid choice: 'yaml'"),
    (["--no-such-option"], "unrecognized arguments: --no-such-option"),
    ([str(DATA / "site" / "assets" / "style.css")], "give Markdown files, directories (docs or a built site)"),
    (["--offline"], "holds no built site: run `make build` first"),  # no site/ in the working folder
    (["--offline", "--config", "typo.toml", str(DATA / "docs")], "unknown setting [tool.check-links] min_intervall"),
])
def test_wrong_usage_or_unreadable_input_exits_2(argv: list[str], message: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "typo.toml").write_text("[tool.check-links]\nmin_intervall = 1\n", encoding="utf-8")
    code, _, err = run(argv, capsys)
    assert code == 2 and message in err, err


# --- pure rules ------------------------------------------------------------------------------------------------------
# The fixture's cases (test_check_links.py) also give 200, 404, 410, 403, 412, 429 and 999, a soft 404 in Chinese, a
# redirect to /404.html, a long page quoting 页面不存在, a cookie-and-reload challenge and the meta refreshes.

@pytest.mark.parametrize(("status", "verdict"), [
    (204, "ok"), (401, "blocked"), (405, "blocked"), (500, "unreachable"), (503, "unreachable")])
def test_status_verdicts(status: int, verdict: str) -> None:
    assert classify.verdict_for_status(status) == verdict


PAGE = "<html><head><title>{title}</title></head><body><h1>{h1}</h1><p>{text}</p></body></html>"


@pytest.mark.parametrize(("title", "h1", "text", "url", "soft"), [
    ("404 Not Found", "", "", "https://x.cn/a", True),
    ("学信网", "页面未找到", "返回首页", "https://x.cn/a", True),
    ("学信网", "欢迎", "ok", "https://x.cn/error/", True),
    ("Help", "Help", "Error 404 means the page is gone; here is what to do. " * 20, "https://x.cn/a", False),
    ("Bus route 4040", "Timetable", "Buses every ten minutes.", "https://x.cn/a", False),
    ("学信网", "注册", "请填写手机号。", "https://x.cn/register", False),
])
def test_soft_404_rules(title: str, h1: str, text: str, url: str, soft: bool) -> None:
    page = classify.Page(PAGE.format(title=title, h1=h1, text=text))
    assert (classify.soft_404_reason(page, url, redirected=url.endswith(("404.html", "/error/"))) is not None) is soft


@pytest.mark.parametrize(("body", "challenge"), [
    ("<title>Just a moment...</title><p>Checking your browser</p>", True),
    ("<p>请开启JavaScript并刷新该页</p>", True),
    ("<script src=/x.js></script><p>acw_sc__v2</p>", True),
    ("<noscript>Please enable JavaScript</noscript><p>" + "学信网的正文。" * 200 + "</p>", False),
    ("<script>document.cookie='seen=1'</script><p>" + "A normal page. " * 100 + "</p>", False),
])
def test_challenge_rules(body: str, challenge: bool) -> None:
    assert (classify.challenge_reason({}, classify.Page(body)) is not None) is challenge


@pytest.mark.parametrize(
    ("content", "target"),
    [
        ("0; URL='https://other.example/a#part'", "https://other.example/a#part"),
        ("3,url=page2", "https://chsi.example/dir/page2"),
        ("0;url=https://chsi.example/dir/page", None),      # its own address: a reload too
        ("0;url=javascript:go()", None),
        ("soon", None),
    ],
)
def test_meta_refresh_targets(content: str, target: str | None) -> None:
    assert classify.refresh_target(content, "https://chsi.example/dir/page") == target


def test_the_page_parser_reads_the_refresh_but_not_one_inside_noscript() -> None:
    head = '<noscript><meta http-equiv="refresh" content="0;url=/nojs"></noscript><meta http-equiv=Refresh content="0;url=/b">'
    assert classify.Page(f"<html><head>{head}</head><body>x</body></html>").refresh == "0;url=/b"


def test_retry_after_reads_seconds_and_dates() -> None:
    assert classify.retry_after_seconds("7", now=0) == 7
    assert classify.retry_after_seconds("Thu, 01 Jan 1970 00:01:40 GMT", now=40) == 60
    assert classify.retry_after_seconds("soon", now=0) is None


def test_a_body_is_never_inflated_past_the_limit() -> None:
    assert inflate(zlib.compress(b"\0" * 10_000_000), "deflate", limit=1000) == (b"\0" * 1000, True)
    assert inflate(zlib.compress(b"page")[2:-4], "deflate", limit=1000) == (b"page", False)  # raw deflate, no header
    assert inflate(b"abc", "br", 1000) == (b"", True)  # an encoding we never asked for is not read


@pytest.mark.parametrize(("host", "seconds"), [("www.chsi.com.cn", 1.0), ("chsi.com.cn", 1.0), ("chsi.com.cn.evil.io", 0.5),
                                               ("example.org", 0.5)])
def test_chsi_hosts_wait_one_second_by_default(host: str, seconds: float) -> None:
    assert Settings().interval_for(host) == seconds


def test_settings_from_pyproject_table() -> None:
    settings = settings_from_table({"min_interval": 2, "host_interval": {"*.gov.cn": 3}, "exclude": ["^https://x"]})
    assert (settings.min_interval, settings.interval_for("www.moe.gov.cn"), settings.exclude) == (2.0, 3.0, ("^https://x",))
    assert settings.retries == Settings().retries
    with pytest.raises(ConfigError):
        settings_from_table({"retries": "many"})



def test_a_site_built_for_a_sub_path_resolves_the_404_page_s_links_from_the_server_root(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 404 page is served at any address, so it links as /chsi-guide/register/: that is the site's /register/."""
    site = tmp_path / "site"
    (site / "register").mkdir(parents=True)
    (site / "index.html").write_text('<link rel="canonical" href="https://www.example.edu/chsi-guide/">')
    (site / "register" / "index.html").write_text('<h2 id="steps">Steps</h2>')
    (site / "404.html").write_text('<a href="/chsi-guide/register/#steps">Register</a>'
                                   '<a href="/chsi-guide/contact/">Contact</a>')
    code, out, _ = run(["--offline", "--format", "json", str(site)], capsys)
    assert code == 1 and set(broken(out)) == {"/contact/"}
    assert {r["url"]: r["verdict"] for r in json.loads(out)["results"]}["/register/#steps"] == "ok"
