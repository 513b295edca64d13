"""After a failed build, let the next one start from an empty folder again: mkdocs-static-i18n 1.3.1 makes
`mkdocs.utils.clean_directory` a no-op while it builds the other languages and restores it only when all built, so
under `make serve` a renamed page's old output lingered after a failed build until a restart."""
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
