"""Songs whose title names a thing the description names: "Firework" for fireworks over a city,
"Umbrella" for a rainy street with umbrellas, "Birthday" for a birthday cake.

The encoder's cosine between a one-word title and a whole scene stays low (Katy Perry's
"Firework" to "fireworks over a city skyline on new year's eve": 0.39), so the obvious song
is missed; a shared word is the plainest sign that the title is about the scene. It only
makes a song a candidate: songscore.anchor_scores still asks for the right energy and feel,
a well-known song and a title whose own reading fits ("Break My Baby" shares "baby" with a
sleeping newborn and is turned away there).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

import numpy as np

from .language import ENGLISH_WORDS
from .songkeys import without_accents

_WORD = re.compile(r"[a-z0-9]+")
MIN_LETTERS = 4  # shorter shared words are mostly function words or fragments ("sun" in "Sunday" is not one)
MAX_TITLES = 40  # a word in more titles than this is too common to name a scene ("night", "city", "dancing")
COMMON = frozenset("""
with from into over under near next along around through across while their there where what your
some people person group family friends friend man woman men women girl boy couple someone
this that these those very just like them they have been being doing looking
""".split())


# What may follow a description's word in a title that still says the same word ("dance" -> "dancer",
# "swing" -> "swingin"); any other ending makes another word: "tram" -> "Trampoline", "caps" -> "Capsize".
ENDINGS = frozenset(("s", "es", "ed", "d", "ing", "in", "er", "ers", "r", "rs", "y", "ly"))


def content_words(text: str, shortest: int = MIN_LETTERS) -> set[str]:
    """The words of a text that can carry a theme (shortest letters or more), lower-case, without
    accents, plural folded ("Fireworks" -> "firework")."""
    folded = without_accents(text.lower())
    words = set()
    for word in _WORD.findall(folded):
        if len(word) < shortest or word in ENGLISH_WORDS or word in COMMON:
            continue
        words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > shortest else word)
    return words


class TitleWords:
    """An inverted index from content word to the songs whose title holds it, for words specific
    enough to name a scene (in at most MAX_TITLES titles: "umbrella" 6, "firework" 11, "birthday" 15)."""

    def __init__(self, titles) -> None:
        songs: dict[str, list[int]] = defaultdict(list)
        for song, title in enumerate(titles):
            for word in content_words(str(title)):
                songs[word].append(song)
        self._every = {word: np.array(rows, np.int64) for word, rows in songs.items()}  # for fragments
        self._songs = {word: rows for word, rows in self._every.items() if len(rows) <= MAX_TITLES}
        self._sorted = sorted(self._every)

    def naming(self, text: str) -> np.ndarray:
        """(M,) the songs whose title shares a content word with the text, ascending."""
        found = [self._songs[word] for word in content_words(text) if word in self._songs]
        return np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)

    def fragments(self, text: str, shortest: int = MIN_LETTERS) -> np.ndarray:
        """(M,) the songs whose title holds a longer word that only begins with one of the text's words
        ("Trampoline" for a tram, "Capsize" for graduation caps, "PILLOWTALK" for a pillow fight) and
        shares no whole word with it, ascending: the encoder's word pieces make such a title read close
        to the scene (tram -> trampoline 0.79), but a listener hears a pun, not the scene. shortest: the
        fewest letters a text's word needs to count (3 also finds "Capsize" for a graduate's cap)."""
        words = content_words(text, shortest)
        found = []
        for word in words:
            at = bisect.bisect_right(self._sorted, word)
            while at < len(self._sorted) and self._sorted[at].startswith(word):
                longer = self._sorted[at]
                if longer[len(word):] not in ENDINGS:
                    found.append(self._every[longer])
                at += 1
        if not found:
            return np.zeros(0, np.int64)
        shared = [self._every[word] for word in words if word in self._every]
        songs = np.unique(np.concatenate(found))
        return np.setdiff1d(songs, np.concatenate(shared)) if shared else songs
