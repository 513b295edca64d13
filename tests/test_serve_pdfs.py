"""Under `mkdocs serve` (make serve) the pages' PDF links work too: the hook exports the PDFs into the preview."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from fixture_site import SITE


def test_the_preview_serves_the_pdfs_its_pages_link(tmp_path: Path) -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=SITE, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              start_new_session=True)  # its own group: the PDF export it starts ends with it
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        found: dict[str, int] = {}
        while time.monotonic() < deadline and server.poll() is None:
            try:
                page = httpx.get(base + "en/", timeout=5)
                links = ["downloads/chsi-guide-en.pdf", "downloads/chsi-checklist-en.pdf"]
                assert all(link in page.text for link in links)
                found = {link: httpx.get(base + link, timeout=5).status_code for link in links}
                if all(code == 200 for code in found.values()):
                    break
            except httpx.TransportError:
                pass
            time.sleep(1)
        assert server.poll() is None, server.stderr.read() if server.stderr else "the server stopped"
        assert found and all(code == 200 for code in found.values()), found
        pdf = httpx.get(base + "downloads/chsi-guide-en.pdf", timeout=5)
        assert pdf.content.startswith(b"%PDF-") and pdf.headers["content-type"].startswith("application/pdf")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
