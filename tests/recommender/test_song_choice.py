"""Songs a person would pick: one spelling per song, known songs first when fit is equal,
energy that follows the scene, titles that carry it, no blunders in the moods, own reasons.

Scoring maths on hand-made arrays; the rest with the real recommender over data/.
"""

import numpy as np
import pytest

from recommender.catalog import Catalog
from recommender.datasets import SongRow
from recommender.songkeys import clean_title, song_keys
from recommender.songscore import (SongFeatures, SongWeights, description_seed, pick_songs, rapped_share, reasons,
                                    scene_terms, song_scores)


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, np.float32)
    return vector / np.linalg.norm(vector)


def features(affect, popularity, energy=None, themes=None) -> SongFeatures:
    count = len(affect)
    themes = np.tile(unit(0, 0, 1), (count, 1)) if themes is None else np.array(themes, np.float32)
    energy = np.zeros(count) if energy is None else energy
    return SongFeatures.of(np.array(affect, np.float32), np.array(popularity, np.float32),
                           np.array(energy, np.float32), themes, np.zeros((0, 3), np.float32))


def best(features_: SongFeatures, query=unit(1, 0, 0), target=(0.0, 0.0), energy=0.0, weights=SongWeights(),
         count=1) -> list[int]:
    similarities = features_.theme_similarities(query)
    scene = scene_terms(features_, energy, similarities, features_.occasion_shortfall(query), weights)
    terms = song_scores(features_, np.array(target), scene, weights)
    size = len(similarities)
    return pick_songs(terms.total(), count, artists=np.arange(size), groups=np.arange(size),
                      excluded=np.zeros(size, bool), blocked_artists=np.zeros(size, bool),
                      blocked_groups=np.zeros(size, bool))


# --- one song, one spelling ----------------------------------------------------------------------


def test_two_spellings_of_a_song_share_a_key():
    assert set(song_keys("Irma Thomas / Norah Jones", "Thinking About You")) & set(
        song_keys("Norah Jones", "Thinking About You"))
    assert set(song_keys("Rihanna feat. Jay-Z", "Umbrella - Remastered 2011")) & set(
        song_keys("Rihanna", "Umbrella (Radio Edit)"))
    assert not set(song_keys("Rihanna", "Umbrella")) & set(song_keys("Rihanna", "Unfaithful"))
    assert clean_title("Memories - Dillon Francis Remix") == "Memories"


def test_a_catalog_keeps_each_song_once_in_its_best_known_spelling():
    rows = [SongRow("dz1", "Irma Thomas / Norah Jones", "Thinking About You", "u1", 0.1, 0.2),
            SongRow("sp2", "Norah Jones", "Thinking About You - Remastered", "u2", 0.3, 0.1, popularity=0.8),
            SongRow("sp3", "Norah Jones", "Sunrise", "u3", 0.5, -0.4, popularity=0.7)]
    catalog = Catalog.from_rows("spotify", rows)
    assert sorted(catalog.song_ids) == ["sp2", "sp3"]
    combined = Catalog.from_sources("both", [rows[1:], rows[:1]])
    assert sorted(combined.song_ids) == ["sp2", "sp3"], "the later source's spelling is dropped"


def test_the_same_song_group_is_never_picked_twice():
    total = np.array([3.0, 2.0, 1.0])
    picked = pick_songs(total, 2, artists=np.array([0, 1, 2]), groups=np.array([0, 0, 1]),
                        excluded=np.zeros(3, bool), blocked_artists=np.zeros(3, bool), blocked_groups=np.zeros(2, bool))
    assert picked == [0, 2]


# --- the song score ------------------------------------------------------------------------------


def test_a_well_known_song_wins_when_the_fit_is_equal():
    equal_fit = features([[0.5, 0.5], [0.5, 0.5]], [0.1, 0.9])
    assert best(equal_fit, target=(0.5, 0.5)) == [1]
    assert best(features([[0.5, 0.5], [0.5, 0.5]], [0.9, 0.1]), target=(0.5, 0.5)) == [0]


def test_popularity_does_not_outweigh_a_clearly_better_fit():
    songs = features([[0.5, 0.5], [-1.5, -1.5]], [0.1, 0.95])
    assert best(songs, target=(0.5, 0.5)) == [0]


def test_song_energy_follows_the_scene_energy():
    songs = features([[0, 0]] * 3, [0.5] * 3, energy=[-1.5, 0.0, 1.5])
    assert best(songs, energy=2.0) == [2]
    assert best(songs, energy=-2.0) == [0]
    assert best(songs, energy=0.0) == [1]


def test_a_title_that_carries_the_scene_wins_among_equal_fits():
    rain = unit(1, 0.2, 0)
    songs = features([[0, 0]] * 3, [0.5] * 3, themes=[unit(0, 1, 0), rain, unit(0, 0, 1)])
    assert best(songs, query=unit(1, 0, 0)) == [1]
    assert reasons(songs, "", 1, float(songs.theme_similarities(unit(1, 0, 0))[1])) == ("title",)


def test_a_title_does_not_rescue_a_song_that_feels_wrong():
    songs = features([[0, 0], [3, 3]], [0.5, 0.5], themes=[unit(0, 1, 0), unit(1, 0, 0)])
    assert best(songs, query=unit(1, 0, 0)) == [0]


def test_a_title_strongly_about_an_occasion_needs_the_scene_to_be_about_it():
    christmas, beach = unit(1, 0, 0), unit(0, 1, 0)
    songs = SongFeatures.of(np.zeros((2, 2), np.float32), np.array([0.9, 0.4], np.float32), np.zeros(2, np.float32),
                            np.stack([christmas, unit(0, 0.3, 1)]), christmas[None, :])
    assert best(songs, query=beach) == [1], "no Christmas song at the beach"
    assert best(songs, query=christmas) == [0]


# --- the real recommender ------------------------------------------------------------------------

ORDINARY = ["a group of friends laughing around a birthday cake with candles",
            "fireworks over a city skyline on new year's eve", "a family decorating a christmas tree",
            "a cat sleeping on a sofa in the sun", "a dog running on a beach at sunset",
            "a bride and groom dancing at their wedding reception"]
COLOURED = {"halloween", "funereal", "apocalyptic", "demonic", "erotic", "nocturnal"}


def test_ordinary_scenes_get_two_to_four_labels_and_no_strongly_coloured_one(recommender):
    for answer in recommender.suggest_many(ORDINARY):
        labels = {label for mood in answer.moods for label in mood.labels}
        assert not labels & COLOURED, (answer.text, labels & COLOURED)
        assert all(2 <= len(mood.labels) <= 4 for mood in answer.moods[:2]), answer.moods


def test_a_halloween_scene_may_still_be_halloween(recommender):
    answer = recommender.suggest("children in halloween costumes carving pumpkins")
    assert "halloween" in {label for mood in answer.moods for label in mood.labels}


def test_a_workout_gets_more_energetic_songs_than_a_sleeping_baby(recommender):
    energy = dict(zip(recommender._index.catalog.song_ids, recommender._index.catalog.energy))
    gym, baby = recommender.suggest_many(["a man lifting a barbell in a gym", "a baby sleeping in a crib"])
    assert np.mean([energy[s.id] for s in gym.songs]) > np.mean([energy[s.id] for s in baby.songs]) + 1.0


def test_a_rainy_street_finds_songs_about_rain(recommender):
    answer = recommender.suggest("people walking on a rainy city street with umbrellas at night")
    assert any("rain" in song.title.lower() for song in answer.songs)
    assert any("title" in song.reasons for song in answer.songs)


def test_no_christmas_song_for_a_summer_scene(recommender):
    for text in ("a surfer riding a wave", "a dog running on a beach at sunset", "friends at a pool party"):
        titles = [song.title.lower() for song in recommender.suggest(text, songs=20).songs]
        assert not any("christmas" in title for title in titles), (text, titles)


def test_each_song_says_its_own_reasons(recommender):
    answer = recommender.suggest("a crowd of people at a music festival with confetti")
    assert all(song.reasons for song in answer.songs)
    assert len({song.reasons for song in answer.songs}) >= 3


def test_an_answer_never_holds_one_song_twice(recommender):
    from recommender.songkeys import song_keys as keys

    for answer in recommender.suggest_many(ORDINARY + ["a cat looking out of a window on a snowy day"], songs=20):
        seen: set[str] = set()
        for song in answer.songs:
            own = set(keys(song.artist, song.title))
            assert not own & seen, (answer.text, song)
            seen |= own
        titles = [keys("", song.title)[0] for song in answer.songs]
        assert len(set(titles)) == len(titles), ("two covers of one song", answer.text, titles)


def test_an_answer_mixes_well_known_songs_with_discoveries(recommender):
    popularity = dict(zip(recommender._index.catalog.song_ids, recommender._index.catalog.popularity))
    answer = recommender.suggest("friends toasting with drinks on a rooftop at night")
    known = [popularity[s.id] for s in answer.songs if not np.isnan(popularity[s.id])]
    assert known and max(known) >= 0.6


@pytest.mark.parametrize("text", ["a surfer riding a wave", "a quiet lake with a wooden dock at sunrise"])
def test_excluded_and_steered_answers_still_work(recommender, text):
    first = recommender.suggest(text)
    again = recommender.suggest(text, exclude={s.id for s in first.songs}, affect_shift=(0.5, 0.0))
    assert not {s.id for s in first.songs} & {s.id for s in again.songs}
    assert np.mean([s.valence for s in again.songs]) > np.mean([s.valence for s in first.songs])


UNEASY = {"unsettling", "eerie", "ominous", "brooding", "enigmatic", "grim", "bleak", "visceral", "elegiac", "gloomy"}


def test_pleasant_scenes_get_no_mood_of_unease_while_a_graveyard_still_may(recommender):
    pleasant = recommender.suggest_many(["a newborn baby asleep wrapped in a blanket", "a baby sleeping in a crib",
                                         "a latte with heart-shaped foam art on a cafe table",
                                         "a rooftop party with string lights at dusk"])
    for answer in pleasant:
        labels = {label for mood in answer.moods for label in mood.labels}
        assert not labels & UNEASY, (answer.text, labels & UNEASY)
    graveyard = recommender.suggest("a misty cemetery with old gravestones at dusk")
    assert {label for mood in graveyard.moods for label in mood.labels} & {"somber", "eerie", "gloomy"}


# --- rap, titles and variety (issue 11, second round) --------------------------------------------


def rapped_features(affect, speech, genres=None, energy=None, themes=None) -> SongFeatures:
    count = len(affect)
    themes = np.tile(unit(0, 0, 1), (count, 1)) if themes is None else np.array(themes, np.float32)
    return SongFeatures.of(np.array(affect, np.float32), np.full(count, 0.5, np.float32),
                           np.zeros(count, np.float32) if energy is None else np.array(energy, np.float32),
                           themes, np.zeros((0, 3), np.float32), genres=genres, speech=np.array(speech, np.float32))


def test_a_calm_scene_never_gets_a_rapped_song_over_a_sung_one_that_fits_nearly_as_well():
    # The rapped song sits right on the target, the sung one a little off it.
    songs = rapped_features([[0.0, 0.0], [0.3, 0.3]], speech=[0.35, 0.04])
    assert best(songs, energy=-1.0) == [1], "a sleeping baby gets the sung song"
    assert best(songs, energy=0.3) == [1], "so does a birthday"
    assert best(songs, energy=2.5) == [0], "a gym may still get rap"


def test_a_song_of_a_rapped_genre_counts_as_rapped_even_when_its_own_audio_is_sung():
    genres = np.array(["rap|gangster rap", "rap|gangster rap", "rock|album rock", "rock|album rock"], dtype=object)
    share = rapped_share(np.array([0.4, 0.06, 0.04, 0.05], np.float32), genres)
    assert share[0] == 1.0 and share[1] > 0.5, "a gangster-rap track over a slow beat is still gangster rap"
    assert share[2] == share[3] == 0.0
    assert rapped_share(np.array([np.nan], np.float32))[0] == 0.0, "no audio facts: no penalty"


def test_a_title_match_does_not_carry_a_loud_song_into_a_calm_scene():
    baby = unit(1, 0, 0)
    # Song 0: its title names the scene, its drive is loud for a calm scene (by little enough that the
    # title alone would carry it); song 1: no title, the right calm drive. Both well known (Spotify 70),
    # so the title counts fully (SongWeights.title_known_from). Since round 13 (theme 5, energy 0.25,
    # judged better blind) a title carries a song up to about 1 sd of drive into a calm scene; at 1.2 sd
    # the energy check keeps it out (the 0.45 sd song this test used before round 13 now wins by its title).
    songs = features([[0, 0], [0, 0]], [0.7, 0.7], energy=[1.2, -0.6], themes=[unit(1, 0.3, 0), unit(0, 0, 1)])
    assert best(songs, query=baby, energy=-1.0) == [1]
    assert best(songs, query=baby, energy=-1.0, weights=SongWeights(theme_energy=0.0)) == [0], \
        "without the energy check the word match wins"
    assert best(songs, query=baby, energy=0.75) == [0], "the same title wins where the energy fits"


def test_variety_draw_is_repeatable_and_differs_between_descriptions():
    songs = features([[0, 0]] * 40, [0.5] * 40)
    weights = SongWeights(variety=0.1)

    def top(query):
        scene = scene_terms(songs, 0.0, songs.theme_similarities(query), songs.occasion_shortfall(query), weights,
                            seed=description_seed(query))
        return int(np.argmax(song_scores(songs, np.zeros(2), scene, weights).total()))

    first = unit(1, 0, 0)
    assert top(first) == top(first)
    assert len({top(unit(1, k / 10, 0)) for k in range(10)}) > 1, "equal songs are not always the same one"


BIRTHDAY_AND_BABY = ["a woman blowing out candles on a birthday cake surrounded by friends",
                     "a newborn baby asleep wrapped in a blanket", "a bride throwing her bouquet at a wedding"]


def test_tender_and_festive_scenes_get_no_rap(recommender):
    catalog = recommender._index.catalog
    rapped = dict(zip(catalog.song_ids, recommender._song_features.rapped))
    for answer in recommender.suggest_many(BIRTHDAY_AND_BABY):
        assert all(rapped[song.id] < 0.5 for song in answer.songs), (answer.text, [
            (song.artist, song.title) for song in answer.songs if rapped[song.id] >= 0.5])
    gym = recommender.suggest("a man lifting a barbell in a gym")
    assert any(rapped[song.id] >= 0.5 for song in gym.songs), "a workout may still get rap"
