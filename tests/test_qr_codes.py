"""The build writes a QR code of each language's guide, for the checklist pages and the PDF covers."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
import qr_codes


def test_language_homes_keep_a_sub_path() -> None:
    homes = qr_codes.language_homes("https://example.edu/chsi-guide", [("zh", True), ("en", False)])
    assert homes == {"zh": "https://example.edu/chsi-guide/", "en": "https://example.edu/chsi-guide/en/"}


def test_the_built_site_has_one_qr_code_per_language_encoding_its_home(built_site: Path) -> None:
    for locale, url in {"zh": "http://127.0.0.1:8000/", "en": "http://127.0.0.1:8000/en/"}.items():
        svg = (built_site / "downloads" / f"qr-guide-{locale}.svg").read_text(encoding="utf-8")
        assert svg == qr_codes.qr_svg(url)
        assert 'viewBox="' in svg and "<?xml" not in svg
