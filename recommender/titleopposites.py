"""Songs whose title names the opposite of what the description shows: "Sunglasses At Night" for a
yoga class at sunrise, "Daylight" for a neon street at night, "Summer Fade" for a dog in autumn
leaves, "Mother's Daughter" for a dad and his daughter.

The encoder reads opposites as close (night ~ morning 0.65, summer ~ autumn 0.64, mother ~ dad 0.71:
words of one kind share their contexts), so such a title passes the title term and the whole-title
rule (titlefit) as if it named the scene; a listener hears the contradiction. An opposite is read
from a word in the title on one side of an axis (day / night, sunrise / sunset, one season / another,
mother / father) and a word in the description on the other. A title or a description that holds
both sides ("Dusk Till Dawn"; "a city from sunrise to midnight") names the contrast itself and is
left alone, and so is a word the title denies ("Ain't No Sunshine" on a dark night). Not new / old
nor hot / cold: "New Orleans" is a place, and "hot chocolate" goes with a cold day ("Baby, It's Cold
Outside"). On 479 dev scenes it took a song out of 9 answers (of 686 title wins), each a title that
says the other time of day, season or parent; over the theme floor it turned away a song people
know (Spotify 45+) 684 times, such as "Tequila Sunrise" under a night skyline.
"""

from __future__ import annotations

import re

import numpy as np

from .songkeys import without_accents

_WORD = re.compile(r"[a-z]+")
# (one side, the other side): plain words, as a title or a description spells them
AXES = (
    ("day daylight daytime morning mornings sunrise dawn noon afternoon sunshine sunlight sunny",
     "night nights midnight moonlight nighttime tonight dusk"),
    ("sunrise dawn", "sunset dusk"),
    ("summer summertime", "winter autumn snow snowy snowfall"),
    ("spring", "autumn winter"),
    ("mother mom mama mommy mum", "father dad daddy papa"),
)
NEGATIONS = frozenset(("no", "without", "never"))
SIDES = tuple((frozenset(one.split()), frozenset(other.split())) for one, other in AXES)
_ANY_SIDE = re.compile(r"(?<![a-z])(?:%s)(?![a-z])"
                       % "|".join(sorted({word for pair in SIDES for side in pair for word in side})))


def _words(text: str) -> frozenset[str]:
    """The words a text names, less the ones it denies: "Ain't No Sunshine" names no sunshine."""
    words = _WORD.findall(without_accents(str(text).lower()))
    return frozenset(word for before, word in zip([""] + words, words) if before not in NEGATIONS)


class OppositeTitles:
    """For each side of each axis, the songs whose title holds a word of that side (and none of the
    other's), so a description's opposites are a few set look-ups."""

    def __init__(self, titles) -> None:
        # a regex finds the titles that hold any side's word (about 1,300 of 42,000) before their words
        # are read: reading every title's words took 0.4 s at start-up, this takes about 0.1 s
        named = [(song, _words(title)) for song, title in enumerate(titles)
                 if _ANY_SIDE.search(without_accents(str(title).lower()))]
        self._songs: list[tuple[np.ndarray, np.ndarray]] = []
        for one, other in SIDES:
            self._songs.append(tuple(
                np.array([song for song, held in named if held & side and not held & opposite], np.int64)
                for side, opposite in ((one, other), (other, one))))

    def opposing(self, text: str) -> np.ndarray:
        """(M,) the songs whose title names a side of an axis whose other side the text names (and not
        the title's own side), ascending."""
        words = _words(text)
        found = []
        for (one, other), (one_songs, other_songs) in zip(SIDES, self._songs):
            if words & one and not words & other:
                found.append(other_songs)
            elif words & other and not words & one:
                found.append(one_songs)
        return np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
