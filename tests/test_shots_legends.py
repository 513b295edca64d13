"""Every picture in a page is followed by a legend: an ordered list with one item per marker."""
import datetime
from pathlib import Path

import pytest
from fixture_site import SITE
from PIL import Image
from shots_support import DOCS, IMAGES, SPECS, annotate_shots, shot_spec, shot_truth

COUNTS = {"a.png": 2, "one.png": 1}
IMG = "[![Alt](images/a.png){ loading=lazy width=340 }](images/a.png)"
ONE = "[![Alt](images/one.png){ loading=lazy width=340 }](images/one.png)\n\nCaption.\n"
NO_LIST = "p.md:1: legend: no ordered list after a.png"


@pytest.mark.parametrize(("text", "problem"), [  # problem: how the one finding starts
    (f"{IMG}\n\nCaption.\n\n1. One.\n2. Two.\n", None),
    (f"{IMG}\n\n1. One.\n2. Two.\n\nNext paragraph.\n", None),
    (f"{IMG}\n\nCaption.\n\n1. One.\n\n    More about one.\n\n2. Two.\n", None),
    (f"{IMG}\n\nCaption.\n\n1. One.\n", "p.md:1: legend: a.png has markers 1-2, the legend is numbered 1"),
    (f"{IMG}\n\nCaption.\n\n1. One.\n2. Two.\n3. Three.\n", "p.md:1: legend: a.png has markers 1-2, the legend is numbered 1, 2, 3"),
    (f"{IMG}\n\nCaption.\n\n1. One.\n3. Two.\n", "p.md:1: legend: a.png has markers 1-2, the legend is numbered 1, 3"),
    (f"{IMG}\n\nCaption.\n\nAnother paragraph.\n\n1. One.\n2. Two.\n", NO_LIST),
    (f"{IMG}\n\nCaption.\n", NO_LIST),
    ("[![Alt](images/b.png)](images/b.png)\n\n1. One.\n", "p.md:1: image: b.png has no spec in shots/"),
    ("    1. Not a picture.\n", None),
    # one marker may be named in the sentence before its picture
    (f"**未通过** beside the school (1 in the drawing) means it was not verified.\n\n{ONE}", None),
    (f"学校名称旁显示【**未通过**】（图中 1），说明身份核验没有通过。\n\n{ONE}", None),
    (f"The result page.\n\n{ONE}", "p.md:3: legend: no ordered list after one.png"),  # the marker is named nowhere
    (f"Step (12 of them).\n\n{ONE}", "p.md:3: legend: no ordered list after one.png"),  # 12 is not marker 1
])
def test_legend_problems(text: str, problem: str | None) -> None:
    found = annotate_shots.legend_problems(text, "p.md", COUNTS)
    assert [p[: len(problem or "")] for p in found] == ([problem] if problem else [])


def test_pages_under_docs_have_matching_legends() -> None:
    assert annotate_shots.check_legends(DOCS, SPECS) == []


KINDS = shot_truth.load_kinds(SITE / shot_truth.KINDS_FILE)


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_pages_say_what_kind_of_picture_it_is_and_give_its_size(spec: shot_spec.Spec) -> None:
    with Image.open(IMAGES / f"{spec.name}.png") as img:
        size = img.size
    places = shot_truth.uses(DOCS, f"{spec.name}.png")
    assert {use.lang for use in places} == {"zh", "en"}  # one file for both languages
    assert shot_truth.page_problems(spec, size, places, KINDS) == []


def test_a_caption_of_the_wrong_kind_is_named_with_the_one_to_write(tmp_path: Path) -> None:
    spec = shot_spec.parse_spec({"kind": "screenshot", "taken": datetime.date(2026, 12, 6),
                                 "original": "a.png", "width": 340, "markers": [[20, 20]]}, tmp_path / "a.yml")
    (tmp_path / "p.en.md").write_text(f"{IMG.replace('width=340', 'width=340 height=99')}\n\n"
                                      "Drawing made from this guide's description.\n\n1. One.\n", encoding="utf-8")
    found = shot_truth.page_problems(spec, (340, 100), shot_truth.uses(tmp_path, "a.png"), KINDS)
    where = f"{tmp_path / 'p.en.md'}:1"
    assert found == [
        (f"{where}: caption: the line after a.png must read “Screenshot of CHSI's page, taken on 2026-12-06; CHSI may "
         f"have changed the page since.” ({tmp_path / 'a.yml'} says kind: screenshot)"),
        (f"{where}: alt text: start it with “Screenshot of CHSI (2026-12-06): ” and then say what the picture shows "
         f"({tmp_path / 'a.yml'} says kind: screenshot)"),
        f"{where}: size: a.png is 340x100 pixels: write width=340 height=100",
    ]
