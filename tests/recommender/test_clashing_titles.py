"""Titles of hatred or of being done with an ex stay out of bright scenes (issue 11, round 13b).

Round 13's judges: "We Are Never Ever Getting Back Together" at a New Year's toast and at candlelit dinners,
"I Hate Everything About You" at a soldier's homecoming. The sorrow topics (songscore.SORROW_TOPICS) now
also read hatred and breaking up for good; titles of love stay clear. Scenes here are our own, in no scene file.
"""

import numpy as np


def sorrow_of(recommender, title: str) -> float:
    titles = np.array(recommender._shown_titles)
    return float(recommender._song_features.sorrow[np.flatnonzero(titles == title)].max())


def test_titles_of_hatred_and_of_being_done_with_an_ex_read_as_sorrow_titles_of_love_do_not(recommender):
    for title in ("We Are Never Ever Getting Back Together", "I Hate Everything About You", "Hate Me"):
        assert sorrow_of(recommender, title) >= 0.9, title
    for title in ("I Love You", "Love Story", "Happy Together", "Crazy In Love"):
        assert sorrow_of(recommender, title) == 0.0, title


def test_a_couple_at_home_or_at_a_candlelit_table_gets_no_breakup_title(recommender):
    # before round 13b both answers held "We Are Never Ever Getting Back Together"
    features, row = recommender._song_features, recommender._song_index
    for answer in recommender.suggest_many(["a couple holding hands at a candlelit table on a terrace",
                                            "a couple baking cookies together in a cozy kitchen"], songs=8):
        titles = [song.title for song in answer.songs]
        assert "We Are Never Ever Getting Back Together" not in titles, (answer.text, titles)
        assert not [t for song, t in zip(answer.songs, titles) if features.sorrow[row[song.id]] >= 0.5], titles


def test_a_bitter_breakup_keeps_its_breakup_titles(recommender):
    features, row = recommender._song_features, recommender._song_index
    answer = recommender.suggest("a woman tearing up photos of her ex after a bitter breakup", songs=8)
    assert any(features.sorrow[row[song.id]] >= 0.9 for song in answer.songs), [s.title for s in answer.songs]
