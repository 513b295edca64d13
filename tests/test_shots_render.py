"""The published pictures are exactly what their sources render (a screenshot's, when its original is here, else
checked against its spec), carry no metadata and stay within budget."""
import io

import pytest
from PIL import Image
from shots_support import FAKE_DATA, IMAGES, SPEC_IDS, SPECS, annotate_shots, shot_draw, shot_spec

RENDERED = {spec.name: annotate_shots.render_spec(spec) for spec in SPECS
            if spec.kind == "drawing" or spec.original_path.is_file()}


def published_layout(spec: shot_spec.Spec) -> shot_spec.Layout:
    """Where the black-outs and markers are in the published picture."""
    if spec.name in RENDERED:
        return RENDERED[spec.name].layout
    with Image.open(IMAGES / f"{spec.name}.png") as img:
        return shot_spec.screenshot_layout(spec, img.size)


ALLOWED_CHUNKS = {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}


def test_every_published_picture_comes_from_a_spec() -> None:
    # One file serves both languages (no NAME.en.png copies): English pages link to the same images/NAME.png.
    # (make check names a picture in docs/images/ without a spec: guide/pictures/check.py)
    assert sorted(p.name for p in IMAGES.glob("*.png")) == sorted(f"{n}.png" for n in SPEC_IDS)


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_committed_picture_is_what_its_sources_give(spec: shot_spec.Spec) -> None:
    if spec.name in RENDERED:
        assert (IMAGES / f"{spec.name}.png").read_bytes() == RENDERED[spec.name].png, \
            "run `make shots` and commit docs/images/"
    else:  # a screenshot whose original is not on this machine
        assert annotate_shots.committed_problems(spec, IMAGES / f"{spec.name}.png") == []


@pytest.mark.parametrize("name", SPEC_IDS)
def test_picture_holds_only_image_chunks_and_nothing_after_iend_within_budget(name: str) -> None:
    data = (IMAGES / f"{name}.png").read_bytes()
    chunks = shot_draw.png_chunks(data)
    assert chunks[-1][0] == "IEND"
    assert {kind for kind, _ in chunks} <= ALLOWED_CHUNKS
    with Image.open(io.BytesIO(data)) as img:
        assert img.width <= shot_spec.MAX_WIDTH
    assert len(data) <= shot_spec.MAX_BYTES


def test_encoder_drops_text_and_icc_it_is_handed() -> None:
    img = Image.new("RGB", (4, 4), (1, 2, 3))
    img.info.update({"icc_profile": b"\0" * 64, "comment": "x"})
    kinds = {k for k, _ in shot_draw.png_chunks(shot_draw.encode_png(img))}
    assert kinds == {"IHDR", "IDAT", "IEND"}


# A drawing that draws no black-out draws no personal data at all (its page's text, as captured).
REDACTED = [s for s in SPECS if s.redactions or s.redact_boxes]


@pytest.mark.parametrize("name", [s.name for s in SPECS if s.kind == "drawing" and not s.redactions])
def test_a_picture_without_redactions_draws_no_personal_data(name: str) -> None:
    r = RENDERED[name]
    drawn = " ".join(run.text for run in r.runs if run.box.overlaps(r.layout.crop))
    squeezed = "".join(ch for ch in drawn.lower() if ch.isalnum())
    assert [what for what, value in FAKE_DATA.items() if value in squeezed] == []


@pytest.mark.parametrize("spec", REDACTED, ids=[s.name for s in REDACTED])
def test_each_redaction_is_one_solid_fill(spec: shot_spec.Spec) -> None:
    lay = published_layout(spec)
    assert lay.redactions
    with Image.open(IMAGES / f"{spec.name}.png") as img:
        rgb = img.convert("RGB")
        assert shot_draw.single_colour(rgb, lay.redactions) == []
        for b in lay.redactions:
            assert rgb.getpixel((b.x0, b.y0)) == shot_draw.REDACT


@pytest.mark.parametrize("spec", SPECS, ids=SPEC_IDS)
def test_every_marker_is_drawn_and_readable_in_a_340_px_phone_column(spec: shot_spec.Spec) -> None:
    lay = published_layout(spec)
    with Image.open(IMAGES / f"{spec.name}.png") as img:
        assert shot_draw.marker_problems(img, lay) == []
    shrink = shot_spec.PHONE_COLUMN / max(lay.size[0], shot_spec.PHONE_COLUMN)
    assert lay.diameter * shrink >= 20  # CSS px on the phone
    assert lay.diameter * 0.5 * shrink >= 10  # digits are at least half the circle high


def test_marker_is_its_colour_with_a_white_number() -> None:
    sprite = shot_draw.marker_sprite(7, 48)
    opaque = {px[:3] for _, px in sprite.getcolors(48 * 48) or [] if px[3] == 255}
    assert shot_draw.WHITE in opaque and shot_draw.MARKER in opaque
