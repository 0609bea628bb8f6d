"""Beside anyone asleep, calm songs and none about lying awake (session 13): "No Sleep" and "Insomnia" came
to a cat asleep on books, dogs asleep by a fire, a man asleep on a train (recommender/explicit.py,
SLEEPLESS_WORDS), and a sleeping pet got "Take Me Out" and "Do Me": songscore's stillness hears babies,
MoodGate.at_rest any sleeper, and the songs now take the larger."""

from __future__ import annotations

import pytest

import numpy as np

from recommender.explicit import SLEEPLESS_WORDS, titles_matching
from tests.support.answers import offered_titles

# Dev scenes whose answers carried such a title before the rule.
SLEEPERS = ("a cat asleep on a stack of books", "a man asleep on a train with headphones on",
            "a dog asleep by a radiator on a winter afternoon", "a toddler asleep in a stroller in the shade")


def test_titles_about_lying_awake_are_caught_and_sleep_and_dreams_pass():
    assert titles_matching(SLEEPLESS_WORDS, ["No Sleep", "Insomnia", "Sleepless Nights", "Wake Me Up", "Up All Night",
                                             "Can't Sleep Love"]).all()
    assert not titles_matching(SLEEPLESS_WORDS, ["Sweet Dreams", "Sing Me to Sleep", "Lullaby", "Dreams",
                                                 "Golden Slumbers"]).any()


@pytest.mark.parametrize("scene", SLEEPERS)
def test_no_sleepless_title_among_many_songs_beside_a_sleeper(recommender, scene):
    titles = offered_titles(recommender, scene, 40)
    assert not [title for title in titles if SLEEPLESS_WORDS.search(title)]


def test_a_night_awake_may_still_get_them(recommender):
    # The guard is the sleeper's: a student cramming through the night still hears them.
    titles = offered_titles(recommender, "a student studying all night before an exam", 80)
    assert [title for title in titles if SLEEPLESS_WORDS.search(title)]


# Dev scenes of sleepers songscore's stillness does not hear (0.00-0.06): before, their answers' songs were
# 0.67-0.76 electric on average (a sleeping newborn's 0.35) and their mean arousal -0.40 to -0.91.
SLEEPING_PETS = ("a dog asleep next to a fireplace", "a cat asleep on a stack of books",
                 "an old man asleep in an armchair with a newspaper", "a cat sleeping on a sofa in the sun")


@pytest.mark.parametrize("scene", SLEEPING_PETS)
def test_a_sleeping_pet_gets_songs_as_calm_as_a_sleeping_babys(recommender, scene):
    features = recommender._song_features
    position = {song_id: i for i, song_id in enumerate(recommender._index.catalog.song_ids)}
    songs = recommender.suggest(scene, songs=8).songs
    electric = float(np.mean([features.electric[position[song.id]] for song in songs]))
    assert electric <= 0.5, [(song.artist, song.title) for song in songs]
    assert float(np.mean([song.arousal for song in songs])) <= -0.7, [(song.artist, song.title) for song in songs]
