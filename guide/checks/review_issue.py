"""Keep ONE open issue "Pages to check against CHSI" true to includes/checked.yml (the weekly workflow runs it): never
a second one, closed when no page is due, untouched when its text has not changed. Reads GITHUB_REPOSITORY, GH_TOKEN
or GITHUB_TOKEN, and GITHUB_API_URL (tests point it at a stand-in); exit 2, with one line, when it could not.
"""
from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Sequence

import httpx

from guide.checks import review_dates
from guide.sources import checked as checked_module
from guide.sources.errors import SourceError

TITLE = "Pages to check against CHSI"


class SyncError(Exception):
    """The issue could not be read or written (exit 2)."""


def refuse_errors(response: httpx.Response) -> None:
    if response.status_code >= 400:
        response.read()
        raise SyncError(f"GitHub answered {response.status_code} to {response.request.method} "
                        f"{response.request.url.path}: {response.text[:200]}")


def open_issues(client: httpx.Client, repo: str) -> list[dict]:
    """The open issues titled exactly TITLE, oldest first (pull requests, which the API lists too, left out)."""
    found: list[dict] = []
    for page in itertools.count(1):
        batch = client.get(f"/repos/{repo}/issues", params={
            "state": "open", "per_page": 100, "page": page, "sort": "created", "direction": "asc"}).json()
        found += [i for i in batch if i.get("title") == TITLE and "pull_request" not in i]
        if len(batch) < 100:
            break
    return sorted(found, key=lambda issue: issue["number"])


def close(client: httpx.Client, repo: str, number: int, why: str) -> None:
    client.post(f"/repos/{repo}/issues/{number}/comments", json={"body": why})
    client.patch(f"/repos/{repo}/issues/{number}", json={"state": "closed"})


def sync(client: httpx.Client, repo: str, body: str | None) -> str:
    """Make the open issue say body (None: no page is due, close it). Returns what was done, in one line."""
    keep, *extra = open_issues(client, repo) or [None]
    for issue in extra:
        close(client, repo, issue["number"], f"Closed: #{keep['number']} is the one issue that lists the pages.")
    if body is None:
        if keep is None:
            return "no page is due and no issue is open"
        close(client, repo, keep["number"], "No page is due a check against CHSI any more: closing.")
        return f"closed issue #{keep['number']}"
    if keep is None:
        made = client.post(f"/repos/{repo}/issues", json={"title": TITLE, "body": body}).json()
        return f"opened issue #{made['number']}"
    if (keep.get("body") or "").strip() == body.strip():
        return f"issue #{keep['number']} already lists these pages"
    client.patch(f"/repos/{repo}/issues/{keep['number']}", json={"body": body})
    return f"updated issue #{keep['number']}"


def main(argv: Sequence[str] | None = None, env: dict[str, str] | None = None) -> int:
    parser = review_dates.arguments(__doc__)
    parser.add_argument("--run-url", default="", help="the workflow run, linked from the issue")
    args = parser.parse_args(argv)
    env = dict(os.environ) if env is None else env
    repo, token = env.get("GITHUB_REPOSITORY", ""), env.get("GH_TOKEN") or env.get("GITHUB_TOKEN") or ""
    try:
        due = review_dates.due_pages(checked_module.load_checked(args.root, args.today), args.today)
        link = f"\n[The run that listed them]({args.run_url})\n" if args.run_url else ""
        body = review_dates.markdown(due, args.today) + link if due else None
        if "/" not in repo or not token:
            raise SyncError("set GITHUB_REPOSITORY (owner/name) and GH_TOKEN: the workflow passes both")
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
                   "X-GitHub-Api-Version": "2022-11-28"}
        with httpx.Client(base_url=env.get("GITHUB_API_URL") or "https://api.github.com", headers=headers,
                          timeout=30, event_hooks={"response": [refuse_errors]}) as client:
            print(f"{TITLE}: {sync(client, repo, body)}")
    except (SourceError, SyncError, httpx.HTTPError) as err:
        print(f"{TITLE}: not updated: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
