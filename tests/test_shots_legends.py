"""Every picture in a page is followed by a legend: an ordered list with one item per marker."""
from __future__ import annotations

import pytest
import site_sources
from shots_support import ROOT, SPECS, annotate_shots

COUNTS = {"a.png": 2}
IMG = "[![Alt](images/a.png){ loading=lazy width=340 }](images/a.png)"


@pytest.mark.parametrize(("text", "problem"), [
    (f"{IMG}\n\nCaption.\n\n1. One.\n2. Two.\n", None),
    (f"{IMG}\n\n1. One.\n2. Two.\n\nNext paragraph.\n", None),
    (f"{IMG}\n\nCaption.\n\n1. One.\n\n    More about one.\n\n2. Two.\n", None),
    (f"{IMG}\n\nCaption.\n\n1. One.\n", "the legend is numbered 1"),
    (f"{IMG}\n\nCaption.\n\n1. One.\n2. Two.\n3. Three.\n", "the legend is numbered 1, 2, 3"),
    (f"{IMG}\n\nCaption.\n\n1. One.\n3. Two.\n", "the legend is numbered 1, 3"),
    (f"{IMG}\n\nCaption.\n\nAnother paragraph.\n\n1. One.\n2. Two.\n", "no ordered list after a.png"),
    (f"{IMG}\n\nCaption.\n", "no ordered list after a.png"),
    ("[![Alt](images/b.png)](images/b.png)\n\n1. One.\n", "b.png has no spec in shots/"),
    ("    1. Not a picture.\n", None),
])
def test_legend_problems(text: str, problem: str | None) -> None:
    found = annotate_shots.legend_problems(text, "p.md", COUNTS)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0] and found[0].startswith("p.md:1: ")


def test_pages_under_docs_have_matching_legends() -> None:
    assert annotate_shots.check_legends(ROOT / "docs", SPECS) == []


# Where each picture belongs (issue 3): both languages of these pages show it.
PLACES = {
    "register-01-form.png": "register",
    "verify-identity-01-method-3.png": "verify-identity",
    "verify-identity-02-not-passed.png": "verify-identity",
    "change-name-01-account.png": "change-name",
}
CAPTIONS = {
    "zh": "示意图：根据本指南的文字说明绘制，不是学信网截图；实际页面可能不同。",
    "en": "Drawing made from this guide's description, not a screenshot of CHSI; the real page may look different.",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("image", sorted(PLACES))
def test_picture_is_in_its_page_with_caption_and_full_size_link(image: str, lang: str) -> None:
    # A page renamed since (with its line in redirects.yml) is followed to its new file.
    page = site_sources.docs_file(PLACES[image] + "/", lang)
    text = page.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    at = [i for i, line in enumerate(lines) if f"(images/{image})" in line]
    assert len(at) == 1, (f"docs/{page.name} shows images/{image} {len(at)} times: show it once, as "
                          f"'[![...](images/{image}){{ loading=lazy }}](images/{image})' with its caption below")
    line = lines[at[0]]
    assert line.startswith("[![") and line.endswith(f"](images/{image})") and "loading=lazy" in line
    assert lines[at[0] + 2] == CAPTIONS[lang]
