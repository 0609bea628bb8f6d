"""How tightly French answers should hold to their read feeling (issue 12): one change at a time to the French
answers of EmoBank dev's 600 translated pairs, English answers unchanged, every model refitted on the train rows
as `benchmarks.language_quality` does. Prints, per variant, the French songs' r with gold, the English-minus-French
gap on each set of translations, the French songs' r with the English songs of the same sentences (no gold in it)
and the spread of the French songs' mean valence / arousal.

    .venv/bin/python -m benchmarks.french_hold_choice affect=6.0 spread=1.4/1.3 affect=3.2,spread=1.3/1.2

affect=W: the songs' affect weight for the French answers (SongWeights.affect; English keeps its own);
spread=V/A: the translated reading's spread (multilingual.TRANSLATED_AFFECT_SPREAD). The shipped French answers
(engine.TRANSLATED_AFFECT_HOLD) are the first line; pass affect=2.0 for the answers without the hold.
"""

from __future__ import annotations

import dataclasses
import json
import sys

import numpy as np

from benchmarks import language_quality as lq
from recommender import engine, multilingual
from recommender.affect import AffectModel
from recommender.compact import QuantizedRows
from recommender.encoder import TextEncoder
from recommender.engine import Recommender
from recommender.index import AFFECT_GAMMA, AFFECT_RIDGE, SONG_THEMES, default_data_dir, load_index, title_readings
from recommender.sources import DEFAULT_SOURCES_DIR, local_sources
from recommender.translation import ApertiumTranslator


def main() -> None:
    variants = {"shipped": {}} | {arg: dict(part.split("=") for part in arg.split(",")) for arg in sys.argv[1:]}
    index = load_index(default_data_dir())
    ids, texts, vad, split = lq.read_emobank_with_ids(local_sources(DEFAULT_SOURCES_DIR).emobank)
    train = split == "train"
    position = {row_id: i for i, row_id in enumerate(ids)}
    french_ids, french, sets = lq.read_dev_french(ids, split)
    rows = np.array([position[row_id] for row_id in french_ids])
    english, gold = [texts[row] for row in rows], vad[rows]
    encoder = TextEncoder(index.encoder_dir)
    cache = multilingual.EmbeddingCache(default_data_dir() / "cache")
    minilm = encoder.encode(texts)
    ml = cache.embeddings(texts, multilingual.MultilingualEncoder)
    ml_labels = cache.embeddings(index.labels, multilingual.MultilingualEncoder)
    glosser = multilingual.build_glosser([t for t, is_train in zip(texts, train) if is_train],
                                         multilingual.MultilingualEncoder())
    affect = AffectModel.fit(minilm[train], vad[train], gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
    space = multilingual.build_multilingual_space(np.vstack([ml[train], ml_labels]),
                                                  np.vstack([minilm[train], index.label_embeddings]), vad[train],
                                                  glosser)
    refitted = dataclasses.replace(index, affect=affect, label_affect=affect.predict(index.label_embeddings)[:, :2],
                                   title_affect=title_readings(affect, QuantizedRows.load(default_data_dir() / SONG_THEMES)),
                                   multilingual=space)
    route = ApertiumTranslator(pivots=(), timeout=600)
    english_songs = lq.songs_affect(Recommender(dataclasses.replace(
        refitted, multilingual=dataclasses.replace(space, translator=route)), encoder), english)
    print(json.dumps({"english songs r": [lq.pearson(gold[:, d], english_songs[:, d]) for d in (0, 1)],
                      "english songs SD": english_songs.std(axis=0).tolist()}), flush=True)
    for name, change in variants.items():
        extra = {}
        if "spread" in change:
            extra["translated_spread"] = tuple(float(x) for x in change["spread"].split("/"))
        recommender = Recommender(dataclasses.replace(
            refitted, multilingual=dataclasses.replace(space, translator=route, **extra)), encoder)
        hold = engine.TRANSLATED_AFFECT_HOLD
        if "affect" in change:  # the French answers' affect weight, English untouched
            engine.TRANSLATED_AFFECT_HOLD = float(change["affect"]) / recommender.song_weights.affect
        french_songs = lq.songs_affect(recommender, french)
        engine.TRANSLATED_AFFECT_HOLD = hold
        result = {"variant": name, "french songs SD": french_songs.std(axis=0).round(3).tolist()}
        for part_name, part in sets.items():
            gaps = lq.songs_gap(part_name, english_songs[part], french_songs[part], gold[part])
            result[part_name] = {"fr r": [round(gaps["fr_v"], 3), round(gaps["fr_a"], 3)],
                                 "gap": [round(gaps["en_v"] - gaps["fr_v"], 3), round(gaps["en_a"] - gaps["fr_a"], 3)],
                                 "with english": [round(x, 3) for x in gaps["with_english"]]}
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
