"""The build runs the checks of the sources, once, before anything is rendered: the same functions as make check.

guide/checks/content.py is the one implementation; this hook only hands it the project and stops the build with
its lines (`file:line: what to do`), so a maintainer sees the same messages in `make check`, `make build` and
`make serve`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; the rooms are imported as the package guide
    sys.path.insert(0, str(ROOT))

from guide.checks import content


def _inside_language_loop(config) -> bool:
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def on_config(config):
    if _inside_language_loop(config):
        return config  # mkdocs-static-i18n's build of another language: the sources were checked once already
    problems = content.build_problems(Path(config.config_file_path).parent)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) to fix before the build can go on:\n" + "\n".join(problems))
    return config
