"""What the hooks share (imported as `import hook_support`: MkDocs loads each hook with its own folder on sys.path)."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


def project_on_path() -> None:
    """Let the hook being loaded import the package guide: MkDocs restores sys.path after loading each hook, and the
    mkdocs and properdocs commands, run from another folder, do not have the project on it."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def source_errors_stop_the_build(hook):
    """A SourceError (a source the office edits is wrong) stops the build with its own words, as MkDocs shows its
    errors, not a traceback: the one place the rooms' error becomes MkDocs' error."""
    from guide.sources.errors import SourceError  # the hook has put the project on sys.path before calling

    @functools.wraps(hook)
    def wrapper(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except SourceError as err:
            raise PluginError(str(err)) from None

    return wrapper


def inside_language_loop(config) -> bool:
    """True while mkdocs-static-i18n builds another language inside the build MkDocs started: such a build runs
    on_config, on_pre_build and on_post_build again, but the sources are checked and the outputs written once."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))
