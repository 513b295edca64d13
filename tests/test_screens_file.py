"""includes/screens.yml names only addresses of includes/facts.yml and labels of includes/ui-labels.yml, or the build
fails with the file and line (guide/sources/screens.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
from fixture_site import SITE, copy_site

from guide.checks import content
from guide.sources import screens
from guide.sources.errors import SourceError

DATA = ROOT / "tests" / "data" / "screens"
HEADER = "CHSI pages whose labels the weekly check looks for:\n"


def problems(tmp_path: Path, screens_yml: str) -> str:
    shutil.copytree(DATA, tmp_path / "project")
    (tmp_path / "project" / "includes" / "screens.yml").write_text(screens_yml, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        screens.load_screens(tmp_path / "project")
    return str(caught.value)


def test_the_fixture_loads_with_addresses_and_labels_in_order() -> None:
    found = screens.load_screens(DATA)
    assert [(s.link, s.url, s.labels, s.line) for s in found] == [
        ("chsi-home", "https://www.chsi.example/", ("注册",), 2),
        ("chsi-intl-register", "https://account.chsi.example/reg/intl?from=email-share",
         ("简项注册", "国家或地区", "立即注册"), 6),
    ]


def test_every_problem_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    message = problems(tmp_path, ("- link: service-email\n  labels: [注册]\n"
                                  "- link: chsi-home\n  labels: [注册, 注册]\n"
                                  "- link: CHSI-Home\n  labels: []\n"
                                  "- labels: [注册]\n"
                                  "- link: chsi-homepage\n  labels: [注册]\n"
                                  "- link: chsi-intl-register\n  labels:\n    - 简项注册\n    - 国际注册\n"))
    assert message.splitlines() == [HEADER.strip(),
        "includes/screens.yml:1: [service-email] is mailto:service@chsi.example, not a web page: list only pages a browser opens",
        "includes/screens.yml:4: label 注册 is listed twice for [chsi-home]",
        "includes/screens.yml:5: [CHSI-Home] is listed already on line 3: give each page one entry",
        "includes/screens.yml:6: labels: needs a list of at least one label from includes/ui-labels.yml",
        "includes/screens.yml:7: each page has exactly link: and labels: (found labels)",
        ("includes/screens.yml:8: unknown address reference [chsi-homepage]: includes/facts.yml has no such name "
         "(its web pages: chsi-home, chsi-intl-register)"),
        ("includes/screens.yml:13: label 国际注册 is not in includes/ui-labels.yml: "
         "list only labels the guide quotes from that table"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("- link: chsi-home\n  labels: [注册\n", "includes/screens.yml:3: not valid YAML: "),
    ("chsi-home: [注册]\n", "includes/screens.yml:1: expected a list of pages, each with link: and labels:"),
    ("", "includes/screens.yml:1: expected a list of pages, each with link: and labels:"),
])
def test_a_file_of_the_wrong_shape_is_named(tmp_path: Path, text: str, expected: str) -> None:
    assert problems(tmp_path, text).splitlines()[1].startswith(expected)


def test_reference_names_match_without_case_as_on_the_pages() -> None:
    found, issues = screens.parse_screens("- link: Chsi-Home\n  labels: [注册]\n",
                                          {"chsi-home": "https://www.chsi.example/"}, {"注册"})
    assert issues == [] and found[0].url == "https://www.chsi.example/"


def test_a_wrong_label_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_site(tmp_path / "project")
    link = screens.load_screens(SITE)[0].link  # a page the real file lists, with a label the table has not
    (project / "includes" / "screens.yml").write_text(f"- link: {link}\n  labels:\n    - 简易注册\n", encoding="utf-8")
    # What the build's hook refuses (guide/mkdocs_hooks/rendering.py; test_check_content builds a copy to show that).
    assert "includes/screens.yml:3: label 简易注册 is not in includes/ui-labels.yml" in "\n".join(
        content.build_problems(project))
