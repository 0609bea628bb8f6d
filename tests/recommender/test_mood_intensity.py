"""Labels of intensity and force with the real recommender over data/, on scenes no scene file lists: a gentle,
everyday scene gets none of them ("flowing · powerful" for a sandcastle, "playful · rowdy" for a family dinner in
the garden, "epic · optimistic" for a dog with a stick), while a gym, a fight, a tackle and a storm keep them."""

from __future__ import annotations

from recommender.moodpicking import INTENSITY


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_a_gentle_everyday_scene_gets_no_force_labels(recommender):
    scenes = ["two kids making a sandcastle with a bucket on the beach",
              "a family eating dinner outside at a long garden table",
              "a dog proudly carrying a big stick through the forest",
              "a toddler eating spaghetti in his high chair"]
    for scene, answer in zip(scenes, recommender.suggest_many(scenes)):
        assert not set(INTENSITY) & labels_of(answer), (scene, answer.moods)


def test_a_scene_of_force_keeps_them(recommender):
    scenes = ["a man doing heavy deadlifts at the gym", "a boxer sparring in the ring",
              "a rugby player charging through a tackle", "lightning over the sea in a violent storm"]
    for scene, answer in zip(scenes, recommender.suggest_many(scenes)):
        assert set(INTENSITY) & labels_of(answer), (scene, answer.moods)
