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


def _load(new_page, url: str, *, without_patch: bool) -> dict[str, object]:
    """Load url; return the page's alternates, the sitemap.xml answers it got and the console errors about them."""
    page = new_page("zh-CN")
    answers, errors, served_patch = [], [], []
    page.on("response", lambda r: r.url.endswith("/sitemap.xml") and answers.append((r.url, r.status)))
    page.on("console", lambda m: m.type == "error" and m.location.get("url", "").endswith("/sitemap.xml")
            and errors.append(m.text))
    if without_patch:
        # The bundle as served, less the patch (not a failed request, which would log an error of its own).
        def without(route) -> None:
            served_patch.append(route.request.url)
            parts = script_bundle.parts(route.fetch().text())
            assert PATCH in parts, list(parts)
            body = "".join(f"// {name}\n{text}" for name, text in parts.items() if name != PATCH)
            route.fulfill(status=200, body=body, content_type="text/javascript")
        page.route("**/assets/javascripts/guide.*.min.js", without)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    alternates = page.locator("link[rel=alternate][hreflang]").evaluate_all(
        "links => [...new Set(links.map(l => new URL('sitemap.xml', l.href).href))]")
    return {"alternates": sorted(alternates), "answers": sorted(set(answers)), "errors": errors,
            "patch blocked": bool(served_patch)}


@pytest.mark.parametrize("path", PATHS)
def test_the_patch_spares_a_404_and_a_console_error_per_alternate(new_page, sub_path_url, path) -> None:
    seen = _load(new_page, sub_path_url + path, without_patch=True)
    assert seen["patch blocked"]
    # Material asked for the sitemap of every alternate; the ones that do not exist (all but the Chinese home
    # page's, which is the site's own sitemap.xml) answered 404 and each logged an error.
    asked = [url for url, _ in seen["answers"]]
    assert asked == seen["alternates"], seen
    missing = [(url, status) for url, status in seen["answers"] if url != sub_path_url + "sitemap.xml"]
    assert missing and all(status == 404 for _, status in missing), seen
    assert len(seen["errors"]) >= len(missing), seen
    # With the patch, no sitemap is requested and nothing is logged.
    seen = _load(new_page, sub_path_url + path, without_patch=False)
    assert seen["alternates"], "the page has no language alternates: nothing to test"
    assert seen["answers"] == [] and seen["errors"] == [], seen
