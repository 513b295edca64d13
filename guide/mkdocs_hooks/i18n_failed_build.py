"""After a failed build, let the next one start from an empty folder again (mkdocs-static-i18n 1.3.1 does not).

While it builds the other languages, the plugin replaces `mkdocs.utils.clean_directory` with a no-op and puts it back
only when every language built. After a failed English build the no-op stayed for the rest of the process, so under
`make serve` a renamed page's old output lingered until a restart. This hook puts the real function back at the start
of each build and after each failed one.
"""
from __future__ import annotations

import hook_support
from mkdocs import utils

# Hooks are loaded before the first build, so this is MkDocs' own function.
_CLEAN_DIRECTORY = utils.clean_directory


def on_pre_build(config) -> None:
    # A new build (not one of static-i18n's inner builds, which must keep the no-op) empties its folder first.
    if not hook_support.inside_language_loop(config):
        utils.clean_directory = _CLEAN_DIRECTORY


def on_build_error(error) -> None:
    # The language loop is over once an error leaves it: nothing needs the no-op any more.
    utils.clean_directory = _CLEAN_DIRECTORY
