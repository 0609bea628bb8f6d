"""A scene read from cue sentences: close enough to one of its cues, and closer to them than to any counter cue.

grief.py, illness.py, drinking.py, slow_dance.py, quiet_outdoors.py and seduction.py read their scenes this way, each
cue with its own start (the cosine from which it counts; one start for all of them where none needs its own), so a cue
that generic text comes near can start higher than the rest. Pure numpy.
"""

from __future__ import annotations

import numpy as np


def nearest_cue(query: np.ndarray, cues: np.ndarray) -> float:
    """A description's (D,) unit embedding cosine to the nearest of cues (K, D)."""
    return float((np.asarray(cues, np.float32) @ np.asarray(query, np.float32)).max())


def cue_titles(title_cosines: np.ndarray, cues: tuple[tuple[str, float], ...]) -> np.ndarray:
    """(N,) True for each title whose cosine (title_cosines (N, K), to each of cues' phrases in order) reaches that
    cue's own start (cues: (phrase, start) pairs)."""
    starts = np.array([start for _, start in cues], np.float32)
    return (np.asarray(title_cosines, np.float32) >= starts).any(axis=1)


def cue_scene(query: np.ndarray, cues: np.ndarray, starts: np.ndarray | float, counter_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding reaches one of cues (K, D) from its start (starts (K,), or one
    start for all), and is closer to the nearest of them than to any of counter_cues (C, D)."""
    query = np.asarray(query, np.float32)
    near = np.asarray(cues, np.float32) @ query
    return bool((near >= starts).any()) and float(near.max()) > nearest_cue(query, counter_cues)
