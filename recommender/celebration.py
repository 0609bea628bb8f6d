"""A scene of celebration is led by one well-known, bright, danceable celebration song (issue 11).

Judges found birthdays, graduations, a rooftop party and a wedding dance floor without one celebration song,
where the peer names "I Gotta Feeling", "Raise Your Glass", "Cake By The Ocean", "Dancing Queen". The catalog
lacks "Happy Birthday", and birthdays and graduations are not lent their titles (songscore.LENT: "17", "22" and
Winger's "Seventeen" came). No list of songs or scenes: the scene reads as a celebration by cue sentences, a song
is a celebration song by its own data (a title close to FESTIVE_TOPICS, Spotify's danceability, the audio's
valence and drive, its popularity). Pure numpy over arrays worked out once per catalog; N songs, D = 384.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .kernels import cue_readings
from .songscore import (OCCASION_LIFT_FROM, OCCASION_LIFT_FULL, OCCASIONS, SceneTerms, SongFeatures, SongWeights,
                        scene_target)

CELEBRATION_LEADS = 1  # celebration songs put first in a scene of celebration
# Occasions (songscore.OCCASIONS) that are celebrations whatever the cues read: a text that names one, or reads
# close to it (songscore.SongFeatures.occasion_support, from OCCASION_LIFT_FROM to OCCASION_LIFT_FULL), is one: a
# little girl blowing out candles on a unicorn birthday cake reads only 0.38 on CELEBRATION_CUES, a dog's birthday
# party 0.31. Not weddings: a bride walking down the aisle is not a dance floor (the cues find the reception).
CELEBRATED = ("birthday", "graduation", "new year's eve")

# What a celebration is close to (phrase, from, full; dev scenes, EmoBank's dev sentences 99.5% under 0.30, 0.27,
# 0.25, 0.24, 0.27): a wedding reception 0.48-0.52, graduates with champagne 0.56, a new year's party 0.57 on the
# first; friends toasting at a rooftop party 0.65, a rooftop party at night 0.39, a crowd cheering at a rock concert
# 0.44 on the second; birthdays with cake and candles 0.50-0.74 (a chocolate cake on a plate 0.47, candlelit dinners
# 0.45-0.49, a lone balloon after the party 0.47) on the third; guests dancing at a wedding 0.73-1.0, a crowded dance
# floor at a club 0.47 on the fourth; toasts with champagne 0.54-0.93 (friends laughing over coffee 0.45) on the fifth.
CELEBRATION_CUES = (("a celebration: a birthday party, a graduation, a wedding reception or new year's eve",
                     0.46, 0.56),
                    ("people celebrating at a party: dancing, cheering and raising a toast", 0.48, 0.60),
                    ("a birthday party with a cake, candles and balloons", 0.50, 0.62),
                    ("guests dancing at a wedding reception", 0.55, 0.70),
                    ("friends toasting with champagne at a party", 0.50, 0.62))
# A romantic evening asks for a love song, not a party one: candlelit dinners for two 0.82-0.89 on the first (a
# birthday girl with candles 0.37, a new year's couple 0.46), slow dances in a kitchen 0.69-0.78 and a couple's first
# dance at their wedding 0.64 on the second (guests dancing at a wedding 0.46). A scene's celebration yields as far
# as it reads as one of these (from, full).
INTIMACY_CUES = (("a romantic dinner for two by candlelight", 0.50, 0.65),
                 ("a couple slow dancing together", 0.48, 0.62))

# A title reads as celebration by its nearest FESTIVE_TOPICS cosine, from FESTIVE_TITLE_FROM to FESTIVE_TITLE_FULL
# (among the bright, danceable songs known at Spotify 65: "Raise Your Glass" 0.71, "Dancing Queen" 0.71, "Just Dance"
# 0.77, "Cake By The Ocean" 0.55, "Get the Party Started" 0.61; the median 0.27). "feeling good" as a topic let in
# "Hurts So Good" (0.55) and "Swim Good" (0.52) beside "I Gotta Feeling" (0.56); from 0.45, "Pumped Up Kicks" (0.46
# to "dancing") led a graduation. Out of reach by title: "Uptown Funk" (0.39), "CAN'T STOP THE FEELING!"
# (0.37), "I Gotta Feeling" (0.32); Kool & the Gang's "Celebration" and Pharrell's "Happy" are not in the catalog as
# well-known songs.
FESTIVE_TOPICS = ("a celebration party", "dancing", "raise a glass and make a toast", "a birthday cake",
                  "a happy feeling of joy", "having fun and a good time")
FESTIVE_TITLE_FROM, FESTIVE_TITLE_FULL = 0.48, 0.70


@dataclass(frozen=True)
class CelebrationSongs:
    """festive: (N,) 0-1 how far each title reads as celebration (FESTIVE_TOPICS); dance: (N,) Spotify's
    danceability, 0 unknown; cues, intimacy: unit embeddings of CELEBRATION_CUES and INTIMACY_CUES."""

    festive: np.ndarray
    dance: np.ndarray
    cues: np.ndarray
    intimacy: np.ndarray

    @classmethod
    def of(cls, themes, dance, encode) -> CelebrationSongs:
        """themes: (N, D) unit title embeddings; dance: (N,) danceability (NaN unknown); encode: texts -> (K, D)."""
        topics = np.ascontiguousarray(encode(list(FESTIVE_TOPICS)), np.float32)
        closest = np.asarray(themes @ topics.T).max(axis=1)
        festive = np.clip((closest - FESTIVE_TITLE_FROM) / (FESTIVE_TITLE_FULL - FESTIVE_TITLE_FROM), 0.0, 1.0)
        return cls(festive.astype(np.float32), np.nan_to_num(np.asarray(dance, np.float32), nan=0.0),
                   np.ascontiguousarray(encode([cue for cue, _, _ in CELEBRATION_CUES]), np.float32),
                   np.ascontiguousarray(encode([cue for cue, _, _ in INTIMACY_CUES]), np.float32))

    def celebration(self, query: np.ndarray) -> float:
        """0-1 how far the scene (D,) is a celebration and not a romantic evening for two: 1 for a birthday cake
        with candles, a wedding reception's dance floor, a toast at a party; 0 for a candlelit dinner or a slow dance."""
        query = np.asarray(query, np.float32)[None, :]
        festive = float(cue_readings(query, self.cues, CELEBRATION_CUES)[0])
        if not festive:
            return 0.0
        return festive * (1.0 - float(cue_readings(query, self.intimacy, INTIMACY_CUES)[0]))


def occasion_celebration(support: np.ndarray) -> float:
    """0-1 how far a description is about a CELEBRATED occasion, from its (K,) support for each of OCCASIONS."""
    closest = max(float(support[OCCASIONS.index(name)]) for name in CELEBRATED)
    return float(np.clip((closest - OCCASION_LIFT_FROM) / (OCCASION_LIFT_FULL - OCCASION_LIFT_FROM), 0.0, 1.0))


@dataclass(frozen=True)
class CelebrationRule:
    """Which song leads a scene of celebration (CelebrationSongs.celebration, lowered by the engine where the text
    reads sad, the place is empty, someone sleeps or mourns: Recommender._celebration, from `celebration`). A song
    may lead when its title reads as celebration (festive), it is made to dance to (dance: Spotify's danceability),
    bright (valence: the catalog's, sd) and not low in drive (drive, sd), known to most listeners (known: Spotify
    popularity, SongFeatures.known_as), and the scene holds nothing against it (rap, language, sorrow, harshness:
    static >= -penalty); the best known first (fame per unit of unsaturated popularity), the more festive its title
    the better (title), a title that carries the scene more (closeness per unit of its cosine, up to close_cap: "Cake
    By The Ocean" for a birthday cake, "Raise Your Glass" for a toast), a song far off the target a little later
    (misfit per squared sd of affect distance and energy gap), none whose title's own affect reading sits more than
    title_reading (squared sd) from the target."""

    celebration: float = 0.5
    festive: float = 0.0  # a title must read above FESTIVE_TITLE_FROM
    dance: float = 0.5
    valence: float = 0.3
    drive: float = -0.5
    known: float = 0.65
    penalty: float = 0.4
    fame: float = 4.0
    title: float = 0.5
    closeness: float = 6.0
    close_cap: float = 0.45
    misfit: float = 0.2
    title_reading: float = 4.0


def celebration_lead_scores(songs: CelebrationSongs, features: SongFeatures, celebration: float, target: np.ndarray,
                            scene: SceneTerms, similarities: np.ndarray, weights: SongWeights = SongWeights(),
                            rule: CelebrationRule = CelebrationRule()) -> np.ndarray:
    """(N,) how well each celebration song leads a scene of celebration (CelebrationRule), -inf for every other
    song and for every song when the scene's celebration (0-1) is under rule.celebration."""
    scores = np.full(len(features.energy), -np.inf, np.float32)
    if features.fame is None or celebration < rule.celebration:
        return scores
    valence, arousal = features.columns
    candidates = np.flatnonzero((songs.festive > rule.festive) & (songs.dance >= rule.dance)
                                & (valence >= rule.valence) & (features.energy >= rule.drive) & features.energy_known
                                & (features.known_as >= rule.known) & (scene.static_theme >= -rule.penalty))
    if not len(candidates):
        return scores
    target = scene_target(target, scene, weights)
    misfit = ((valence[candidates] - target[0]) ** 2 + (arousal[candidates] - target[1]) ** 2
              + (features.energy[candidates] - weights.energy_gain * scene.energy) ** 2)
    value = (rule.fame * features.fame[candidates] + rule.title * songs.festive[candidates]
             + rule.closeness * np.clip(similarities[candidates], 0.0, rule.close_cap) - rule.misfit * misfit)
    if scene.jitter is not None:  # the description's own draw: not the same song at every party
        value = value + scene.jitter[candidates]
    if features.title_affect is not None:
        reading = ((features.title_affect[candidates] - target[None, :]) ** 2).sum(axis=1)
        value = np.where(reading > rule.title_reading, -np.inf, value)
    scores[candidates] = value
    return scores
