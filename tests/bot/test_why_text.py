""""Why these?" gives each song its own reasons, in the listener's language."""

from bot.views.messages import why_text
from bot.state import ShownSong


def songs() -> list[ShownSong]:
    return [ShownSong("sp1", "Adele", "Set Fire to the Rain", "https://open.spotify.com/track/1", -0.2, 0.1,
                      ("gloomy", "atmospheric"), ("title", "well-known", "genre:dance pop")),
            ShownSong("dz2", "Grace Jones", "Walking In The Rain", "https://www.deezer.com/track/2", -0.6, -0.9,
                      ("gloomy", "atmospheric"), ("energy:low",)),
            ShownSong("dz3", "Old Song", "Stored Before Reasons", "https://www.deezer.com/track/3", 0.0, 0.0,
                      ("calm",))]


def test_each_song_line_says_its_own_reasons_in_english():
    lines = why_text(songs(), "en").splitlines()
    assert "Set Fire to the Rain: mellow, steady, its title fits the photo, well known, dance pop — matches" in lines[1]
    assert "Walking In The Rain: moody, hushed, low-key — matches: gloomy, atmospheric" in lines[2]
    assert "Stored Before Reasons: mellow, steady — matches: calm" in lines[3], "songs stored without reasons still read"


def test_the_reasons_are_in_french_for_french_listeners():
    text = why_text(songs(), "fr")
    assert "son titre colle à la photo, très connue, dance pop" in text
    assert "tout en douceur" in text
