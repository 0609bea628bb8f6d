"""A calm scene's filler songs are soft, not guitar-rock hits (issue 11, round 17: blind judges named Led Zeppelin
and The Strokes at a candlelit anniversary dinner, "Take Me Out" and "American Woman" for reading in a hammock).
Those hits read as of ordinary valence and drive, so the well-known and discovery slots of a calm scene hold a
song's electric share (1 - acousticness) against it (songscore.calm_filler); a title slot keeps its title.

The term on the real features; the answers with the real recommender over data/.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from recommender import songscore

CALM = ["a quiet dinner for two by candlelight", "a woman reading a novel in a hammock on a lazy afternoon",
        "a foggy lake at dawn with an empty rowing boat", "a girl reading by a rainy window with a cup of tea",
        "a candlelit bath with rose petals", "a man sitting alone on a pier watching the grey sea"]


def test_only_a_calm_scene_holds_electric_songs_back_and_more_the_calmer_it_is(recommender):
    features, weights = recommender._song_features, recommender.song_weights
    assert songscore.calm_filler(features, 0.0, 0.0, weights) is None, "an ordinary scene"
    assert songscore.calm_filler(features, -3.0, 1.0, weights) is None, "a sleeping baby: stillness already does it"
    half, full = songscore.calm_filler(features, -1.5, 0.0, weights), songscore.calm_filler(features, -3.0, 0.0, weights)
    electric = int(np.argmax(features.electric))
    assert 0.0 < half[electric] < full[electric]
    assert songscore.calm_filler(features, -3.0, 0.0, replace(weights, calm_unplugged=0.0)) is None


def filler_electric(recommender, texts) -> float:
    """The mean electric share of the answers' songs."""
    rows = {str(song_id): row for row, song_id in enumerate(recommender._index.catalog.song_ids)}
    electric = recommender._song_features.electric
    return float(np.mean([electric[rows[song.id]] for text in texts for song in recommender.suggest(text).songs]))


def test_a_calm_scene_gets_softer_filler_and_a_lively_one_the_same_songs(recommender, monkeypatch):
    with_rule = filler_electric(recommender, CALM)
    lively = [song.id for song in recommender.suggest("a crowded nightclub dance floor with lasers").songs]
    monkeypatch.setattr(recommender, "song_weights", replace(recommender.song_weights, calm_unplugged=0.0))
    without = filler_electric(recommender, CALM)
    assert with_rule <= without - 0.05, (with_rule, without)
    assert [song.id for song in recommender.suggest("a crowded nightclub dance floor with lasers").songs] == lively
