"""Why docs/assets/javascripts/skip-material-sitemap-requests.js (the guide's one patch of a browser built-in) stays:
without it, Material asks the server for sitemap.xml next to each language alternate of the page as soon as the page
loads, and every one of those requests 404s and logs a console error. With it, none is sent and none is logged.
It reaches the pages in the guide's deferred script bundle (guide/outputs/script_bundle.py): this also shows that a
deferred script is early enough."""
from __future__ import annotations

import pytest

from guide.outputs import script_bundle

pytestmark = pytest.mark.browser

PATCH = "skip-material-sitemap-requests.js"
# A task page (per-page alternates), a home page and a page-not-found page, in both languages.
PATHS = ["register/", "en/register/", "en/", "no-such-page/"]


def _load(new_page, url: str, *, without_patch: bool) -> tuple[list[str], list[tuple[str, int]], list[str]]:
    """Load url; return the sitemap.xml beside each of its alternates, the sitemap.xml answers and their errors."""
    page = new_page("zh-CN")
    answers, errors = [], []
    page.on("response", lambda r: r.url.endswith("/sitemap.xml") and answers.append((r.url, r.status)))
    page.on("console", lambda m: m.type == "error" and m.location.get("url", "").endswith("/sitemap.xml")
            and errors.append(m.text))
    if without_patch:
        # The bundle as served, less the patch (not a failed request, which would log an error of its own).
        def without(route) -> None:
            parts = script_bundle.parts(route.fetch().text())
            assert PATCH in parts, list(parts)
            body = "".join(f"// {name}\n{text}" for name, text in parts.items() if name != PATCH)
            route.fulfill(status=200, body=body, content_type="text/javascript")
        page.route("**/assets/javascripts/guide.*.min.js", without)
    page.goto(url, wait_until="networkidle")
    alternates = page.locator("link[rel=alternate][hreflang]").evaluate_all(
        "links => [...new Set(links.map(l => new URL('sitemap.xml', l.href).href))]")
    return sorted(alternates), sorted(set(answers)), errors


@pytest.mark.parametrize("path", PATHS)
def test_the_patch_spares_a_404_and_a_console_error_per_alternate(new_page, sub_path_url, path) -> None:
    alternates, answers, errors = _load(new_page, sub_path_url + path, without_patch=True)
    # Material asked for the sitemap of every alternate; the ones that do not exist (all but the Chinese home
    # page's, which is the site's own sitemap.xml) answered 404 and each logged an error.
    assert [url for url, _ in answers] == alternates, answers
    missing = [(url, status) for url, status in answers if url != sub_path_url + "sitemap.xml"]
    assert missing and all(status == 404 for _, status in missing), answers
    assert len(errors) >= len(missing), errors
    # With the patch, no sitemap is requested and nothing is logged.
    alternates, answers, errors = _load(new_page, sub_path_url + path, without_patch=False)
    assert alternates, "the page has no language alternates: nothing to test"
    assert answers == [] and errors == [], (answers, errors)
