"""After a failed build, let the next one start from an empty folder again (mkdocs-static-i18n 1.3.1 does not).

While it builds the other languages, mkdocs-static-i18n replaces `mkdocs.utils.clean_directory` with a function that
does nothing, and puts it back only when every language built. When the English build fails (a broken link while a
page is being renamed), the replacement stays for the rest of the process. `make build` starts a new process each
time, but `make serve` keeps one: every later rebuild then wrote over the old output without emptying the folder,
so a renamed page's old output lingered, the redirect check called it "a real page" with the wrong advice, and the
preview stayed wrong until it was restarted. This hook puts the real function back at the start of each build and
after each failed one.
"""
from __future__ import annotations

import hook_support
from mkdocs import utils

# Hooks are loaded before the first build, so this is MkDocs' own function.
_CLEAN_DIRECTORY = utils.clean_directory


def restore_clean_directory() -> bool:
    """Put MkDocs' clean_directory back; True when it had been left replaced."""
    if utils.clean_directory is _CLEAN_DIRECTORY:
        return False
    utils.clean_directory = _CLEAN_DIRECTORY
    return True



def on_pre_build(config) -> None:
    # A new build (not one of static-i18n's inner builds, which must keep the no-op) empties its folder first.
    if not hook_support.inside_language_loop(config):
        restore_clean_directory()


def on_build_error(error) -> None:
    # The language loop is over once an error leaves it: nothing needs the no-op any more.
    restore_clean_directory()
