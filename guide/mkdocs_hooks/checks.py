"""The checks of make check (guide/checks/content.py), run once before anything is rendered, with the same lines."""
from __future__ import annotations

from pathlib import Path

import hook_support
from mkdocs.exceptions import PluginError

hook_support.project_on_path()  # before the imports of guide below
from guide.checks import content


def on_config(config):
    if hook_support.inside_language_loop(config):
        return config  # mkdocs-static-i18n's build of another language: the sources were checked once already
    problems = content.build_problems(Path(config.config_file_path).parent)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) to fix before the build can go on:\n" + "\n".join(problems))
    return config
