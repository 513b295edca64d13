"""The README's examples on 127.0.0.1:8765 run as written: the test cases can be served by hand."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

from link_fixture import free_port

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / "tests" / "fixture_server.py"


def test_it_serves_the_cases_the_readme_checks() -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(SERVER), "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        lines = []
        while not lines or not lines[-1].startswith("serving on"):
            lines.append(proc.stdout.readline().strip())
            assert proc.poll() is None, lines
        assert f"broken      http://127.0.0.1:{port}/soft-404" in "\n".join(lines)
        checked = subprocess.run([sys.executable, "-m", "guide.linkcheck",
                                  f"http://127.0.0.1:{port}/moved"], cwd=ROOT, capture_output=True, text=True, check=False)
        assert checked.returncode == 0 and f"-> http://127.0.0.1:{port}/ok" in checked.stdout
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_taken_port_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        proc = subprocess.run([sys.executable, str(SERVER), "--port", str(port)], capture_output=True, text=True,
                              timeout=30, check=False)
    assert proc.returncode == 2 and time.monotonic() - started < 30
    assert proc.stderr.strip().startswith(f"fixture_server: cannot listen on 127.0.0.1:{port}:")
    assert len(proc.stderr.strip().splitlines()) == 1
