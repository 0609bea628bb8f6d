"""Every error a user can hear about names a sentence the bot has in each of its languages."""

import pytest

from bot.errors import (
    PhotoError,
    PhotoProblem,
    PreviewError,
    PreviewProblem,
    Refused,
    StoreUnavailable,
    StorytuneError,
    VisionError,
    VisionProblem,
)
from bot.views.texts import LANGUAGES, TEXTS

ERRORS = [StorytuneError(), StoreUnavailable("down"), VisionError(VisionProblem.UNAVAILABLE, "down"),
          *(PhotoError(kind) for kind in PhotoProblem), *(PreviewError(kind, "x") for kind in PreviewProblem),
          *(Refused(key) for key in ("too_big", "download_failed", "video", "send_photo"))]  # as downloads.py raises


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: f"{type(error).__name__}-{error.key}")
def test_each_error_names_a_sentence_in_every_language(error):
    assert set(LANGUAGES) <= set(TEXTS[error.key])


def test_a_photo_over_the_pixel_cap_and_a_song_without_preview_are_told_apart_from_other_failures():
    assert PhotoError(PhotoProblem.TOO_LARGE).key == "too_many_pixels"
    assert PreviewError(PreviewProblem.NOT_FOUND, "x").key == "no_preview"
    assert PreviewError(PreviewProblem.UNAVAILABLE, "x").key == "preview_unavailable"
