"""Round-13 mood rules with the real recommender over data/, on scenes no scene file lists: a workout
carries drive and no music-manner label ("sophisticated" at a deadlift), a wedding dance romance, a storm
drama, a tropical beach summer heat, a neon night the night, a cozy room warmth; round 14's: fighters before a
bout drive, a proposal romance, a first home warmth, an abandoned place desolation."""

from __future__ import annotations

import numpy as np

from recommender.moodpicking import KEY_CUES, KEY_FEELINGS, MANNER, MoodGate
from recommender.scoring import Combinations

DRIVE, LOVE, STORM, SUMMER, NIGHT, _, _, COZY, HOME, DESOLATION, _, _ = (family for family, _ in KEY_FEELINGS[3:])


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_a_workout_carries_drive_and_no_music_manner(recommender):
    for answer in recommender.suggest_many(["a woman deadlifting a loaded barbell in a fitness center",
                                            "a man bench pressing in a crowded gym"]):
        assert set(DRIVE) & set(answer.moods[0].labels), answer.moods
        assert not set(MANNER) & labels_of(answer), answer.moods


def test_a_wedding_dance_leads_with_romance(recommender):
    for answer in recommender.suggest_many(["two grooms sharing their first dance at the wedding",
                                            "newlyweds swaying on the dance floor"]):
        assert set(LOVE) & set(answer.moods[0].labels), answer.moods
        assert not {"humorous", "jovial"} & labels_of(answer), answer.moods


def test_a_storm_is_dramatic_and_a_neon_night_nocturnal(recommender):
    storm, night = recommender.suggest_many(["lightning striking over a stormy ocean at night",
                                             "a neon-lit alley in the rain at night"])
    assert set(STORM) & set(storm.moods[0].labels), storm.moods
    assert set(NIGHT) & set(night.moods[0].labels), night.moods
    assert not {"calm", "soft"} & labels_of(night), night.moods


def test_a_tropical_beach_feels_like_summer(recommender):
    answer = recommender.suggest("a palm-fringed tropical beach under a blazing sun")
    assert set(SUMMER) & set(answer.moods[0].labels), answer.moods


def test_fighters_before_a_bout_carry_drive_not_tenderness(recommender):
    for answer in recommender.suggest_many(["a boxer in his corner of the ring waiting for the bell",
                                            "a wrestler taping his wrists in the locker room before a match"]):
        assert set(DRIVE) & set(answer.moods[0].labels), answer.moods
        assert not {"delicate", "tender", "peaceful", "soft", "gentle"} & labels_of(answer), answer.moods


def test_a_proposal_leads_with_romance(recommender):
    answer = recommender.suggest("a man kneeling with a ring on a beach at sunset")
    assert set(LOVE) & set(answer.moods[0].labels), answer.moods
    assert not {"laid-back", "meditative", "introspective"} & labels_of(answer), answer.moods


def test_a_first_home_feels_warm(recommender):
    answer = recommender.suggest("a couple carrying boxes into their new apartment")
    assert set(HOME) & set(answer.moods[0].labels), answer.moods
    assert not {"insular", "searching", "stylish"} & labels_of(answer), answer.moods


def test_an_abandoned_fairground_is_desolate_not_playful(recommender):
    answer = recommender.suggest("an abandoned amusement park, rusted and overgrown")
    assert set(DESOLATION) & set(answer.moods[0].labels), answer.moods
    assert not {"boisterous", "rollicking", "carefree", "freewheeling", "jovial", "playful"} & labels_of(answer), \
        answer.moods


def test_a_key_feeling_waives_its_own_labels_support():
    """A storm in view lets "ominous" (a dark label, support 0.26) in at a cosine under its bar."""
    labels = ["ominous", "calm"]
    combinations = Combinations.from_sets([[0], [1]])
    cues = np.eye(len(KEY_CUES), dtype=np.float32)  # one axis per cue
    gate = MoodGate.of(labels, np.zeros((2, 2), np.float32), combinations, key_cues=cues)
    storm = cues[KEY_CUES.index(KEY_FEELINGS[5][1][0])][None, :]
    quiet = np.zeros_like(storm)
    similarities = np.array([[0.1, 0.1]], np.float32)
    scores, affect = np.zeros((1, 2), np.float32), np.zeros((1, 2), np.float32)
    shown = gate.adjusted(scores, similarities, affect, embeddings=storm)
    unseen = gate.adjusted(scores, similarities, affect, embeddings=quiet)
    assert unseen[0, 0] < unseen[0, 1]  # "ominous" under its bar loses
    assert shown[0, 0] > shown[0, 1]  # with the storm in view it wins (and gains the key lift)


def test_a_cozy_room_feels_warm(recommender):
    cozy = recommender.suggest("a chalet living room with a roaring fire and wool blankets")
    assert set(COZY) & set(cozy.moods[0].labels), cozy.moods
    assert "warm" in labels_of(cozy), cozy.moods  # a topical label its scene calls for
