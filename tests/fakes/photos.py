"""Real image files made with Pillow, for every kind of upload the bot must survive.

Scenes are synthetic but photo-like (gradients, shapes, sensor noise), so the
colour reader sees the difference between a warm sunset and a cold night.
"""

from __future__ import annotations

import functools
import io
import struct
import zlib

import numpy as np
from PIL import Image

PhotoSize = tuple[int, int]
RGB = tuple[int, int, int]

SCENES = ("sunset", "beach", "night", "forest", "fog")
FRAME_COLOURS: tuple[RGB, ...] = ((220, 30, 30), (30, 200, 40), (40, 60, 220))
EXIF_ORIENTATION_TAG = 0x0112


def scene(kind: str = "beach", size: PhotoSize = (800, 600), *, seed: int = 0) -> Image.Image:
    """A synthetic RGB photo of ``kind`` (one of ``SCENES``)."""
    width, height = size
    rows = np.linspace(0.0, 1.0, height)[:, None, None]
    pixels = np.zeros((height, width, 3))
    horizon = int(height * 0.6)
    painter = _PAINTERS[kind]
    painter(pixels, rows, horizon)
    noise = np.random.default_rng(seed).normal(0.0, 6.0, pixels.shape)
    return Image.fromarray(np.clip(pixels + noise, 0, 255).astype(np.uint8), "RGB")


def _paint_sunset(pixels: np.ndarray, rows: np.ndarray, horizon: int) -> None:
    sky = _gradient((250, 120, 60), (255, 200, 90), rows[:horizon] / rows[horizon])
    pixels[:horizon] = sky
    pixels[horizon:] = _gradient((240, 140, 60), (150, 70, 40), _rescaled(rows[horizon:]))
    _disc(pixels, centre=(0.5, 0.5), radius=0.09, colour=(255, 240, 190))


def _paint_beach(pixels: np.ndarray, rows: np.ndarray, horizon: int) -> None:
    shore = horizon + (pixels.shape[0] - horizon) // 3
    pixels[:horizon] = _gradient((90, 150, 225), (190, 220, 245), rows[:horizon] / rows[horizon])
    pixels[horizon:shore] = (30, 120, 170)
    pixels[shore:] = (232, 212, 165)
    _disc(pixels, centre=(0.8, 0.15), radius=0.06, colour=(255, 252, 230))


def _paint_night(pixels: np.ndarray, rows: np.ndarray, horizon: int) -> None:
    pixels[:horizon] = _gradient((4, 8, 28), (18, 28, 62), rows[:horizon] / rows[horizon])
    pixels[horizon:] = (10, 12, 22)
    stars = np.random.default_rng(7)
    for _ in range(40):
        y, x = stars.integers(0, horizon), stars.integers(0, pixels.shape[1])
        pixels[y, x] = (235, 235, 255)
    _disc(pixels, centre=(0.25, 0.2), radius=0.04, colour=(215, 222, 236))


def _paint_forest(pixels: np.ndarray, rows: np.ndarray, horizon: int) -> None:
    pixels[:] = _gradient((70, 130, 60), (25, 70, 30), rows)
    width = pixels.shape[1]
    for left in range(width // 12, width, width // 6):
        pixels[:, left : left + width // 30] = (80, 55, 35)


def _paint_fog(pixels: np.ndarray, rows: np.ndarray, horizon: int) -> None:
    pixels[:] = _gradient((185, 187, 190), (150, 152, 155), rows)


_PAINTERS = {
    "sunset": _paint_sunset,
    "beach": _paint_beach,
    "night": _paint_night,
    "forest": _paint_forest,
    "fog": _paint_fog,
}


def _gradient(top: RGB, bottom: RGB, position: np.ndarray) -> np.ndarray:
    return np.asarray(top) + (np.asarray(bottom) - np.asarray(top)) * position


def _rescaled(rows: np.ndarray) -> np.ndarray:
    return (rows - rows.min()) / max(float(rows.max() - rows.min()), 1e-9)


def _disc(pixels: np.ndarray, centre: tuple[float, float], radius: float, colour: RGB) -> None:
    height, width = pixels.shape[:2]
    ys, xs = np.ogrid[:height, :width]
    inside = (xs - centre[0] * width) ** 2 + (ys - centre[1] * height) ** 2 <= (radius * width) ** 2
    pixels[inside] = colour


def encoded(image: Image.Image, image_format: str, **params) -> bytes:
    """``image`` saved in ``image_format`` (Pillow's name), as bytes."""
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **params)
    return buffer.getvalue()


def jpeg_photo(
    kind: str = "beach",
    size: PhotoSize = (800, 600),
    *,
    quality: int = 90,
    orientation: int | None = None,
) -> bytes:
    """A JPEG photo of ``kind``; ``orientation`` sets the EXIF Orientation tag."""
    params: dict = {"quality": quality}
    if orientation is not None:
        exif = Image.Exif()
        exif[EXIF_ORIENTATION_TAG] = orientation
        params["exif"] = exif
    return encoded(scene(kind, size), "JPEG", **params)


def photo_as(image_format: str, kind: str = "forest", size: PhotoSize = (640, 480)) -> bytes:
    """A photo of ``kind`` in any format Pillow can write (WEBP, BMP, TIFF, PNG…)."""
    return encoded(scene(kind, size), image_format)


def webp_photo(kind: str = "forest", size: PhotoSize = (640, 480)) -> bytes:
    return photo_as("WEBP", kind, size)


@functools.lru_cache(maxsize=4)
def heic_photo(kind: str = "beach", size: PhotoSize = (640, 480)) -> bytes:
    """A HEIC photo (cached: HEVC encoding is slow); needs pillow-heif."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    return encoded(scene(kind, size), "HEIF", quality=80)


def sideways_jpeg(orientation: int = 6, size: PhotoSize = (300, 200)) -> bytes:
    """Stored left half red, right half blue, with an EXIF Orientation tag.

    Orientation 6 means "rotate 90° clockwise to view": upright, red is on top.
    """
    width, height = size
    image = Image.new("RGB", size, (220, 20, 20))
    image.paste((20, 20, 220), (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[EXIF_ORIENTATION_TAG] = orientation
    return encoded(image, "JPEG", quality=95, exif=exif)


def png_with_alpha(size: PhotoSize = (400, 300), colour: RGB = (200, 20, 20)) -> bytes:
    """Fully transparent except an opaque ``colour`` square in the middle."""
    width, height = size
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((*colour, 255), (width // 4, height // 4, 3 * width // 4, 3 * height // 4))
    return encoded(image, "PNG")


def _frames(colours: tuple[RGB, ...], size: PhotoSize) -> list[Image.Image]:
    return [Image.new("RGB", size, colour) for colour in colours]


def animated_gif(colours: tuple[RGB, ...] = FRAME_COLOURS, size: PhotoSize = (200, 150)) -> bytes:
    """One flat frame per colour; the first frame is ``colours[0]``."""
    first, *rest = _frames(colours, size)
    return encoded(first, "GIF", save_all=True, append_images=rest, duration=100, loop=0)


def animated_webp(colours: tuple[RGB, ...] = FRAME_COLOURS, size: PhotoSize = (200, 150)) -> bytes:
    first, *rest = _frames(colours, size)
    return encoded(first, "WEBP", save_all=True, append_images=rest, duration=100, lossless=True)


def tiny_image(size: PhotoSize = (1, 1)) -> bytes:
    return encoded(Image.new("RGB", size, (128, 128, 128)), "PNG")


def corrupt_jpeg() -> bytes:
    """A real JPEG cut off halfway: the header is fine, the pixels are not."""
    whole = jpeg_photo("beach", (640, 480))
    return whole[: len(whole) // 2]


def pdf_bytes() -> bytes:
    """A minimal valid one-page PDF with a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def huge_dimensions_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A few hundred bytes whose header claims ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    first_rows = zlib.compress(b"\x00" * (1 + 3 * width) * 2)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", first_rows)
        + chunk(b"IEND", b"")
    )


@functools.lru_cache(maxsize=2)
def large_jpeg(min_bytes: int = 30 * 1024 * 1024) -> bytes:
    """A genuine JPEG of coloured noise at least ``min_bytes`` long (cached)."""
    rng = np.random.default_rng(1)
    pixels = max(min_bytes // 3, 10_000)
    while True:
        width = int((pixels * 4 / 3) ** 0.5)
        height = pixels // width
        noise = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
        data = encoded(Image.fromarray(noise, "RGB"), "JPEG", quality=95)
        if len(data) >= min_bytes:
            return data
        pixels = int(pixels * min_bytes / len(data) * 1.05)
