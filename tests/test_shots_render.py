"""The published screenshots are exactly what their sources render, carry no metadata and stay within budget."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from shots_support import FAKE_DATA, IMAGES, SPEC_IDS, SPECS, annotate_shots, shot_draw, shot_spec

RENDERED = {s.name: annotate_shots.render_spec(s) for s in SPECS}
ALLOWED_CHUNKS = {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}


def test_the_pictures_have_specs() -> None:
    # no-mainland-phone-01-international was dropped: the office's guide names one thing on that page (简项注册)
    # and says nothing of where it is, so a drawing of it would be all grey blocks and one guess.
    assert SPEC_IDS == [
        "change-name-01-account",
        "register-01-form",
        "verify-identity-01-method-3",
        "verify-identity-02-not-passed",
    ]


def test_every_published_picture_comes_from_a_spec() -> None:
    # One file serves both languages (no NAME.en.png copies): English pages link to the same images/NAME.png.
    assert sorted(p.name for p in IMAGES.glob("*.png")) == sorted(f"{n}.png" for n in SPEC_IDS)


@pytest.mark.parametrize("name", SPEC_IDS)
def test_committed_picture_is_byte_identical_to_a_fresh_render(name: str) -> None:
    assert (IMAGES / f"{name}.png").read_bytes() == RENDERED[name].png, "run `make shots` and commit docs/images/"


def test_rendering_twice_gives_the_same_bytes() -> None:
    spec = SPECS[SPEC_IDS.index("register-01-form")]
    assert annotate_shots.render_spec(spec).png == RENDERED["register-01-form"].png


@pytest.mark.parametrize("name", SPEC_IDS)
def test_picture_holds_only_image_chunks_and_nothing_after_iend(name: str) -> None:
    chunks = shot_draw.png_chunks((IMAGES / f"{name}.png").read_bytes())
    assert chunks[-1][0] == "IEND"
    assert {kind for kind, _ in chunks} <= ALLOWED_CHUNKS


def test_chunk_reader_reports_bytes_after_iend() -> None:
    png = RENDERED["register-01-form"].png
    assert shot_draw.png_chunks(png + b"old pixels")[-1] == ("<trailing>", 10)


def test_encoder_drops_text_and_icc_it_is_handed() -> None:
    img = Image.new("RGB", (4, 4), (1, 2, 3))
    img.info.update({"icc_profile": b"\0" * 64, "comment": "x"})
    kinds = {k for k, _ in shot_draw.png_chunks(shot_draw.encode_png(img))}
    assert kinds == {"IHDR", "IDAT", "IEND"}


@pytest.mark.parametrize("name", SPEC_IDS)
def test_picture_is_within_budget(name: str) -> None:
    data = (IMAGES / f"{name}.png").read_bytes()
    with Image.open(io.BytesIO(data)) as img:
        assert img.width <= shot_spec.MAX_WIDTH
    assert len(data) <= shot_spec.MAX_BYTES


# Pictures that draw personal data (fake, typed into the page) must cover it; the others draw none at all.
REDACTED = [s.name for s in SPECS if s.redactions]


@pytest.mark.parametrize("name", [s.name for s in SPECS if not s.redactions])
def test_a_picture_without_redactions_draws_no_personal_data(name: str) -> None:
    r = RENDERED[name]
    drawn = " ".join(run.text for run in r.runs if run.box.overlaps(r.layout.crop))
    squeezed = "".join(ch for ch in drawn.lower() if ch.isalnum())
    assert [what for what, value in FAKE_DATA.items() if value in squeezed] == []


@pytest.mark.parametrize("name", REDACTED)
def test_each_redaction_is_one_solid_fill(name: str) -> None:
    r = RENDERED[name]
    assert r.layout.redactions, "this picture draws fake personal data, so it must cover it"
    with Image.open(IMAGES / f"{name}.png") as img:
        rgb = img.convert("RGB")
        assert shot_draw.single_colour(rgb, r.layout.redactions) == []
        for b in r.layout.redactions:
            assert rgb.getpixel((b.x0, b.y0)) == shot_draw.REDACT


@pytest.mark.parametrize("name", SPEC_IDS)
def test_markers_are_readable_in_a_340_px_phone_column(name: str) -> None:
    lay = RENDERED[name].layout
    shrink = shot_spec.PHONE_COLUMN / max(lay.size[0], shot_spec.PHONE_COLUMN)
    assert lay.diameter * shrink >= 20  # CSS px on the phone
    assert lay.diameter * 0.5 * shrink >= 10  # digits are at least half the circle high


@pytest.mark.parametrize("name", SPEC_IDS)
def test_markers_are_numbered_from_one_without_gaps(name: str) -> None:
    assert [n for _, n, _ in RENDERED[name].layout.markers] == list(range(1, len(RENDERED[name].layout.markers) + 1))


def test_marker_is_its_style_colour_with_a_white_number() -> None:
    sprite = shot_draw.marker_sprite(7, 48, "focus")
    opaque = {px[:3] for _, px in sprite.getcolors(48 * 48) or [] if px[3] == 255}
    assert shot_draw.WHITE in opaque and shot_draw.COLOURS["focus"] in opaque
