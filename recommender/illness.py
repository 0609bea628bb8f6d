"""A scene of illness and care (a hospital bed, chemotherapy, a waiting room, a sick child, a visit to a patient, a
nurse at a bedside) gets sets of tender care, and dance, bright, driven or harsh songs stay out of it.

Issue #11: "carefree · sentimental | serious · thoughtful | optimistic · reassuring" with "Simmer", "I Wanna Know",
"Nobody" for a woman in a headscarf holding her best friend's hand during chemotherapy; "ROXANNE" and Katy Perry's
"Hey Hey Hey" for a grandmother at a hospital bed. The encoder hears the friend and the hand, not the illness. A
description is a scene of illness when it reads close to one of ILLNESS_CUES (each from its own cosine, above where
99.5% of EmoBank's dev sentences reach) and closer to them than to COUNTER_CUES: a newborn in a maternity ward, a
doctor's graduation, a get-well balloon, a patient going home cured, a nurse on a break. The songs kept out are
grief.py's (grief.unfit_for_grief); the moods are moodpicking's (CARE_FEELINGS, CARE_UNFIT). Pure numpy; D = 384.
"""

from __future__ import annotations

import numpy as np

from .cuescenes import cue_scene

# (phrase, cosine from which a description close to it is a scene of illness). EmoBank's dev sentences reach, at
# 99.5%: 0.25, 0.28, 0.21, 0.28, 0.26, 0.29, 0.30 (max 0.38). Dev scenes: relatives in a hospital waiting room at two
# in the morning 0.71, chemotherapy in an infusion chair 0.61, a grandmother visiting her grandson in a hospital bed
# 0.65 and a teenager holding her grandfather's hand as the monitors beep 0.61 (on the last), a hospital room with
# flowers by the bed 0.57, a hospital corridor at night 0.47, a nurse resting her head on her hands in a hospital
# corridor 0.63. Own scenes (not dev): a father asleep by his sick toddler's cot 0.56, a bald girl with a drip 0.57,
# an old man in a hospital gown at the ward's window 0.48, a man reading to his wife in a care home 0.46; an elderly
# woman in a wheelchair by a hospital window (0.38) reads too far. The hand cue from 0.55: grandparents holding hands
# on a porch swing read 0.49 on it, a grandfather reading a bedtime story 0.48.
ILLNESS_FROM = 0.45
ILLNESS_CUES = (("a patient lying sick in a hospital bed", ILLNESS_FROM),
                ("visiting a sick loved one in hospital", ILLNESS_FROM),
                ("a cancer patient receiving chemotherapy", ILLNESS_FROM),
                ("a sick little child with a drip in a hospital bed", ILLNESS_FROM),
                ("a nurse caring for a patient at the bedside", ILLNESS_FROM),
                ("worried family in a hospital waiting room", ILLNESS_FROM),
                ("holding the hand of a sick grandparent in a hospital bed", 0.55))
# A hospital without illness: newborns in hospital cribs read 0.62-0.68 to the second (0.46-0.51 to the sick child),
# a father holding his newborn daughter in the hospital 0.72 to the first (0.56 to the hand); a young doctor hugging
# her parents after the ceremony 0.59 to the third; hospital windows with a get-well balloon and a bed with a get-well
# card 0.57-0.63 to the fourth (0.45-0.52 to the patient); a tired nurse with coffee or resting her head on a desk at
# the end of a night shift 0.68-0.75 to the last (0.45-0.58 to the nurse at the bedside). EmoBank's dev sentences
# reach 0.25, 0.23, 0.26, 0.31, 0.26, 0.26 at 99.5%.
COUNTER_CUES = ("a proud father holding his newborn baby", "a newborn baby in a maternity ward",
                "a doctor celebrating her medical school graduation", "a get well soon balloon and card",
                "a patient walking out of the hospital cured, family cheering",
                "a tired nurse taking a break after her shift")


# each cue's start, in order (cuescenes.cue_scene)
_ILLNESS_CUES_STARTS = np.array([start for _, start in ILLNESS_CUES], np.float32)


def illness_scene(query: np.ndarray, illness_cues: np.ndarray, counter_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a scene of illness and care: as close as its own cosine to one of
    illness_cues (I, D, ILLNESS_CUES in order), and closer to them than to any of counter_cues (C, D)."""
    return cue_scene(query, illness_cues, _ILLNESS_CUES_STARTS, counter_cues)


# Dance pop at a sickbed: Katy Perry's "Hey Hey Hey" (danceability 0.65) by a grandmother visiting her grandson in a
# hospital bed, Miley Cyrus' "We Can't Stop" (0.61) in a waiting room at two in the morning, Martin Jensen's "Nobody"
# (0.67) at chemotherapy: under grief.py's 0.70 and with no club genre. 1,330 of the 42,107 songs. A club genre
# (grief.CLUB_GENRES) keeps a song out at any danceability: Sebastian Ingrosso's "Reload" (edm, 0.49, under grief.py's
# 0.50) for a family waiting anxiously in a hospital corridor at night.
PARTY_GENRES = ("dance pop", "post-teen pop")
PARTY_DANCE = 0.60


def unfit_for_illness(grief_unfit: np.ndarray, dance: np.ndarray, genres, club: np.ndarray) -> np.ndarray:
    """(N,) True for each song kept out of a scene of illness: grief.py's (grief_unfit (N,)), club songs (club (N,):
    grief.club_songs) and dance pop from PARTY_DANCE (dance (N,) 0-1, NaN unknown; genres (N,) '|'-separated)."""
    dance = np.nan_to_num(np.asarray(dance, np.float32), nan=0.0)
    party = np.array([any(name in str(cell) for name in PARTY_GENRES) for cell in genres], bool)
    return np.asarray(grief_unfit, bool) | np.asarray(club, bool) | (party & (dance >= PARTY_DANCE))
