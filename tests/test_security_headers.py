"""site/_headers and the nginx snippet: a CSP made from the build's inline scripts, and the other headers."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from guide.deploy import headers_snippet as script
from guide.outputs import security_headers as hook

ROOT = Path(__file__).resolve().parent.parent


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(("html", "expected"), [
    ("<script>a=1</script>", {_sha("a=1")}),
    ('<script type="module">a=1</script>', {_sha("a=1")}),
    ('<script src="x.js"></script>', set()),
    ('<script id="__config" type="application/json">{"a": 1}</script>', set()),
    # The exact text counts, whitespace and non-ASCII included.
    ("<script>\n 学 </script><SCRIPT>b()</SCRIPT>", {_sha("\n 学 "), _sha("b()")}),
])
def test_inline_script_hashes(html: str, expected: set[str]) -> None:
    assert hook.inline_script_hashes(html) == expected


def test_the_policy_hashes_every_inline_script_and_allows_no_other(built_site: Path) -> None:
    headers = hook.parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))
    csp = headers["Content-Security-Policy"]
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert set(script_src.split()[2:]) == set(hook.site_script_hashes(built_site))
    # Material's per-depth scripts (root, one and two levels down) and its palette script are among them.
    assert len(script_src.split()[2:]) >= 4
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]


def test_the_committed_nginx_snippet_matches_the_build(built_site: Path) -> None:
    committed = (ROOT / "deploy" / "nginx-security-headers.conf").read_text(encoding="utf-8")
    built = script.nginx_snippet(built_site)
    # No diff of two long policies: say which line differs and the one command that writes the file again.
    lines = [n for n, (a, b) in enumerate(zip(committed.splitlines(), built.splitlines()), 1) if a != b]
    assert committed == built, (
        f"deploy/nginx-security-headers.conf:{lines[0] if lines else len(committed.splitlines())}: the security headers "
        f"differ from the build's (the pages' inline scripts changed, e.g. after a Material upgrade): run `make "
        f"headers`, which builds the site and writes the file again, then commit it")
