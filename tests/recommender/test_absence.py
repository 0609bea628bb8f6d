"""A place made for play or a party, shown empty, feels like absence (issue 11, round 15): the encoder
hears "playground" louder than "empty", so an empty swing at dusk got "playful · rollicking | jovial ·
rousing". The absence reading (MoodGate.absent) damps the play and party readings and moves the moods
toward wistful, lonely, quiet; the same places full of people keep their lively answers."""

import numpy as np

from recommender.moodpicking import ABSENCE_AFFECT, mood_affect

EMPTY = ["an empty playground swing moving in the wind at dusk", "a forgotten teddy bear on an empty playground",
         "a lone balloon left on the floor after the party", "an empty ice rink after everyone has left",
         "party decorations left in an empty room the morning after",
         "an empty concert stage after the crowd has gone home"]
FULL = ["children playing on the swings in a sunny playground", "kids popping balloons at a birthday party",
        "a packed stadium cheering after a goal", "people ice skating at a busy rink",
        "a crowd singing along at a concert", "guests dancing at a wedding reception"]
PARTY = {"playful", "rollicking", "carefree", "jovial", "rousing", "exuberant", "raucous", "gleeful", "fun"}
ABSENCE = {"wistful", "nostalgic", "lonely", "melancholy", "quiet", "bittersweet"}


def _labels(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_empty_places_read_as_absent_and_full_ones_do_not(recommender):
    gate = recommender._mood_gate
    assert (gate.absent(recommender._encoder.encode(EMPTY, unpadded=True)) > 0.35).all()
    assert (gate.absent(recommender._encoder.encode(FULL, unpadded=True)) == 0).all()


def test_absence_moves_the_feel_down_and_a_sadder_calmer_scene_keeps_its_own():
    affect = np.array([[0.5, 0.3], [-0.9, -0.8]], np.float32)
    moved = mood_affect(affect, None, absence=np.array([1.0, 1.0], np.float32))
    half = mood_affect(affect, None, absence=np.array([0.5, 0.5], np.float32))
    assert np.allclose(half[0], affect[0] + 0.25 * (np.float32(ABSENCE_AFFECT) - affect[0]))
    assert np.allclose(moved[0], ABSENCE_AFFECT)
    assert np.allclose(moved[1], affect[1])
    assert np.allclose(mood_affect(affect, None, absence=np.zeros(2, np.float32)), affect)


def test_an_empty_playground_or_party_gets_the_moods_of_absence_not_of_play(recommender):
    for text, answer in zip(EMPTY, recommender.suggest_many(EMPTY)):
        labels = _labels(answer)
        assert not labels & PARTY, (text, [mood.labels for mood in answer.moods])
        assert len(labels & ABSENCE) >= 2, (text, [mood.labels for mood in answer.moods])


def test_the_same_places_full_of_people_keep_their_lively_moods(recommender):
    for text, answer in zip(FULL[:3], recommender.suggest_many(FULL[:3])):
        assert _labels(answer) & (PARTY | {"cheerful", "joyous", "exciting"}), (text, answer.moods)


def test_an_empty_stage_is_heard_calm_where_a_crowd_at_a_concert_is_lively(recommender):
    empty, full = recommender._encoder.encode(["an empty concert stage after the crowd has gone home",
                                               "a crowd singing along at a concert"], unpadded=True)
    assert recommender._scene_liveliness(empty) < 0.0 < 1.0 < recommender._scene_liveliness(full)
