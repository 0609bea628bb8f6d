"""A season mood only where the text does not name another season.

Held-out round 23's judges named "autumnal" for a reindeer sled in snowy Lapland, for Hanukkah candles as snow falls
and on a hot August beach, and "wintry" for a hurricane; on the dev scenes "autumnal" came to "a garden full of roses
and butterflies in summer" and "springlike" to friends in a hot spring surrounded by snow. The labels' own cosines
cannot tell: "wintry" reads 0.07 to the Lapland sled and "autumnal" 0.33, and cue sentences ("winter, with snow and
frost" 0.37 against "autumn, with falling leaves" 0.38 for the same sled) blur the seasons as much. The words do
not: a text that names a season (its words below) rules out the other seasons' labels, unless it names those too.
"""

from __future__ import annotations

import re

# The season labels (AllMusic moods) and the words that name their season in a description.
SEASON_WORDS = {
    "springlike": ("spring", "springtime", "blossom", "blossoms", "blossoming", "tulips", "daffodils", "bluebells",
                   "april"),
    "summery": ("summer", "summertime", "midsummer", "sunburnt", "sunburned", "heatwave", "july", "august"),
    "autumnal": ("autumn", "autumnal", "october", "november", "halloween", "thanksgiving", "pumpkin", "pumpkins"),
    "wintry": ("winter", "wintry", "wintertime", "snow", "snowy", "snowing", "snowfall", "snowman", "snowflakes",
               "frost", "frosty", "frozen", "blizzard", "icicles", "sled", "sleigh", "christmas", "december",
               "january", "hanukkah", "skiing", "ski"),
}
# Words that look like a season's and are not: a hot spring is water. ("May" is left out: a verb as often as a month.)
NOT_A_SEASON = re.compile(r"\b(hot|thermal|box|mattress)\s+springs?\b")


def ruled_out_seasons(text: str) -> frozenset[str]:
    """The season labels a description rules out: every season's but those it names, when it names any."""
    lowered = NOT_A_SEASON.sub(" ", text.lower())
    words = set(re.findall(r"[a-z]+", lowered))
    named = {label for label, season_words in SEASON_WORDS.items() if words.intersection(season_words)}
    return frozenset(SEASON_WORDS) - named if named else frozenset()
