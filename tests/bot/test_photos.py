"""prepare_photo: every kind of upload becomes an Azure-ready JPEG or a clear refusal."""

import io
import os

import pytest
from PIL import Image

from bot.reading.photos import (
    AZURE_MIN_SIDE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_SIDE,
    PhotoError,
    PhotoProblem,
    prepare_photo,
)
from tests.fakes import photos


def decoded(jpeg: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(jpeg))
    image.load()
    return image


def close_to(pixel: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 20) -> bool:
    return all(abs(int(got) - want) <= tolerance for got, want in zip(pixel, expected, strict=True))


def refusal(data: bytes, **limits) -> PhotoProblem:
    with pytest.raises(PhotoError) as raised:
        prepare_photo(data, **limits)
    return raised.value.kind


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("jpeg", photos.jpeg_photo("beach", (800, 600))),
        ("png", photos.photo_as("PNG", "forest", (800, 600))),
        ("webp", photos.webp_photo("forest", (800, 600))),
        ("bmp", photos.photo_as("BMP", "night", (800, 600))),
        ("tiff", photos.photo_as("TIFF", "sunset", (800, 600))),
    ],
)
def test_common_formats_become_rgb_jpeg_of_the_same_size(name, data):
    prepared = prepare_photo(data)

    image = decoded(prepared.jpeg)
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (800, 600))
    assert (prepared.width, prepared.height) == (800, 600)
    assert prepared.was_animated is False


def test_heic_is_decoded_when_pillow_heif_is_installed():
    pytest.importorskip("pillow_heif")

    prepared = prepare_photo(photos.heic_photo("beach", (640, 480)))

    assert decoded(prepared.jpeg).size == (640, 480)
    assert close_to(tuple(prepared.thumbnail[-1, 0]), (232, 212, 165), tolerance=30)


def test_heic_without_a_decoder_is_unsupported(monkeypatch):
    pytest.importorskip("pillow_heif")
    heic = photos.heic_photo()
    monkeypatch.delitem(Image.OPEN, "HEIF")
    monkeypatch.setattr(Image, "ID", [name for name in Image.ID if name != "HEIF"])

    assert refusal(heic) is PhotoProblem.UNSUPPORTED


def test_jpeg_xl_is_unsupported_rather_than_not_an_image():
    jpeg_xl_codestream = b"\xff\x0a" + bytes(200)

    assert refusal(jpeg_xl_codestream) is PhotoProblem.UNSUPPORTED


def test_output_is_shrunk_to_max_side_keeping_the_aspect_ratio():
    prepared = prepare_photo(photos.jpeg_photo("beach", (1600, 1200)), max_side=1000)

    assert decoded(prepared.jpeg).size == (1000, 750)


def test_a_30_megabyte_photo_comes_out_small_enough_for_image_analysis_32():
    large = photos.large_jpeg()
    assert len(large) >= 30 * 1024 * 1024

    prepared = prepare_photo(large)

    assert len(prepared.jpeg) < DEFAULT_MAX_BYTES
    assert max(decoded(prepared.jpeg).size) == DEFAULT_MAX_SIDE


def test_quality_is_lowered_until_the_jpeg_fits_max_bytes():
    at_default = prepare_photo(photos.jpeg_photo("forest", (1200, 900)))
    squeezed = prepare_photo(
        photos.jpeg_photo("forest", (1200, 900)), max_bytes=len(at_default.jpeg) // 3
    )

    assert len(squeezed.jpeg) <= len(at_default.jpeg) // 3
    assert min(decoded(squeezed.jpeg).size) >= AZURE_MIN_SIDE


def test_a_size_limit_no_jpeg_can_meet_is_too_large():
    assert refusal(photos.jpeg_photo(), max_bytes=100) is PhotoProblem.TOO_LARGE


def test_exif_orientation_is_applied_and_exif_is_dropped():
    prepared = prepare_photo(photos.sideways_jpeg(orientation=6, size=(300, 200)))

    image = decoded(prepared.jpeg)
    assert image.size == (200, 300)
    assert close_to(image.getpixel((100, 10)), (220, 20, 20))
    assert close_to(image.getpixel((100, 290)), (20, 20, 220))
    assert len(image.getexif()) == 0


def test_transparency_is_flattened_on_white():
    prepared = prepare_photo(photos.png_with_alpha((400, 300), colour=(200, 20, 20)))

    image = decoded(prepared.jpeg)
    assert image.mode == "RGB"
    assert close_to(image.getpixel((5, 5)), (255, 255, 255), tolerance=3)
    assert close_to(image.getpixel((200, 150)), (200, 20, 20))


@pytest.mark.parametrize("animation", [photos.animated_gif, photos.animated_webp])
def test_animations_use_their_first_frame(animation):
    first, second, _ = photos.FRAME_COLOURS

    prepared = prepare_photo(animation())

    centre = decoded(prepared.jpeg).getpixel((100, 75))
    assert close_to(centre, first)
    assert not close_to(centre, second)
    assert prepared.was_animated is True


@pytest.mark.parametrize("size", [(1, 1), (49, 400), (400, 30)])
def test_images_under_azures_minimum_side_are_too_small(size):
    assert refusal(photos.tiny_image(size)) is PhotoProblem.TOO_SMALL


def test_an_image_exactly_at_the_minimum_side_is_accepted():
    prepared = prepare_photo(photos.tiny_image((AZURE_MIN_SIDE, AZURE_MIN_SIDE)))

    assert decoded(prepared.jpeg).size == (AZURE_MIN_SIDE, AZURE_MIN_SIDE)


def test_a_panorama_keeps_its_short_side_at_azures_minimum():
    prepared = prepare_photo(photos.jpeg_photo("beach", (4000, 100)))

    assert decoded(prepared.jpeg).size == (2000, AZURE_MIN_SIDE)


def test_a_truncated_jpeg_is_corrupt():
    assert refusal(photos.corrupt_jpeg()) is PhotoProblem.CORRUPT


def test_a_jpeg_cut_inside_its_header_is_corrupt_not_a_non_image():
    assert refusal(photos.jpeg_photo()[:40]) is PhotoProblem.CORRUPT


@pytest.mark.parametrize(
    "data",
    [photos.pdf_bytes(), b"Dear bot, here is my holiday photo!\n" * 20, os.urandom(4096), b""],
    ids=["pdf", "text", "random", "empty"],
)
def test_non_images_are_not_an_image(data):
    assert refusal(data) is PhotoProblem.NOT_AN_IMAGE


def test_a_decompression_bomb_header_is_too_large():
    bomb = photos.huge_dimensions_png(30_000, 30_000)
    assert len(bomb) < 100_000

    assert refusal(bomb) is PhotoProblem.TOO_LARGE


def test_more_pixels_than_max_pixels_is_too_large_before_decoding():
    assert refusal(photos.huge_dimensions_png(9_000, 9_000)) is PhotoProblem.TOO_LARGE
    assert (
        refusal(photos.photo_as("PNG", "fog", (400, 300)), max_pixels=100_000)
        is PhotoProblem.TOO_LARGE
    )


def test_a_large_jpeg_within_max_pixels_after_draft_decoding_is_accepted():
    prepared = prepare_photo(photos.jpeg_photo("beach", (3200, 2400)), max_pixels=3_000_000)

    assert decoded(prepared.jpeg).size == (1600, 1200)


def test_the_thumbnail_is_a_small_read_only_rgb_array():
    prepared = prepare_photo(photos.jpeg_photo("sunset", (800, 600)))

    assert prepared.thumbnail.shape == (96, 128, 3)
    assert prepared.thumbnail.dtype.name == "uint8"
    assert not prepared.thumbnail.flags.writeable


def test_a_plain_telegram_style_jpeg_goes_to_azure_unchanged():
    data = photos.jpeg_photo("beach", size=(1280, 960))
    prepared = prepare_photo(data)
    assert prepared.jpeg == data
    assert (prepared.width, prepared.height) == (1280, 960)
    assert max(prepared.thumbnail.shape[:2]) <= 160


def test_a_jpeg_carrying_exif_is_re_encoded_so_no_metadata_reaches_azure():
    from PIL import Image

    image = Image.open(io.BytesIO(photos.jpeg_photo("beach", size=(640, 480))))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera make, standing in for GPS and other personal metadata
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    prepared = prepare_photo(buffer.getvalue())
    assert prepared.jpeg != buffer.getvalue()
    assert b"SecretCam" not in prepared.jpeg
    assert not Image.open(io.BytesIO(prepared.jpeg)).info.get("exif")


def test_a_huge_transparent_png_is_read_at_reduced_size_with_its_colours_laid_on_white():
    from PIL import ImageDraw

    image = Image.new("RGBA", (6400, 3200), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, 3199, 3199), fill=(200, 30, 30, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    photo = prepare_photo(out.getvalue())
    assert (photo.width, photo.height) == (1600, 800)
    decoded = Image.open(io.BytesIO(photo.jpeg)).convert("RGB")
    left, right = decoded.getpixel((400, 400)), decoded.getpixel((1200, 400))
    assert left[0] > 150 and left[1] < 80, "the opaque red half stays red"
    assert min(right) > 230, "the transparent half is white, as a viewer shows it"
