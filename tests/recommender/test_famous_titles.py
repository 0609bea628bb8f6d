"""A famous song whose title names what the scene shows is the one a person picks (issue 11, session 14):
blind judges kept naming "1-2 on-theme, well-known picks next to generic chart pop", and on our dev scenes
Calvin Harris' "Summer" missed a man grilling steaks on a summer evening (title cosine 0.39, under the
leading songs' 0.42). Such a song may now lead from 0.38 when its title names the scene word for word
(AnchorRule.famous*, WholeTitles.word_support), after the leads a closer title takes.

Word arithmetic on hand-made vectors; the rest with the real recommender over data/.
"""

import re

import numpy as np
import pytest

from recommender.titlefit import TitleVocabulary, WholeTitles
from recommender.titlewords import TitleWords
from tests.support.word_space import encoder_of

# A 4-d word space: "summer" in the scene, "heat" near it, "queen" and "mistletoe" far from every scene word.
WORDS = {"summer": (1, 0, 0, 0), "heat": (0.8, 0.6, 0, 0), "grilling": (0, 1, 0, 0), "evening": (0, 0, 1, 0),
         "queen": (0, 0, 0, 1), "mistletoe": (0.3, 0, 0, 0.95)}

encode = encoder_of(WORDS)


def test_word_support_is_a_titles_best_and_least_counterpart_among_the_scenes_words():
    whole = WholeTitles(TitleVocabulary.of(["Summer", "Summer Queen", "Mistletoe", "Summer Heat", "The"], encode),
                        encode)
    best, least = whole.word_support("grilling on a summer evening", np.arange(5))
    assert best[0] == pytest.approx(1.0) and least[0] == pytest.approx(1.0), "the title is the scene's word"
    assert best[1] == pytest.approx(1.0) and least[1] < 0.1, "'queen' finds nothing in the scene"
    assert best[2] < 0.35, "'mistletoe' names nothing the scene shows"
    assert least[3] == pytest.approx(0.8, abs=0.02), "'heat' is near 'summer'"
    assert (best[4], least[4]) == (0.0, 1.0), "a title without topic words names nothing"


def test_a_three_letter_words_piece_is_a_fragment_when_asked():
    index = TitleWords(["Capsize", "Caps Lock", "Captain Cap Tune"])
    assert list(index.fragments("a graduate throwing her cap in the air")) == [], \
        "by default a 3-letter word is too short to read"
    assert list(index.fragments("a graduate throwing her cap in the air", shortest=3)) == [0, 2]


# --- through the real recommender ----------------------------------------------------------------

# Dev scenes (not held out) whose answers had no famous song naming them before the rule, and the word.
NAMED_SCENES = [("a man grilling steaks on a summer evening", "summer"),
                ("grandparents dancing together in their kitchen", "danc"),
                ("teenagers jumping on a trampoline", "jump")]


@pytest.mark.parametrize(("scene", "word"), NAMED_SCENES)
def test_a_famous_song_naming_the_scene_is_among_its_five(recommender, scene, word):
    songs = recommender.suggest(scene, songs=5).songs
    named = [song for song in songs if {"title", "well-known"} <= set(song.reasons) and word in song.title.lower()]
    assert named, f"no well-known song whose title says {word!r}: {[(s.title, s.reasons) for s in songs]}"


def test_a_famous_title_does_not_push_out_the_song_that_shares_the_scenes_word(recommender):
    # "No Rain" and "Set Fire to the Rain" (famous, 0.41) must not lead before Rihanna's "Umbrella"
    titles = [song.title for song in recommender.suggest("a couple sharing an umbrella in the autumn rain").songs]
    assert "Umbrella" in titles


def test_a_word_piece_of_a_short_word_is_no_famous_title(recommender):
    for scene in ("a graduate throwing her cap in the air", "a graduate throwing a cap in the air"):
        for song in recommender.suggest(scene).songs:
            pieces = [w for w in re.findall(r"[a-z]+", song.title.lower()) if w.startswith("cap") and w not in ("cap", "caps")]
            assert not pieces, f"{song.title!r} only shares a word piece with {scene!r}"
