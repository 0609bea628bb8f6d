"""Should the French reading use Apertium's translation, and how far should the vector move to it?

Decided on the French translations of EmoBank **train** sentences (benchmarks/emobank_train_fr.tsv), fold 0
of the three folds benchmarks.language_quality uses held out (every model refitted without its originals),
never on the dev sentences the French figures are reported on: r with gold of the mean valence/arousal of the
songs suggested for each French text, and r with the songs suggested for its English original, for the
three-reading blend (no Apertium) and the four-reading blend with the vector moved 0, 0.25 or 0.5 of the way
to the translation's MiniLM vector (multilingual.TRANSLATION_VECTOR_SHARE).

    .venv/bin/python -m benchmarks.french_translation_choice
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np

from benchmarks.language_quality import (FRENCH_TRAIN, pearson, read_emobank_with_ids, read_french, songs_affect)
from recommender import multilingual
from recommender.affect import AffectModel
from recommender.encoder import TextEncoder
from recommender.engine import Recommender
from recommender.index import AFFECT_GAMMA, AFFECT_RIDGE, default_data_dir, load_index
from recommender.sources import DEFAULT_SOURCES_DIR, local_sources
from recommender.translation import ApertiumTranslator


def main() -> None:
    data_dir = default_data_dir()
    index = load_index(data_dir)
    ids, texts, vad, split = read_emobank_with_ids(local_sources(DEFAULT_SOURCES_DIR).emobank)
    train = split == "train"
    position = {row_id: i for i, row_id in enumerate(ids)}
    translated_ids, french = read_french(FRENCH_TRAIN)
    rows = np.array([position[row_id] for row_id in translated_ids])
    encoder = TextEncoder(index.encoder_dir)
    minilm = encoder.encode(texts)
    cache = multilingual.EmbeddingCache(data_dir / "cache")
    ml = cache.embeddings(texts, multilingual.MultilingualEncoder)
    ml_labels = cache.embeddings(index.labels, multilingual.MultilingualEncoder)
    glosser = multilingual.build_glosser([text for text, is_train in zip(texts, train) if is_train],
                                         multilingual.MultilingualEncoder())
    out = np.random.default_rng(0).integers(0, 3, len(rows)) == 0  # fold 0, as language_quality's folds
    keep = np.setdiff1d(np.flatnonzero(train), rows[out])
    english_model = AffectModel.fit(minilm[keep], vad[keep], gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
    space = multilingual.build_multilingual_space(np.vstack([ml[keep], ml_labels]),
                                                  np.vstack([minilm[keep], index.label_embeddings]), vad[keep],
                                                  glosser)
    built = dataclasses.replace(index, affect=english_model,
                                label_affect=english_model.predict(index.label_embeddings)[:, :2])
    held_french = [text for text, held in zip(french, out) if held]
    gold = vad[rows[out]]
    english = songs_affect(Recommender(dataclasses.replace(built, multilingual=space), encoder),
                           [texts[row] for row in rows[out]])
    result = {"sentences": int(out.sum()),
              "English songs r with gold": [round(pearson(gold[:, d], english[:, d]), 3) for d in (0, 1)]}
    translator = ApertiumTranslator()
    configurations = [("three readings (no Apertium)", space)]
    configurations += [(f"four readings, vector share {share}",
                        dataclasses.replace(space, translator=translator, translation_vector_share=share))
                       for share in (0.0, 0.25, 0.5)]
    for name, reading in configurations:
        songs = songs_affect(Recommender(dataclasses.replace(built, multilingual=reading), encoder), held_french)
        result[name] = {"r with gold": [round(pearson(gold[:, d], songs[:, d]), 3) for d in (0, 1)],
                        "r with the English songs": [round(pearson(english[:, d], songs[:, d]), 3) for d in (0, 1)]}
        print(json.dumps({name: result[name]}), flush=True)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
