"""Hub labels: the few mood labels that land in answers to unrelated descriptions.

Like the hub songs (songhubs), a label near the centre of everything, "atmospheric", "spiritual",
"quiet", "jovial", fits every ordinary text a little, so it wins many of them: before this, over
the 220 everyday and stark subjects of OASIS's rated photos ("a beach", "a baby", "a gun"),
"atmospheric" came back in 33% of the answers and "spiritual" in 25%, while a label's fair share
is under 3% (about 7 labels of 276 per answer). The judges saw them where they said nothing or
clashed ("lazy · spiritual" on a bench by the sea, "spiritual · energetic" for a cyclist, "dreamy
· epic · atmospheric · mellow" at a rooftop party). How often a label lands in answers is measured
once at build time over the same two kinds of text as the songs' hubs (EmoBank's train sentences,
never its dev rows, and OASIS's topics, here as a caption names them: "a beach"); the larger share
counts, over two passes (a damped hub's place goes to the next label in line, which is measured
too). The mood gate (moodpicking.MoodGate) then asks a hub label for a better fit, in proportion to
how far its share runs beyond HUB_FREE: a label that clearly fits still wins.
"""

from __future__ import annotations

import numpy as np

PASSES = 2
BATCH = 250
HUB_FREE = 0.08  # the share a label may have without a cost (ordinary feelings recur: "calm", "romantic")


def caption_topics(themes) -> list[str]:
    """One short caption per distinct OASIS theme ("Beach 3" -> "a beach")."""
    topics = sorted({" ".join(word for word in str(theme).split() if not word.isdigit()).lower() for theme in themes})
    return [f"a {topic}" for topic in topics if topic]


def label_shares(recommender, texts: list[str], labels: list[str]) -> np.ndarray:
    """(L,) float32 the share of the texts' answers in which each label (in `labels` order) lands."""
    position = {label: i for i, label in enumerate(labels)}
    counts = np.zeros(len(labels), np.float32)
    for start in range(0, len(texts), BATCH):
        for suggestion in recommender.suggest_many(texts[start:start + BATCH], songs=1):
            for label in {label for mood in suggestion.moods for label in mood.labels}:
                counts[position[label]] += 1
    return counts / max(len(texts), 1)
