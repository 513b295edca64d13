"""What the hooks share (imported as `import hook_support`: MkDocs loads each hook with its own folder on sys.path)."""
from __future__ import annotations

import functools
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


def project_on_path() -> None:
    # MkDocs restores sys.path after loading each hook, and mkdocs or properdocs run from elsewhere lack the project.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def source_errors_stop_the_build(hook):
    """A SourceError (a source the office edits is wrong) stops the build with its own words, not a traceback."""
    from guide.sources.errors import SourceError  # the hook has put the project on sys.path before calling

    @functools.wraps(hook)
    def wrapper(*args, **kwargs):
        try:
            return hook(*args, **kwargs)
        except SourceError as err:
            raise PluginError(str(err)) from None

    return wrapper


def inside_language_loop(config) -> bool:
    """True while mkdocs-static-i18n builds another language inside MkDocs' build (its events run again)."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))
