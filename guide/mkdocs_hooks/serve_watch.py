"""Under `make serve`, rebuild when a file the build reads outside docs/ changes, not only docs/ and mkdocs.yml.

The hooks read includes/ (addresses, labels, screens), redirects.yml and published-links.yml. MkDocs serve watched
none of them: a corrected redirects.yml left the preview showing the old error until something in docs/ changed,
which looked like a hang. (mkdocs.yml's `watch:` would do the same, but it refuses a path that does not exist, and
tests build partial copies of the project.)
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
