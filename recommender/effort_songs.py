"""A scene of effort, a race or a finish gets songs with drive: slow and soft songs stay out of it.

Issue 11, round 26: blind judges read "a man covered in mud crossing the finish line of an obstacle race" as calm and
tender, led by Snow Patrol's slow "The Finish Line" (drive -0.91, arousal -0.91), which its title let in, beside
SRTW's "Please Don't Go" (arousal -0.92); a marathon runner's last mile had Flume's "Rushing Back" (drive -0.54), a
regatta Cher's "If I Could Turn Back Time" (-0.69). A title that names the race does not make a slow song fit it.
The scene's effort is Recommender._effort (songscore.EFFORT_CUES, less for a sad text or an empty place), so a runner
resting alone at dusk, an empty stadium or a loser in the locker room keep their quiet songs. No list of songs or
scenes. Pure numpy; N songs.
"""

from __future__ import annotations

import numpy as np

# A scene is one of effort for its songs from this effort on (0-1): AnthemRule.effort, where an anthem may lead.
EFFORT_SCENE_FROM = 0.5
# A song is too slow for it below SLOW_DRIVE of the catalog's drive (sd; its 25th percentile is -0.69, its median
# +0.06) or SOFT_AROUSAL of arousal (sd). The anthems stay: "Eye of the Tiger" -0.08 / -0.54, "Hall of Fame"
# -0.16 / +0.95, "Harder, Better, Faster, Stronger" +0.61 / +0.10, "Lose Yourself" and "Stronger" above both.
SLOW_DRIVE = -0.5
SOFT_AROUSAL = -0.8


def effort_scene(effort: float) -> bool:
    """Whether a scene's effort (Recommender._effort, 0-1) keeps slow songs out of it."""
    return effort >= EFFORT_SCENE_FROM


def too_slow_for_effort(drive: np.ndarray, arousal: np.ndarray) -> np.ndarray:
    """(N,) True for each song too slow or soft for a scene of effort, by its drive and arousal (N,), sd units."""
    return (np.asarray(drive, np.float32) < SLOW_DRIVE) | (np.asarray(arousal, np.float32) < SOFT_AROUSAL)
