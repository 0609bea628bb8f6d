"""Strain is not sorrow: a scene of physical effort keeps its read valence out of sadness.

Issue 11, session 27: EmoBank's affect model reads the words of strain as sad. A sprinter straining out of the
starting blocks reads -0.63 sd of valence, two boxers throwing hard jabs in a sweaty gym -0.85, a rugby scrum pushing
in the mud -0.95, against -0.01 to +0.20 for a man lifting weights or on a treadmill.
Read that low, the scene's effort fades (Recommender._effort yields to a sad text from
songscore.SORROW_VALENCE_FROM), and the moods and songs are matched against sorrow: slow, sad songs for a race start.
A scene that reads as strain (SongFeatures.strain: songscore.EFFORT_CUES but its TRIUMPH_CUES and play-fights, from
effort_songs.EFFORT_SCENE_FROM) keeps its effort whatever its valence and has its valence raised to STRAIN_VALENCE,
unless it reads closer to one of DEFEAT_CUES than to every strain cue: a boxer slumped on his stool after losing, an
injured runner crying on the track keep their sad reading. Pure numpy; D = 384.
"""

from __future__ import annotations

import numpy as np

from .cuescenes import nearest_cue
from .effort_songs import effort_scene

# The valence (sd) a scene of strain is read at no lower than, for its moods and songs: mildly low, as a gym reads
# (-0.11 to +0.34: a woman lifting a kettlebell, a man doing pull-ups), not sorrow; a boxer at a punching bag (-0.42)
# keeps his reading, and with it the hard titles a marked high-energy scene may take ("Painkiller"). Its effort no
# longer yields to its valence at all (Recommender._effort).
STRAIN_VALENCE = -0.5
# Effort that ended in defeat, pain or tears. Cosines: a boxer slumped on his stool after losing 0.55 on the first
# (0.45 to the nearest strain cue), an injured runner crying on the track 0.67 on the third (0.42), a tired runner
# resting alone on a bench at dusk 0.46 on the second (0.33), a player with a bloody nose walking off the pitch 0.44
# (0.40), a boxer sitting alone in the locker room after losing 0.63 on the last (0.46), an injured rugby player on
# the sideline with an ice pack 0.53 (0.47); a sprinter out of the blocks reaches 0.39 (0.56 to effort), a swimmer
# gasping at the wall after the final lap 0.49 (0.50), a boxer hitting a punching bag 0.33 (0.58), a boxer wrapping
# his hands before a fight 0.29 (0.44), a rugby scrum 0.31 (0.74). EmoBank's dev sentences reach 0.27, 0.22, 0.23,
# 0.28 at 99.5%: the cues only count against a scene that already reads as strain.
DEFEAT_CUES = ("an athlete sitting defeated with head down after losing",
               "an injured athlete lying on the ground in pain",
               "an exhausted athlete crying alone after the race",
               "a beaten athlete sitting alone after a loss")


def strained(strain: float, closeness: float, query: np.ndarray, defeat_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a scene of strain whose valence stays out of sorrow: its strain
    (SongFeatures.strain, 0-1) makes it a scene of effort and its nearest strain cue cosine (closeness) is above its
    nearest defeat_cues (K, D, DEFEAT_CUES) one."""
    if not effort_scene(strain):
        return False
    return closeness > nearest_cue(query, defeat_cues)


def strain_valence(valence: float) -> float:
    """A scene of strain's valence (sd): its own, no lower than STRAIN_VALENCE."""
    return max(valence, STRAIN_VALENCE)
