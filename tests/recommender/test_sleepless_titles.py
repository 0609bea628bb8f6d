"""No song about lying awake beside someone asleep (recommender/explicit.py, SLEEPLESS_WORDS; session 13:
"No Sleep" and "Insomnia" came to a cat asleep on books, dogs asleep by a fire, a man asleep on a train)."""

from __future__ import annotations

import pytest

from recommender.explicit import SLEEPLESS_WORDS, sleepless_titles

# Dev scenes whose answers carried such a title before the rule.
SLEEPERS = ("a cat asleep on a stack of books", "a man asleep on a train with headphones on",
            "a dog asleep by a radiator on a winter afternoon", "a toddler asleep in a stroller in the shade")


def test_titles_about_lying_awake_are_caught_and_sleep_and_dreams_pass():
    assert sleepless_titles(["No Sleep", "Insomnia", "Sleepless Nights", "Wake Me Up", "Up All Night",
                             "Can't Sleep Love"]).all()
    assert not sleepless_titles(["Sweet Dreams", "Sing Me to Sleep", "Lullaby", "Dreams", "Golden Slumbers"]).any()


@pytest.mark.parametrize("scene", SLEEPERS)
def test_no_sleepless_title_among_many_songs_beside_a_sleeper(recommender, scene):
    titles = [song.title for song in recommender.suggest(scene, songs=40).songs]
    assert len(titles) == 40
    assert not [title for title in titles if SLEEPLESS_WORDS.search(title)]


def test_a_night_awake_may_still_get_them(recommender):
    # The guard is the sleeper's: a student cramming through the night still hears them.
    titles = [song.title for song in recommender.suggest("a student studying all night before an exam", songs=80).songs]
    assert len(titles) == 80
    assert [title for title in titles if SLEEPLESS_WORDS.search(title)]
