"""The published-links registry: how it is read.

That every page address of the real published-links.yml exists in the built site, and that every page is listed, is
make check's rule (guide/checks/published.py, tests/test_check_rules.py); that its PDFs exist once the PDF export has
run is the e-mail kit's (tests/test_email_kit.py, every link in the kit exists in the built site)."""
from __future__ import annotations

import pytest
from fixture_site import SITE

from guide.sources import published_links as pl
from guide.sources import site_config
from guide.sources.errors import SourceError


@pytest.mark.parametrize(("data", "message"), [
    ({"pages": [{"path": "register/", "anchors": ["open-the-form"]}],
      "steps": [{"link": "register/#typo", "zh": "注册", "en": "Register"}]},
     r"steps #1: link 'register/#typo' is not a page or anchor"),  # steps point at registered links
    ({"pages": [{"path": "register/"}], "steps": [{"link": "register/", "zh": "注册"}]},
     r"steps #1 \(register/\): needs a text for en"),  # and have words in every language
    *[({"pages": [{"path": path}]}, "must be '' or end in '/'")  # page paths are folders
      for path in ("register", "/register/", "register/index.html")],
])
def test_a_registry_that_breaks_a_rule_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(SourceError, match=message):
        pl.parse_registry(data, ["zh", "en"])


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ""),
        ({"SITE_URL": "https://www.example.edu/chsi-guide/"}, "https://www.example.edu/chsi-guide/"),
        ({"SITE_URL": "https://www.example.edu/chsi-guide"}, "https://www.example.edu/chsi-guide/"),
    ],
)
def test_site_url_follows_mkdocs_yml_and_site_url(env: dict[str, str], expected: str) -> None:
    assert site_config.read(SITE, env).site_url == expected
