"""The output steps, in the order the build runs them over site/. Order matters: the 404 pages point their search at the index the search step wrote; the scripts step names the
guide's bundle in every page written before it (the 404 pages included); the headers come last, so that every page
written before them is hashed into the Content-Security-Policy.
"""
from __future__ import annotations

from collections.abc import Callable

from guide.outputs import (
    fewer_requests,
    not_found_pages,
    qr_codes,
    redirects,
    script_bundle,
    search_per_language,
    search_worker,
    security_headers,
    sitemaps,
)
from guide.outputs.built_site import BuiltSite

STEPS: dict[str, Callable[[BuiltSite], None]] = {
    "search": search_per_language.run,
    "not-found-pages": not_found_pages.run,
    # After the 404 pages, so that they load the corrected search worker too.
    "search-worker": search_worker.run,
    "sitemaps": sitemaps.run,
    "qr-codes": qr_codes.run,
    "redirects": redirects.run,
    "fewer-requests": fewer_requests.run,
    "scripts": script_bundle.run,
    "headers": security_headers.run,
}


def run_steps(built: BuiltSite, names: list[str] | None = None) -> None:
    for name, step in STEPS.items():
        if names is None or name in names:
            step(built)
