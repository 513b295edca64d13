"""Write site/_headers (Netlify, Cloudflare Pages): security headers, with a Content-Security-Policy that lists the
sha256 of each inline script of the built pages rather than 'unsafe-inline', so an injected script (or a new
Material's) is refused until a build lists it. guide/deploy/headers_snippet.py writes the same for nginx.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from guide.outputs.built_site import BuiltSite

# An inline <script> (no src). Data blocks (type="application/json", Material's __config) do not run and need
# no hash; a script with no type, a JavaScript type or "module" does.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_RUNS = {"", "module", "text/javascript", "application/javascript"}


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions ('sha256-...') for the inline scripts of one page, over their exact UTF-8 text."""
    found = set()
    for attrs, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUNS):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        found.add(f"'sha256-{digest}'")
    return found


def site_script_hashes(site_dir: Path) -> list[str]:
    return sorted(set().union(*(inline_script_hashes(page.read_text(encoding="utf-8"))
                                for page in site_dir.rglob("*.html"))))


def security_headers(script_hashes: list[str]) -> dict[str, str]:
    policy = [
        "default-src 'self'",
        # Scripts: the site's own files and exactly the inline scripts of this build; no eval.
        "script-src 'self' " + " ".join(script_hashes),
        # Material's CSS draws its icons as data: SVG masks; pages and screenshots are the site's own.
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        # Search: a Web Worker from the site fetches the search index (JSON). Nothing is fetched from another host.
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        # No one may show the guide inside a frame (a look-alike page around it).
        "frame-ancestors 'none'",
    ]
    return {
        "Content-Security-Policy": "; ".join(policy),
        # Other sites (CHSI) learn that a reader came from the guide's host, not from which page.
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Content-Type-Options": "nosniff",
        # Browsers that predate frame-ancestors.
        "X-Frame-Options": "DENY",
        # A guide needs none of these.
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    }


def parse_headers_file(text: str) -> dict[str, str]:
    """The headers of the one rule run() writes, each on an indented `Name: value` line."""
    return dict(line.strip().split(": ", 1) for line in text.splitlines() if line.startswith("  "))


def render_nginx(headers: dict[str, str]) -> str:
    lines = [
        "# Security headers for the CHSI guide: `include` this file in the server (or location) block that",
        "# serves the built site/. Generated from a build by `make headers`; make test fails while it is stale.",
        "# nginx drops inherited add_header lines in a block that has add_header of its own: include it there too.",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def run(built: BuiltSite) -> None:
    lines = ["# Security headers for every page (Netlify and Cloudflare Pages read this file).", "/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(site_script_hashes(built.site)).items()]
    (built.site / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
