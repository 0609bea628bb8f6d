"""Playful chaos (a water, pillow, snowball or food fight) and contact sport in action (a rugby scrum, hockey checks,
judo or karate sparring) get lively moods and songs with drive (issue 11, held-out round 27: strangers drenching each
other with water guns at Songkran got "soothing · peaceful | romantic · calm", a rugby scrum "bittersweet · tender").
Quiet or sad versions of the same scenes keep their calm songs. Scenes here are our own, not the dev ones."""

import pytest

from tests.recommender.test_effort_races import mood_energy, too_slow

LIVELY_SCENES = ("kids having a pillow fight in a hotel room",
                 "a food fight breaking out in a school cafeteria",
                 "two hockey players crashing into the boards chasing the puck",
                 "judo fighters throwing each other on the mat",
                 "a rugby player diving over the line to score a try")
QUIET_SCENES = ("an injured rugby player sitting on the sideline with an ice pack",
                "an empty rugby pitch in the rain",
                "a wrestler sitting alone in the locker room after losing",
                "a quiet hotel room with pillows piled on the bed")


@pytest.mark.parametrize("scene", LIVELY_SCENES)
def test_playful_chaos_and_contact_sport_get_no_slow_or_soft_song(recommender, scene):
    songs = recommender.suggest(scene, songs=5).songs
    assert not [song.title for song in songs if too_slow(recommender, song)], [(s.artist, s.title) for s in songs]


@pytest.mark.parametrize("scene", LIVELY_SCENES)
def test_playful_chaos_and_contact_sport_read_lively_in_their_moods(recommender, scene):
    moods = recommender.suggest(scene).moods
    energy = sum(mood_energy(recommender, mood.labels) for mood in moods) / len(moods)
    assert energy > 0.3, [mood.labels for mood in moods]


@pytest.mark.parametrize("scene", QUIET_SCENES)
def test_a_quiet_or_sad_version_keeps_its_calm_songs(recommender, scene):
    songs = recommender.suggest(scene, songs=5).songs
    assert any(too_slow(recommender, song) for song in songs), [(s.artist, s.title) for s in songs]
