"""Real photos people rated, from OASIS (Kurdi, Lozano & Banaji 2017), found the way the build finds them."""

from __future__ import annotations

import functools
from pathlib import Path

from recommender.oasis import OasisPhotos, oasis_dir, read_oasis

REPO = Path(__file__).resolve().parents[2]


@functools.cache
def oasis() -> OasisPhotos:
    return read_oasis(oasis_dir(None, REPO / "data" / "downloads"))


def oasis_path(theme: str) -> Path:
    """The photo OASIS names `theme` ("Beach 1")."""
    photos = oasis()
    return photos.paths[photos.themes.index(theme)]


def oasis_bytes(theme: str) -> bytes:
    return oasis_path(theme).read_bytes()
