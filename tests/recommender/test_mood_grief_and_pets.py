"""Session 26's mood rules with the real recommender over data/ (issue #11): a scene of grief (grief.py's reading,
which already chose its songs) gets sets of mourning with nothing carefree in them, and a pet resting or at play at
home reads content rather than lonely, unless the text shows it alone, waiting, lost, sick or old."""

from __future__ import annotations

from recommender.moodpicking import GRIEF_UNFIT, HOME_PET_FEELINGS

MOURNING = {"sentimental", "somber", "poignant", "reflective", "elegiac", "bittersweet", "wistful", "melancholy"}
SORROWFUL = {"lonely", "melancholy", "serious", "gloomy", "somber", "bittersweet"}


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_an_empty_chair_for_a_grandfather_who_died_gets_sets_of_mourning(recommender):
    """Judges: "nostalgic · laid-back | innocent · optimistic | carefree · sentimental" for the empty chair."""
    answer = recommender.suggest("an empty chair at a dinner table with a framed photo of a smiling grandfather")
    assert not set(GRIEF_UNFIT) & labels_of(answer), answer.moods
    assert all(MOURNING & set(mood.labels) for mood in answer.moods), answer.moods


def test_a_grave_with_candles_gets_mourning_in_every_set(recommender):
    """Was "meditative · brooding | soothing · earnest · lyrical | melancholy · sentimental"."""
    answer = recommender.suggest("candles and flowers on a grave on a foggy morning")
    assert all(MOURNING & set(mood.labels) for mood in answer.moods), answer.moods


def test_a_pet_at_rest_or_play_at_home_is_content_not_lonely(recommender):
    """Judges: "lonely · melancholy · nostalgic" for the cat in a box, "serious · reflective" for the retriever."""
    for scene in ("a cat sitting inside an empty cardboard box on a kitchen floor",
                  "a golden retriever lying on its back on a living room rug"):
        answer = recommender.suggest(scene)
        assert not SORROWFUL & labels_of(answer), (scene, answer.moods)
        assert set(HOME_PET_FEELINGS) & set(answer.moods[0].labels), (scene, answer.moods)


def test_a_dog_waiting_for_its_owner_or_a_forgotten_toy_keeps_its_wistfulness(recommender):
    for scene in ("a dog waiting by the door for its owner to come home",
                  "a forgotten teddy bear on an empty playground"):
        answer = recommender.suggest(scene)
        assert labels_of(answer) & {"wistful", "lonely", "melancholy"}, (scene, answer.moods)
        assert not set(HOME_PET_FEELINGS) & set(answer.moods[0].labels), (scene, answer.moods)
