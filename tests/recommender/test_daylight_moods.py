"""No mood of night or menace in a daylight scene that names nothing dark (recommender/daylight_moods.py; held-out
judges: "eerie · meditative" for a birdwatcher in a hide at dawn, "soothing · brooding" for newborn lambs at
sunrise)."""

from __future__ import annotations

import pytest

from recommender.daylight_moods import MENACE_LABELS, NIGHT_LABELS, ruled_out_by_daylight

ALL = frozenset(NIGHT_LABELS + MENACE_LABELS)


def test_daylight_rules_out_night_and_menace_unless_the_text_names_the_night_or_a_threat():
    assert ruled_out_by_daylight("a kayak on a glassy lake at dawn") == ALL
    assert ruled_out_by_daylight("ponies grazing in a paddock at first light") == ALL
    assert ruled_out_by_daylight("a lighthouse on a cliff during a storm at sunrise") == frozenset(NIGHT_LABELS)
    assert ruled_out_by_daylight("a nurse leaving the hospital at dawn after a night shift") == frozenset()
    assert ruled_out_by_daylight("a spooky graveyard with fog") == frozenset()


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


# Each had the label in its three mood sets before the rule.
@pytest.mark.parametrize(("scene", "label"), (
    ("a birdwatcher with binoculars in a wooden hide overlooking a marsh at dawn", "eerie"),
    ("newborn lambs wobbling beside their mother in a frosty spring field at sunrise", "brooding"),
    ("a foggy morning over a forest", "brooding"),
    ("a rainy sunday morning with coffee and a newspaper in bed", "nocturnal")))
def test_no_mood_of_night_or_menace_in_daylight(recommender, scene, label):
    labels = labels_of(recommender.suggest(scene))
    assert labels and label not in labels


def test_the_night_and_a_storm_keep_theirs(recommender):
    neon_night = "a city street at night with neon signs reflected in wet pavement"
    assert "nocturnal" in labels_of(recommender.suggest(neon_night))
    assert labels_of(recommender.suggest("a lighthouse on a cliff during a storm")) & {"ominous", "brooding"}
    assert "eerie" in labels_of(recommender.suggest("a haunted house decorated with cobwebs and skeletons"))
