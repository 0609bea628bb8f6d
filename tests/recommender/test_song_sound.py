"""Songs a person would pick for the Story (issue 11, session 6): known songs fill the answer,
a song's genre has to sound like the scene (no hard rock at a candlelit dinner because one
track of it reads mellow), a title match leads only when the song also sounds like the scene.

Scoring on hand-made arrays; the rest with the real recommender over data/.
"""

import numpy as np

from recommender.songscore import (AnchorRule, SongFeatures, SongWeights, anchor_candidates, genre_sound_gap,
                                    pick_songs, scene_terms, song_scores)

from .song_arrays import slot_totals, unit


def genred(affect, genres, popularity=None, themes=None) -> SongFeatures:
    count = len(affect)
    themes = np.tile(unit(0, 0, 1), (count, 1)) if themes is None else np.array(themes, np.float32)
    popularity = np.full(count, 0.5, np.float32) if popularity is None else np.array(popularity, np.float32)
    return SongFeatures.of(np.array(affect, np.float32), popularity, np.zeros(count, np.float32), themes,
                           np.zeros((0, 3), np.float32), genres=np.array(genres, dtype=object),
                           encode=lambda texts: np.tile(unit(1, 0, 0), (len(texts), 1)))


def totals(features: SongFeatures, target, query=unit(1, 0, 0), weights: SongWeights = SongWeights()) -> np.ndarray:
    similarities = features.theme_similarities(query)
    scene = scene_terms(features, 0.0, similarities, features.occasion_shortfall(query), weights)
    return song_scores(features, np.array(target, np.float32), scene, weights).total()


def best(total: np.ndarray, candidates=None) -> int:
    size = len(total)
    return pick_songs(total, 1, artists=np.arange(size), groups=np.arange(size), excluded=np.zeros(size, bool),
                      blocked_artists=np.zeros(size, bool), blocked_groups=np.zeros(size, bool),
                      candidates=candidates)[0]


# Songs 0 and 1 sound alike (right on a calm target); song 0's genre usually sounds loud (its other
# songs read high arousal), song 1's usually sounds like the scene.
LOUD_AND_SOFT = dict(affect=[[0.5, -0.5], [0.5, -0.5]] + [[-0.2, 2.0]] * 4 + [[0.5, -0.6]] * 4,
                     genres=["rock|hard rock", "pop|soft pop"] + ["rock|hard rock"] * 4 + ["pop|soft pop"] * 4)


def test_a_song_whose_genre_usually_sounds_far_from_the_scene_loses_to_one_that_sounds_the_same():
    features = genred(**LOUD_AND_SOFT)
    assert best(totals(features, (0.5, -0.5)), candidates=np.array([0, 1])) == 1
    assert best(totals(features, (0.5, -0.5), weights=SongWeights(genre_sound=0.0)),
                candidates=np.array([0, 1])) in (0, 1), "without the term the two are equal"


def test_the_genre_sound_counts_for_every_scene_not_only_marked_ones():
    """An ordinary scene (a couple on a beach at sunset) still does not want a hard-rock track."""
    features = genred(**LOUD_AND_SOFT)
    total = totals(features, (0.2, 0.0))
    assert total[1] > total[0]


def test_a_song_without_genres_is_neither_favoured_nor_held_back_by_the_genre_sound():
    features = genred([[0.0, 0.0], [0.0, 0.0], [0.0, 2.0], [0.0, 0.0]], ["rock", "", "rock", "pop"])
    gap = genre_sound_gap(features, np.array([0.0, 0.0], np.float32))
    known = gap[[0, 2, 3]]
    assert gap[1] == np.float32(known.mean())


def test_well_known_songs_win_the_discovery_slots_over_unknown_ones_that_fit_as_well():
    for role, total in slot_totals([0.05, 0.6]):
        assert total[1] - total[0] >= 0.3, role  # no slot is left to an unknown track that fits no better


def test_a_known_song_whose_title_names_the_scene_leads_only_when_it_also_sounds_like_the_scene():
    scene_word = unit(1, 0, 0)
    # Both titles are as close to the scene as "Umbrella" to a rainy street (cosine 0.5); song 0
    # sounds like the scene, song 1 sounds 1.5 sd sadder.
    title = unit(0.5, 0.75 ** 0.5, 0)
    features = SongFeatures.of(np.array([[0.5, 0.0], [-1.0, 0.0]], np.float32), np.array([0.9, 0.9], np.float32),
                               np.zeros(2, np.float32), np.stack([title, title]),
                               np.zeros((0, 3), np.float32))
    similarities = features.theme_similarities(scene_word)
    scene = scene_terms(features, 0.0, similarities, features.occasion_shortfall(scene_word))
    leads = anchor_candidates(features, np.array([0.5, 0.0], np.float32), scene, similarities)
    assert list(leads) == [0]
    lenient = anchor_candidates(features, np.array([0.5, 0.0], np.float32), scene, similarities,
                                rule=AnchorRule(distance=2.0, reach=10.0, valence_gap=np.inf))
    assert list(lenient) == [0, 1], "the old, lenient rule let the word match lead"
    near = anchor_candidates(features, np.array([0.5, 0.0], np.float32), scene, similarities,
                             rule=AnchorRule(distance=2.5, valence_gap=1.0))
    assert list(near) == [0], "close enough in all, but a sad song does not lead a bright scene"


# --- through the real recommender ----------------------------------------------------------------

# Everyday Story scenes of our own (not the judged set).
EVERYDAY = ["a couple kissing on a bridge over a river in Paris", "a cappuccino with latte art on a wooden table",
            "a hammock between palm trees on a tropical beach", "a candlelit dinner for two in a quiet restaurant",
            "an old man reading a newspaper on a park bench", "a road trip with friends singing in a convertible",
            "a misty forest path in autumn with falling leaves", "a dog running on the beach chasing a ball",
            "a cozy cabin with a fireplace and snow outside", "kids jumping into a swimming pool in summer"]
STILL = ["a toddler asleep in a stroller in the shade", "a newborn baby asleep wrapped in a blanket",
         "a mother rocking her baby to sleep", "a kitten asleep in a blanket"]


def test_answers_are_made_of_songs_people_know(recommender):
    """Judges marked down the obscure tracks that filled the second half of each answer."""
    popularity = dict(zip(recommender._index.catalog.song_ids, recommender._index.catalog.popularity))
    known = [popularity[song.id] for answer in recommender.suggest_many(EVERYDAY) for song in answer.songs
             if not np.isnan(popularity[song.id])]
    assert len(known) >= len(EVERYDAY) * 4
    obscure = [value for value in known if value < 0.3]
    assert len(obscure) <= len(known) // 20, obscure  # before: 5 of 80 under Spotify popularity 30


def test_a_still_scene_gets_no_song_whose_genre_usually_sounds_loud(recommender):
    """No hard rock, big-room or electro house beside a sleeping child, whatever one track's own audio says."""
    features = recommender._song_features
    loud = np.nan_to_num(features.genre_affect[:, 1], nan=0.0) >= 0.5  # genres whose songs average 0.5 sd above
    position = {song_id: i for i, song_id in enumerate(recommender._index.catalog.song_ids)}
    for answer in recommender.suggest_many(STILL):
        wrong = [(song.artist, song.title) for song in answer.songs if loud[position[song.id]]]
        assert not wrong, (answer.text, wrong)


def test_a_song_that_leads_on_its_title_sounds_like_the_scene(recommender):
    """A title match leads only with the scene's feel ("Kissing Other People" sounds sad beside a kiss)."""
    features = recommender._song_features
    valence, arousal = features.columns
    position = {song_id: i for i, song_id in enumerate(recommender._index.catalog.song_ids)}
    for answer in recommender.suggest_many(EVERYDAY + STILL):
        for song in answer.songs[:2]:
            if "title" not in song.reasons:
                continue
            row = position[song.id]
            gap = (valence[row] - answer.valence) ** 2 + (arousal[row] - answer.arousal) ** 2
            assert gap <= 2.0, (answer.text, song.artist, song.title, float(gap))
