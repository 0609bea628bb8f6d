"""Titles of hell, killing, weapons and death stay out of scenes that are not about them, a title that matches the
scene's words included (recommender/dark_titles.py; issue #11: Nirvana's "Lake Of Fire" by a quiet lake, "Straight
to Hell" at a 40th birthday, "KILL4ME" for rugby); a graveyard, a funeral or a haunted house keeps them."""

from __future__ import annotations

import numpy as np
import pytest

from recommender import dark_titles

# Dev scenes: main offered Nirvana's "Lake Of Fire" to each of them, in their 5-song answers, for its "lake".
LAKE_SCENES = ("a quiet lake with a wooden dock at sunrise", "a foggy mountain lake at sunrise with a wooden canoe",
               "a family camping in a tent by a lake", "a campfire on a lakeshore under the stars")


def _dark_offered(recommender, scene: str, count: int) -> list[str]:
    songs = recommender.suggest(scene, songs=count).songs
    assert len(songs) == count
    return [song.title for song in songs if recommender._dark_titles[recommender._song_index[song.id]]]


def test_a_title_is_dark_by_its_contrast_of_dark_over_light_topics():
    axes = np.eye(3, dtype=np.float32)
    dark, light = axes[:1], axes[1:2]

    def title(dark_cosine: float, light_cosine: float) -> np.ndarray:
        return np.array([dark_cosine, light_cosine, 0.0], np.float32)

    start, share = dark_titles.DARK_TITLE_FROM, dark_titles.LIGHT_SHARE
    themes = np.stack([title(start + 0.01, 0.0), title(start - 0.01, 0.0), title(start + 0.2, 0.4 / share)])
    assert dark_titles.dark_titles(themes, dark, light).tolist() == [True, False, False]


@pytest.mark.parametrize("scene", LAKE_SCENES)
def test_lake_of_fire_no_longer_comes_to_a_lake_for_its_title(recommender, scene):
    assert "Lake Of Fire" not in [song.title for song in recommender.suggest(scene, songs=5).songs]
    assert _dark_offered(recommender, scene, 40) == []


def test_the_titles_judges_named_read_dark_and_everyday_ones_do_not(recommender):
    titles = np.asarray(recommender._shown_titles, object)

    def dark(title: str) -> bool:
        songs = np.flatnonzero(titles == title)
        assert len(songs)
        return bool(recommender._dark_titles[songs].all())

    for title in ("Lake Of Fire", "Straight to Hell", "Forward To Death", "KILL4ME"):
        assert dark(title), title
    for title in ("Fire", "Heaven", "Alive", "Stayin' Alive", "Lake Michigan", "Shooting Star"):
        assert not dark(title), title


def test_a_haunted_house_and_a_graveyard_keep_dark_titles(recommender):
    assert _dark_offered(recommender, "a haunted house decorated with cobwebs and skeletons", 40)
    query = recommender._encoder.encode(["a funeral with people in black holding white roses"], unpadded=True)[0]
    assert recommender._scene_reading(query).dark
