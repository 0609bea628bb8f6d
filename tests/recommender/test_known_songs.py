"""Songs a person would pick (issue 11, songs round 7): every slot holds a song people know, a title
counts only for a song people know (an obscure track sharing a word with the scene is word play),
and a scene's energy is read as a listener reads it (a campfire with a guitar is calm, a marathon lively).

Scoring on hand-made arrays; the rest with the real recommender over data/.
"""

import numpy as np

from recommender.songscore import SongFeatures, SongWeights, scene_energy, scene_terms, song_scores

from .song_arrays import slot_totals, unit


def titled_pair(popularity) -> tuple[np.ndarray, np.ndarray]:
    """Two songs that sound alike, both titled right on the scene; their theme terms."""
    title = unit(0.5, 0.75 ** 0.5, 0)  # cosine 0.5 to the scene, like "Umbrella" to a rainy street
    features = SongFeatures.of(np.zeros((2, 2), np.float32), np.array(popularity, np.float32),
                               np.zeros(2, np.float32), np.stack([title, title]), np.zeros((0, 3), np.float32))
    query = unit(1, 0, 0)
    scene = scene_terms(features, 0.0, features.theme_similarities(query), features.occasion_shortfall(query))
    with_gate = song_scores(features, np.zeros(2, np.float32), scene).theme
    without = song_scores(features, np.zeros(2, np.float32), scene,
                          SongWeights(title_known_from=0.0, title_known_span=0.0)).theme
    return with_gate, without


def test_a_title_counts_only_as_far_as_its_song_is_known():
    with_gate, without = titled_pair([0.1, 0.7])  # Spotify popularity 10 and 70
    assert without[0] == without[1] > 0, "without the gate both titles count alike"
    assert with_gate[0] == 0.0, "a track few know wins nothing by its title"
    assert with_gate[1] == without[1], "a well-known song's title counts fully"


def test_a_little_known_song_keeps_part_of_its_title():
    with_gate, without = titled_pair([0.4, 0.7])
    assert 0.0 < with_gate[0] < without[0]


def test_an_obscure_song_loses_more_than_a_known_one_in_every_slot():
    # Spotify 30, 45 and 60: the first two sit under the floor, the last over it
    for role, total in slot_totals([0.3, 0.45, 0.6]):
        assert total[0] < total[1] < total[2], role
        assert total[2] - total[1] >= 0.25, role  # Spotify 45 no longer passes for known (0.09 before)


def test_among_songs_people_know_the_bigger_hit_wins_when_the_fit_is_equal():
    # Spotify 66, 72 and 80: all "known" under the old saturation at 65, where they tied and the
    # variety draw picked a mid-table single as often as a hit the judges recognised
    for role, total in slot_totals([0.66, 0.72, 0.8]):
        assert total[0] < total[1] < total[2], role


def test_the_scene_energy_moves_toward_the_cue_reading_by_its_weight():
    assert scene_energy(1.5, -1.5, SongWeights(cue_energy=0.5)) == 0.0
    assert scene_energy(1.5, -1.5, SongWeights(cue_energy=0.0)) == 1.5


# --- through the real recommender ----------------------------------------------------------------

# Everyday Story scenes of our own (not the judged set, not the tuning files).
EVERYDAY = ["a girl blowing bubbles on a balcony", "two friends eating ice cream on a pier",
            "a family walking a dog in a snowy park", "a man fixing a bicycle in a garage",
            "a woman dancing in her kitchen while cooking", "a boy fishing with his grandfather on a lake",
            "a group of friends playing cards at night", "a couple painting the walls of their new flat",
            "a teenager playing basketball on an outdoor court", "a sunny farmers market with flowers",
            "an old couple dancing at a wedding", "a tent under the stars in the mountains"]


def test_every_slot_holds_a_song_people_know(recommender):
    """Round 6's judges named the obscure tracks of slots 5-8 (21 of 45 eighth songs under Spotify 45)."""
    popularity = dict(zip(recommender._index.catalog.song_ids, recommender._index.catalog.popularity))
    answers = recommender.suggest_many(EVERYDAY, songs=8)  # "More songs" reaches the eighth slot too
    known = [popularity[song.id] for answer in answers for song in answer.songs if not np.isnan(popularity[song.id])]
    assert len(known) >= len(EVERYDAY) * 6
    obscure = [value for value in known if value < 0.45]
    assert len(obscure) <= len(known) // 20, obscure
    last = [popularity[answer.songs[-1].id] for answer in answers if not np.isnan(popularity[answer.songs[-1].id])]
    assert np.mean(last) >= 0.5, last


def test_no_song_dominates_unrelated_scenes(recommender):
    from collections import Counter

    counts = Counter(song.id for answer in recommender.suggest_many(EVERYDAY, songs=8) for song in answer.songs)
    assert counts.most_common(1)[0][1] <= 3, counts.most_common(3)
    assert len(counts) >= len(EVERYDAY) * 8 * 0.8


def test_a_campfire_reads_calm_and_a_race_lively(recommender):
    """The title-learnt reading took a guitar by a campfire for +1.5 sd (fire) and a marathon for -0.3."""
    features = recommender._song_features
    texts = ["a man playing acoustic guitar by a campfire", "a marathon runner crossing the finish line",
             "a man lifting heavy weights at the gym", "a cozy cup of tea next to a rainy window"]
    campfire, marathon, gym, tea = (features.cue_energy(query)
                                    for query in recommender._encoder.encode(texts, unpadded=True))
    assert tea < campfire < 0.0 < marathon < gym


def test_a_campfire_gets_calmer_songs_than_a_nightclub(recommender):
    features, row = recommender._song_features, recommender._song_index
    campfire, club = recommender.suggest_many(["a man playing acoustic guitar by a campfire",
                                               "friends dancing at a crowded nightclub with neon lights"])
    drive = lambda answer: np.mean([features.energy[row[song.id]] for song in answer.songs  # noqa: E731
                                    if features.known_energy[0][row[song.id]]])
    assert drive(campfire) < drive(club) - 0.5, (drive(campfire), drive(club))


def test_songs_about_heartbreak_stay_out_of_happy_scenes_and_fit_a_breakup(recommender):
    """Round 6's judges named breakup songs at romantic scenes; Led Zeppelin's "Heartbreaker" led a candlelit dinner."""
    from recommender.songscore import OCCASIONS

    features = recommender._song_features
    heartbreak = [OCCASIONS.index("heartbreak and breakup"), OCCASIONS.index("cheating")]
    about = np.isin(features.occasion, heartbreak)
    assert about.sum() > 100
    texts = ["a candlelit dinner for two", "a kid opening presents on christmas morning",
             "a woman crying alone after a breakup"]
    dinner, christmas, breakup = recommender._encoder.encode(texts, unpadded=True)
    for text, query in zip(texts[:2], (dinner, christmas)):
        assert (features.occasion_shortfall(query, text)[about] > 0).all(), text
    assert (features.occasion_shortfall(breakup, texts[2])[about & (features.occasion == heartbreak[0])] == 0).all()
    row = recommender._song_index
    for answer in recommender.suggest_many(texts[:2] + EVERYDAY):
        wrong = [(song.artist, song.title) for song in answer.songs if about[row[song.id]]]
        assert not wrong, (answer.text, wrong)
