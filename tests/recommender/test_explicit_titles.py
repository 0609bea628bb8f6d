"""No slur or strong profanity in a title offered for a public Story (recommender/explicit.py)."""

from __future__ import annotations

import re

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


def test_any_starred_out_word_is_caught_and_footnote_stars_pass():
    flagged = titles_matching(STRONG_WORDS, ["That's My N**** (with Meek Mill, YG & Snoop Dogg)", "Ni**as In Paris",
                                             "That's That S*** - Radio Edit", "F*** Me Pumps", "Verdammte Schei*e",
                                             "Down A** B**ch", "F*@k You Lucy"])
    assert flagged.all()
    kept = titles_matching(STRONG_WORDS, ["John Doe No. 24*", "Beauty*2", "wokeuplikethis* (feat. lil uzi vert)",
                                          "**Bonus Track** 861", "*Low End Theory", "Forever All Over Again*"])
    assert not kept.any()


def test_a_starred_title_is_not_offered_to_a_workout(recommender):
    # Meek Mill's "That's My N****" was among the five songs for this dev scene (and at Holi) before session 26
    titles = offered_titles(recommender, "a crossfit class doing burpees at dawn", 40)
    assert not [title for title in titles if re.search(r"\w\*", title)]


@pytest.mark.parametrize("scene", SCENES)
def test_no_explicit_title_among_many_songs_for_lively_scenes(recommender, scene):
    titles = offered_titles(recommender, scene, 40)
    assert not [title for title in titles if STRONG_WORDS.search(title)]
