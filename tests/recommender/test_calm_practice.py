"""A calm practice (yoga, tai chi, stretching) gets calm songs (issue 11, sixth round): the
title-learnt energy reading takes a yoga class for a workout, which let rap and dance songs lead it."""

import numpy as np

from recommender.songscore import CALM_PRACTICE_ENERGY, calmed_energy

CALM_PRACTICES = ["a yoga class in a bright studio", "a woman stretching on a yoga mat at sunrise"]
WORKOUTS = ["a man lifting a barbell in a gym", "a crossfit workout", "an aerobics class with loud music",
            "a boxer hitting a punching bag in a gym", "a zumba class", "a dance class in a studio"]


def test_a_calm_practice_is_read_at_calm_energy_and_a_calmer_scene_keeps_its_own():
    assert calmed_energy(2.0, 1.0) == CALM_PRACTICE_ENERGY
    assert calmed_energy(2.0, 0.0) == 2.0
    assert calmed_energy(2.0, 0.5) == (2.0 + CALM_PRACTICE_ENERGY) / 2
    assert calmed_energy(-1.8, 1.0) == -1.8, "a quiet lake is not made livelier"


def test_yoga_reads_as_calm_practice_and_a_workout_does_not(recommender):
    features = recommender._song_features
    for text, query in zip(CALM_PRACTICES, recommender._encoder.encode(CALM_PRACTICES, unpadded=True)):
        assert features.calm_practice(query) > 0.9, text
    for text, query in zip(WORKOUTS, recommender._encoder.encode(WORKOUTS, unpadded=True)):
        assert features.calm_practice(query) == 0.0, text


def test_a_yoga_class_gets_no_rap_and_calmer_songs_than_a_gym(recommender):
    features, row = recommender._song_features, recommender._song_index
    yoga, gym = recommender.suggest_many(["a yoga class in a bright studio", "a man lifting a barbell in a gym"])
    yoga_songs = [row[song.id] for song in yoga.songs]
    assert max(features.rapped[yoga_songs]) < 0.5, [(s.artist, s.title) for s in yoga.songs]
    drive = lambda answer: np.mean([features.energy[row[song.id]] for song in answer.songs  # noqa: E731
                                    if features.known_energy[0][row[song.id]]])
    assert drive(yoga) < 0.0 < drive(gym), (drive(yoga), drive(gym))
