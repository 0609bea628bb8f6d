"""A scene read from cue sentences: close enough to one of its cues, and closer to them than to any counter cue.

grief.py and illness.py read their scenes this way, each cue with its own start (the cosine from which it counts),
so a cue that generic text comes near can start higher than the rest. Pure numpy.
"""

from __future__ import annotations

import numpy as np


def cue_scene(query: np.ndarray, cues: np.ndarray, starts: np.ndarray, counter_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding reaches one of cues (K, D) from its start (starts (K,)), and is
    closer to the nearest of them than to any of counter_cues (C, D)."""
    query = np.asarray(query, np.float32)
    near = np.asarray(cues, np.float32) @ query
    counter = float((np.asarray(counter_cues, np.float32) @ query).max())
    return bool((near >= starts).any()) and float(near.max()) > counter
