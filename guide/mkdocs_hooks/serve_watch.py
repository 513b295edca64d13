"""Under `make serve`, rebuild when a file the build reads outside docs/ changes, not only docs/ and mkdocs.yml.

(mkdocs.yml's `watch:` would do it, but refuses a path that does not exist, and tests build partial copies.)
"""
from __future__ import annotations

from pathlib import Path

READ_BY_THE_BUILD = ("includes", "redirects.yml", "published-links.yml")


def on_serve(server, config, builder):
    root = Path(config.config_file_path).parent
    for name in READ_BY_THE_BUILD:
        if (root / name).exists():
            server.watch(str(root / name))
    return server
