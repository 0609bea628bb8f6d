"""Labels of love ("romantic", "passionate", "sensual") belong to a couple, a date, a wedding or a kiss, not to a
graduate hugging her father, an iftar table or a boys' team with its trophy (issue #11: moodpicking's LOVE,
KIN_CUES and LOVE_CUES)."""

from __future__ import annotations

import pytest

from recommender.moodpicking import LOVE


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


@pytest.mark.parametrize("scene", [
    "a young woman in a cap and gown hugging her father on a football field",
    "a table full of dates, soup and bowls of rice at sunset for an iftar dinner",
    "a young boys' soccer team celebrating with a small trophy on a muddy field",
    "a grandmother's 80th birthday dinner with the whole family"])
def test_a_family_team_or_faith_scene_gets_no_love_label(recommender, scene):
    answer = recommender.suggest(scene)
    assert not labels_of(answer) & set(LOVE), answer.moods


@pytest.mark.parametrize("scene", [
    "a couple kissing on a bridge in venice", "a bride and groom dancing at their wedding reception",
    "a candlelit dinner for two at a restaurant", "a couple getting engaged on a beach"])
def test_a_couple_a_wedding_or_a_date_keeps_romantic(recommender, scene):
    assert "romantic" in labels_of(recommender.suggest(scene))
