"""The e-mail to CHSI names its items by the labels students see: each item's label must be in the label table.

The items, their order and their English words live in includes/facts.yml (mail-to-chsi); the "Write the e-mail"
link and the form on the locked-out pages are made from them (guide/sources/facts.py, guide/rendering/mail_composer.py). The form
shows each item's label with its gloss from includes/ui-labels.yml, so an item whose label the table lacks would
show no gloss on the English page. This check fails the build naming the facts file's line instead.
"""
from __future__ import annotations

from guide.sources import facts as facts_module
from guide.sources import ui_labels


def item_problems(facts: facts_module.Facts, labels: dict[str, str], where: str = facts_module.FACTS_FILE) -> list[str]:
    """One line per item of the e-mail whose label includes/ui-labels.yml lacks."""
    line = facts.lines.get("mail-to-chsi")
    at = f"{where}:{line}" if line else where
    return [f"{at}: item ({n}) of mail-to-chsi has the label {item.label}, which {ui_labels.TABLE_FILE} lacks: "
            "add it there with its English gloss, or correct the label"
            for n, item in enumerate(facts.items, 1) if item.label not in labels]
