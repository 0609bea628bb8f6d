"""Songs about drinking stay out of children's scenes (recommender/drinking.py; session 22's held-out judges:
P!nk's "Raise Your Glass" leading children's birthdays as their celebration song)."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import drinking
from tests.support.answers import offered_titles

# Children's scenes that had "Raise Your Glass" in 40 songs without the rule (the birthday first, main's dev answer).
CHILD_SCENES = ("a little boy with a paper crown at his seventh birthday party",
                "a mother holding her child's hand on the first day of school", "a mother holding her baby's hand")
# Grown-ups drinking keep them.
DRINKING_SCENES = ("friends drinking shots at a bar at night", "friends toasting with champagne at a rooftop party")


def test_a_title_counts_from_its_cues_own_cosine():
    froms = np.array([start for _, start in drinking.DRINKING_CUES], np.float32)
    cosines = np.tile(froms - 0.01, (2, 1))
    cosines[1, 3] = froms[3]
    assert drinking.drinking_titles(cosines).tolist() == [False, True]


def test_a_childrens_scene_reaches_a_cues_own_cosine_and_reads_closer_to_children_than_to_adults():
    count = len(drinking.CHILD_CUES)
    axes = np.eye(count + 2, dtype=np.float32)
    child, adult = axes[:count], axes[count:count + 1]
    froms = [start for _, start in drinking.CHILD_CUES]
    last = count - 1  # the candles, from a higher cosine than "a baby"
    assert froms[last] > froms[0]

    def scene(cue: int, cosine: float, adult_cosine: float = 0.0) -> np.ndarray:
        query = np.zeros(count + 2, np.float32)
        query[cue], query[count] = cosine, adult_cosine
        return query

    assert drinking.children_scene(scene(0, froms[0]), child, adult)
    assert not drinking.children_scene(scene(0, froms[0] - 0.01), child, adult)
    assert not drinking.children_scene(scene(last, froms[0]), child, adult)  # "a baby"'s cosine is short of the candles'
    assert drinking.children_scene(scene(last, froms[last]), child, adult)
    assert not drinking.children_scene(scene(last, froms[last], froms[last] + 0.01), child, adult)


def _titles_of(recommender, flags) -> set[str]:
    return {str(title) for title in np.asarray(recommender._shown_titles)[flags]}


def test_drinking_titles_read_as_drinking_and_party_titles_do_not(recommender):
    drinks = _titles_of(recommender, recommender._drinking)
    assert {"Raise Your Glass", "Tequila", "Tennessee Whiskey", "Hangover", "Drunk"} <= drinks
    assert not drinks & {"Cake By The Ocean", "Get the Party Started", "Party In The U.S.A.", "Sugar",
                         "Dancing Queen", "Happy", "Celebrate"}


@pytest.mark.parametrize("scene", CHILD_SCENES)
def test_no_drinking_song_in_a_childrens_scene(recommender, scene):
    drinks = _titles_of(recommender, recommender._drinking)
    assert not set(offered_titles(recommender, scene, 40)) & drinks


@pytest.mark.parametrize("scene", DRINKING_SCENES)
def test_grown_ups_drinking_still_may_get_one(recommender, scene):
    drinks = _titles_of(recommender, recommender._drinking)
    assert set(offered_titles(recommender, scene, 40)) & drinks
