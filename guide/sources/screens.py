"""includes/screens.yml: the CHSI pages whose labels the weekly check looks for, only ones the guide itself names."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.sources import facts as facts_module
from guide.sources import ui_labels
from guide.sources.errors import SourceError, fields, line, scalar, yaml_error

SCREENS_FILE = "includes/screens.yml"
KEYS = ("link", "labels")


@dataclass(frozen=True)
class Screen:
    link: str                   # the address's name in includes/facts.yml, as written in screens.yml
    url: str                    # the address it stands for
    labels: tuple[str, ...]     # as the guide quotes them
    line: int                   # the entry's line in screens.yml


def parse_screens(text: str, addresses: dict[str, str], labels: set[str]) -> tuple[list[Screen], list[str]]:
    """The entries of screens.yml, and one problem per line ('includes/screens.yml:LINE: ...')."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        where, problem = yaml_error(err, SCREENS_FILE)
        return [], [f"{where}: not valid YAML: {problem}"]
    if not isinstance(root, yaml.SequenceNode) or not root.value:
        return [], [(f"{SCREENS_FILE}:{line(root) if root is not None else 1}: expected a list of pages, each with "
                    "link: and labels:")]
    web = sorted(name for name, url in addresses.items() if url.lower().startswith(("http://", "https://")))
    problems: list[str] = []
    screens: list[Screen] = []
    first_line: dict[str, int] = {}
    for entry in root.value:
        if not isinstance(entry, yaml.MappingNode):
            problems.append(f"{SCREENS_FILE}:{line(entry)}: each page is a mapping with link: and labels:")
            continue
        found_keys = fields(entry)
        if set(found_keys) != set(KEYS):
            problems.append(f"{SCREENS_FILE}:{line(entry)}: each page has exactly link: and labels: (found "
                            f"{', '.join(found_keys) or 'nothing'})")
            continue
        link_node, labels_node = found_keys["link"][1], found_keys["labels"][1]
        link, at = scalar(link_node), f"{SCREENS_FILE}:{line(link_node)}"
        url = addresses.get(link.lower()) if link else None
        if not link:
            problems.append(f"{at}: link: needs the name of an address in {facts_module.FACTS_FILE}")
        elif url is None:
            problems.append(f"{at}: unknown address reference [{link}]: {facts_module.FACTS_FILE} has no such name "
                            f"(its web pages: {', '.join(web) or 'none'})")
        elif link.lower() not in web:
            problems.append(f"{at}: [{link}] is {url.split('?')[0]}, not a web page: list only pages a browser opens")
        elif link.lower() in first_line:
            problems.append(f"{at}: [{link}] is listed already on line {first_line[link.lower()]}: give each page one "
                            "entry")
        else:
            first_line[link.lower()] = line(link_node)
        if not isinstance(labels_node, yaml.SequenceNode) or not labels_node.value:
            problems.append(f"{SCREENS_FILE}:{line(labels_node)}: labels: needs a list of at least one label "
                            f"from {ui_labels.TABLE_FILE}")
            continue
        found: list[str] = []
        for item in labels_node.value:
            label, at = scalar(item), f"{SCREENS_FILE}:{line(item)}"
            if not label:
                problems.append(f"{at}: each label is one line of text from {ui_labels.TABLE_FILE}")
            elif label not in labels:
                problems.append(f"{at}: label {label} is not in {ui_labels.TABLE_FILE}: list only labels the guide "
                                "quotes from that table")
            elif label in found:
                problems.append(f"{at}: label {label} is listed twice for [{link}]")
            else:
                found.append(label)
        if url is not None:
            screens.append(Screen(link, url, tuple(found), line(entry)))
    return screens, problems


def load_screens(root: Path) -> list[Screen]:
    """The pages of root's includes/screens.yml; any problem stops the build with the file and line of each."""
    try:
        text = (root / SCREENS_FILE).read_text(encoding="utf-8")
        addresses = facts_module.load_facts(root).references()
    except FileNotFoundError:
        raise SourceError(f"{SCREENS_FILE}: missing") from None
    screens, problems = parse_screens(text, addresses, set(ui_labels.load_labels(root / ui_labels.TABLE_FILE)))
    if problems:
        raise SourceError("CHSI pages whose labels the weekly check looks for:\n" + "\n".join(problems))
    return screens
