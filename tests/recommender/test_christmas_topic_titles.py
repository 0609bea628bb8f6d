"""Christmas songs whose titles do not read as "christmas" stay out of scenes that are not about Christmas (issue 11,
round 26): judges found Colbie Caillat's "Mistletoe" for a jogger on the seafront at dawn, and a ten-song answer put
Justin Bieber's "Mistletoe" among lavender fields and rose petals (a plant, to the encoder). A scene about the topic
itself still gets its song."""

from recommender.songscore import OCCASIONS

from tests.support.answers import offered_titles

CHRISTMAS = OCCASIONS.index("christmas")


def test_a_jogger_at_dawn_gets_no_christmas_song(recommender):
    titles = offered_titles(recommender, "a jogger running along the seafront at dawn", 5)
    assert "Mistletoe" not in titles, titles


def test_flowers_and_a_bath_get_no_mistletoe(recommender):
    for scene in ("a field of lavender at sunset", "a candlelit bath with rose petals",
                  "a bouquet of tulips on a kitchen counter in morning light"):
        titles = offered_titles(recommender, scene, 10)
        assert "Mistletoe" not in titles, (scene, titles)


def test_a_kiss_under_the_mistletoe_keeps_its_song(recommender):
    titles = offered_titles(recommender, "kissing under the mistletoe", 5)
    assert "Mistletoe" in titles, titles


def test_christmas_titles_far_from_the_word_count_as_christmas_and_namesakes_do_not(recommender):
    features, catalog = recommender._song_features, recommender._index.catalog
    christmas = ("Mistletoe", "Frosty the Snowman", "Feliz Navidad", "Santa Baby", "Sleigh Ride",
                 "Run Rudolph Run - Single Version")
    namesakes = ("Santa Monica", "MALA SANTA", "Rainman", "Mais Feliz", "The Ride", "Hands On Deck")
    about = {title: set() for title in christmas + namesakes}
    for row, title in enumerate(catalog.titles):
        if title in about:
            about[title].add(int(features.occasion[row]) == CHRISTMAS)
    assert all(about[title] == {True} for title in christmas), about
    assert all(about[title] == {False} for title in namesakes), about
