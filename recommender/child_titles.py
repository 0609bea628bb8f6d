"""Songs about desire, being sexy, teenage love or the club, kept out of children's scenes.

Held-out round 25's judges (session 26, issue #11) named Katy Perry's "Teenage Dream" and Fifth Harmony's "Worth It"
beside a schoolgirl's science fair. seduction.py keeps titles about sex out of family scenes and drinking.py drinking songs out
of children's ones, but a title about a teenage crush, being sexy, wanting someone or a club night says none of their
phrases. Here such a title reaches its own cosine to one of GROWN_THEME_CUES (as seduction.py reads its titles), and
it stays out of a children's scene (drinking.CHILD_CUES: kids, babies, a child's birthday) or a school event or a
child at play (CHILDHOOD_CUES: a science fair, a school play, kids in a pool, a piggyback ride), each read closer to a
child than to an adults' or a teenagers' scene (seduction.ADULT_CUES, family_rap.TEENAGE_CUES: teenagers at a summer
party reach drinking's young child's birthday party and may keep a teenage crush). A title that says
none of this ("Worth It", "Cake By The Ocean", "Into You") is out of this reading's reach. No list of songs or scenes.
Session 28 (issue #11): held-out judges named "Teenage Dream" for a teenager reading his dream university's rejection
email (a title match on "dream") and Kim Petras's "Do Me" for a man staring at his car-impound bill; on main's dev
answers 54 of 58 scenes with such a title read as no couple, date, night out, dance floor or party ("I Want You" for an
old man feeding pigeons, "At The Club" at an exam-week desk, "Beautiful Girls" at a candlelit vigil). So such a title
now needs the support seduction.py's titles need (seduction.seduction_fits), or a club scene (CLUB_CUES: a DJ's
night, a queue at a club's door, which the romance cues read under their cosine), in every scene, title matches too.
"""

from __future__ import annotations

import numpy as np

from . import seduction
from .cuescenes import cue_scene, cue_titles, nearest_cue

# (phrase, cosine from which a title close to it is about desire, being sexy, teenage love or the club). On the
# catalog's songs from popularity 0.55: "a teenage dream" takes "Teenage Dream" 0.96, "Teenage Fantasy" 0.73 (the
# "Dreams" 0.67 stay); "kids in love" "Kids in Love" 1.00 ("Kids" 0.70, "Children" 0.69 stay); "turn me on" the
# three "Turn Me On" 1.00 ("Turn Up" 0.73 stays); "sexy" "Sexy Bitch" 0.73, "Hot" 0.72, "Gorgeous" 0.72, "You Sexy
# Thing" 0.68, "Sexy And I Know It" 0.67 ("Beautiful" 0.64 stays); "hot girls" "Pretty Girls" 0.73, "Beautiful
# Girls" 0.72, "Hot Girl Summer" 0.71, "Girls Like" 0.69 ("Good Girls" 0.66, "Most Girls" 0.65 stay); "touch me"
# "Touch Me" 1.00, Little Mix's "Touch" 0.81 ("One Touch" 0.68, "U Can't Touch This" 0.64 stay); "I want you, baby"
# "I Want You" 0.81, "I Want You to Want Me" 0.76, "I Want U" 0.69, "Want to Want Me" 0.677 ("All I Want Is You"
# 0.64 stays); "on the dance floor in the club" "At The Club" 0.76, "On The Floor" 0.65, "In Da Club" 0.63 ("Where
# the Party At" 0.61 stays).
GROWN_THEME_CUES = (("a teenage dream", 0.72), ("kids in love", 0.8), ("turn me on", 0.75), ("sexy", 0.66),
                    ("hot girls", 0.68), ("touch me", 0.8), ("I want you, baby", 0.67),
                    ("on the dance floor in the club", 0.62))

# (phrase, cosine from which a description is a child's scene drinking.CHILD_CUES does not reach: a school event or
# a child at play). EmoBank's dev sentences reach 0.26, 0.26, 0.28, 0.22, 0.27, 0.29 and 0.20 at 99.5% (0.41 and
# 0.48 at most, to the play and the sports day). Dev scenes: a girl beside her volcano at the school science fair
# 0.51 (a girl with a balloon at a county fair 0.37); a classroom full of students laughing 0.43 and a crowded
# concert stage 0.41 to the play; a first day of school 0.54 (already a children's scene), a beach volleyball game
# 0.51 to the sports day; kids jumping into a pool 0.69, splashing in a fountain 0.65 (a pool party 0.52, a school
# swim meet 0.52); a kid leaping into a pile of leaves 0.61, a girl on a swing in the backyard 0.62, blowing bubbles
# 0.53-0.67 (a puppy on the grass 0.49, a gardener planting tomatoes 0.46); a dad giving his daughter a piggyback
# ride 0.48, teaching his son to ride a bike 0.46-0.47 (teaching his teenage daughter to drive 0.42); a little girl
# at her ballet recital 0.80, a dance class of little girls 0.60 (a girl dancing in her bedroom 0.42). Own scenes: a
# son in the school play 0.47, a primary school's sack race 0.72. A high school's marching band or swim meet is a
# teenagers' scene and is left alone.
CHILDHOOD_CUES = (("a school science fair", 0.45), ("a school play on stage", 0.45), ("a school sports day", 0.55),
                  ("kids swimming and splashing in a pool", 0.55),
                  ("a kid playing outside in the garden or the yard", 0.52),
                  ("a dad or mom playing with their little kid", 0.45), ("a little girl's ballet recital", 0.5))


# A club scene keeps these titles (seduction.ROMANCE_CUES read them under ROMANCE_FROM): from CLUB_FROM to the nearest
# cue. Dev scenes: a DJ at a night club with colorful lights 0.79 (0.42 to the romance cues), friends queueing outside
# a club at midnight 0.67; a bonfire on the beach with friends 0.30, a food truck festival 0.27, a pinball machine in a
# dark bar 0.21, a spin class with neon lights 0.21, a rejection email 0.10, a car-impound bill 0.10 stay out.
# EmoBank's dev sentences 99.5% under 0.22 and 0.31 (0.33 and 0.44 at most).
CLUB_CUES = ("a DJ playing in a nightclub", "people queueing to get into a club at night")
CLUB_FROM = 0.5


def grown_theme_fits(query: np.ndarray, romance_cues: np.ndarray, family_cues: np.ndarray,
                     adult_and_teenage_cues: np.ndarray, elder_and_faith_cues: np.ndarray,
                     club_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding supports a title about desire, being sexy, teenage love or the
    club: what supports a seduction title (seduction.seduction_fits: a couple, a date, a night out, a dance floor
    or a party, not a family, old people's or faith scene), or CLUB_FROM or closer to one of club_cues (C, D).
    adult_and_teenage_cues (A, D): seduction.ADULT_CUES and family_rap.TEENAGE_CUES, so that teenagers at a summer
    party (0.55 to the romance cues, closer to the family cues than to seduction's adult ones) keep a teenage crush."""
    return (seduction.seduction_fits(query, romance_cues, family_cues, adult_and_teenage_cues, elder_and_faith_cues)
            or nearest_cue(query, club_cues) >= CLUB_FROM)


def grown_theme_titles(title_cosines: np.ndarray) -> np.ndarray:
    """(N,) True for each song whose title reads as one of GROWN_THEME_CUES. title_cosines: (N, K) cosine of each
    title to each of the cues' phrases, in order."""
    return cue_titles(title_cosines, GROWN_THEME_CUES)


_CHILDHOOD_STARTS = np.array([start for _, start in CHILDHOOD_CUES], np.float32)  # each cue's start, in order


def childhood_scene(query: np.ndarray, childhood_cues: np.ndarray, grown_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a school event or a child at play: as close as its own cosine
    to one of childhood_cues (K, D, CHILDHOOD_CUES in order), and closer to them than to any of grown_cues (G, D:
    seduction.ADULT_CUES and family_rap.TEENAGE_CUES, where a teenage crush may play)."""
    return cue_scene(query, childhood_cues, _CHILDHOOD_STARTS, grown_cues)
