"""Songs about drinking, kept out of children's scenes.

Held-out judges (session 22) found P!nk's "Raise Your Glass", a drinking song, leading several children's birthdays
as their celebration song (celebration.py). explicit.GROWN_UP_WORDS lists "drunk" and "hangover", but drinks
themselves are left alone there ("Red Red Wine" for a picnic, a toast at a wedding) and "Raise Your Glass",
"Tequila" or "Tennessee Whiskey" hold no such word. Here a title is a drinking song when it reaches its own cosine
to one of a few phrases (as seduction.py reads seduction titles), and a description is a children's scene (kids,
babies, school, a child's birthday) when it reads close to a child and closer to that than to an adults' scene
(seduction.ADULT_CUES: a night out, a party, a couple). No list of songs or scenes.
"""

from __future__ import annotations

import numpy as np

# (phrase, cosine from which a title close to it is about drinking). On the catalog's well-known songs: "raise your
# glass and drink" takes "Raise Your Glass" 0.86 ("Cake By The Ocean" 0.08); "shots of tequila" "Tequila" 0.87,
# "Tequila Sunrise" 0.70, "Cocktails" 0.65, "Margarita" 0.60 ("Shots" 0.58 and "Margaritaville" 0.42 stay);
# "whiskey" "Tennessee Whiskey" 0.80, "Scotch" 0.75 ("Cocaine" and "Brandy" 0.54 stay); "champagne" "Champagne &
# Sunshine" 0.72, "Champagne Supernova" 0.70; "getting drunk" "Drunk" 0.80, "Sober" 0.71, "Intoxicated" 0.66
# ("Drowning" 0.53 stays); "beer" from 0.65 (0.50 took "Sugar", "Taste", "Coffee", "Pizza"); "a hangover"
# "Hangover" 0.95, "hungover & i miss u" 0.67 ("If You Can't Hang" 0.52 stays). "Kiss Me", "Move Your Body",
# "Cake By The Ocean" read 0.40 or less to every phrase.
DRINKING_CUES = (("drinking alcohol", 0.6), ("getting drunk", 0.6), ("raise your glass and drink", 0.6),
                 ("shots of tequila", 0.58), ("beer", 0.65), ("whiskey", 0.6), ("wine", 0.6), ("a hangover", 0.6),
                 ("champagne", 0.6), ("drink to that, cheers", 0.6), ("vodka", 0.6))

# A description counts as a children's scene from CHILD_FROM to its nearest cue (dev scenes: a kid's birthday party
# with balloons 0.77, a school classroom 0.72, a baby's first steps 0.68, a baby in a bubble bath 0.53, a mother
# reading a bedtime story 0.50, kids trick-or-treating 0.46-0.49; a bar night with friends 0.31, a wedding dance
# floor 0.32), and only while it reads closer to these than to seduction.ADULT_CUES (friends playing beer pong at a
# house party 0.52, a pool party with friends 0.57, a rooftop party with cocktails 0.45 read closer to a party).
CHILD_CUES = ("a child's birthday party with kids", "a baby shower with a newborn baby", "a baby",
              "a parent with a young child", "children playing at school",
              "a little child blowing out the candles on a birthday cake", "a little girl or boy",
              "kids playing together")
CHILD_FROM = 0.45


def drinking_titles(title_cosines: np.ndarray) -> np.ndarray:
    """(N,) True for each song whose title reads as drinking. title_cosines: (N, K) cosine of each title to each
    of DRINKING_CUES' phrases, in order."""
    froms = np.array([start for _, start in DRINKING_CUES], np.float32)
    return (np.asarray(title_cosines, np.float32) >= froms).any(axis=1)


def children_scene(query: np.ndarray, child_cues: np.ndarray, adult_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a children's scene a drinking song does not belong in:
    CHILD_FROM or closer to one of child_cues (C, D), and closer to them than to any of adult_cues (A, D)."""
    query = np.asarray(query, np.float32)
    child = float((np.asarray(child_cues, np.float32) @ query).max())
    adult = float((np.asarray(adult_cues, np.float32) @ query).max())
    return child >= CHILD_FROM and child > adult
