"""Small ElementTree helpers: remove an element without losing the text after it, make elements, serialise."""
from __future__ import annotations

import xml.etree.ElementTree as ET


def parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def remove(element: ET.Element, parent: ET.Element) -> None:
    """Remove element; its tail (the text after it) moves to the previous sibling or the parent."""
    tail = element.tail or ""
    index = list(parent).index(element)
    if tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def remove_all(root: ET.Element, unwanted) -> None:
    """Remove every element for which unwanted(element) is true."""
    parent_of = parents(root)
    for element in [e for e in root.iter() if e is not root and unwanted(e)]:
        parent = parent_of.get(element)
        if parent is not None and element in list(parent):
            remove(element, parent)


def element(tag: str, text: str = "", children: list[ET.Element] | None = None, **attrs: str) -> ET.Element:
    made = ET.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    made.text = text or None
    made.extend(children or [])
    return made


def to_html(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode", method="html")
