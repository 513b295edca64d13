"""The error for a source the office edits, whose message is the whole report, and the YAML reading they share."""
from __future__ import annotations

import yaml


class SourceError(ValueError):
    """A source file is wrong; str(error) names the file (and line) and says what to do."""


def yaml_error(err: yaml.YAMLError, where: object, first_line: int = 1,
               unmarked: int | None = None) -> tuple[str, object]:
    """('FILE:LINE', or FILE:unmarked, or FILE), and what the parser says; first_line: the file's line of the text's
    first line (2 for a page's front matter, after its ---)."""
    mark = getattr(err, "problem_mark", None)
    number = mark.line + first_line if mark else unmarked
    return (f"{where}:{number}" if number else str(where)), getattr(err, "problem", None) or err


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def scalar(node: yaml.Node | None) -> str:
    """A scalar node's text, stripped; "" for anything else."""
    return node.value.strip() if isinstance(node, yaml.ScalarNode) else ""


def fields(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping node's keys -> (key node, value node); {} for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}
