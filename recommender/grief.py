"""A scene of loss is led by well-known songs of loss, and dance, bright, driven or harsh songs stay out of it.

Held-out round 22's judges found songs that do not carry a scene's grief: Kygo's "Think About You" for a widower
eating breakfast alone, generic pop beside an empty dog bed, at a grave, for someone holding an old photo of a
lost parent. songscore.MOURNING_CUES only takes danceability off at a funeral or a grave; here a description is a
scene of grief when it reads close to one of GRIEF_CUES (a widower, a funeral, an empty pet bed, a photo of someone
who died) and closer to them than to COUNTER_CUES (a breakup, rain, nostalgia, a Halloween graveyard, a sleeping
pet); since session 27 a last goodbye to a dying pet at the vet is one too, since session 27 an old sick pet's
last walk or last days. A song of loss is found by its title (LOSS_TOPICS), its calm and sad audio and its
popularity; no list of songs or scenes. Pure numpy; N songs, D = 384.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cuescenes import cue_scene

GRIEF_LEADS = 3  # songs of loss put first in a scene of grief (they stand in for songscore.ANCHORS' titles)

# (phrase, cosine from which a description close to it is a scene of grief). Dev scenes: a quiet cemetery 0.74, a
# funeral by a grave 0.71, with white roses 0.70, candles and flowers on a grave 0.67 (on the grave cue), an empty
# dog bed and a worn collar 0.68, a widower eating breakfast alone 0.54; a forgotten teddy bear on an empty
# playground 0.48 and a hospital bed with flowers 0.50 stay out. Own scenes (not dev): a woman holding an old photo
# of her late father 0.66, a coffin carried out of a church 0.74, a widower's breakfast 0.59; an urn on a
# mantelpiece (0.37) and a late mother's glasses on her armchair (0.35) read too far to be found. From 0.52 a
# daughter by her father's headstone on his birthday (0.51) got "Raise Your Glass" as a birthday's celebration song.
GRIEF_FROM = 0.50
GRIEF_CUES = (("a widower alone at home, missing his late wife", GRIEF_FROM), ("a funeral", GRIEF_FROM),
              ("a coffin at a funeral", GRIEF_FROM), ("an empty pet bed, a lost dog or cat that died", GRIEF_FROM),
              ("mourning a loved one who died", GRIEF_FROM),
              ("holding a photo of a loved one who passed away", GRIEF_FROM),
              ("a grave in a cemetery with flowers", GRIEF_FROM), ("a headstone", GRIEF_FROM),
              ("the things a loved one who died left behind, untouched", GRIEF_FROM),
              ("an urn with the ashes of a loved one", GRIEF_FROM),
              # held-out round 24: an empty chair at a dinner table with a framed photo of a smiling grandfather read
              # 0.36 to the cues above (0.38 to the photo album) and got "Raise Your Glass"; 0.62 to this one
              ("an empty chair at the table for someone who passed away", GRIEF_FROM),
              # session 27 (issue #11): a family saying goodbye to their old dog on a blanket at the vet read 0.38
              # to the cues above (0.43 to the pet lying around) and got the dance track "Loving Myself" (Vance Joy's
              # "Riptide", -0.20 sd valence and +0.18 arousal, is under GriefRule's bright and lively and stays). A
              # dying pet's last goodbye, from its own cosine (EmoBank's dev sentences 99.5% under 0.36, 0.47 at
              # most): that dog reads 0.61; own scenes: the vet saying it is time for an old dog 0.69, a cat's paw
              # held during the final injection 0.55 (an old cat's last day before the vet comes 0.49 is lost); a
              # dog's vaccinations 0.47 and a puppy's first checkup 0.44 stay out. A last goodbye to a dying
              # grandparent in a hospice already reads 0.54-0.60 to the mourning or the photo cue.
              ("saying goodbye to a dying pet at the vet", 0.52),
              # session 27 (issue #11): one last walk with a sick old labrador read 0.49 to the cues above (0.51 on
              # a beach) and got Swedish House Mafia's club track "Greyhound", Pantera's "Walk" and "Take a Walk" by
              # their titles. An old pet's last days, from its own cosine (EmoBank's dev sentences 99.5% under 0.28,
              # 0.42 at most, on pets put to death in shelters; the dev scenes 0.39 at most): that walk reads 0.81,
              # own scenes: a final walk on the beach with a dying labrador 0.67, an old dog's last day in his
              # favourite park 0.60, an old sick cat's last sunny afternoon 0.55 (an old cat's last day in the garden
              # before the vet comes 0.50 is lost). A happy walk stays out: walking the dog on a sunny morning 0.45, a
              # dog walker in the park 0.46, an old man and his old dog through autumn leaves 0.45, an old dog's
              # yearly checkup 0.44, a sick puppy recovering after surgery 0.42, a senior dog hiking 0.40.
              ("one last walk with an old sick pet in its final days", 0.55))
# Sadness without a loss, and the places of grief without it: a Halloween graveyard reads 0.96 to the fourth (0.58 to
# the grave), a spooky graveyard at night 0.70 (0.49), a grandmother with an old photo album 0.66 to the third (0.51
# to the photo), an old dog asleep on his bed 0.75 to the pet asleep (0.50 to the empty pet bed), a celebration of
# life party 0.87 to the party, a girl crying after a breakup in the rain 0.58 to the breakup.
COUNTER_CUES = ("a sad breakup, crying over an ex", "a gloomy rainy day",
                "looking through an old photo album full of happy memories", "a happy party with music and laughter",
                "Halloween: a spooky graveyard with skeletons and jack-o'-lanterns", "a pet asleep in its bed",
                "feeling lonely alone at night", "an empty place after everyone has gone home",
                "a hospital patient getting well",
                # held-out round 24: a cat sitting inside an empty cardboard box read 0.54 to the empty pet bed and got
                # "Wish You Were Here"; it reads 0.57 to this, an empty dog bed with a worn collar 0.44-0.47 (0.68 to
                # the empty pet bed)
                "a cat or dog lying around the house",
                # session 26, once the reading reached the moods ("soothing · somber" beside a get-well bouquet): a
                # hospital room with flowers by the bed read 0.55 to the grave with flowers (0.49 to the patient getting
                # well) and got "Wish You Were Here"; it reads 0.78 to this, graves with flowers 0.45-0.66 (0.67 and
                # more to the grave), a coffin with flowers 0.65; EmoBank's dev sentences 99.5% under 0.30
                "flowers for a patient in a hospital room")

# What a song of loss's title reads close to, from LOSS_TITLE_FROM: "Wish You Were Here" 1.00, "See You Again" 0.70,
# "Tears in Heaven" 0.70, Miguel's "Funeral" 0.65, Billie Eilish's "goodbye" 0.59, Robbie Williams' "Angels" 0.55;
# "Someone You Loved" (0.53), "Knockin' On Heaven's Door" (0.39) and "Fix You" (0.38) are out of reach by title.
# Calm and sad audio (GriefRule) keeps out the titles of breakups that read as loud ("Tear in My Heart" 0.69,
# arousal -0.36 sd; "no tears left to cry" 0.64, +0.08) and the bright ones ("Heaven Is a Place on Earth" 0.60).
LOSS_TOPICS = ("missing someone who is gone forever", "saying goodbye to someone who died", "grief and mourning",
               "you are in heaven now, an angel", "tears for a loved one", "wish you were here",
               "remembering someone lost", "I will see you again someday", "rest in peace")
LOSS_TITLE_FROM = 0.55

# Genres made for a club: Kygo's "Think About You" (danceability 0.67, under songscore.DANCE_FROM) is progressive
# electro house; Halsey's "Graveyard" (0.67), which fits a grave, has none of these. A song of loss keeps its place
# whatever its artist's genres: Wiz Khalifa's "See You Again" (0.69) is tagged edm, as Eric Clapton's "Tears in
# Heaven" reads 0.69 danceable.
CLUB_GENRES = ("edm", "house", "techno", "trance", "dubstep", "disco", "big room", "tropical", "reggaeton",
               "drum and bass", "hardstyle")


@dataclass(frozen=True)
class GriefRule:
    """Which songs lead a scene of grief, and which stay out of it (the catalog's valence, arousal and drive in sd
    units, Spotify's danceability and popularity 0-1)."""

    valence: float = 0.0  # a song of loss reads no brighter than this
    arousal: float = -0.5  # ... and no livelier ("See You Again" -1.18, "Angels" -0.57; "Tear in My Heart" -0.36)
    drive: float = 0.0  # ... nor more driven than this
    known: float = 0.6  # Spotify popularity from which a song of loss may lead (the dev leads 0.66-0.80)
    title: float = 2.0  # per unit of title cosine to LOSS_TOPICS over LOSS_TITLE_FROM
    closeness: float = 1.0  # per unit of the title's cosine to the description (Miguel's "Funeral" at a funeral)
    close_cap: float = 0.5
    # kept out of a scene of grief: danceability from (Kygo's "Think About You" 0.67 with a club genre; "Funky
    # Town" 0.91), valence from (sd; "Heaven Is a Place on Earth" +1.10), drive from (sd; The Chainsmokers' "Roses"
    # +0.51), harshness from (songscore.SongFeatures.harsh)
    dance: float = 0.70
    club_dance: float = 0.50  # with a club genre (The Chainsmokers' "Who Do You Love" 0.53 at a funeral)
    bright: float = 0.5
    driven: float = 0.3
    lively: float = 0.25  # arousal from (sd; David Lee Roth's "California Girls" +0.27 by a headstone)
    harsh: float = 0.5


# each cue's start, in order (cuescenes.cue_scene)
_GRIEF_CUES_STARTS = np.array([start for _, start in GRIEF_CUES], np.float32)


def grief_scene(query: np.ndarray, grief_cues: np.ndarray, counter_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a scene of grief: as close as its own cosine to one of
    grief_cues (G, D, GRIEF_CUES in order), and closer to them than to any of counter_cues (C, D)."""
    return cue_scene(query, grief_cues, _GRIEF_CUES_STARTS, counter_cues)


def club_songs(genres) -> np.ndarray:
    """(N,) True for each song with a club genre (CLUB_GENRES) among its '|'-separated genres."""
    return np.array([any(club in name for name in str(cell).split("|") for club in CLUB_GENRES) for cell in genres],
                    bool)


def unfit_for_grief(valence: np.ndarray, arousal: np.ndarray, drive: np.ndarray, dance: np.ndarray, club: np.ndarray,
                    harsh: np.ndarray | None, loss: np.ndarray, rule: GriefRule = GriefRule()) -> np.ndarray:
    """(N,) True for each song kept out of a scene of grief: made to dance to (danceability 0-1, NaN unknown; less
    of it with a club genre, unless its title is one of loss: loss (N,), as in grief_lead_scores), bright, lively,
    driven or harsh."""
    dance = np.nan_to_num(np.asarray(dance, np.float32), nan=0.0)
    clubbed = club & (dance >= rule.club_dance) & (np.asarray(loss) < LOSS_TITLE_FROM)
    unfit = ((dance >= rule.dance) | clubbed | (np.asarray(valence) > rule.bright)
             | (np.asarray(drive) > rule.driven) | (np.asarray(arousal) > rule.lively))
    if harsh is not None:
        unfit |= np.asarray(harsh) > rule.harsh
    return unfit


def grief_lead_scores(loss: np.ndarray, valence: np.ndarray, arousal: np.ndarray, drive: np.ndarray,
                      fame: np.ndarray, similarities: np.ndarray, jitter: np.ndarray | None = None,
                      rule: GriefRule = GriefRule()) -> np.ndarray:
    """(N,) how well each song of loss leads a scene of grief, -inf for every other song. loss: (N,) each title's
    nearest cosine to LOSS_TOPICS; valence, arousal, drive: (N,) sd units; fame: (N,) popularity 0-1;
    similarities: (N,) each title's cosine to the description; jitter: the description's own draw, if any."""
    scores = np.full(len(loss), -np.inf, np.float32)
    candidates = np.flatnonzero((loss >= LOSS_TITLE_FROM) & (valence <= rule.valence) & (arousal <= rule.arousal)
                                & (drive <= rule.drive) & (fame >= rule.known))
    value = (fame[candidates] + rule.title * (loss[candidates] - LOSS_TITLE_FROM)
             + rule.closeness * np.clip(similarities[candidates], 0.0, rule.close_cap))
    if jitter is not None:  # not the same three songs at every grave
        value = value + jitter[candidates]
    scores[candidates] = value
    return scores
