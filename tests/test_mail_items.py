"""The e-mail to CHSI: each item's label is one the label table glosses, or the build names the facts file's line."""
from __future__ import annotations

import dataclasses

from project_facts import FACTS, ROOT, facts_module

from guide.checks import mail_items
from guide.sources import ui_labels

LABELS = ui_labels.load_labels(ROOT / ui_labels.TABLE_FILE)


def test_every_item_of_the_real_email_has_a_glossed_label() -> None:
    assert mail_items.item_problems(FACTS, LABELS) == []


def test_an_item_whose_label_the_table_lacks_is_named_with_the_line() -> None:
    items = [*FACTS.items[:2], facts_module.MailItem("账户名称", "Account Name"), *FACTS.items[3:]]
    changed = dataclasses.replace(FACTS, items=items)
    assert mail_items.item_problems(changed, LABELS) == [
        (f"includes/facts.yml:{FACTS.lines['mail-to-chsi']}: item (3) of mail-to-chsi has the label 账户名称, which "
        "includes/ui-labels.yml lacks: add it there with its English gloss, or correct the label")]
