"""The filler of a scene that names a kind of music is of that kind (session 16): a tropical beach
gets tropical house, a rock concert rock, a salsa bar Latin music, not whichever hits the variety
draw turns up. A genre is read by its sound and settings (genrecues), not its bare name.
"""

from dataclasses import replace

import numpy as np

from recommender.genrecues import GENRE_CUES, genre_cue

POINTING = ["a hammock between palm trees on a tropical beach", "a crowd cheering at a rock concert",
            "a couple dancing salsa in a havana bar", "a man lifting heavy weights at the gym"]


def test_every_catalog_genre_has_its_sound_and_settings(recommender):
    names = recommender._song_features.genre_names
    assert names and set(names) <= set(GENRE_CUES)
    assert genre_cue("permanent wave") != "permanent wave music", "a name that reads as a word is not embedded bare"


def test_a_scene_that_names_a_kind_of_music_points_at_it_and_an_ordinary_one_does_not(recommender):
    features, weights = recommender._song_features, recommender.song_weights
    beach, park = recommender._encoder.encode(["a hammock between palm trees on a tropical beach",
                                               "my dog in the park"], unpadded=True)
    pointing, fit = features.pointed_genres(beach, weights)
    assert pointing > 0.5
    tropical = features.genre_names.index("tropical")
    members = features.genre_members[features.genre_sets]
    in_tropical, other = members[:, tropical] > 0, (members > 0).any(axis=1) & (members[:, tropical] == 0)
    assert fit[in_tropical].min() > 3.0 > 1.0 > fit[other].mean()
    assert features.pointed_genres(park, weights) == (0.0, None)


def pointed_share(recommender, texts) -> float:
    """The share of the answers' songs filed under the genre each scene's text points at most."""
    features, catalog = recommender._song_features, recommender._index.catalog
    rows = {str(song_id): row for row, song_id in enumerate(catalog.song_ids)}
    members = features.genre_members[features.genre_sets] > 0
    hits = total = 0
    for text, query in zip(texts, recommender._encoder.encode(texts, unpadded=True)):
        genre = int(np.argmax(features.genre_cues @ query))
        for song in recommender.suggest(text).songs:
            row = rows[song.id]
            hits, total = hits + bool(members[row, genre]), total + 1
    return hits / total


def test_the_filler_of_a_scene_that_names_a_kind_of_music_is_of_that_kind(recommender, monkeypatch):
    with_genres = pointed_share(recommender, POINTING)
    monkeypatch.setattr(recommender, "song_weights", replace(recommender.song_weights, genre_point=0.0))
    without = pointed_share(recommender, POINTING)
    assert with_genres >= without + 0.15, (with_genres, without)
