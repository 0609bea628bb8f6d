"""read_colours: a mood from colours alone, on the recommender's affect scale."""

import numpy as np
import pytest

from bot.reading.colours import AFFECT_LIMIT, hasler_susstrunk_colourfulness, read_colours
from bot.reading.photos import prepare_photo
from tests.fakes import photos


def reading_of(kind: str):
    return read_colours(prepare_photo(photos.jpeg_photo(kind)).thumbnail)


def flat(colour: tuple[int, int, int], size: int = 32) -> np.ndarray:
    return np.full((size, size, 3), colour, dtype=np.uint8)


def test_a_warm_sunset_reads_happier_and_livelier_than_a_cold_night():
    sunset, night = reading_of("sunset"), reading_of("night")

    assert sunset.valence > night.valence + 1.0
    assert sunset.arousal > night.arousal + 1.0
    assert sunset.brightness > night.brightness
    assert sunset.warmth > 0 > night.warmth


def test_descriptions_name_what_the_colours_show():
    sunset, night = reading_of("sunset").description, reading_of("night").description

    assert sunset == "a bright, warm, vivid photo"
    assert night.startswith(("a dark,", "a dim,"))
    assert "cool" in night and "muted" in night


def test_a_grey_scene_is_described_as_monochrome_and_calm():
    fog = reading_of("fog")

    assert "monochrome" in fog.description
    assert "warm" not in fog.description and "cool" not in fog.description
    assert fog.arousal < reading_of("beach").arousal - 1.0


@pytest.mark.parametrize(
    "pixels",
    [
        flat((0, 0, 0)),
        flat((255, 255, 255)),
        flat((255, 0, 0)),
        flat((0, 0, 255)),
        np.random.default_rng(3).integers(0, 256, (64, 64, 3), dtype=np.uint8),
    ],
    ids=["black", "white", "red", "blue", "noise"],
)
def test_affect_stays_within_the_recommenders_scale(pixels):
    reading = read_colours(pixels)

    assert -AFFECT_LIMIT < reading.valence < AFFECT_LIMIT
    assert -AFFECT_LIMIT < reading.arousal < AFFECT_LIMIT
    for measure in (
        reading.brightness,
        reading.saturation,
        reading.colourfulness,
        reading.contrast,
    ):
        assert 0.0 <= measure <= 1.0
    assert -1.0 <= reading.warmth <= 1.0


def test_raw_measures_on_flat_colours():
    white, black = read_colours(flat((255, 255, 255))), read_colours(flat((0, 0, 0)))
    red, blue = read_colours(flat((255, 0, 0))), read_colours(flat((0, 0, 255)))

    assert (white.brightness, black.brightness) == pytest.approx((1.0, 0.0))
    assert (red.warmth, blue.warmth) == pytest.approx((1.0, -1.0))
    assert (red.saturation, white.saturation) == pytest.approx((1.0, 0.0))
    assert white.contrast == pytest.approx(0.0)


def test_brighter_means_higher_valence_all_else_equal():
    darker, lighter = read_colours(flat((60, 60, 60))), read_colours(flat((200, 200, 200)))

    assert lighter.valence > darker.valence
    assert lighter.arousal == pytest.approx(darker.arousal)


def test_hasler_susstrunk_colourfulness_matches_a_hand_computed_value():
    half_red_half_blue = np.concatenate([flat((255, 0, 0)), flat((0, 0, 255))])
    # rg = R - G is 255 or 0: mean 127.5, std 127.5
    # yb = (R + G)/2 - B is 127.5 or -255: mean -63.75, std 191.25
    expected = np.hypot(127.5, 191.25) + 0.3 * np.hypot(127.5, 63.75)

    assert hasler_susstrunk_colourfulness(half_red_half_blue) == pytest.approx(expected)
    assert hasler_susstrunk_colourfulness(flat((90, 90, 90))) == pytest.approx(0.0)
