"""Very dark, very loud songs, heavy or without genres (black metal, hardcore punk), stay out of every scene that is
not loud or about death (recommender/extreme_sound.py; issue #11: 1349, whose songs the catalog gives no genre, in
calm scenes)."""

from __future__ import annotations

import numpy as np

from recommender import extreme_sound, songscore

# Dev scene: main offered 1349's "Chasing Dragons" (no genre; Deezer does not know its feeling) in its 5-song answer.
WAITING_ROOM = "relatives waiting in a hospital waiting room under fluorescent lights at two in the morning"


def test_loud_and_dark_songs_are_extreme_when_heavy_or_without_genres_and_so_are_their_bands_other_songs():
    loud_dark = (extreme_sound.EXTREME_VALENCE - 0.1, extreme_sound.EXTREME_AROUSAL + 0.1)
    plain = (0.0, 0.0)
    affect = np.array([loud_dark, plain, loud_dark, loud_dark, plain, plain, plain], np.float32)
    genres = np.array(["", "", "pop", "rock|hard rock", "", "", ""], object)
    harsh = np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0], np.float32)
    # artist 0: a band with one song of two loud and dark; artist 3: one such song among three ordinary ones
    artists = np.array([0, 0, 1, 2, 3, 3, 3])
    affect[4] = loud_dark
    extreme = extreme_sound.extreme_songs(affect, genres, harsh, artists)
    assert extreme.tolist() == [True, True, False, True, True, False, False]


def test_no_extreme_song_in_a_hospital_waiting_room(recommender):
    for count in (5, 40):
        songs = recommender.suggest(WAITING_ROOM, songs=count).songs
        assert len(songs) == count
        assert not [song.title for song in songs if recommender._extreme[recommender._song_index[song.id]]]


def test_a_loud_scene_leaves_extreme_songs_free(recommender):
    query = recommender._encoder.encode(["a punk rock show with a mosh pit"], unpadded=True)[0]
    energy = recommender._scene_reading(query).liveliness
    assert songscore.rapped_room(energy, recommender.song_weights) < extreme_sound.EXTREME_ROOM
