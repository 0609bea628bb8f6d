"""Titles of searching, missing, paranoia or being let down stay out of content scenes (issue 11, session 14).

Blind judges named "I Still Haven't Found What I'm Looking For" at a wedding cake, "Let Me Down Slowly" for a
man meditating on a summit and "Paranoid" by a quiet rainy window. The sorrow topics (songscore.SORROW_TOPICS)
now read those meanings too; a scene about them keeps them. Scenes: our dev scenes whose answers held such a
title before the change, and our own.
"""

import numpy as np
import pytest

from recommender import songscore

# Dev scenes (alldev) whose five songs held "Missing You", "I Still Haven't Found What I'm Looking For",
# "Let Me Down Slowly" or "Miss You Everyday" before.
# Not caught on an index built with every session-14 rule: "a baby sleeping in a crib" keeps "Let Me Down Slowly",
# which reads only 0.23 of sorrow (the rule lowers it, it does not bar it).
CONTENT_SCENES = ("an old couple sitting on a park bench", "a girl blowing bubbles in a sunny garden",
                  "a grandmother's 80th birthday dinner with the whole family", "a couple getting engaged on a beach",
                  "a family building a snowman in the front yard")


def sorrow_of(recommender, title: str) -> float:
    titles = np.array(recommender._shown_titles)
    return float(recommender._song_features.sorrow[np.flatnonzero(titles == title)].max())


def test_titles_of_searching_missing_and_paranoia_read_as_sorrow_and_titles_of_joy_do_not(recommender):
    for title in ("I Still Haven't Found What I'm Looking For", "Missing You", "Paranoid", "Miss You Everyday"):
        assert sorrow_of(recommender, title) >= 0.9, title
    assert sorrow_of(recommender, "Let Me Down Slowly") > 0.0
    for title in ("Happy Together", "Good Life", "Here Comes the Sun", "Sweet Dreams"):
        assert sorrow_of(recommender, title) == 0.0, title


@pytest.mark.parametrize("scene", CONTENT_SCENES)
def test_a_content_scene_gets_no_title_of_longing_or_searching(recommender, scene):
    features, row = recommender._song_features, recommender._song_index
    answer = recommender.suggest(scene)
    titles = [song.title for song in answer.songs]
    assert not [t for song, t in zip(answer.songs, titles) if features.sorrow[row[song.id]] >= 0.5], titles
    assert not {"Missing You", "Miss You Everyday", "I Still Haven't Found What I'm Looking For",
                "Let Me Down Slowly"} & set(titles)


def test_a_fearful_night_keeps_its_title_of_paranoia(recommender):
    titles = [song.title for song in recommender.suggest("a man lying awake at night, paranoid and afraid").songs]
    assert "Paranoid" in titles


# Dev scenes whose five songs held a title reading very dark before (EmoBank's title reading -1.3 to -1.8:
# "Ruin My Life", "God's Gonna Cut You Down", "Bad Day", "Life's Gonna Suck", "Say You Won't Let Go"),
# while the scene's own text reads flat, so the bright-scene title guard did not hear it.
# Not caught: "a toddler smearing birthday cake on his face" keeps "God's Gonna Cut You Down", whose title reads
# -1.02, just past where the rule starts (-1.0), so it loses almost nothing.
FLAT_CONTENT_SCENES = ("a girl eating watermelon on a porch in summer",
                       "a woman lying on a beach towel reading a magazine", "a puppy chewing a shoe on the kitchen floor",
                       "a golden retriever asleep on a rug by the door")


def dark_titles(recommender, answer) -> list[str]:
    features, row = recommender._song_features, recommender._song_index
    return [song.title for song in answer.songs
            if features.title_affect[row[song.id], 0] <= -1.0 and features.english_titles[row[song.id]]]


@pytest.mark.parametrize("scene", FLAT_CONTENT_SCENES)
def test_a_content_scene_whose_text_reads_flat_gets_no_title_that_reads_very_dark(recommender, scene):
    assert not dark_titles(recommender, recommender.suggest(scene))


def dark_title_hold(recommender, text: str) -> float:
    """How much the very dark titles lose, on average, in the scene `text` (songscore.title_against, as the
    engine weighs it: the scene's sorrow room as far as it keeps rap out)."""
    features = recommender._song_features
    dark = (features.title_affect[:, 0] <= -1.0) & (features.english_titles > 0)
    query = recommender._encoder.encode([text])[0]
    valence = float(recommender.suggest(text).valence)
    content = features.sorrow_room(query, valence) * songscore.rapped_room(recommender._scene_liveliness(query),
                                                                          recommender.song_weights)
    against = songscore.title_against(features, valence, recommender.song_weights, content)
    return 0.0 if against is None else float(-against[dark].mean())


def test_a_boxer_at_the_bag_does_not_hold_dark_titles_back_as_a_tender_scene_does(recommender):
    # the guard is a tender scene's: a marked high-energy scene may take "Painkiller" (its answer no longer
    # happens to hold one since session 16's genre pointing brought hard rock with plainer titles)
    boxer = dark_title_hold(recommender, "a boxer hitting a punching bag in a gym")
    for scene in FLAT_CONTENT_SCENES:
        assert boxer < 0.1 * dark_title_hold(recommender, scene), scene
