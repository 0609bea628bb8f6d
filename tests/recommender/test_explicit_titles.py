"""No slur or strong profanity in a title offered for a public Story (recommender/explicit.py)."""

from __future__ import annotations

import pytest

from recommender.explicit import STRONG_WORDS, titles_matching
from tests.support.answers import offered_titles

# Scenes where such titles came up before the guard: "Nann Nigga" for push-ups, "Bitch Lasagna" on
# a subway and in a gym (blind round 7).
SCENES = ("a woman doing push-ups in a fitness studio", "a crowded subway car during rush hour",
          "guys lifting weights in a gym")


def test_strong_words_are_caught_plain_and_starred_and_mild_titles_pass():
    flagged = titles_matching(STRONG_WORDS, ["Nann Nigga", "Bitch Lasagna", "F**k The System", "Crazy B*tch",
                                             "Shit, Damn, Motherfucker", "I Don't Give A Fuck"])
    assert flagged.all()
    kept = titles_matching(STRONG_WORDS, ["Highway to Hell", "Sex on Fire", "Kill the Lights", "Cumbia Triste",
                                          "Scunthorpe Nights", "Grapevine", "Moby Dickens", "Umbrella"])
    assert not kept.any()


@pytest.mark.parametrize("scene", SCENES)
def test_no_explicit_title_among_many_songs_for_lively_scenes(recommender, scene):
    titles = offered_titles(recommender, scene, 40)
    assert not [title for title in titles if STRONG_WORDS.search(title)]
