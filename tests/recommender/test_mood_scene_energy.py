"""Round-17 mood rules with the real recommender over data/, on scenes no scene file lists: speed outdoors
and a road trip are people in motion, an athlete's climb and a dog at play name their key feeling, and a fire
outdoors or a reader in a hammock is no place for gloom (the judges: "too mellow for action scenes like road
trips, downhill skiing and the foggy cycling climb", "the beach bonfire is 'gloomy'")."""

from __future__ import annotations

from recommender.moodpicking import KEY_FEELINGS, SORROW

PLAY, DRIVE = KEY_FEELINGS[0][0], KEY_FEELINGS[3][0]


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_speed_outdoors_and_a_road_trip_get_lively_moods(recommender):
    """They read calm to EmoBank's model and to the energy cues (the moods' mean arousal was -0.07 to -0.67)."""
    scenes = ["a skier racing down a steep slope in fresh snow", "a snowboarder riding down the mountain on a sunny day",
              "two friends on a road trip along the coast in an old van", "a family road trip on the open highway"]
    for answer in recommender.suggest_many(scenes):
        valence, arousal = recommender.moods_affect(answer.moods)
        assert arousal > 0.1 and valence > 0.3, (answer.text, answer.moods)
        assert not set(SORROW) & labels_of(answer), answer.moods


def test_an_athlete_s_climb_leads_with_its_drive(recommender):
    """"reckless · rollicking" led a cyclist grinding up a pass, "rebellious · brash" a climber on a cliff."""
    for answer in recommender.suggest_many(["a road cyclist grinding up a mountain pass",
                                            "a rock climber pulling himself up a cliff"]):
        assert set(answer.moods[0].labels) & set(DRIVE), answer.moods


def test_a_dog_running_outside_is_at_play(recommender):
    """"optimistic · atmospheric | reflective · bright | soothing · stylish": the beach at sunset, not the dog."""
    answer = recommender.suggest("a dog running along the shore at sunset")
    assert set(PLAY) & labels_of(answer), answer.moods


def test_a_fire_outdoors_and_a_reader_in_a_hammock_get_no_gloom(recommender):
    """Gloom is sorrow ("gloomy · atmospheric" for a beach bonfire, "melancholy · peaceful" in a hammock)."""
    assert {"gloomy", "somber"} <= set(SORROW)
    for answer in recommender.suggest_many(["a bonfire burning on the beach after dark",
                                            "a beach bonfire crackling at night",
                                            "a woman relaxing in a hammock in the garden with a book"]):
        assert not set(SORROW) & labels_of(answer), answer.moods
