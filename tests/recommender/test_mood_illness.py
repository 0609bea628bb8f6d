"""Session 27's illness rule with the real recommender over data/ (issue #11): a scene of illness and care (chemotherapy,
a hospital bed, a waiting room at night) gets sets of care with nothing carefree or partying in them, and no dance pop
among its songs; a newborn in a hospital is no such scene."""

from __future__ import annotations

from recommender.moodpicking import CARE_FEELINGS, CARE_UNFIT
from tests.support.answers import offered_titles


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_chemotherapy_beside_a_friend_gets_sets_of_care(recommender):
    """Judges: "carefree · sentimental | serious · thoughtful | optimistic · reassuring" with "Simmer", "Nobody"."""
    answer = recommender.suggest(
        "a woman in a headscarf holding her best friend's hand during chemotherapy in an infusion chair")
    assert not set(CARE_UNFIT) & labels_of(answer), answer.moods
    assert all(set(CARE_FEELINGS) & set(mood.labels) for mood in answer.moods), answer.moods


def test_a_hospital_waiting_room_at_night_is_not_bright(recommender):
    """Was "carefree · sparkling · bright | nostalgic · wistful · quiet | ethereal · melancholy"."""
    answer = recommender.suggest(
        "relatives waiting in a hospital waiting room under fluorescent lights at two in the morning")
    assert not set(CARE_UNFIT) & labels_of(answer), answer.moods


def test_a_grandmother_at_a_hospital_bed_gets_no_dance_pop(recommender):
    """Judges: Katy Perry's "Hey Hey Hey" (dance pop, danceability 0.65) by a grandmother at a hospital bed."""
    assert "Hey Hey Hey" not in offered_titles(recommender, "a grandmother visiting her grandson in a hospital bed", 10)


def test_a_newborn_in_the_hospital_is_no_scene_of_illness(recommender):
    """The counter cues: a father holding his newborn in a hospital keeps its "child-like · innocent"."""
    answer = recommender.suggest("a father holding his newborn daughter in the hospital")
    assert set(CARE_UNFIT) & labels_of(answer), answer.moods
