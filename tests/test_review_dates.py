"""includes/checked.yml: its reader, make check's warnings, the weekly summary and the one issue (a stand-in API)."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from fixture_site import PROJECT, SITE, copy_site

from guide.checks import __main__ as make_check
from guide.checks import content, review_dates, review_issue
from guide.pdf import compose, site_pages
from guide.rendering import checked_line
from guide.sources import checked, site_config
from guide.sources.errors import SourceError

TODAY = dt.date(2026, 12, 7)
PAGES = checked.docs_pages(SITE)


def parse(text: str, today: dt.date = TODAY) -> tuple[checked.Checked | None, list[str]]:
    return checked.parse_checked(text, PAGES, today)


def file_with(register: str, review_in: str = "6 months") -> str:
    lines = [f"review_in: {review_in}", "pages:", f"  register: {register}"]  # line 3
    lines += [f"  {name}: 2026-12-06" for name in PAGES if name not in ("register", "glossary")]
    return "\n".join([*lines, "undated:", "  - glossary", ""])


def site_with(tmp_path: Path, register: str) -> Path:
    site = copy_site(tmp_path / "site")
    (site / checked.CHECKED_FILE).write_text(file_with(register), encoding="utf-8")
    return site


# --- the reader ----------------------------------------------------------------------------------------------------

def test_the_tests_site_dates_every_page_but_the_glossary():
    data = checked.load_checked(SITE, TODAY)
    assert sorted(data) == sorted(set(PAGES) - {"glossary"})
    assert data["register"].checked == dt.date(2026, 12, 6)
    assert data["register"].review_by == dt.date(2027, 6, 6)


def test_a_page_of_its_own_period_and_month_ends():
    data, problems = parse(file_with("{checked: 2026-08-31, review_in: 3 months}"))
    assert problems == []
    assert data["register"].review_by == dt.date(2026, 11, 30)  # no 31 November: the month's last day
    assert data["contact"].review_by == dt.date(2027, 6, 6)
    assert checked.Period(2, "week").after(dt.date(2026, 12, 6)) == dt.date(2026, 12, 20)


@pytest.mark.parametrize(("text", "expected"), [
    (file_with("2026-13-06"), "includes/checked.yml:3: register: 2026-13-06 is not a date: write the day"),
    (file_with("6 Dec 2026"), "includes/checked.yml:3: register: 6 Dec 2026 is not a date"),
    (file_with("2026-12-08"), "includes/checked.yml:3: register: 2026-12-08 is in the future"),
    (file_with("2026-12-06", "half a year"), "includes/checked.yml:1: review_in: half a year is not a period"),
    (file_with("{when: 2026-12-06}"), "includes/checked.yml:3: write register: {checked: YYYY-MM-DD}"),
    (file_with("2026-12-06").replace("  index:", "  home:"),
     "includes/checked.yml:7: home is not a page of docs/: write a page's name without its language"),
    (file_with("2026-12-06").replace("  - glossary", "  - register"),
     "includes/checked.yml:13: register is listed already on line 3: give each page one line"),
    (file_with("2026-12-06").replace("  - glossary\n", ""),
     "docs/glossary.zh.md and docs/glossary.en.md have no line: add `  glossary: YYYY-MM-DD` under pages:"),
    ("review_in: 6 months\npages: [\n", "includes/checked.yml:3: not valid YAML"),
    ("review_in: 6 months\n", "includes/checked.yml:1: pages:, undated: missing"),
])
def test_each_mistake_names_its_line_and_what_to_write(text, expected):
    data, problems = parse(text)
    assert data is None
    assert any(expected in problem for problem in problems), problems


def test_the_build_and_make_check_refuse_a_wrong_line(tmp_path):
    site = site_with(tmp_path, "2026-02-30")
    problems = content.content_problems(site, links=False)
    assert [p for p in problems if p.startswith("includes/checked.yml:3: register: 2026-02-30 is not a date")]
    with pytest.raises(SourceError, match="checked.yml:3"):
        checked.load_checked(site, TODAY)
    # The review stage says where to look instead of repeating the lines.
    assert "fix includes/checked.yml first" in make_check.review_stage(site).summary
    # A tab, as a browser's editor may type it, is named at its line (a BOM and CRLF are read: the test below).
    (site / checked.CHECKED_FILE).write_text(file_with("2026-12-01").replace("  register:", "\tregister:"),
                                             encoding="utf-8")
    problems = content.content_problems(site, links=False)
    assert problems and all(p.startswith("includes/checked.yml:3: ") for p in problems), problems


# --- the line under the title --------------------------------------------------------------------------------------

def test_the_line_is_kept_out_of_search():
    # Its words, date and place under the title, and past its date the honest words and the link to the contact
    # page (none on the contact page), in both languages: tests/test_browser_checked_date.py, in Chromium.
    review = checked.Review("register", dt.date(2026, 12, 6), checked.Period(6, "month"), 4)
    assert all("data-search-exclude" in checked_line.line_html(review, lang, "../contact/") for lang in ("en", "zh"))


# --- make check and the weekly summary -----------------------------------------------------------------------------

def test_make_check_warns_of_pages_due_and_never_counts_them(tmp_path):
    site = site_with(tmp_path, "2026-05-01")  # due on 2026-11-01: past
    stage = make_check.review_stage(site)
    assert stage.problems == []
    assert stage.before == [
        ("WARNING: docs/register.zh.md and .en.md: checked against CHSI on 2026-05-01, due since 2026-11-01 "
        f"({(dt.date.today() - dt.date(2026, 11, 1)).days} days ago): compare the page with CHSI, then change its "
        "line (includes/checked.yml:3)")]
    assert stage.summary.startswith("review dates: 1 page(s) to check against CHSI")
    assert make_check.review_stage in make_check.STATIC


def test_within_thirty_days_is_due_and_beyond_is_not():
    data, _ = parse(file_with("2026-06-06"))
    assert [r.page for r, _days in review_dates.due_pages(data, dt.date(2026, 11, 6))] == ["register"]  # 30 days
    assert review_dates.due_pages(data, dt.date(2026, 11, 5)) == []  # 31 days
    [(review, days_left)] = review_dates.due_pages(data, dt.date(2026, 12, 6))
    assert days_left == 0 and review_dates.when(review, days_left) == "due today (2026-12-06)"
    # The weekly summary of one page due is test_the_workflow_step_writes_the_summary_and_opens_the_issue's.
    assert review_dates.markdown([], dt.date(2026, 11, 5)) == (
        "## Pages to check against CHSI\n\nNo page is due a check against CHSI within 30 days of 2026-11-05.\n")


# --- the one issue, through a stand-in of GitHub's REST API ---------------------------------------------------------

class StandIn(BaseHTTPRequestHandler):
    """The few issue endpoints the sync uses, over the issues in memory of its server."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def answer(self) -> None:
        url, github = urlsplit(self.path), self.server.github
        github.requests.append(f"{self.command} {url.path}")
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length)) if length else None
        parts = url.path.strip("/").split("/")
        query = parse_qs(url.query)
        status, answer = 404, {"message": "Not Found"}
        if self.headers.get("Authorization") != "Bearer test-token":
            status, answer = 401, {"message": "Bad credentials"}
        elif parts[:4] != ["repos", "office", "guide", "issues"]:
            pass
        elif len(parts) == 4 and self.command == "GET":
            page, per_page = int(query.get("page", ["1"])[0]), int(query.get("per_page", ["30"])[0])
            status, answer = 200, [i for i in github.issues if i["state"] == "open"][(page - 1) * per_page:page * per_page]
        elif len(parts) == 4 and self.command == "POST":
            answer = {"number": len(github.issues) + 1, "title": body["title"], "body": body["body"], "state": "open"}
            github.issues.append(answer)
            status = 201
        elif len(parts) == 5 and self.command == "PATCH":
            status, answer = 200, next(i for i in github.issues if i["number"] == int(parts[4]))
            answer.update(body)
        elif parts[5:] == ["comments"] and self.command == "POST":
            github.comments.append((int(parts[4]), body["body"]))
            status, answer = 201, {"id": len(github.comments)}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = answer


@pytest.fixture
def github() -> Iterator[tuple[SimpleNamespace, dict[str, str]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    server.github = state = SimpleNamespace(issues=[], comments=[], requests=[],
                                            open_titled=lambda: [i for i in state.issues if i["state"] == "open"
                                                                 and i["title"] == review_issue.TITLE])
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {"GITHUB_API_URL": f"http://127.0.0.1:{server.server_address[1]}", "GITHUB_REPOSITORY": "office/guide",
           "GH_TOKEN": "test-token"}
    try:
        yield state, env
    finally:
        server.shutdown()
        server.server_close()


def run_sync(site: Path, env: dict[str, str], today: str = "2026-12-07") -> int:
    return review_issue.main(["--root", str(site), "--today", today, "--run-url", "https://runs.example/1"], env=env)


def test_the_issue_is_opened_kept_updated_and_closed(tmp_path, github, capsys):
    stand_in, env = github
    stand_in.issues.append({"number": 1, "title": "Broken links found by the weekly link check", "body": "x",
                            "state": "open"})
    site = site_with(tmp_path, "2026-05-01")
    said = []
    # A page due; the same week again; a week later; none due; none due and no issue open.
    for root, today in ((site, "2026-12-07"), (site, "2026-12-07"), (site, "2026-12-14"), (SITE, "2026-12-14"),
                        (SITE, "2026-12-14")):
        assert run_sync(root, env, today) == 0
        said.append(capsys.readouterr().out)
    assert said == [f"{review_issue.TITLE}: {line}\n" for line in (
        "opened issue #2", "issue #2 already lists these pages", "updated issue #2", "closed issue #2",
        "no page is due and no issue is open")]
    body = stand_in.issues[1]["body"]  # the same issue, with the text of a week later
    assert ("| `docs/register.zh.md`, `.en.md` | 2026-05-01 | due since 2026-11-01 (43 days ago) | "
            "`includes/checked.yml` line 3 |") in body
    assert "[The run that listed them](https://runs.example/1)" in body and len(stand_in.issues) == 2
    assert stand_in.open_titled() == [] and stand_in.issues[1]["state"] == "closed"
    assert stand_in.comments == [(2, "No page is due a check against CHSI any more: closing.")]
    assert [r for r in stand_in.requests if not r.startswith("GET")] == [
        "POST /repos/office/guide/issues", "PATCH /repos/office/guide/issues/2",
        "POST /repos/office/guide/issues/2/comments", "PATCH /repos/office/guide/issues/2"]


def test_a_refused_token_is_one_line_and_exit_two_and_two_open_issues_become_one(tmp_path, github, capsys):
    stand_in, env = github
    for number in (1, 2):
        stand_in.issues.append({"number": number, "title": review_issue.TITLE, "body": "old", "state": "open"})
    site = site_with(tmp_path, "2026-05-01")
    assert run_sync(site, {**env, "GH_TOKEN": "wrong"}) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{review_issue.TITLE}: not updated: GitHub answered 401 to GET /repos/office/guide/issues")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert run_sync(site, env) == 0
    assert [i["number"] for i in stand_in.open_titled()] == [1]
    assert stand_in.issues[1]["state"] == "closed"


# --- the weekly workflow's step, as written in links.yml ------------------------------------------------------------

def test_the_workflow_step_writes_the_summary_and_opens_the_issue(tmp_path, github):
    # Keeping one issue and closing it are test_the_issue_is_opened_kept_updated_and_closed's: the step runs that code.
    stand_in, env = github
    data = yaml.safe_load((PROJECT / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    step = next(step for step in data["jobs"]["check"]["steps"] if step.get("name") == "pages to check against CHSI")
    assert step["if"] == "always() && steps.setup.outcome == 'success'"
    assert set(step["env"]) == {"GH_TOKEN", "RUN_URL"}
    site = site_with(tmp_path, "2026-05-01")  # due since 2026-11-01, whatever today is
    (site / ".venv").symlink_to(PROJECT / ".venv")
    summary = tmp_path / "summary.md"
    summary.write_text("## Link check\n\n", encoding="utf-8")
    # The step's own script in a copy of the tests' site, as GitHub runs it.
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=site,
                          env={**os.environ, **env, "GITHUB_STEP_SUMMARY": str(summary),
                               "RUN_URL": "https://runs.example/9"}, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == f"{review_issue.TITLE}: opened issue #1\n"
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Link check\n\n## Pages to check against CHSI\n\n1 page(s) past their review date")
    assert "| `docs/register.zh.md`, `.en.md` | 2026-05-01 | due since 2026-11-01" in text
    [issue] = stand_in.open_titled()
    assert issue["body"].startswith(text.removeprefix("## Link check\n\n"))
    assert issue["body"].endswith("[The run that listed them](https://runs.example/9)\n")


# --- paper ----------------------------------------------------------------------------------------------------------

def test_the_pdf_keeps_the_line_and_drops_the_download_links():
    review = checked.Review("register", dt.date(2026, 12, 6), checked.Period(6, "month"), 3)
    html = (f'<article class="md-content__inner md-typeset"><h1 id="t">Title</h1>'
            f'{checked_line.line_html(review, "en", "../contact/")}<p class="guide-download">PDF</p></article>')
    article = site_pages.strip_namespaces(ET.fromstring(html))
    page = site_pages.Page("register/", "en", "Title", "", "", "", "", article)
    english = site_config.Language("en", "English", False)
    printed = compose.print_article(page, english, {"register/"}, "", prefix_ids=True)
    [line] = [e for e in printed.iter("p") if site_pages.has_class(e, checked_line.CLASS)]
    assert site_pages.text_of(line) == "Checked against CHSI on 6 December 2026"
    assert [e.get("class") for e in printed.iter("p")] == [checked_line.CLASS]


def test_a_browser_editors_save_is_read():
    data, problems = parse("\ufeff" + file_with("2026-12-01").replace("\n", "\r\n").rstrip("\r\n"))  # BOM, CRLF
    assert problems == [] and data["register"].checked == dt.date(2026, 12, 1)
