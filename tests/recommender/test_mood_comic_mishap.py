"""Session 28's comic mishap reading with the real recommender over data/ (issue #11): an everyday mishap or funny
moment (a cat on the laptop mid meeting, a seagull stealing a chip, a burnt lasagne) leads with the humorous family
rather than tender or melancholy sets, while a real accident keeps its gravity."""

from __future__ import annotations

from recommender.moodpicking import KEY_FEELINGS, MISHAP

COMIC = set(KEY_FEELINGS[MISHAP][0])
SOLEMN = {"melancholy", "tender", "lonely", "ethereal", "delicate", "bittersweet", "reverent", "innocent"}
JOKING = {"humorous", "comic", "silly", "wry", "quirky", "irreverent"}


def labels_of(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def test_everyday_mishaps_read_funny_not_tender(recommender):
    """Judges: "soothing · sweet | ethereal · dramatic" for the cat, "nostalgic · atmospheric" for the lasagne,
    "delicate · ethereal | serious · naive" for the grandmother."""
    for scene in ("A cat sprawled over a laptop in the middle of a video meeting",
                  "A seagull snatching a chip from a man's hand",
                  "A burnt lasagne smoking on the stove",
                  "A grandmother holding a tablet far too close to her face on a video call"):
        answer = recommender.suggest(scene)
        assert COMIC & set(answer.moods[0].labels), (scene, answer.moods)
        assert not SOLEMN & labels_of(answer), (scene, answer.moods)


def test_a_real_accident_is_no_joke(recommender):
    for scene in ("A kitchen fire with flames and smoke filling the room", "A dog hit by a car lying on the road"):
        answer = recommender.suggest(scene)
        assert not JOKING & labels_of(answer), (scene, answer.moods)
