"""Titles about drugs, drunkenness, smoking, crime, sex or infidelity are for a night out, not a family Story
(recommender/explicit.py, GROWN_UP_WORDS; session 13: "Heroin" for a bride, "Lick It Up" at a child's
birthday, "Feed Me Dope" at a family barbecue)."""

from __future__ import annotations

import pytest

from recommender.explicit import GROWN_UP_WORDS, STRONG_WORDS, artists_matching, titles_matching
from tests.support.answers import offered_titles

# Dev scenes whose answers carried such a title before the rule.
FAMILY_SCENES = ("a family barbecue in the backyard", "a baby taking her first steps in the living room",
                 "a tiny baby's feet wrapped in a white blanket", "a birthday picnic in the park with a big cake",
                 "a couple kissing on a bridge over the Seine in Paris", "a couple kissing under the eiffel tower",
                 "a soldier hugging his little daughter at an airport",
                 # session 16: "Why'd You Only Call Me When You're High?", "Middle Finger", "Netflix & Chill"
                 "a hospital bed with flowers and a get-well card", "a newborn baby holding her father's finger",
                 "students studying together in a library")


def test_drug_crime_and_sex_words_are_caught_and_drinks_and_love_pass():
    flagged = titles_matching(GROWN_UP_WORDS, [
        "Feed Me Dope", "Lick It Up", "Heroin", "Undrunk", "Gangsta Gangsta", "Smokers Outside the Hospital Doors",
        "Killer Queen", "Sex on Fire", "Sativa", "Kissing Other People", "Hey Jealousy",
        "Why'd You Only Call Me When You're High?", "Two High", "Roll Some Mo", "Back That Azz Up", "Middle Finger",
        "Netflix & Chill", "I Wanna Get High"])
    assert flagged.all()
    kept = titles_matching(GROWN_UP_WORDS, [
        "Red Red Wine", "Killing Me Softly", "Higher Love", "Umbrella", "Sweet Child O' Mine", "Crazy In Love",
        "Champagne Supernova", "Strangers in the Night", "High Hopes", "Rolling in the Deep", "Passionfruit",
        "Classic", "Chill Bill"])
    assert not kept.any()


@pytest.mark.parametrize("scene", FAMILY_SCENES)
def test_no_grown_up_title_among_many_songs_for_family_scenes(recommender, scene):
    titles = offered_titles(recommender, scene, 40)
    assert not [title for title in titles if GROWN_UP_WORDS.search(title)]


def test_a_festive_family_party_with_a_dj_gets_none(recommender):
    # it reads 0.48 to a night out, and close to a DJ's street party, so it keeps rap; but "Gangsta Gangsta" and
    # "Sweet but Psycho" came to relatives dancing at Diwali before session 26 (family_rap.festive_occasion)
    titles = offered_titles(recommender, "relatives dancing at a diwali party with a DJ and drinks", 40)
    assert not [title for title in titles if GROWN_UP_WORDS.search(title)]


def test_a_night_out_may_still_get_them(recommender):
    # The guard is the scene's, not the song's: the same words come back to a bar at night.
    titles = offered_titles(recommender, "friends drinking shots at a bar at night", 80)
    assert [title for title in titles if GROWN_UP_WORDS.search(title)]


def test_a_band_named_with_a_strong_word_waits_for_a_night_out(recommender):
    # "Eastblock Bitches" came to an empty office at night (session 16's dev answers); a name is shown like a title
    assert artists_matching(STRONG_WORDS, ["Eastblock Bitches", "Slut", "Arctic Monkeys", "The Killers"]).tolist() == [
        True, True, False, False]
    songs = recommender.suggest("an empty office late at night with one desk lamp on", songs=40).songs
    assert len(songs) == 40
    assert not [song.artist for song in songs if STRONG_WORDS.search(song.artist)]
