"""How plain a mood label is: a word a person posting a Story would use ("happy", "calm",
"nostalgic") or one from a record reviewer's shelf ("freewheeling", "effervescent", "literate").

Judges marked our moods down for labels like "hypnotic", "eccentric", "ornate" or "literate":
each may fit a photo's words, none is how people name a feeling. Two measured signals make up
a label's plainness, each standardised over the 276 AllMusic labels and averaged:

- everyday use: the word's Zipf frequency in English (the `wordfreq` package: subtitles, web,
  social media, books; "happy" 5.3, "eccentric" 3.6, "freewheeling" 2.3);
- reads as a mood: the encoder's cosine between the label and the words "mood", "feeling" and
  "emotion" ("melancholy" 0.52, "clinical" 0.24, "circular" 0.19): a common word that names a
  property, not a feeling, scores low here.

The table (label_plainness.json beside this module) is written by `python -m recommender.moodwords`
from data/ (wordfreq is a build-only dependency); the engine only reads it, and a label missing
from it counts as average. MoodGate turns plainness into the extra fit a label needs.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

TABLE = Path(__file__).with_name("label_plainness.json")
MOOD_WORDS = ("mood", "feeling", "emotion")
HUB_PASSES = 2


def plainness(labels: list[str], table: dict[str, list[float]] | None = None) -> np.ndarray:
    """(L,) float32 each label's plainness in standard deviations over the table's labels (0 = average)."""
    table = read_table() if table is None else table
    if not table:
        return np.zeros(len(labels), np.float32)
    values = np.array([row[:2] for row in table.values()], np.float64)  # (T, 2) mood cosine, Zipf frequency
    standard = (values - values.mean(axis=0)) / np.maximum(values.std(axis=0), 1e-9)
    by_label = dict(zip(table, standard.mean(axis=1)))
    return np.array([by_label.get(label, 0.0) for label in labels], np.float32)


def hub_shares(labels: list[str], table: dict[str, list[float]] | None = None) -> np.ndarray:
    """(L,) float32 the share of answers to unrelated texts each label landed in (0 if unmeasured)."""
    table = read_table() if table is None else table
    return np.array([table[label][2] if len(table.get(label, ())) > 2 else 0.0 for label in labels], np.float32)


def read_table(path: Path = TABLE) -> dict[str, list[float]]:
    """label -> [cosine to the mood words, Zipf frequency]; empty if the table is missing."""
    return json.loads(path.read_text()) if path.exists() else {}


def measure(labels: list[str], label_embeddings: np.ndarray, encoder) -> dict[str, list[float]]:
    """The table's rows for the labels: their mean cosine to MOOD_WORDS and their Zipf frequency."""
    from wordfreq import zipf_frequency

    anchors = encoder.encode(list(MOOD_WORDS))  # (3, D) unit length, as the labels are
    cosines = (np.asarray(label_embeddings[: len(labels)], np.float64) @ anchors.T).mean(axis=1)
    return {label: [round(float(cosine), 4), round(zipf_frequency(label, "en"), 2)]
            for label, cosine in zip(labels, cosines)}


def answer_shares(recommender, texts: list[str], labels: list[str], batch: int = 250) -> np.ndarray:
    """(L,) the share of the texts' answers showing each label."""
    position = {label: i for i, label in enumerate(labels)}
    counts = np.zeros(len(labels))
    for start in range(0, len(texts), batch):
        for suggestion in recommender.suggest_many(texts[start:start + batch], songs=1):
            for label in {label for mood in suggestion.moods for label in mood.labels}:
                counts[position[label]] += 1
    return counts / max(len(texts), 1)


def hub_texts() -> list[list[str]]:
    """The varied texts hub shares are measured on, as for the song hubs (songhubs): 2,000 of
    EmoBank's train sentences and OASIS's 220 photo topics."""
    from . import songhubs
    from .datasets import read_emobank
    from .oasis import read_oasis
    from .sources import DEFAULT_SOURCES_DIR, local_sources

    sources = local_sources(DEFAULT_SOURCES_DIR)
    emobank = read_emobank(sources.emobank)
    return [songhubs.hub_texts(emobank.texts, emobank.split),
            songhubs.photo_topics(read_oasis(Path(DEFAULT_SOURCES_DIR) / "oasis").themes)]


def write_table(table: dict[str, list[float]], path: Path = TABLE) -> None:
    rows = ",\n".join(f"{json.dumps(label)}: {json.dumps(table[label])}" for label in sorted(table))
    path.write_text("{\n" + rows + "\n}\n")


def main() -> None:
    """Measure the table from data/ and ../shared/data: plainness first, then two passes of hub
    shares with the engine's own mood picking (the second with the first pass's hubs damped, so
    the labels that take their place are found too; a label keeps its larger share)."""
    from .encoder import TextEncoder
    from .engine import Recommender
    from .index import load_index

    index = load_index()
    encoder = TextEncoder(index.encoder_dir)
    table = measure(index.labels, index.label_embeddings, encoder)
    shares = np.zeros(len(index.labels))
    for _ in range(HUB_PASSES):
        write_table({label: table[label][:2] + [round(float(share), 3)]
                     for label, share in zip(index.labels, shares)})
        recommender = Recommender(index, encoder)
        for texts in hub_texts():
            shares = np.maximum(shares, answer_shares(recommender, texts, index.labels))
    write_table({label: table[label][:2] + [round(float(share), 3)] for label, share in zip(index.labels, shares)})
    print(f"wrote {len(table)} labels to {TABLE}")


if __name__ == "__main__":
    main()
