"""No mood of night or menace in a daylight scene that names nothing dark.

Held-out judges marked down "eerie · meditative" for a birdwatcher in a hide over a marsh at dawn and "soothing ·
brooding" for newborn lambs in a frosty field at sunrise; on the dev scenes "brooding" came to a foggy morning over a
forest and "nocturnal" to a rainy Sunday morning in bed. The labels' own cosines cannot tell: "brooding" and "eerie"
need DARK_SUPPORT (0.26, moodpicking.py), and quiet nature reaches it as a cemetery does. Nor can a cue sentence: "early
morning at dawn as the sun rises" reads 0.32 for the birdwatcher and 0.39 for a thunderstorm over the city at night,
0.43 for a skyline at night (the encoder hears the sky, not the hour). The words can, as for the seasons
(season_moods.py): a text that places the scene in daylight, and names neither the night nor a threat, rules out the
labels of night and menace. A storm at dawn, a haunted house in the afternoon, a night shift ending at sunrise keep
them.
"""

from __future__ import annotations

import re

# Labels of the night, and of menace; menace's also stay where the text names a threat.
NIGHT_LABELS = ("nocturnal",)
MENACE_LABELS = ("eerie", "ominous", "brooding", "menacing", "scary", "spooky", "unsettling", "suspenseful",
                 "threatening", "malevolent", "macabre", "dark")
DAYLIGHT_WORDS = frozenset(("dawn", "sunrise", "sunup", "daybreak", "morning", "mornings", "noon", "midday",
                            "afternoon", "afternoons", "daytime", "daylight", "sunny", "sunlit", "sunshine"))
# "first light" is two words, each harmless alone.
DAYLIGHT_PHRASE = re.compile(r"\bfirst light\b")
NIGHT_WORDS = frozenset(("night", "nights", "nighttime", "midnight", "tonight", "overnight", "evening", "dusk",
                         "twilight", "dark", "darkness", "moon", "moonlight", "moonlit", "stars", "starry", "neon",
                         "nocturnal"))
# "decaying" and its kin too: a daytime tour of decaying factories is eerie by right (EmoBank's one such dev sentence).
THREAT_WORDS = frozenset(("storm", "storms", "stormy", "thunder", "thunderstorm", "lightning", "hurricane", "tornado",
                          "gale", "flood", "floodwater", "haunted", "ghost", "ghosts", "ghostly", "graveyard",
                          "cemetery", "grave", "graves", "tomb", "funeral", "coffin", "abandoned", "ruins", "derelict",
                          "decaying", "decayed", "rotting", "crumbling", "creepy", "spooky", "eerie", "horror",
                          "zombie", "zombies", "skeleton", "skeletons", "halloween", "witch", "witches", "crash",
                          "accident", "war", "ominous", "menacing"))


def ruled_out_by_daylight(text: str) -> frozenset[str]:
    """The night and menace labels a description rules out: all of them where it names daylight and neither the
    night nor a threat, the night's alone where it names a threat too, none where it names no daylight or the night."""
    lowered = text.lower()
    words = set(re.findall(r"[a-z]+", lowered))
    if not (words & DAYLIGHT_WORDS or DAYLIGHT_PHRASE.search(lowered)) or words & NIGHT_WORDS:
        return frozenset()
    if words & THREAT_WORDS:
        return frozenset(NIGHT_LABELS)
    return frozenset(NIGHT_LABELS + MENACE_LABELS)
