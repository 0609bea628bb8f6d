"""Round-12 mood rules with the real recommender over data/, on scenes no scene file lists: a label
naming an occasion needs its occasion in view, labels of force need someone using force, a cozy place
or people at play is no place for sorrow, faith needs a practice, and a scene's key feeling (play,
festivity, the daily grind) is named by at least one set."""

from __future__ import annotations

import numpy as np

from recommender.moodpicking import FAITH, FORCE, KEY_CUES, KEY_FEELINGS, SORROW, MoodGate
from recommender.scoring import Combinations

FESTIVE, GRIND = KEY_FEELINGS[1][0], KEY_FEELINGS[2][0]


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_a_hub_occasion_label_needs_its_occasion_in_view(recommender):
    """"halloween" is the single nearest label to a beach holiday or a bonfire by its word alone."""
    for answer in recommender.suggest_many(["friends on a summer holiday at the seaside",
                                            "a bonfire by the lake with friends at night",
                                            "a birthday cake with sparklers"]):
        assert "halloween" not in labels_of(answer), answer.moods
    assert "halloween" in labels_of(recommender.suggest("children trick-or-treating in halloween costumes"))


def test_a_crowded_commute_is_tense_not_aggressive(recommender):
    answer = recommender.suggest("commuters pushing onto a crowded morning train")
    assert not set(FORCE) & labels_of(answer), answer.moods
    assert set(GRIND) & set(answer.moods[0].labels), answer.moods


def test_children_playing_rough_get_no_label_of_force(recommender):
    answer = recommender.suggest("two kids wrestling with pillows on the sofa")
    assert not set(FORCE) & labels_of(answer), answer.moods


def test_a_cozy_fireside_is_no_place_for_sorrow(recommender):
    answer = recommender.suggest("a log cabin with a crackling fire and blankets")
    assert not set(SORROW) & labels_of(answer), answer.moods


def test_lights_and_a_bonfire_are_no_call_for_faith(recommender):
    for answer in recommender.suggest_many(["fairy lights over a reading nook",
                                            "a bonfire by the lake with friends at night"]):
        assert not set(FAITH) & labels_of(answer), answer.moods


def test_a_festive_dinner_is_named_festive(recommender):
    answer = recommender.suggest("a family christmas dinner with crackers and paper hats")
    assert set(FESTIVE) & labels_of(answer), answer.moods


def test_a_key_feeling_lifts_the_sets_that_name_it_by_their_share_of_it():
    labels = ["playful", "calm", "celebratory"]
    combinations = Combinations.from_sets([[0, 1], [1], [0], [2]])
    cues = np.eye(len(KEY_CUES), 4, dtype=np.float32)  # one axis per cue; the play family's first cue is axis 0
    gate = MoodGate.of(labels, np.zeros((3, 2), np.float32), combinations, key_cues=cues)
    at_play = np.array([[1.0, 0, 0, 0]], np.float32)
    readings = gate.key_feelings(at_play)
    assert readings[0, 0] == 1.0 and not readings[0, 1:].any()
    scores = np.zeros((1, 4), np.float32)
    similarities = np.zeros((1, 3), np.float32)
    lifted = gate.adjusted(scores, similarities, np.zeros((1, 2), np.float32), embeddings=at_play) - gate.adjusted(
        scores, similarities, np.zeros((1, 2), np.float32))
    assert lifted[0, 2] > lifted[0, 0] > 0 == lifted[0, 1] == lifted[0, 3]


def test_a_quiet_evening_gets_no_peak_elation(recommender):
    """"euphoric · optimistic" for an old man reading: EmoBank's model reads "euphoric" as calm."""
    answer = recommender.suggest("an old man reading by a lamp in the evening")
    assert not {"euphoric", "ecstatic", "urgent"} & labels_of(answer), answer.moods


def test_a_sunny_scene_is_no_place_for_sorrow_while_a_rainy_one_keeps_it(recommender):
    sunny, rainy = recommender.suggest_many(["a fisherman mending nets on a sunny pier",
                                             "rain streaming down a window on a grey afternoon"])
    assert not set(SORROW) & labels_of(sunny), sunny.moods
    assert set(SORROW) & labels_of(rainy), rainy.moods
