"""Page budgets on a phone's first visit to every page of the tests' site (and its bare address in a Chinese and an
English browser), served by nginx as deployed; Lighthouse's scores, which vary with the machine's load, stay in
`make bench-pages`."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import page_paths

from guide.deploy import headers_snippet, nginx_conf
from guide.deploy.page_budget import ENGLISH, Visit, Weight, visits, weigh

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(published_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    prefix = tmp_path_factory.mktemp("nginx-budgets")
    port = nginx_conf.free_port()
    values = nginx_conf.local_values("127.0.0.1", port, "/", published_site)
    main = nginx_conf.prepare(prefix, values, headers_snippet=headers_snippet.nginx_snippet(published_site))
    with nginx_conf.start(main, prefix, [("127.0.0.1", port)]):
        yield f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def weights(served: str, published_site: Path, browser) -> list[Weight]:
    paths = page_paths(published_site)
    assert "" in paths and "en/" in paths and len(paths) >= 10, paths
    return [weigh(browser, served, visit) for visit in visits(sorted(paths))]


def test_every_visit_reaches_its_page_the_english_bare_address_by_one_redirect(weights: list[Weight],
                                                                              served: str) -> None:
    for weight in weights:
        expected = "en/" if weight.visit == Visit("", ENGLISH) else weight.visit.path
        assert weight.final_url == served + expected, weight.visit.label
        assert all(answer.status in (200, 302) for answer in weight.answers), weight.answers
    # Nothing of the Chinese page is fetched before the redirect.
    english = next(w for w in weights if w.visit == Visit("", ENGLISH))
    english_home = next(w for w in weights if w.visit.path == "en/")
    assert [(a.url, a.status) for a in english.answers[:2]] == [(served, 302), (served + "en/", 200)]
    assert english.requests == english_home.requests + 1


def test_every_visit_within_its_budgets(weights: list[Weight]) -> None:
    """Requests (the redirect included), text, images, and no render-blocking script of the guide's own."""
    over = {w.visit.label: w.misses() for w in weights if w.misses()}
    assert over == {}, "\n".join(f"{label}: {'; '.join(misses)}" for label, misses in over.items())
    # Chromium saw the guide's bundle load on every page, so the render-blocking check looked at it.
    assert all(any("/assets/javascripts/guide." in a.url for a in w.answers) for w in weights)
