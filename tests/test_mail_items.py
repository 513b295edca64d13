"""The prefilled e-mail to CHSI: an item dropped, changed or moved fails the build naming the file, line and item."""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
import mail_items


def links_file(items: list[str]) -> str:
    body = quote("\r\n".join(f"{item}: " for item in items) + "\r\n", safe="")
    return f"<!-- note -->\n\n[chsi-home]: https://www.chsi.com.cn/\n[kefu-mailto]: mailto:kefu@chsi.com.cn?subject=x&body={body}\n"


def test_the_real_links_file_has_the_seven_items() -> None:
    text = (ROOT / "includes" / "links.md").read_text(encoding="utf-8")
    assert mail_items.item_problems(text, "includes/links.md") == []


def test_a_dropped_item_is_named_with_file_and_line() -> None:
    items = [i for i in mail_items.ITEMS if not i.startswith("(5)")]
    assert mail_items.item_problems(links_file(items), "includes/links.md") == [
        ("includes/links.md:4: the prefilled e-mail lacks item (5) 本人手持证件照片 Photo of you holding your passport "
        "information page: re-encode the body from the text in the comment at the top of the file "
        "(urllib.parse.quote(text, safe=''))")]


def test_a_changed_item_is_both_missing_and_unknown() -> None:
    items = [i.replace("Account Name", "Username") for i in mail_items.ITEMS]
    problems = mail_items.item_problems(links_file(items), "links.md")
    assert len(problems) == 2
    assert problems[0].startswith("links.md:4: the prefilled e-mail lacks item (3) 用户名 Account Name: ")
    assert problems[1] == ("links.md:4: the prefilled e-mail has an item the office's guide does not list: "
                           "(3) 用户名 Username")


def test_items_out_of_order_are_reported() -> None:
    items = [mail_items.ITEMS[1], mail_items.ITEMS[0], *mail_items.ITEMS[2:]]
    assert mail_items.item_problems(links_file(items), "links.md") == [
        ("links.md:4: the prefilled e-mail lists the seven items out of order ((2), (1), (3), (4), (5), (6), (7)): "
        "keep the office's guide's order, (1) to (7)")]


@pytest.mark.parametrize(("text", "problem"), [
    ("[chsi-home]: https://www.chsi.com.cn/\n", "links.md: no [kefu-mailto]: address"),
    ("[kefu-mailto]: mailto:someone@example.org?body=x\n", "links.md:1: [kefu-mailto] must be mailto:kefu@chsi.com.cn"),
])
def test_a_missing_or_wrong_address_is_named(text: str, problem: str) -> None:
    found = mail_items.item_problems(text, "links.md")
    assert len(found) == 1 and found[0].startswith(problem), found
