"""One key per song however a catalog spells it, so no answer offers a song twice.

"Irma Thomas / Norah Jones — Thinking About You" and "Norah Jones — Thinking About You",
or "Umbrella - Remastered 2011" and "Umbrella (Radio Edit)", are the same song to a listener.
"""

from __future__ import annotations

import re
import unicodedata

_ARTIST_SPLIT = re.compile(r"\s*(?:/|&|,|;|\+|\bfeat\.?|\bft\.?|\bfeaturing\b|\bwith\b|\bx\b|\band\b)\s*")
_BRACKETS = re.compile(r"\s*[\(\[][^\)\]]*[\)\]]")
_VERSION_TAIL = re.compile(r"\s+-\s+.*$")  # "Song - Remastered 2011", "Song - Radio Edit", "Song - Live"
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def without_accents(text: str) -> str:
    """The text with its accents dropped ("Señor" -> "Senor"); case kept. ASCII text, most titles, is
    returned as it is (the catalog's 42k titles load ~2x faster)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _folded(text: str) -> str:
    return without_accents(text).lower()


def clean_title(title: str) -> str:
    """The title without version notes: brackets ("(Radio Edit)", "[feat. X]") and " - …" tails."""
    cleaned = _VERSION_TAIL.sub("", _BRACKETS.sub("", title)).strip()
    return cleaned or title.strip()


def artist_names(artist: str) -> list[str]:
    """Each credited artist, lower-case, without accents: "A / B feat. C" -> [a, b, c]."""
    names = [_NOT_WORD.sub(" ", name).strip() for name in _ARTIST_SPLIT.split(_folded(artist))]
    return [name for name in names if name]


def folded_words(text: str) -> str:
    """The text's words without case, accents or punctuation: "Café - Señor!" -> "cafe senor"."""
    return _NOT_WORD.sub(" ", _folded(text)).strip()


def song_keys(artist: str, title: str) -> list[str]:
    """'artist|title' for every credited artist: two spellings of a song share at least one key."""
    words = folded_words(clean_title(title))
    return [f"{name}|{words}" for name in artist_names(artist) or [_folded(artist).strip()]]
