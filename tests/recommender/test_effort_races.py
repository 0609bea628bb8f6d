"""A race, a finish or a scene of effort gets lively moods and songs with drive; a slow song does not come in for its
title (issue 11, round 26: a mud-covered man crossing an obstacle race's finish line got "lyrical · reflective |
gentle · smooth" and Snow Patrol's slow "The Finish Line"). Quiet or sad sport scenes keep their calm songs. Scenes
here are our own, not the dev ones."""

import pytest

from recommender import effort_songs

RACE_SCENES = ("a muddy runner crossing the finish line of a trail race",
               "a swimmer racing the last length of the pool in a final",
               "kayakers paddling hard to the finish of a race")
QUIET_SPORT_SCENES = ("a runner resting alone on a bench at dusk", "an empty race track at night",
                      "a cyclist sitting alone with his head down after losing the race")


def too_slow(recommender, song) -> bool:
    """Whether a song of an answer is slow or soft by its drive and arousal (effort_songs.too_slow_for_effort)."""
    features, row = recommender._song_features, recommender._song_index[song.id]
    return bool(effort_songs.too_slow_for_effort(features.energy[row:row + 1], features.columns[1][row:row + 1])[0])


@pytest.mark.parametrize("scene", RACE_SCENES)
def test_a_race_gets_no_slow_or_soft_song(recommender, scene):
    songs = recommender.suggest(scene, songs=5).songs
    assert not [song.title for song in songs if too_slow(recommender, song)], [(s.artist, s.title) for s in songs]


def test_a_finish_line_in_a_race_does_not_bring_in_a_slow_song_named_after_it(recommender):
    songs = recommender.suggest("a man covered in mud crossing the finish line of a mud run", songs=5).songs
    assert "The Finish Line" not in [song.title for song in songs]
    assert not [song.title for song in songs if too_slow(recommender, song)], [(s.artist, s.title) for s in songs]


def mood_energy(recommender, labels) -> float:
    """A mood set's mean label energy (MoodGate.label_energy: "gentle · smooth" -1.12, "powerful · energetic" +1.11)."""
    energy, names = recommender._mood_gate.label_energy, recommender._index.labels
    return float(sum(energy[names.index(label)] for label in labels) / len(labels))


@pytest.mark.parametrize("scene", ("a muddy runner crossing the finish line of a trail race",
                                   "a mud-covered woman crossing the finish line of an obstacle race",
                                   "a man covered in mud crossing the finish line of a mud run"))
def test_a_race_reads_lively_in_every_mood(recommender, scene):
    moods = recommender.suggest(scene).moods
    assert all(mood_energy(recommender, mood.labels) > 0 for mood in moods), [mood.labels for mood in moods]


@pytest.mark.parametrize("scene", QUIET_SPORT_SCENES)
def test_a_quiet_or_sad_sport_scene_keeps_its_calm_songs(recommender, scene):
    songs = recommender.suggest(scene, songs=5).songs
    assert any(too_slow(recommender, song) for song in songs), [(s.artist, s.title) for s in songs]
