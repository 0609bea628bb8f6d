"""Hub songs: the few songs that land in answers to unrelated descriptions.

A song near the centre of the catalog's affect, well known and plain in energy, fits every
ordinary text a little, so it wins many of them: Drake's "Hotline Bling" came back in 4.8% of
EmoBank's answers and in 4 of the 45 judged scenes, where judges called it filler. How often
a song lands in answers over many varied texts is measured once at build time, over two kinds of
text: EmoBank's train sentences (never its dev rows) and the topics of OASIS's rated photos ("a photo
of a beach", "... of a birthday", "... of a dog": 221 everyday and stark subjects, nearer to what
a Story shows); a song's hub share is the larger of the two (and of two passes,
index._measure_hubs), and the song score damps the songs that come back far more often
than a song should (SongWeights.hub, scene_fit): a fitting song still wins where it fits clearly.
"""

from __future__ import annotations

import numpy as np

HUB_TEXTS = 2000  # train sentences answered at build time, in each pass (about 15 s on 2 cores)
PASSES = 2  # the second pass finds the songs that take the first pass's hubs' place
BATCH = 250


def hub_texts(texts: list[str], splits, limit: int = HUB_TEXTS) -> list[str]:
    """Up to `limit` of the train sentences, evenly spread over the corpus (its genres come in runs)."""
    train = [text for text, split in zip(texts, splits) if split == "train" and text.strip()]
    if len(train) <= limit:
        return train
    return [train[int(i)] for i in np.linspace(0, len(train) - 1, limit)]


def photo_topics(themes) -> list[str]:
    """One short description per distinct OASIS theme ("Beach 3" -> "a photo of a beach")."""
    topics = sorted({" ".join(word for word in str(theme).split() if not word.isdigit()).lower() for theme in themes})
    return [f"a photo of {topic}" for topic in topics if topic]


def answer_shares(recommender, texts: list[str], song_ids, songs: int = 8) -> np.ndarray:
    """(N,) float32 the share of the texts' answers in which each catalog song (song_ids, (N,)) lands."""
    position = {str(song_id): i for i, song_id in enumerate(song_ids)}
    counts = np.zeros(len(position), np.float32)
    for start in range(0, len(texts), BATCH):
        for suggestion in recommender.suggest_many(texts[start:start + BATCH], songs=songs):
            for song in suggestion.songs:
                counts[position[song.id]] += 1
    return counts / max(len(texts), 1)


def title_shares(recommender, texts: list[str], song_ids, songs: int = 5) -> np.ndarray:
    """(N,) float32 the share of the texts' answers in which each song lands through its title
    (the "title" reason): a title that does so for many unrelated photo topics ("A Forest" for bark,
    grass, a crow, parasailing) reads as a loose pun on ordinary scenes (SongFeatures.title_hub)."""
    position = {str(song_id): i for i, song_id in enumerate(song_ids)}
    counts = np.zeros(len(position), np.float32)
    for start in range(0, len(texts), BATCH):
        for suggestion in recommender.suggest_many(texts[start:start + BATCH], songs=songs):
            for song in suggestion.songs:
                if "title" in song.reasons:
                    counts[position[song.id]] += 1
    return counts / max(len(texts), 1)
