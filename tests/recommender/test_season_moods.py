"""A season mood only where the text names no other season (recommender/season_moods.py; held-out round 23's judges:
"autumnal" for a reindeer sled in snowy Lapland)."""

from __future__ import annotations

import pytest

from recommender.season_moods import ruled_out_seasons

SEASONS = {"springlike", "summery", "autumnal", "wintry"}


def test_a_named_season_rules_out_the_others_and_none_named_rules_out_nothing():
    assert ruled_out_seasons("kids building a snowman on a winter morning") == SEASONS - {"wintry"}
    assert ruled_out_seasons("a garden full of roses and butterflies in summer") == SEASONS - {"summery"}
    assert ruled_out_seasons("a snowy street at the end of autumn") == {"springlike", "summery"}
    assert ruled_out_seasons("a rainy city street at night") == frozenset()


def test_a_hot_spring_is_not_the_season():
    assert ruled_out_seasons("friends soaking in a hot spring surrounded by snow") == SEASONS - {"wintry"}


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


# Each had the other season's label in its three mood sets before the rule.
@pytest.mark.parametrize(("scene", "season"), (
    ("a reindeer sled ride through a snowy Lapland forest in the blue winter twilight", "autumnal"),
    ("a garden full of roses and butterflies in summer", "autumnal"),
    ("a cold winter morning with frost on the car windows", "autumnal"),
    ("friends soaking in a hot spring surrounded by snow", "springlike")))
def test_no_mood_of_another_season(recommender, scene, season):
    labels = labels_of(recommender.suggest(scene))
    assert labels and season not in labels


def test_the_named_season_keeps_its_own_mood(recommender):
    assert "autumnal" in labels_of(recommender.suggest("an autumn forest path covered in orange leaves"))
    assert "summery" in labels_of(recommender.suggest("a hot summer afternoon at an outdoor swimming pool"))
