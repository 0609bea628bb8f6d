"""Mood labels read in a sense the photo does not carry (moodpicking.LITERAL, MANNER, FAITH): "brittle" and
"fractured" for a cracked phone (the thing broken, not a broken feeling), the filler set "insular · stylish ·
elegant · searching" for sushi, a ski lift or latte art, "reverent · yearning" for pancakes at brunch. The real
recommender over data/; the scenes are dev scenes and our own variations of them."""

from __future__ import annotations

import pytest

from recommender.moodpicking import FAITH, LITERAL, MANNER

# (scene, labels it must not carry): each carried one of them before these labels were held back
STRAY = (("a cracked phone lying face down on the pavement beside a spilled coffee", {"brittle", "fractured"}),
         ("a little league player sliding into home plate in a cloud of dust", {"fractured"}),
         ("a plate of sushi on a wooden counter in a small restaurant", {"insular"}),
         ("a ski lift over snowy peaks under a blue sky", {"insular"}),
         ("a cappuccino with heart-shaped latte art on a wooden table", {"insular"}),
         ("a chef flipping pancakes at a Sunday brunch", {"reverent"}),
         ("a motorcycle parked on a mountain road", {"reverent"}))


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_the_labels_are_held_back_by_their_sense():
    assert {"brittle", "fractured"} <= set(LITERAL) and "insular" in MANNER and "reverent" in FAITH


@pytest.mark.parametrize(("scene", "stray"), STRAY)
def test_a_literal_or_filler_sense_stays_out(recommender, scene, stray):
    suggestion = recommender.suggest(scene)
    assert len(suggestion.moods) == 3
    assert not labels_of(suggestion) & stray


def test_a_scene_of_prayer_keeps_its_labels_of_faith(recommender):
    labels = labels_of(recommender.suggest("a monk praying in a temple at dawn"))
    assert labels & {"reverent", "spiritual", "mystical"}
