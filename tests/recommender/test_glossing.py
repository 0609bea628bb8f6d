"""French glossed word by word into English: function words by the table, the rest by the nearest English word."""

import numpy as np

from recommender.glossing import WordGlosser, gloss_vocabulary, words_of
from recommender.index import load_index
from recommender.multilingual import MultilingualEncoder


def test_elided_articles_are_split_off_and_function_words_use_the_table():
    assert words_of("L'orage arrive sur la ville") == ["l", "orage", "arrive", "sur", "la", "ville"]
    glosser = WordGlosser(("storm", "city", "arrives"), np.eye(3, dtype=np.float32))
    place = {"orage": 0, "ville": 1, "arrive": 2}
    one_hot = lambda words: np.eye(3, dtype=np.float32)[[place[word] for word in words]]  # noqa: E731
    assert glosser.glosses(["L'orage arrive sur la ville", "ne se"], one_hot) == \
        ["the storm arrives on the city", ""]


def test_the_vocabulary_is_english_words_used_at_least_twice():
    assert gloss_vocabulary(["The war was sad.", "A sad war, the end", "x y x"]) == ["sad", "the", "war"]


def test_french_words_gloss_into_their_english_sense_with_the_real_encoders():
    glosser = load_index().multilingual.glosser
    glosses = glosser.glosses(["un triste adieu sous la pluie", "la guerre et la peur", "je ne suis pas heureux"],
                              MultilingualEncoder().encode_words)
    first, second, third = (gloss.split() for gloss in glosses)
    assert "sad" in first and any(word.startswith("rain") for word in first), glosses
    assert "war" in second and any(word.startswith("fear") for word in second), glosses
    assert {"not", "happy"} <= set(third), glosses
