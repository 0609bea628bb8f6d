"""Labels that need a stage, a costume or a far-off land (moodpicking.OCCASION_CUES): "theatrical" and "exotic" came
as filler in ordinary domestic scenes ("introspective · exotic | delicate · theatrical" for someone stirring tomato
sauce, "theatrical · elegant" at an iftar table), and stay where the scene shows a stage, costumes or a desert. And a
set holds no "rousing" beside a calm word ("lazy · wistful · rousing" for a pile of laundry, moodpicking.MUSIC_ENERGY).
The real recommender over data/; the scenes are dev scenes."""

from __future__ import annotations

import pytest

# (scene, label it must not carry): each carried it before
STRAY = (("someone stirring a pot of tomato sauce on a stove in a small apartment kitchen", "theatrical"),
         ("someone stirring a pot of tomato sauce on a stove in a small apartment kitchen", "exotic"),
         ("a table full of dates, soup and bowls of rice at sunset for an iftar dinner", "theatrical"),
         ("a candlelit dinner for two at a restaurant", "theatrical"),
         ("a family decorating gingerbread houses on Christmas Eve", "theatrical"),
         ("a toddler eating spaghetti with sauce on his face", "exotic"),
         ("a lighthouse on cliffs under a stormy sky", "exotic"))
# (scene, label it keeps): a stage, costumes, the desert
KEPT = (("a drag queen performing on stage under pink lights", "theatrical"),
        ("a concert crowd with hands raised in front of a stage", "theatrical"),
        ("a crowd dancing at a street carnival in costumes", "theatrical"),
        ("a camel caravan crossing orange dunes in the Sahara at sunrise", "exotic"))
CALM = {"lazy", "wistful", "pure", "delicate", "calm", "quiet", "soft", "gentle", "peaceful", "soothing", "mellow"}


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


@pytest.mark.parametrize(("scene", "label"), STRAY)
def test_a_stage_or_far_off_label_stays_out_of_an_ordinary_scene(recommender, scene, label):
    suggestion = recommender.suggest(scene)
    assert len(suggestion.moods) == 3
    assert label not in labels_of(suggestion)


@pytest.mark.parametrize(("scene", "label"), KEPT)
def test_a_stage_costumes_or_the_desert_keep_their_label(recommender, scene, label):
    assert label in labels_of(recommender.suggest(scene))


@pytest.mark.parametrize("scene", ["a pile of laundry on a bed next to a half folded stack of towels",
                                   "pistachio gelato melting down a tourist's hand beside a fountain in Rome",
                                   "a woman's umbrella blown inside out by the wind on a seaside promenade"])
def test_no_set_is_rousing_and_calm_at_once(recommender, scene):
    for mood in recommender.suggest(scene).moods:
        assert not ("rousing" in mood.labels and CALM & set(mood.labels)), mood.labels
