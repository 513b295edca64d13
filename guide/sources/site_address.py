"""The guide's public address (site_url, from SITE_URL). Printed and e-mailed outputs are made only for one: an
address of this computer (as `mkdocs serve` sets) would lead a reader who scans or types it nowhere."""
from __future__ import annotations

import contextlib
import ipaddress
import re
from urllib.parse import urlsplit

from guide.sources.words import words

HOW_TO_SET = "SITE_URL=https://your.host/path/ make build"
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
# The checklist pages' QR figure (docs/checklist.*.md): its image exists only for a public address.
QR_IMAGE = re.compile(r'(<figure class="checklist-qr"[^>]*>)\s*<img [^>]*qr-guide-[a-z]+\.svg[^>]*>', re.DOTALL)


def public_address(site_url: str | None) -> str | None:
    """site_url with a trailing slash when it is an http(s) address others can reach, else None."""
    parts = urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or host in ("", "localhost") or host.endswith(".localhost"):
        return None
    with contextlib.suppress(ValueError):  # a host name is not an IP address
        if (ip := ipaddress.ip_address(host)).is_loopback or ip.is_unspecified or ip.is_link_local:
            return None
    return site_url if site_url.endswith("/") else site_url + "/"


def without_qr_image(html: str, locale: str) -> str:
    """The checklist page's QR figure with its image replaced by a line saying how to get the code."""
    note = words(locale).no_qr.format(how=HOW_TO_SET)
    return QR_IMAGE.sub(lambda m: f'{m.group(1)}<p class="checklist-qr-missing">{note}</p>', html)
