"""A description about an occasion hears the occasion's songs (issue 11, sixth round): a title about
Halloween or Christmas counts at a Halloween party or a Christmas tree even when its words share
nothing with the caption ("Ghostbusters"), and nowhere else; a funeral lends nothing (lifted, it put
a black-metal "Funeral In Carpathia" at a graveside)."""

import numpy as np

from recommender.songscore import OCCASIONS, SongFeatures

DIM = len(OCCASIONS) + 2
CHRISTMAS, HALLOWEEN, DEATH = OCCASIONS.index("christmas"), OCCASIONS.index("halloween"), OCCASIONS.index("death")


def axis(*weights: tuple[int, float]) -> np.ndarray:
    vector = np.zeros(DIM, np.float32)
    for position, value in weights:
        vector[position] = value
    return vector / np.linalg.norm(vector)


def occasion_catalog() -> SongFeatures:
    """One axis per occasion, two more for words; song 0 is about Halloween, song 1 about
    Christmas, song 2 about death, song 3 about none (0.71 to their occasion)."""
    words = len(OCCASIONS)
    themes = np.stack([axis((HALLOWEEN, 1), (words, 1)), axis((CHRISTMAS, 1), (words, 1)),
                       axis((DEATH, 1), (words, 1)), axis((words + 1, 1))])
    return SongFeatures.of(np.zeros((4, 2), np.float32), np.full(4, 0.5, np.float32), np.zeros(4, np.float32),
                           themes, np.eye(len(OCCASIONS), DIM, dtype=np.float32))


def test_a_description_about_an_occasion_raises_the_titles_about_it_and_only_those():
    features = occasion_catalog()
    party = axis((HALLOWEEN, 1), (len(OCCASIONS) + 1, 0.3))  # clearly about Halloween, its words near no title
    plain = features.theme_similarities(party)
    raised = features.occasion_themes(party, plain)
    assert raised[0] > 0.7 > plain[0], "the occasion's song counts as a title match"
    assert raised[1] == plain[1] and raised[2] == plain[2], "another occasion's song does not"


def test_an_ordinary_description_or_a_funeral_raises_nothing():
    features = occasion_catalog()
    for text in (axis((HALLOWEEN, 0.2), (len(OCCASIONS) + 1, 1)), axis((DEATH, 1))):
        plain = features.theme_similarities(text)
        assert np.array_equal(features.occasion_themes(text, plain), plain)


def test_a_halloween_party_gets_a_song_about_halloween(recommender):
    features, row = recommender._song_features, recommender._song_index
    answer = recommender.suggest("teenagers in zombie and vampire costumes at a halloween party")
    about = [song for song in answer.songs if features.occasion[row[song.id]] == HALLOWEEN]
    assert about and "title" in about[0].reasons, [(song.artist, song.title) for song in answer.songs]


def test_a_christmas_scene_gets_a_christmas_song_and_a_beach_none(recommender):
    features, row = recommender._song_features, recommender._song_index
    tree, beach = recommender.suggest_many(["grandparents hanging ornaments on a christmas tree",
                                            "a surfer carrying a board along the beach"])
    assert any(features.occasion[row[song.id]] == CHRISTMAS for song in tree.songs), [s.title for s in tree.songs]
    assert not any(features.occasion[row[song.id]] == CHRISTMAS for song in beach.songs), [s.title for s in beach.songs]
