"""guide/screencheck/check.py against pages served on 127.0.0.1: the verdict of each page and what the reports say."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import link_fixture as fixture
import pytest
from fixture_site import SITE

from guide.screencheck import check as check_screens

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "screens"
HOME = "https://www.chsi.example/"
INTL = "https://account.chsi.example/reg/intl?from=email-share"
FILLER = "<p>学信网账号可用于学信网的各项服务，注册后请按提示核验身份。</p>" * 8


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!doctype html><html><head>{head}<title>学信网</title></head><body>{body}{FILLER}</body></html>"


HOME_PAGE = page('<div class="top"><a href="/login">登录</a> <a href="/reg">注册</a></div>')
EVERY_LABEL = page('<ul class="tabs"><li><a href="#">国际注册</a></li><li><a href="#">简项注册</a></li></ul>'
                   '<form><label for="c">国家或地区</label><select id="c"><option>美国</option></select>'
                   '<label for="m">手机号</label><input id="m" type="tel">'
                   '<input type="submit" value="立即注册"></form>')
RENAMED = EVERY_LABEL.replace("简项注册", "快速注册")
ONLY_IN_SCRIPT = page('<ul class="tabs"><li><a href="#">国际注册</a></li><!-- <li><a href="#">简项注册</a></li> --></ul>'
                      '<script>var tabs = ["国际注册", "简项注册"];</script><style>.tab::after{content:"简项注册"}</style>'
                      '<form><label>国家或地区</label><select><option>美国</option></select>'
                      '<button type="submit">立即注册</button></form>')
SPLIT = page('<ul class="tabs"><li><a href="#">简<b>项</b>注册</a></li></ul>'
             '<form><label><span>国家</span>或<em>地区</em></label><select><option>美国</option></select>'
             '<button type="submit">立即<span class="em">注册</span></button></form>')
SHELL = ('<!doctype html><html><head><meta charset="utf-8"><title>学信网账号</title>'
         '<script src="/js/chunk-vendors.js"></script><script src="/js/app.js"></script></head>'
         '<body><noscript>请开启 JavaScript 后使用学信网账号服务。</noscript><div id="app"></div></body></html>')
GBK = page(EVERY_LABEL.split("<body>", 1)[1].split(FILLER)[0],
           head='<meta http-equiv="Content-Type" content="text/html; charset=gbk">').encode("gbk")

HTML = {"Content-Type": "text/html"}
# path -> (status, body, headers) on the test server
PAGES: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/home": (200, HOME_PAGE.encode(), {}),
    "/intl/all": (200, EVERY_LABEL.encode(), {}),
    "/intl/renamed": (200, RENAMED.encode(), {}),
    "/intl/script": (200, ONLY_IN_SCRIPT.encode(), {}),
    "/intl/split": (200, SPLIT.encode(), {}),
    "/intl/shell": (200, SHELL.encode(), {}),
    "/intl/gbk": (200, GBK, HTML),  # the charset is only in the page's <meta>
    "/intl/challenge": (412, fixture.CHALLENGE, {}),
    "/intl/moved": (301, b"", {**HTML, "Location": "/intl/all"}),
    "/intl/login": (302, b"", {**HTML, "Location": "/intl/renamed"}),
    "/intl/gone": (404, b"<h1>404 Not Found</h1>", HTML),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = fixture.serve("127.0.0.1", [], answers=PAGES)
    yield f"http://127.0.0.1:{httpd.server_port}"
    fixture.stop(httpd)


@pytest.fixture(autouse=True)
def fast(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker reads its settings from the project's pyproject.toml: here, short timeouts and no pauses."""
    project = tmp_path_factory.mktemp("config")
    (project / "pyproject.toml").write_text(fixture.FAST_SETTINGS, encoding="utf-8")
    monkeypatch.setattr(check_screens, "ROOT", project)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = check_screens.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def screens_for(capsys: pytest.CaptureFixture[str], home: str, intl: str, fmt: str = "text") -> tuple[int, str]:
    """Check the fixture project with its home page read from `home` and its international page from `intl`."""
    code, out, err = run(capsys, "--root", str(DATA), "--format", fmt,
                         "--map", f"{HOME}={home}", "--map", f"{INTL}={intl}")
    assert code in (0, 1), err
    return code, out


def verdicts(report: str) -> list[tuple[str, str]]:
    """(verdict, detail) of each page of a text report."""
    return [(line.split()[0], line.split(" | ", 1)[1]) for line in report.splitlines()[:-1] if not line.startswith(" ")]


# --- one verdict per page -------------------------------------------------------------------------------------------

DRIFT = "1 of 3 labels missing: 简项注册 (read from {server}/intl/renamed)"
QUOTED = "docs/register.en.md:8, docs/register.zh.md:8"


@pytest.mark.parametrize(("fmt", "report"), [
    ("text", [f"ok          {HOME} [chsi-home] | every label present: 注册 (read from {{server}}/home)",
              f"drift       {INTL} [chsi-intl-register] | {DRIFT}",
              f"            missing 简项注册: the guide quotes it at {QUOTED}",
              "screens: 2 pages: 1 ok, 1 drift, 0 unknown, 0 blocked, 0 unreachable"]),
    ("markdown", ["## Screen check", "", "| ok | drift | unknown | blocked | unreachable |", "|---|---|---|---|---|",
                  "| 1 | 1 | 0 | 0 | 0 |", "", "| verdict | page | missing label: where the guide quotes it | detail |",
                  "|---|---|---|---|", f"| ok | {HOME} |  | every label present: 注册 (read from {{server}}/home) |",
                  f"| drift | {INTL} | 简项注册: {QUOTED} | {DRIFT} |"]),
])
def test_the_reports_of_a_drift(server: str, capsys: pytest.CaptureFixture[str], fmt: str,
                                report: list[str]) -> None:
    code, out = screens_for(capsys, f"{server}/home", f"{server}/intl/renamed", fmt)
    assert (code, out.splitlines()) == (1, [line.format(server=server) for line in report])


ALL = "every label present: 简项注册, 国家或地区, 立即注册"
# Line 13 of each page quotes it too, but in a code span and in an HTML comment: not quotes of the label.
RENAMED_QUOTED = [f"            missing 简项注册: the guide quotes it at {QUOTED}"]


@pytest.mark.parametrize(("path", "code", "verdict", "missing", "detail"), [
    ("/intl/all", 0, "ok", [], ALL + " (read from {server}/intl/all)"),
    ("/intl/gbk", 0, "ok", [], ALL),  # its charset only in <meta>: read as GBK
    ("/intl/split", 0, "ok", [], ALL),  # labels split by markup are present
    ("/intl/moved", 0, "ok", [], "moved permanently: update the link to {server}/intl/all; " + ALL),
    ("/intl/renamed", 1, "drift", RENAMED_QUOTED, "1 of 3 labels missing: 简项注册"),
    ("/intl/login", 1, "drift", RENAMED_QUOTED, "302 to {server}/intl/renamed; 1 of 3 labels missing: 简项注册"),
    # a label only in a script, a style or a comment is not present
    ("/intl/script", 1, "drift", RENAMED_QUOTED, "1 of 3 labels missing: 简项注册"),
    ("/intl/challenge", 0, "blocked", [], "challenge page (__jsl_clearance)"),  # a 412 challenge: not drift
    ("/intl/shell", 0, "unknown", [], "an application shell"),  # drawn by JavaScript: not drift
    ("/intl/gone", 0, "unreachable", [], "the address is broken (404 Not Found)"),
])
def test_the_verdict_of_a_page(server: str, capsys: pytest.CaptureFixture[str], path: str, code: int,
                               verdict: str, missing: list[str], detail: str) -> None:
    if path == "/intl/gbk":
        assert b"charset=gbk" in GBK and "简项注册".encode("gbk") in GBK and "简项注册".encode() not in GBK
    got_code, out = screens_for(capsys, f"{server}/home", server + path)
    (home, _), (got_verdict, got_detail) = verdicts(out)
    assert (got_code, home, got_verdict) == (code, "ok", verdict)
    assert [line for line in out.splitlines() if line.startswith(" ")] == missing
    assert got_detail.startswith(detail.format(server=server)), got_detail
    assert verdict != "unknown" or "drawn by JavaScript" in got_detail


def test_a_dead_server_is_unreachable_not_drift(capsys: pytest.CaptureFixture[str]) -> None:
    dead = f"http://127.0.0.1:{fixture.free_port()}/"
    code, out = screens_for(capsys, dead, dead)
    assert code == 0
    assert [(verdict, detail.split(" (")[0]) for verdict, detail in verdicts(out)] == [
        ("unreachable", "connection refused: the labels could not be looked for")] * 2


def test_a_saved_copy_is_read_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "home.html").write_text(HOME_PAGE, encoding="utf-8")
    (tmp_path / "intl.html").write_bytes(RENAMED.encode())
    code, out = screens_for(capsys, str(tmp_path / "home.html"), f"file://{tmp_path / 'intl.html'}")
    assert (code, [verdict for verdict, _ in verdicts(out)]) == (1, ["ok", "drift"])


def test_a_projects_own_pages_and_labels_are_checked(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The tests' site: its includes/screens.yml, its facts' addresses and the labels its pages quote."""
    code, out, err = run(capsys, "--root", str(SITE),
                         "--map", f"https://www.chsi.com.cn/={server}/home",
                         "--map", f"https://account.chsi.com.cn/account/reg/preintregister.action={server}/intl/all")
    assert code == 0, err
    assert [(verdict, detail.split(" (read")[0]) for verdict, detail in verdicts(out)] == [
        ("ok", "every label present: 注册"), ("ok", "every label present: 简项注册")]


# --- wrong usage and crashes exit 2 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "message"), [
    (["--map", "https://www.chsi.example/"], "write PREFIX=REPLACEMENT"),
    (["--map", "https://elsewhere.example/=http://127.0.0.1:1/"], "no address of includes/screens.yml starts with"),
    (["--format", "sarif"], ""),
])
def test_wrong_usage_exits_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--root", str(DATA), *argv)
    assert (code, out) == (2, "")
    assert message in err


def test_a_broken_screens_file_exits_2_naming_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(DATA, tmp_path / "project")
    (tmp_path / "project" / "includes" / "screens.yml").write_text("- link: chsi-home\n  labels: [登录]\n",
                                                                  encoding="utf-8")
    code, out, err = run(capsys, "--root", str(tmp_path / "project"))
    assert (code, out) == (2, "")
    assert "includes/screens.yml:2: label 登录 is not in includes/ui-labels.yml" in err


def test_a_crash_exits_2_not_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError("the fetcher fell over")

    monkeypatch.setattr(check_screens.fetch, "run_fetch", boom)
    code, out, err = run(capsys, "--root", str(DATA))
    assert (code, out) == (2, "")
    assert "make screens: crashed: RuntimeError: the fetcher fell over" in err


# --- what counts as visible ----------------------------------------------------------------------------------------
# The served pages above also show a label split by inline markup, a button's caption, and none in script, style or comment.

@pytest.mark.parametrize(("html", "shown"), [
    ("<p>立即 <a href=#>注 册</a></p>", True),                # whitespace in the source is not in the label
    ("<p>立即</p><p>注册</p>", False),                        # two paragraphs never read as one word
    ("<div>立即</div>注册", False),
    ('<input type="hidden" value="立即注册">', False),
    ('<input type="text" placeholder="立即注册">', True),     # a placeholder is on screen
    ("<head><title>立即注册</title></head><body>x</body>", False),
    ("<noscript>立即注册</noscript>", False),
    ("<template><p>立即注册</p></template>", False),
    ("<p>立即&#27880;&#20876;</p>", True),                   # character references as a browser decodes them
])
def test_visible_text(html: str, shown: bool) -> None:
    assert check_screens.Visible(html).shows("立即注册") is shown


def test_a_label_missing_from_a_page_cut_at_the_byte_limit_is_unknown_not_drift() -> None:
    from guide.sources import screens

    screen = screens.Screen("chsi-intl-register", INTL, ("简项注册", "国家或地区"), 6)
    cut = EVERY_LABEL[:EVERY_LABEL.index("国家或地区")]
    assert check_screens.judge_page(screen, cut, {}, truncated=True).verdict == "unknown"
    assert check_screens.judge_page(screen, cut, {}, truncated=False).verdict == "drift"


def test_a_shell_needs_scripts_and_little_text_or_an_empty_mount_point() -> None:
    assert not check_screens.Visible("<p>短页面</p>").shell            # short, but no script draws anything
    long_with_mount = "<header>" + "学信网" * 100 + '</header><div id="app"></div><script src=/a.js></script>'
    assert check_screens.Visible(long_with_mount).shell
    assert not check_screens.Visible(EVERY_LABEL + "<script src=/a.js></script>").shell
