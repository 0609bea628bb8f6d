"""An occasion's own songs lead, and sorrow stays out of bright scenes (issue 11, round 11).

Round 10's judges: a Christmas market got one Christmas song among filler while the catalog holds Mariah
Carey and Darlene Love; a carefree skateboarder got "Boulevard of Broken Dreams" and "Good Things Fall
Apart". A description clearly about a celebrated occasion is now led by up to three well-known songs whose
titles name it, the best known first; a title that reads as sorrow no longer fills a scene that is not
about sorrow. Scenes here are our own, not the judged ones."""

import numpy as np

from recommender.songscore import OCCASION_LEADS, OCCASIONS

CHRISTMAS = OCCASIONS.index("christmas")


def test_a_christmas_scene_is_led_by_several_well_known_christmas_songs_best_known_first(recommender):
    features, row = recommender._song_features, recommender._song_index
    answer = recommender.suggest("friends drinking hot cocoa at a christmas party", songs=5)
    leading = [song for song in answer.songs[:OCCASION_LEADS]
               if features.occasion[row[song.id]] == CHRISTMAS and features.naming[row[song.id]]]
    assert len(leading) >= 2, [(song.artist, song.title) for song in answer.songs]
    fame = [float(features.fame[row[song.id]]) for song in leading]
    assert fame == sorted(fame, reverse=True) and fame[0] >= 0.8, list(zip([s.title for s in leading], fame))
    about = [song for song in answer.songs if features.occasion[row[song.id]] == CHRISTMAS]
    assert len(about) <= OCCASION_LEADS, "the rest of the answer is the scene's, not more Christmas songs"


def test_an_ordinary_winter_scene_gets_no_christmas_song(recommender):
    features, row = recommender._song_features, recommender._song_index
    answer = recommender.suggest("a man shovelling snow from his driveway in the morning", songs=5)
    assert not any(features.occasion[row[song.id]] == CHRISTMAS for song in answer.songs), \
        [(song.artist, song.title) for song in answer.songs]


def test_titles_that_read_as_sorrow_stay_out_of_bright_scenes_not_out_of_sad_ones(recommender):
    features, row = recommender._song_features, recommender._song_index
    bright = recommender.suggest_many(["a teenager doing tricks on a skateboard at the skatepark",
                                       "kids playing video games on the couch in the evening",
                                       "a boy building a sandcastle at the seaside"], songs=8)
    for answer in bright:
        sorrowful = [song.title for song in answer.songs if features.sorrow[row[song.id]] >= 0.5]
        assert not sorrowful, (answer.text, sorrowful)
    sad = recommender.suggest("a woman with a broken heart crying on the stairs", songs=8)
    assert any(features.sorrow[row[song.id]] >= 0.5 for song in sad.songs), [song.title for song in sad.songs]


def test_a_title_names_its_occasion_by_a_word_not_by_a_number_or_a_loose_word(recommender):
    features = recommender._song_features
    titles = np.array(recommender._shown_titles)
    naming = {str(title) for title in titles[features.naming > 0]}
    assert {"All I Want for Christmas Is You", "White Wedding", "Graduation"} <= naming
    assert not {"Holiday", "Born To Be Yours", "22", "Snow", "The Weekend"} & naming
