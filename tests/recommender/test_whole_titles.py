"""A title carries the scene only as a whole (issue 11, round 10): judges named songs matched on
one word whose title means something else ("Kissing Other People" at a kiss, "Hotel California" in
a hospital room, "Neon Moon" in an arcade). Each content word of a title must find a counterpart
among the description's words.

Word arithmetic on hand-made vectors; the rest with the real recommender over data/.
"""

import numpy as np

from recommender.titlefit import TitleVocabulary, WholeTitles, topic_words
from tests.support.word_space import encoder_of

# A 4-d word space: "kiss" and "kissing" alike, "cheat" and "other" far from anything in the scene.
WORDS = {"kissing": (1, 0, 0, 0), "kiss": (0.95, 0.31, 0, 0), "couple": (0, 1, 0, 0), "bridge": (0, 0, 1, 0),
         "other": (0, 0, 0, 1), "lovers": (0.3, 0.95, 0, 0)}

encode = encoder_of(WORDS)


def test_topic_words_leave_out_function_words_names_of_people_and_days():
    assert topic_words("Let It Snow") == ["snow"]
    assert topic_words("Kissing Other People") == ["kissing", "other"]
    assert topic_words("Saturday in the Park") == ["park"]
    assert topic_words("Yeats' Grave") == ["yeats", "grave"]
    assert topic_words("a mother holding her baby's hand") == ["mother", "holding", "baby", "hand"]


def test_a_title_fades_by_its_word_without_a_counterpart_in_the_scene():
    whole = WholeTitles(TitleVocabulary.of(["Kissing Other", "Kissing Lovers", "Kiss"], encode), encode)
    fit = whole.fit("a couple kissing on a bridge", np.arange(3))
    assert fit[0] == 0.0, "'other' has no counterpart: the title fits by one word only"
    assert fit[1] == 1.0, "'lovers' is close to 'couple': the whole title fits"
    assert fit[2] == 1.0, "a one-word title is left to its cosine"
    similarities = np.array([0.45, 0.45, 0.45, 0.2], np.float32)
    faded = WholeTitles(TitleVocabulary.of(["Kissing Other", "Kissing Lovers", "Kiss", "Other Kiss"], encode),
                        encode).faded("a couple kissing on a bridge", similarities, 0.3)
    assert faded[0] == np.float32(0.3) and faded[1] == similarities[1] and faded[2] == similarities[2]
    assert faded[3] == similarities[3], "a title under the floor is not touched"


# --- through the real recommender ----------------------------------------------------------------

def answer(recommender, scene: str, songs: int = 8) -> list[str]:
    return [f"{song.artist} — {song.title}" for song in recommender.suggest(scene, songs=songs).songs]


def test_a_song_that_shares_one_word_with_the_scene_is_not_its_title_song(recommender):
    # Our own scenes, not the judged ones: without the rule DNCE's "Cake By The Ocean" came to a
    # piece of cake with a coffee, the Kinks' "Waterloo Sunset" to a painter at her easel, Eagles' "Hotel
    # California" to a family at a hotel's front desk. (At a wedding or a birthday it may lead as a
    # celebration song, by its festive title and its sound: celebration.py, judged blind in session 22.)
    assert "DNCE — Cake By The Ocean" not in answer(recommender, "a piece of cake and a coffee on a table")
    painting = answer(recommender, "a woman painting a sunset on a canvas")
    assert "The Kinks — Waterloo Sunset" not in painting
    assert not any("Paint California" in song for song in painting)
    assert "Eagles — Hotel California" not in answer(recommender, "a family checking into a hotel lobby")


def test_a_title_that_fits_as_a_whole_still_carries_the_scene(recommender):
    assert "Queen — Bicycle Race" in answer(recommender, "a woman on a bicycle in a sunny street", songs=5)
    assert "Bread — Guitar Man" in answer(recommender, "a street musician playing guitar in the subway")


# A setting (weather, a season) named by a title of several words must be shown by the description
# (round 17): "fire" and "rain" on hand-made vectors; "night" and "stars" read 0.45 to "rain", over
# FADE_FULL (a word's loose counterpart) but not the setting itself.
SETTING_WORDS = {"fire": (1, 0, 0, 0), "bonfire": (0.9, 0.44, 0, 0), "rain": (0, 0, 1, 0),
                 "rainy": (0, 0, 0.95, 0.31), "night": (0, 0.89, 0.45, 0), "street": (0, 0, 0, 1),
                 "riders": (0.45, 0, 0, 0.89), "snow": (0, 0, 0.3, 0.95)}  # "snow": a setting of its own, 0.3 to "rain"
setting_encode = encoder_of(SETTING_WORDS)


def test_a_title_that_names_weather_the_scene_does_not_show_no_longer_carries_it():
    whole = WholeTitles(TitleVocabulary.of(["Fire Rain", "Fire Riders"], setting_encode), setting_encode)
    at_bonfire = whole.fit("a bonfire at night", np.arange(2))
    assert at_bonfire[0] == 0.0, "'rain' finds only 'night' (0.45): the title pictures weather the scene lacks"
    assert at_bonfire[1] == 1.0, "'riders' (0.45) is no setting: the loose counterpart is enough"
    assert whole.fit("a bonfire on a rainy night", np.arange(1))[0] == 1.0, "the scene shows the rain: the title fits"
    best, least = whole.word_support("a bonfire at night", np.arange(1))
    assert np.isclose(least[0], 0.45, atol=0.01), "word_support still reports the plain least counterpart"


def test_an_unknown_title_is_read_by_its_words_its_setting_counting_only_against_another_setting():
    # Judges (the rule's first sheet, session 17) missed an obscure "Champagne & Sunshine" at champagne
    # toasts once its unshown "sunshine" cost it its credit; a famous "Set Fire to the Rain" pictures the rain.
    titles = TitleVocabulary.of(["Fire Rain", "Fire Rain", "Snow"], setting_encode)
    whole = WholeTitles(titles, setting_encode, known=np.array([0.74, 0.60, 0.60], np.float32))
    at_bonfire = whole.fit("a bonfire at night", np.arange(2))
    assert at_bonfire[0] == 0.0, "a famous title's missing setting still counts"
    assert at_bonfire[1] == 1.0, "an unknown title keeps its credit by its matched word"
    in_snow = whole.fit("a bonfire in the snow at night", np.arange(2))
    assert in_snow[1] == 0.0, "the scene shows another setting: an unknown title's setting clashes"
    assert whole.fit("a bonfire on a rainy night", np.arange(2)).tolist() == [1.0, 1.0]


def test_a_title_that_pictures_rain_or_a_storm_is_no_title_song_without_them(recommender):
    # Our own scenes, not the judged ones: without the rule Adele's "Set Fire to the Rain" came to a
    # campfire ("rain" ~ "night") and the Doors' "Riders on the Storm" to hikers above the clouds
    # ("storm" ~ "clouds" 0.48); in the rain "Set Fire to the Rain" stays.
    assert "Adele — Set Fire to the Rain" not in answer(recommender, "friends sitting around a campfire in the woods at night")
    assert "The Doors — Riders on the Storm" not in answer(recommender, "two hikers on a mountain ridge above the clouds")
    assert "Adele — Set Fire to the Rain" in answer(recommender, "rain falling on a quiet city street")


def test_an_unknown_title_keeps_its_credit_by_the_word_that_names_the_scene(recommender):
    # Our own scene, not the judged ones: PLVTINUM's "Champagne & Sunshine" (Spotify 0.66, under
    # KNOWN_FULL) is read by "champagne"; its unshown "sunshine" no longer drops it from a toast.
    assert "PLVTINUM — Champagne & Sunshine" in answer(
        recommender, "two friends clinking champagne flutes at a wedding reception")
    # ... but where the scene shows another setting, "sunshine" clashes, read word by word
    assert "PLVTINUM — Champagne & Sunshine" not in answer(recommender, "a glass of champagne by a rainy window")
