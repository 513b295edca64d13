"""make check: a list of the e-mail's items typed on a page names them as includes/facts.yml does, all, in order."""
from __future__ import annotations

import shutil
from pathlib import Path

from guide.checks import item_lists
from guide.sources.facts import MailItem

PROJECT = Path(__file__).parent / "data" / "checks" / "project"
ITEMS = [MailItem("姓名", "Name"), MailItem("证件号码", "Passport Number"),
         MailItem("姓名无法修改的页面截图", "Screenshot of being unable to edit your name")]
ONE_LINE = "    (1) 姓名，(2) 证件号码（护照号码），(3) 姓名无法修改的页面截图。"


def test_lists_as_the_facts_file_has_them_pass() -> None:
    page = ("- [ ] (1) **姓名** (Name)\n- [ ] (2) **证件号码** (ID number): your passport number\n"
            "- [ ] (3) **姓名无法修改的页面截图** (Screenshot)\n\nAttach item (3), then see (1) to (3).\n\n"
            f"- [ ] Plan 2:\n{ONE_LINE}\n\n把第 (2) 至 (3) 项添加为附件。\n")
    assert item_lists.page_problems(page, "docs/x.zh.md", ITEMS) == []


def test_a_wrong_label_is_named_with_its_line() -> None:
    page = "- [ ] (1) 姓名\n- [ ] (2) 护照号码\n- [ ] (3) 姓名\n"
    assert item_lists.page_problems(page, "docs/x.zh.md", ITEMS) == [
        ("docs/x.zh.md:2: item (2) should be 证件号码, as in includes/facts.yml (the e-mail lists it so): write the "
         "label as it is there, or change it there"),
        ("docs/x.zh.md:3: item (3) should be 姓名无法修改的页面截图, as in includes/facts.yml (the e-mail lists it so): "
         "write the label as it is there, or change it there")]


def test_a_list_with_an_item_left_out_or_one_too_many_is_named() -> None:
    short = "    (1) 姓名，(2) 证件号码。\n"
    assert item_lists.page_problems(short, "docs/x.zh.md", ITEMS) == [
        ("docs/x.zh.md:1: the e-mail's items are listed from here, but item (3) 姓名无法修改的页面截图 is missing: "
         "list all 3 of includes/facts.yml's mail-to-chsi, in its order")]
    long = ONE_LINE.replace("。", "，(4) 学号。")
    found = item_lists.page_problems(long, "docs/x.zh.md", ITEMS)
    assert found[0] == ("docs/x.zh.md:1: item (4): includes/facts.yml lists 3 items for the e-mail: remove it here, "
                        "or add it to mail-to-chsi there")
    assert len(found) == 2 and "the numbers are out of order" in found[1]


def test_the_pages_are_read_against_the_projects_facts(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(PROJECT, root)
    page = root / "docs" / "contact.zh.md"
    assert item_lists.list_problems(root) == []
    page.write_text(page.read_text(encoding="utf-8") + "\n- [ ] (1) 名字\n", encoding="utf-8")
    lines = page.read_text(encoding="utf-8").count("\n")
    assert item_lists.list_problems(root) == [
        (f"docs/contact.zh.md:{lines}: item (1) should be 姓名, as in includes/facts.yml (the e-mail lists it so): "
         "write the label as it is there, or change it there")]
