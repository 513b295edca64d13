"""Keep includes/screens.yml, the list of CHSI pages whose labels the weekly check looks for, true to the guide.

Each entry names a page by the name of its address in includes/facts.yml and lists labels from
includes/ui-labels.yml that the guide quotes for that page; guide/screencheck/check.py fetches the pages and reports
labels that are gone. This hook fails the build, naming includes/screens.yml and the line, when an entry names an
address the registry does not define (or one that is not a web page), a label the table does not hold, or has the
wrong shape, so that the weekly check never looks for something the guide does not say.

The labels are read through ui_labels.load_labels, the build's own reader of the table, and the addresses through
facts.load_facts, which gives the pages their links: a change of either file's layout stays in one place.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from guide.sources import facts as facts_module
from guide.sources import ui_labels
from guide.sources.errors import SourceError

SCREENS_FILE = "includes/screens.yml"
LINKS_FILE = facts_module.FACTS_FILE
LABELS_FILE = "includes/ui-labels.yml"
KEYS = ("link", "labels")


@dataclass(frozen=True)
class Screen:
    link: str                   # the address's name in includes/facts.yml, as written in screens.yml
    url: str                    # the address it stands for
    labels: tuple[str, ...]     # as the guide quotes them
    line: int                   # the entry's line in screens.yml


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _scalar(node: yaml.Node) -> str | None:
    return node.value.strip() if isinstance(node, yaml.ScalarNode) and node.value.strip() else None


def parse_screens(text: str, addresses: dict[str, str], labels: set[str]) -> tuple[list[Screen], list[str]]:
    """The entries of screens.yml, and one problem per line ('includes/screens.yml:LINE: ...')."""
    problems: list[str] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{SCREENS_FILE}:{mark.line + 1}" if mark else SCREENS_FILE
        return [], [f"{where}: not valid YAML: {getattr(err, 'problem', None) or err}"]
    if not isinstance(root, yaml.SequenceNode) or not root.value:
        line = _line(root) if root is not None else 1
        return [], [f"{SCREENS_FILE}:{line}: expected a list of pages, each with link: and labels:"]
    web = sorted(name for name, url in addresses.items() if url.lower().startswith(("http://", "https://")))
    screens: list[Screen] = []
    first_line: dict[str, int] = {}
    for entry in root.value:
        where = f"{SCREENS_FILE}:{_line(entry)}"
        if not isinstance(entry, yaml.MappingNode):
            problems.append(f"{where}: each page is a mapping with link: and labels:")
            continue
        fields = {key.value: (key, value) for key, value in entry.value if isinstance(key, yaml.ScalarNode)}
        unknown = [key for key in fields if key not in KEYS]
        if unknown or any(key not in fields for key in KEYS):
            problems.append(f"{where}: each page has exactly link: and labels: (found {', '.join(fields) or 'nothing'})")
            continue
        link_node, labels_node = fields["link"][1], fields["labels"][1]
        link = _scalar(link_node)
        url = addresses.get(link.lower()) if link else None
        if link is None:
            problems.append(f"{SCREENS_FILE}:{_line(link_node)}: link: needs the name of an address "
                            f"in {LINKS_FILE}")
        elif url is None:
            problems.append(f"{SCREENS_FILE}:{_line(link_node)}: unknown address reference [{link}]: "
                            f"{LINKS_FILE} has no such name (its web pages: {', '.join(web) or 'none'})")
        elif link.lower() not in web:
            problems.append(f"{SCREENS_FILE}:{_line(link_node)}: [{link}] is {url.split('?')[0]}, not a web page: "
                            f"list only pages a browser opens")
        elif link.lower() in first_line:
            problems.append(f"{SCREENS_FILE}:{_line(link_node)}: [{link}] is listed already on line "
                            f"{first_line[link.lower()]}: give each page one entry")
        else:
            first_line[link.lower()] = _line(link_node)
        if not isinstance(labels_node, yaml.SequenceNode) or not labels_node.value:
            problems.append(f"{SCREENS_FILE}:{_line(labels_node)}: labels: needs a list of at least one label "
                            f"from {LABELS_FILE}")
            continue
        found: list[str] = []
        for item in labels_node.value:
            label = _scalar(item)
            if label is None:
                problems.append(f"{SCREENS_FILE}:{_line(item)}: each label is one line of text from {LABELS_FILE}")
            elif label not in labels:
                problems.append(f"{SCREENS_FILE}:{_line(item)}: label {label} is not in {LABELS_FILE}: "
                                f"list only labels the guide quotes from that table")
            elif label in found:
                problems.append(f"{SCREENS_FILE}:{_line(item)}: label {label} is listed twice for [{link}]")
            else:
                found.append(label)
        if url is not None and link is not None:
            screens.append(Screen(link, url, tuple(found), _line(entry)))
    return screens, problems


def load_screens(root: Path) -> list[Screen]:
    """The pages of root's includes/screens.yml; any problem stops the build with the file and line of each."""
    try:
        text = (root / SCREENS_FILE).read_text(encoding="utf-8")
        addresses = facts_module.load_facts(root).references()
    except FileNotFoundError:
        raise SourceError(f"{SCREENS_FILE}: missing") from None
    except SourceError as err:
        raise SourceError(str(err)) from None
    labels = set(ui_labels.load_labels(root / LABELS_FILE))
    screens, problems = parse_screens(text, addresses, labels)
    if problems:
        raise SourceError("CHSI pages whose labels the weekly check looks for:\n" + "\n".join(problems))
    return screens
