"""The e-mail to CHSI names its items by the labels students see: each item's label must be in the label table.

The items, their order and their English words live in includes/facts.yml (mail-to-chsi); the "Write the e-mail"
link and the form on the locked-out pages are made from them (hooks/facts.py, hooks/mail_composer.py). The form
shows each item's label with its gloss from includes/ui-labels.yml, so an item whose label the table lacks would
show no gloss on the English page. This check fails the build naming the facts file's line instead.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import facts as facts_module
import ui_labels
from mkdocs.exceptions import PluginError


def item_problems(facts: facts_module.Facts, labels: dict[str, str], where: str = facts_module.FACTS_FILE) -> list[str]:
    """One line per item of the e-mail whose label includes/ui-labels.yml lacks."""
    line = facts.lines.get("mail-to-chsi")
    at = f"{where}:{line}" if line else where
    return [f"{at}: item ({n}) of mail-to-chsi has the label {item.label}, which {ui_labels.TABLE_FILE} lacks: "
            "add it there with its English gloss, or correct the label"
            for n, item in enumerate(facts.items, 1) if item.label not in labels]


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        facts = facts_module.load_facts(root)
    except facts_module.FactsError as err:
        raise PluginError(str(err)) from None
    problems = item_problems(facts, ui_labels.load_labels(root / ui_labels.TABLE_FILE))
    if problems:
        raise PluginError("\n".join(problems))
