"""Keep ONE open issue "Pages to check against CHSI" true to includes/checked.yml, through GitHub's REST API.

    python -m guide.checks.review_issue [--root DIR] [--today YYYY-MM-DD] [--run-url URL]

The weekly links workflow runs it. When a page is due (guide/checks/review_dates.py), the issue is opened, or its
text is replaced by the new list (never a second issue: the open issues are read by their exact title first, and
any extra one left by an earlier fault is closed in favour of the oldest). When none is due, the open issue is
closed with a comment. Nothing changes when the text is the same as last week's.

Reads GITHUB_REPOSITORY (owner/name), GH_TOKEN or GITHUB_TOKEN, and GITHUB_API_URL (default https://api.github.com;
tests point it at a stand-in server on 127.0.0.1). Exit 0 when the issue is as it should be, 2 when it could not be
(one line says why).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import httpx

from guide.checks import review_dates
from guide.sources import checked as checked_module
from guide.sources.errors import SourceError

TITLE = "Pages to check against CHSI"
API = "https://api.github.com"


class SyncError(Exception):
    """The issue could not be read or written (exit 2)."""


def _checked(response: httpx.Response) -> httpx.Response:
    if response.status_code >= 400:
        raise SyncError(f"GitHub answered {response.status_code} to {response.request.method} "
                        f"{response.request.url.path}: {response.text[:200]}")
    return response


def open_issues(client: httpx.Client, repo: str) -> list[dict]:
    """The open issues titled exactly TITLE, oldest first (pull requests, which the API lists too, left out)."""
    found: list[dict] = []
    page = 1
    while True:
        batch = _checked(client.get(f"/repos/{repo}/issues", params={
            "state": "open", "per_page": 100, "page": page, "sort": "created", "direction": "asc"})).json()
        found += [i for i in batch if i.get("title") == TITLE and "pull_request" not in i]
        if len(batch) < 100:
            return sorted(found, key=lambda issue: issue["number"])
        page += 1


def sync(client: httpx.Client, repo: str, body: str | None) -> str:
    """Make the open issue say body (None: no page is due, close it). Returns what was done, in one line."""
    issues = open_issues(client, repo)
    keep, extra = (issues[0], issues[1:]) if issues else (None, [])
    for issue in extra:
        _checked(client.post(f"/repos/{repo}/issues/{issue['number']}/comments",
                             json={"body": f"Closed: #{keep['number']} is the one issue that lists the pages."}))
        _checked(client.patch(f"/repos/{repo}/issues/{issue['number']}", json={"state": "closed"}))
    if body is None:
        if keep is None:
            return "no page is due and no issue is open"
        _checked(client.post(f"/repos/{repo}/issues/{keep['number']}/comments",
                             json={"body": "No page is due a check against CHSI any more: closing."}))
        _checked(client.patch(f"/repos/{repo}/issues/{keep['number']}", json={"state": "closed"}))
        return f"closed issue #{keep['number']}"
    if keep is None:
        made = _checked(client.post(f"/repos/{repo}/issues", json={"title": TITLE, "body": body})).json()
        return f"opened issue #{made['number']}"
    if (keep.get("body") or "").strip() == body.strip():
        return f"issue #{keep['number']} already lists these pages"
    _checked(client.patch(f"/repos/{repo}/issues/{keep['number']}", json={"body": body}))
    return f"updated issue #{keep['number']}"


def issue_body(root: Path, today: dt.date, run_url: str = "") -> str | None:
    """The issue's text for root's pages due on today, or None when none is due."""
    due = review_dates.due_pages(checked_module.load_checked(root, today), today)
    if not due:
        return None
    text = review_dates.markdown(due, today)
    return text + (f"\n[The run that listed them]({run_url})\n" if run_url else "")


def client_from_env(env: dict[str, str]) -> tuple[httpx.Client, str]:
    repo = env.get("GITHUB_REPOSITORY", "")
    token = env.get("GH_TOKEN") or env.get("GITHUB_TOKEN") or ""
    if "/" not in repo or not token:
        raise SyncError("set GITHUB_REPOSITORY (owner/name) and GH_TOKEN: the workflow passes both")
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
               "X-GitHub-Api-Version": "2022-11-28"}
    return httpx.Client(base_url=env.get("GITHUB_API_URL") or API, headers=headers, timeout=30), repo


def main(argv: Sequence[str] | None = None, env: dict[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--run-url", default="", help="the workflow run, linked from the issue")
    args = parser.parse_args(argv)
    today = args.today or dt.date.today()
    try:
        body = issue_body(args.root, today, args.run_url)
        client, repo = client_from_env(dict(os.environ) if env is None else env)
        with client:
            print(f"{TITLE}: {sync(client, repo, body)}")
    except SourceError as err:
        print(f"{TITLE}: not updated: {err}", file=sys.stderr)
        return 2
    except (SyncError, httpx.HTTPError) as err:
        print(f"{TITLE}: not updated: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
