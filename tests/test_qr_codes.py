"""The build writes a QR code of each language's guide, for the checklist pages and the PDF covers (the codes of
a real build are checked in tests/test_public_address.py)."""
from __future__ import annotations

from guide.outputs import qr_codes


def test_language_homes_keep_a_sub_path() -> None:
    homes = qr_codes.language_homes("https://example.edu/chsi-guide", [("zh", True), ("en", False)])
    assert homes == {"zh": "https://example.edu/chsi-guide/", "en": "https://example.edu/chsi-guide/en/"}
