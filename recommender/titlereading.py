"""How surely a song's title is in a language other than English or French (build time only).

songlanguage reads Spanish, Portuguese and Italian from a title's function words and accents,
which misses German, Polish, Danish or Tagalog rap ("Zweistellige Haftstrafen" came up in a gym)
and accent-less Spanish. A statistical language identifier (Lingua, n-gram models shipped in
its wheel) knows those, but a one-word title fools it ("Pompeii" reads Italian, "Zombie"
French), so songlanguage trusts it alone only on a title of two words or more, and otherwise
only through the artist's other titles and the playlists the song is in.
"""

from __future__ import annotations

import numpy as np

from .songkeys import clean_title

# the languages a title is told apart from: English, French, and the others the catalogs' songs are
# sung in (Spotify's playlists come from the Americas and Europe, with Filipino and Indonesian pop)
LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "PORTUGUESE", "ITALIAN", "GERMAN", "DUTCH", "POLISH",
             "TURKISH", "TAGALOG", "INDONESIAN", "SWEDISH", "DANISH")
FAMILIAR = frozenset({"ENGLISH", "FRENCH"})


def other_language_confidences(titles) -> np.ndarray:
    """(N,) float32: the identifier's confidence in each title's most likely language when that
    language is neither English nor French, 0 otherwise (0 for an empty title)."""
    if len(titles) == 0:
        return np.zeros(0, np.float32)
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES)).build()
    cleaned = [clean_title(str(title)) for title in titles]
    readings = detector.compute_language_confidence_values_in_parallel(cleaned)
    return np.array([reading[0].value if reading and reading[0].language.name not in FAMILIAR else 0.0
                     for reading in readings], np.float32)
