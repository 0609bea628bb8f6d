"""Rap stays out of serene nature and quiet outdoor scenes (recommender/quiet_outdoors.py; issue #11: Gucci Mane's
"Wake Up in the Sky", picked for its title, for a hiker on a summit above the clouds at sunrise); the city, the
street, a party, a skate park, a basketball court and a scene that names rap keep it."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import family_rap, quiet_outdoors

# Dev scenes: main offered "Wake Up in the Sky" to both, in their 5-song answers too.
QUIET_SCENES = ("a hiker standing on a rocky summit above a sea of clouds at sunrise",
                "a quiet lake with a wooden dock at sunrise")
# Where rap may come.
BUSY_SCENES = ("friends playing basketball on an outdoor court", "a skateboarder doing a kickflip at a skatepark",
               "friends partying at a house party at night", "a rap concert with the crowd's hands in the air")


def _rap_titles(recommender, scene: str, count: int) -> list[str]:
    songs = recommender.suggest(scene, songs=count).songs
    assert len(songs) == count
    return [song.title for song in songs if recommender._family_rap[recommender._song_index[song.id]]]


def test_a_quiet_scene_reaches_the_cosine_and_reads_closer_to_it_than_to_busy_cues():
    axes = np.eye(3, dtype=np.float32)
    quiet, busy = axes[:1], axes[1:2]

    def scene(quiet_cosine: float, busy_cosine: float) -> np.ndarray:
        return np.array([quiet_cosine, busy_cosine, 0.0], np.float32)

    start = quiet_outdoors.QUIET_FROM
    assert quiet_outdoors.quiet_outdoors(scene(start + 0.001, 0.0), quiet, busy)
    assert not quiet_outdoors.quiet_outdoors(scene(start - 0.01, 0.0), quiet, busy)
    assert not quiet_outdoors.quiet_outdoors(scene(start + 0.2, start + 0.21), quiet, busy)


@pytest.mark.parametrize("scene", QUIET_SCENES)
def test_no_rap_song_in_a_quiet_nature_scene_even_for_its_title(recommender, scene):
    assert _rap_titles(recommender, scene, 5) == []
    assert _rap_titles(recommender, scene, 40) == []


@pytest.mark.parametrize("scene", BUSY_SCENES)
def test_city_street_party_and_rap_scenes_still_get_rap(recommender, scene):
    assert len(_rap_titles(recommender, scene, 40)) >= 3


def test_the_rule_keeps_every_rap_song_out_of_a_quiet_scene(recommender):
    scene = QUIET_SCENES[0]
    query = recommender._encoder.encode([scene], unpadded=True)[0]
    unfit = recommender._unfit_rap(query, recommender._song_features.occasion_shortfall(query, scene))
    assert unfit is not None and (unfit == family_rap.rap_songs(recommender._index.catalog.genres,
                                                               recommender._index.catalog.artists)).all()
