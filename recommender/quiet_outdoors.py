"""Rap kept out of serene nature and quiet outdoor scenes.

Judges in earlier rounds flagged rap for calm landscapes, lakes, forests, sunrises, countryside roads and gardens
(issue #11); on main's dev answers (session 26) Gucci Mane's "Wake Up in the Sky" came, for its title, to a hiker
on a summit above a sea of clouds at sunrise, a quiet lake with a wooden dock at sunrise and a hot air balloon over
a valley at dawn. Here a description is a quiet outdoor scene when it reads close to one of QUIET_OUTDOOR_CUES and
closer to them than to COUNTER_CUES (a city, a street, a party, a skate park, a basketball court, a festival, or a
scene that names rap); the engine then keeps every rap song (family_rap.rap_songs) out, a title that matches the
scene's words included. No list of songs or scenes. Pure numpy; D = 384.
"""

from __future__ import annotations

import numpy as np

from .cuescenes import cue_scene
from .family_rap import RAP_SCENE_CUES

# A description is a quiet outdoor scene from QUIET_FROM to its nearest cue. Dev scenes: a hiker on a rocky summit
# above a sea of clouds at sunrise 0.83, a boat on a calm lake among mountains 0.78, a mountain lake with a canoe 0.74,
# a field of sunflowers along a quiet countryside road 0.66, a quiet lake with a wooden dock at sunrise 0.60, a
# garden of roses and butterflies 0.56, a hot air balloon over a valley at dawn 0.53, a yoga class on a rooftop at
# sunrise 0.52, a man meditating on a summit 0.47, a family picnic in a sunny meadow 0.47. Under it: hot air balloons
# rising at dawn 0.44, a lone tree in a foggy field 0.43, a couple's selfie on a mountain top 0.42, a skier jumping
# off a cliff 0.38, a mountain biker racing down a rocky trail 0.36, a snowboarder 0.33 (sport: rap may come). 73 of
# the 1,012 dev scenes are quiet by this rule (5 of their answers had a rap song). EmoBank's dev sentences reach 0.40
# to their nearest cue at 99.5% (0.49 at 99.9%; 3 of 1,000 reach QUIET_FROM).
QUIET_FROM = 0.45
QUIET_OUTDOOR_CUES = ("a still lake at dawn or at golden hour", "a calm lake surrounded by forest and mountains",
                      "sunrise over the mountains", "a hiker on a mountain summit above the clouds",
                      "a quiet walk through a green forest", "a peaceful meadow of wildflowers",
                      "a quiet garden full of flowers", "a country road through quiet fields",
                      "a sunset over the hills and the countryside", "a misty river at dawn")
# Where rap may come, however much nature is in the text: a city skyline at night over the river reads 0.59 to the
# quiet cues and 0.62 to a crowded city at night, a city highway with car lights 0.46 against 0.58, a crowded music
# festival at sunset 0.40 against 0.72, friends playing basketball on an outdoor court 0.15 against 0.93; a hot air
# balloon festival at sunrise (0.48 against 0.47) and people ice skating on a frozen lake (0.46 against 0.45) are
# quiet by a hair.
COUNTER_CUES = ("a busy city street", "a crowded city at night", "friends partying together", "a skate park",
                "friends playing basketball on a court", "a crowd at a music festival", "a nightclub dance floor",
                *RAP_SCENE_CUES)


def quiet_outdoors(query: np.ndarray, quiet_cues: np.ndarray, counter_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a serene nature or quiet outdoor scene: QUIET_FROM or closer to
    one of quiet_cues (Q, D, QUIET_OUTDOOR_CUES), and closer to them than to any of counter_cues (C, D)."""
    return cue_scene(query, quiet_cues, QUIET_FROM, counter_cues)
