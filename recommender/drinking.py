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

from .cuescenes import cue_scene, cue_titles

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

# A description is a children's scene when it reaches one cue's own cosine (phrase, from) and reads closer to these
# cues than to seduction.ADULT_CUES. Dev scenes: a kid's birthday party with a clown 0.74, a child blowing out candles
# on a chocolate cake 0.87, a girl's unicorn cake 0.76, a baby's first steps 0.66, a toddler in a paddling pool 0.60,
# a first day of school 0.56, a mother reading a bedtime story 0.50. The birthday cues from their own, higher cosines:
# a woman blowing out candles at a party reads 0.68 and a grandfather's 80th cake 0.70 to the candles (a boy's
# eleventh 0.68 is lost with them), a grandfather's 90th party 0.55 and a dog's 0.53 to the party; friends'
# Halloween, pool and beer pong parties read closer to a party (0.66-0.70).
CHILD_CUES = (("a baby", 0.47), ("a toddler", 0.5), ("a baby shower with a newborn baby", 0.47),
              ("a parent with a young child", 0.47), ("children playing at school", 0.47), ("a little girl or boy", 0.47),
              ("young children playing together", 0.5), ("a young child's birthday party with other kids", 0.57),
              ("a little kid blowing out the candles on a birthday cake", 0.72))
CHILD_STARTS = np.array([start for _, start in CHILD_CUES], np.float32)


def drinking_titles(title_cosines: np.ndarray) -> np.ndarray:
    """(N,) True for each song whose title reads as drinking. title_cosines: (N, K) cosine of each title to each
    of DRINKING_CUES' phrases, in order."""
    return cue_titles(title_cosines, DRINKING_CUES)


def children_scene(query: np.ndarray, child_cues: np.ndarray, adult_cues: np.ndarray) -> bool:
    """Whether a description (D,) unit embedding is a children's scene a drinking song does not belong in: as close
    as its own cosine to one of child_cues (C, D, CHILD_CUES in order), and closer to them than to any of
    adult_cues (A, D)."""
    return cue_scene(query, child_cues, CHILD_STARTS, adult_cues)
