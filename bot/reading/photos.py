"""Turn whatever a user sent into a JPEG that Azure AI Vision accepts, or say why not.

Azure takes 50 to 16,000 px per side and under 4 MB (Image Analysis 3.2; 4.0 allows
20 MB), so every accepted photo is decoded, turned upright, flattened to RGB,
shrunk to at most ``max_side`` and re-encoded. Re-encoding also drops EXIF, so a
photo's location never leaves the bot. CPU-bound: call it through
``asyncio.to_thread``.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from recommender.photo_model import VIEW_SIDE, view_of

from ..errors import PhotoError, PhotoProblem

try:
    import pillow_heif
except ImportError:  # HEIC/HEIF photos are then refused as UNSUPPORTED
    pillow_heif = None
else:
    pillow_heif.register_heif_opener()

AZURE_MIN_SIDE = 50
DEFAULT_MAX_SIDE = 1600
DEFAULT_MAX_BYTES = 4_000_000
DEFAULT_MAX_PIXELS = 50_000_000
# Decoding costs width x height x bytes per pixel at once (PNG, WebP, GIF have no reduced decoding),
# so beyond the pixel cap a decode must fit this many bytes: a 7000x7000 RGBA PNG (196 MB) does.
MAX_DECODE_BYTES = 200_000_000
STRIP_ROWS = 64  # output rows reduced at a time
REDUCIBLE_MODES = frozenset({"L", "LA", "RGB", "RGBA", "RGBa", "La", "I", "F", "I;16"})
THUMBNAIL_SIDE = 128
JPEG_QUALITIES = (85, 70, 55)

_DECODE_FAILURES = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error)


@dataclass(frozen=True)
class PreparedPhoto:
    """An upright RGB JPEG ready for Azure, plus what the readers on this device look at.

    ``model_view`` is the (h, w, 3) uint8 view the on-device image model reads, short side
    ``VIEW_SIDE`` (recommender.photo_model.view_of); ``thumbnail`` a read-only uint8 array of
    shape (h, w, 3), longest side at most ``THUMBNAIL_SIDE``, for the colour reading — made from
    the view only when asked for: the colours are read only when the model cannot run.
    """

    jpeg: bytes = field(repr=False)
    width: int
    height: int
    model_view: np.ndarray = field(repr=False, compare=False)
    was_animated: bool = False

    @cached_property
    def thumbnail(self) -> np.ndarray:
        return _thumbnail_pixels(self.model_view)


def prepare_photo(
    data: bytes,
    *,
    max_side: int = DEFAULT_MAX_SIDE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
) -> PreparedPhoto:
    """Decode ``data`` (first frame if animated) into a :class:`PreparedPhoto`.

    ``max_pixels`` guards memory: it is checked on the header before decoding
    (after JPEG's cheap DCT downscaling, so a 108 MP phone JPEG still passes).
    Raises :class:`PhotoError` for anything that cannot become such a photo.
    """
    image = _open(data)
    with image:
        if min(image.size) < AZURE_MIN_SIDE:
            raise PhotoError(PhotoProblem.TOO_SMALL, f"{image.width}x{image.height}")
        if _sendable_as_is(image, data, max_side, max_bytes):
            return _as_is(image, data)
        was_animated = bool(getattr(image, "is_animated", False))
        if image.format == "JPEG":
            image.draft("RGB", _fitted_size(image.size, max_side))
        if image.width * image.height > max_pixels or _full_decode_bytes(image) > MAX_DECODE_BYTES:
            raise PhotoError(PhotoProblem.TOO_LARGE, f"{image.width}x{image.height} {image.mode}")
        upright = _decoded_upright(image, max_side)
    rgb = _resized(_flattened_rgb(upright), max_side)
    jpeg, rgb = _encoded_within(rgb, max_bytes)
    view = view_of(rgb)
    return PreparedPhoto(
        jpeg=jpeg,
        width=rgb.width,
        height=rgb.height,
        model_view=view,
        was_animated=was_animated,
    )


def _sendable_as_is(image: Image.Image, data: bytes, max_side: int, max_bytes: int) -> bool:
    """A plain JPEG within the limits, with no EXIF (so no orientation to apply, no GPS to strip):
    what Telegram's own photos are. Sending it unchanged saves a full decode and re-encode."""
    return (image.format == "JPEG" and len(data) <= max_bytes and max(image.size) <= max_side
            and not image.info.get("exif") and image.mode in ("RGB", "L"))


def _as_is(image: Image.Image, data: bytes) -> PreparedPhoto:
    """The original bytes, with the model's view from JPEG's cheap reduced-size
    (DCT) decoding, just large enough for the model's view."""
    width, height = image.size
    image.draft("RGB", (VIEW_SIDE, VIEW_SIDE))
    try:
        image.load()
    except _DECODE_FAILURES as error:
        raise PhotoError(PhotoProblem.CORRUPT, str(error)) from None
    view = view_of(image if image.mode == "RGB" else image.convert("RGB"))
    return PreparedPhoto(jpeg=data, width=width, height=height, model_view=view)


def _open(data: bytes) -> Image.Image:
    try:
        return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise PhotoError(PhotoProblem.TOO_LARGE, str(error)) from None
    except UnidentifiedImageError:
        raise PhotoError(_unreadable_problem(data)) from None
    except _DECODE_FAILURES as error:
        raise PhotoError(PhotoProblem.CORRUPT, str(error)) from None


def decode_cost(data: bytes, max_side: int = DEFAULT_MAX_SIDE) -> int:
    """Bytes the largest picture in memory takes while `data` is prepared, read from the header only
    (JPEG after its reduced-size decoding); 0 when the header cannot be read (the decode will say why)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format == "JPEG":
                image.draft("RGB", _fitted_size(image.size, max_side))
            return _full_decode_bytes(image)
    except Exception:  # noqa: BLE001 - any unreadable header costs nothing here
        return 0


def _full_decode_bytes(image: Image.Image) -> int:
    """Width x height x the widest of the decoded mode and the RGB(A) it is turned into."""
    bands = max(len(image.getbands()), 4 if "A" in image.mode or image.mode == "P" else 3)
    return image.width * image.height * bands


def _decoded_upright(image: Image.Image, max_side: int) -> Image.Image:
    """Decoded, at once cut down by a whole factor to about the size the readers need (so the full
    decode is freed before anything else is allocated), then turned upright."""
    try:
        image.load()
        return ImageOps.exif_transpose(_reduced(image, max_side))
    except Image.DecompressionBombError as error:
        raise PhotoError(PhotoProblem.TOO_LARGE, str(error)) from None
    except _DECODE_FAILURES as error:
        raise PhotoError(PhotoProblem.CORRUPT, str(error)) from None


def _unreadable_problem(data: bytes) -> PhotoProblem:
    """Tell a broken image from a format we lack a decoder for and from non-images."""
    image_format = _announced_format(data)
    if image_format is None:
        return PhotoProblem.NOT_AN_IMAGE
    if image_format in Image.OPEN:
        return PhotoProblem.CORRUPT
    return PhotoProblem.UNSUPPORTED


def _announced_format(data: bytes) -> str | None:
    """The image format the leading bytes announce (Pillow's name), or None."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"BM"):
        return "BMP"
    if head.startswith(b"\xff\x0a") or head.startswith(b"\x00\x00\x00\x0cJXL \r\n\x87\n"):
        return "JPEG XL"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"avif", b"avis"):
            return "AVIF"
        if brand in (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"):
            return "HEIF"
    if b"<svg" in data[:1024].lower():
        return "SVG"
    return None


def _fitted_size(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """The size ``size`` shrinks to so its longest side is at most ``max_side``.

    The short side never drops below Azure's minimum, even for panoramas.
    """
    width, height = size
    scale = min(1.0, max_side / max(width, height))
    scale = max(scale, min(1.0, AZURE_MIN_SIDE / min(width, height)))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _reduced(image: Image.Image, max_side: int) -> Image.Image:
    """Box-averaged by the largest whole factor that keeps the longest side >= max_side and the shortest
    >= Azure's minimum (palette images, which cannot be averaged, by nearest pixel)."""
    factor = min(max(image.size) // max_side, min(image.size) // AZURE_MIN_SIDE)
    if factor < 2:
        return image
    if image.mode in ("RGBA", "LA"):
        return _reduced_in_strips(image, factor)
    if image.mode in REDUCIBLE_MODES:
        return image.reduce(factor)
    return image.resize((image.width // factor, image.height // factor), Image.Resampling.NEAREST)


def _reduced_in_strips(image: Image.Image, factor: int) -> Image.Image:
    """Image.reduce premultiplies alpha through a full-size copy (another 196 MB for 7000x7000 RGBA);
    strip by strip, the copies stay a few megabytes."""
    width, height = image.width // factor, image.height // factor
    reduced = Image.new(image.mode, (width, height))
    step = factor * STRIP_ROWS
    for top in range(0, height * factor, step):
        strip = image.crop((0, top, width * factor, min(top + step, height * factor)))
        reduced.paste(strip.reduce(factor), (0, top // factor))
    return reduced


def _flattened_rgb(image: Image.Image) -> Image.Image:
    """RGB with any transparency laid on white, as a viewer would show it."""
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
    if has_alpha:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def _resized(image: Image.Image, max_side: int) -> Image.Image:
    size = _fitted_size(image.size, max_side)
    if size == image.size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encoded_within(image: Image.Image, max_bytes: int) -> tuple[bytes, Image.Image]:
    """JPEG bytes no larger than ``max_bytes``: lower quality first, then fewer pixels."""
    while True:
        for quality in JPEG_QUALITIES:
            jpeg = _jpeg_bytes(image, quality)
            if len(jpeg) <= max_bytes:
                return jpeg, image
        smaller = (round(image.width * 0.7), round(image.height * 0.7))
        if min(smaller) < AZURE_MIN_SIDE:
            raise PhotoError(PhotoProblem.TOO_LARGE, f"cannot fit in {max_bytes} bytes")
        image = image.resize(smaller, Image.Resampling.LANCZOS)


def _jpeg_bytes(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def _thumbnail_pixels(view: np.ndarray) -> np.ndarray:
    """From the model's view, already small: cheaper than from the decoded photo."""
    thumbnail = Image.fromarray(view)  # a copy: shrinking it leaves the view as it is
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.BILINEAR)
    pixels = np.asarray(thumbnail, dtype=np.uint8).copy()
    pixels.setflags(write=False)
    return pixels
