"""Titles a Story should not carry: slurs and strong profanity.

Someone posting a public Story does not want "Nann Nigga" offered for a gym selfie or "Bitch
Lasagna" for a subway ride (blind judges counted both as blunders, round 7). These are words, not
songs: any title holding one of them, starred out or not ("F**k", "B*tch"), is never suggested by
the improved scoring. Milder words that many well-known titles use ("Highway to Hell", "Kill the
Lights", "Sex on Fire") are left to the scene scoring; the original scoring stays the report's.
"""

from __future__ import annotations

import re

import numpy as np

STRONG_WORDS = re.compile(
    r"\b(?:f[u*]+c?k|sh[i*]t|b[i*]tch|n[i*]gg|cunt|puss(?:y|ies)\b|whore|slut|fag|porn|"
    r"rap(?:e|ed|es|ist)\b|dicks?\b|cum\b|mother-?f)",
    re.IGNORECASE,
)


def explicit_titles(titles) -> np.ndarray:
    """(N,) True for each title that holds a slur or strong profanity."""
    return np.array([bool(STRONG_WORDS.search(str(title))) for title in titles], bool)
