"""Songs about sex or seduction stay out of family scenes (recommender/seduction.py; session 22's blind judges:
"Your Body Is a Wonderland" at a baby shower and a unicorn birthday, "Let's Get It On" at a Diwali celebration)."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import seduction
from tests.support.answers import offered_titles

# Family scenes that carried such a title before the rule ("Your Body Is a Wonderland" in all but the first, session
# 22's dev answers), and a baby shower whose words call one up ("Body 2 Body").
FAMILY_SCENES = ("a baby shower celebrating a pregnant mother's body", "a family riding the carousel at a fair",
                 "a graduation ceremony with caps thrown in the air", "a birthday picnic with balloons tied to a tree",
                 "two old friends hugging at an airport arrivals gate",
                 "a grandmother's 80th birthday dinner with the whole family",
                 "a little girl blowing out candles on a unicorn birthday cake",
                 "a family eating dinner together at a long table in the garden")
# Scenes of a couple keep them.
COUPLE_SCENES = ("a candlelit dinner for two at a restaurant", "a couple kissing under the eiffel tower")


def test_a_title_counts_from_its_cues_own_cosine():
    froms = np.array([start for _, start in seduction.SEDUCTION_CUES], np.float32)
    cosines = np.tile(froms - 0.01, (3, 1))
    cosines[1, 1] = froms[1]  # one cue reached is enough
    cosines[2, 2] = froms[1]  # "your body"'s cosine is short of "make love to me"'s
    assert froms[1] < froms[2]
    assert seduction.seductive_titles(cosines).tolist() == [False, True, False]


def test_a_family_scene_must_read_closer_to_family_than_to_adults():
    family, adult = np.eye(3, dtype=np.float32)[:1], np.eye(3, dtype=np.float32)[1:2]
    near = seduction.FAMILY_FROM + 0.05
    assert seduction.family_scene(np.array([near, 0.0, 0.0], np.float32), family, adult)
    assert not seduction.family_scene(np.array([near, near + 0.01, 0.0], np.float32), family, adult)
    assert not seduction.family_scene(np.array([seduction.FAMILY_FROM - 0.01, 0.0, 0.0], np.float32), family, adult)


def _titles_of(recommender, flags) -> set[str]:
    return {str(title) for title in np.asarray(recommender._shown_titles)[flags]}


def test_the_judged_titles_read_as_seduction_and_love_songs_do_not(recommender):
    seductive = _titles_of(recommender, recommender._seductive)
    assert {"Your Body Is a Wonderland", "Let's Get It On", "I'll Make Love To You", "Talk Dirty"} <= seductive
    assert not seductive & {"Lover", "Crazy In Love", "Lose You To Love Me", "Tonight Tonight", "Perfect", "Kiss Me",
                            "I Want To Hold Your Hand", "Thinking out Loud", "Love Story", "Let Me Love You"}


@pytest.mark.parametrize("scene", FAMILY_SCENES)
def test_no_seduction_song_in_a_family_scene(recommender, scene):
    seductive = _titles_of(recommender, recommender._seductive)
    assert not set(offered_titles(recommender, scene, 40)) & seductive


@pytest.mark.parametrize("scene", COUPLE_SCENES)
def test_a_couple_still_may_get_one(recommender, scene):
    seductive = _titles_of(recommender, recommender._seductive)
    assert set(offered_titles(recommender, scene, 40)) & seductive
