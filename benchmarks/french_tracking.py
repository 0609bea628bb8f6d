"""How closely a French description's songs follow its English original's, and what limits it.

The check on French (issue 12) compares songs' r with gold for English sentences
and their French translations; the gap's noise shrinks as the French answer
tracks the English one. Everything here is decided on the French translations
of EmoBank *train* sentences (benchmarks/emobank_train_fr.tsv), never on the
300 dev pairs of benchmarks/language_quality.py:

1. candidates for the French reading, text level, 3-fold out of fold (each fold's
   English originals left out of every fit): agreement (Pearson r) of each French
   reading with the English model's reading of the original, and the mean cosine
   of the French MiniLM-space vector with MiniLM's vector of the original;
2. through the recommender, fold 0 held out: r of the French songs' mean
   valence/arousal with the English songs', for the shipped French reading and
   with its vector or its affect replaced by the English original's (an oracle
   that says which of the two limits the songs).

    .venv/bin/python -m benchmarks.french_tracking
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np

from benchmarks.language_quality import (FRENCH_TRAIN, pearson, read_emobank_with_ids, read_french,
                                         songs_affect)
from recommender import multilingual
from recommender.affect import AffectModel
from recommender.engine import Recommender
from recommender.index import AFFECT_GAMMA, AFFECT_RIDGE, default_data_dir, load_index
from recommender.sources import DEFAULT_SOURCES_DIR, local_sources

FOLDS = 3


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def linear_map(x: np.ndarray, y: np.ndarray, ridge: float = multilingual.MAP_RIDGE) -> np.ndarray:
    gram = x.T.astype(np.float64) @ x
    gram[np.diag_indices_from(gram)] += ridge
    return np.linalg.solve(gram, x.T.astype(np.float64) @ y).astype(np.float32)


def taught(ml: np.ndarray, readings: np.ndarray) -> AffectModel:
    """A multilingual affect model fitted to the English model's (n, 3) readings instead of gold ratings,
    its output put back in the readings' units."""
    model = AffectModel.fit(ml, readings, gamma=multilingual.AFFECT_GAMMA, ridge=multilingual.AFFECT_RIDGE)
    return dataclasses.replace(model, coefficients=model.coefficients * model.rating_scale.astype(np.float32))


def text_level(minilm, ml, ml_labels, labels_minilm, vad, train, rows, ml_fr, gloss_fr) -> dict:
    """Out-of-fold French readings of the train translations (rows: their originals), per candidate."""
    fold = np.random.default_rng(0).integers(0, FOLDS, len(rows))
    names = ("multilingual, fitted to gold (shipped)", "gloss (shipped)", "mapped vector (shipped)",
             "multilingual, fitted to the English readings", "same, plus the other folds' French translations",
             "multilingual, fitted to gold on English + French (translate-train)",
             "vector mapped with the other folds' French pairs too", "mapped vector joined with the gloss's (0.4)")
    readings = {name: np.zeros((len(rows), 2)) for name in names}
    english = np.zeros((len(rows), 2))
    cosine = {"mapped vector (shipped)": np.zeros(len(rows)), "gloss (shipped)": np.zeros(len(rows)),
              "vector mapped with the other folds' French pairs too": np.zeros(len(rows)),
              **{f"mapped vector joined with the gloss's ({share})": np.zeros(len(rows)) for share in (0.3, 0.4, 0.5)}}
    for k in range(FOLDS):
        out, inside = fold == k, fold != k
        keep = np.setdiff1d(np.flatnonzero(train), rows[out])
        english_model = AffectModel.fit(minilm[keep], vad[keep], gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
        english[out] = english_model.predict(minilm[rows[out]])[:, :2]
        original = minilm[rows[out]]

        def read(name, model, x):
            readings[name][out] = model.predict(x)[:, :2]

        read("multilingual, fitted to gold (shipped)",
             AffectModel.fit(ml[keep], vad[keep], gamma=multilingual.AFFECT_GAMMA, ridge=multilingual.AFFECT_RIDGE),
             ml_fr[out])
        read("gloss (shipped)", english_model, gloss_fr[out])
        mapped = unit(ml_fr[out] @ linear_map(np.vstack([ml[keep], ml_labels]), np.vstack([minilm[keep], labels_minilm])))
        read("mapped vector (shipped)", english_model, mapped)
        teacher = english_model.predict(minilm[keep])
        read("multilingual, fitted to the English readings", taught(ml[keep], teacher), ml_fr[out])
        read("same, plus the other folds' French translations",
             taught(np.vstack([ml[keep], ml_fr[inside]]),
                    np.vstack([teacher, english_model.predict(minilm[rows[inside]])])), ml_fr[out])
        read("multilingual, fitted to gold on English + French (translate-train)",
             AffectModel.fit(np.vstack([ml[keep], ml_fr[inside]]), np.vstack([vad[keep], vad[rows[inside]]]),
                             gamma=multilingual.AFFECT_GAMMA, ridge=multilingual.AFFECT_RIDGE), ml_fr[out])
        paired = unit(ml_fr[out] @ linear_map(np.vstack([ml[keep], ml_labels, ml_fr[inside]]),
                                              np.vstack([minilm[keep], labels_minilm, minilm[rows[inside]]])))
        read("vector mapped with the other folds' French pairs too", english_model, paired)
        read("mapped vector joined with the gloss's (0.4)", english_model, unit(0.6 * mapped + 0.4 * gloss_fr[out]))
        cosine["mapped vector (shipped)"][out] = np.sum(mapped * original, axis=1)
        cosine["gloss (shipped)"][out] = np.sum(gloss_fr[out] * original, axis=1)
        cosine["vector mapped with the other folds' French pairs too"][out] = np.sum(paired * original, axis=1)
        for share in (0.3, 0.4, 0.5):
            joined = unit((1 - share) * mapped + share * gloss_fr[out])
            cosine[f"mapped vector joined with the gloss's ({share})"][out] = np.sum(joined * original, axis=1)
        print(json.dumps({"fold done": k}), flush=True)

    def blended(parts):
        """Out-of-fold blend: least-squares shares fitted on the other folds' readings."""
        result = np.zeros((len(rows), 2))
        for d in (0, 1):
            x = np.stack([readings[p][:, d] for p in parts], axis=1)
            for k in range(FOLDS):
                shares = np.linalg.lstsq(x[fold != k], english[fold != k, d], rcond=None)[0]
                result[fold == k, d] = x[fold == k] @ shares
        return result

    blends = {"blend of the three shipped readings": ("multilingual, fitted to gold (shipped)", "gloss (shipped)",
                                                      "mapped vector (shipped)"),
              "blend: fitted to the English readings (+ French), gloss, vector mapped with French pairs":
                  ("same, plus the other folds' French translations", "gloss (shipped)",
                   "vector mapped with the other folds' French pairs too"),
              "blend: fitted to the English readings, gloss, joined vector":
                  ("multilingual, fitted to the English readings", "gloss (shipped)",
                   "mapped vector joined with the gloss's (0.4)")}
    for name, parts in blends.items():
        readings[name] = blended(parts)
    gold = vad[rows]
    result = {"agreement with the English reading (valence, arousal)":
              {name: [round(pearson(english[:, d], r[:, d]), 3) for d in (0, 1)] for name, r in readings.items()},
              "r with gold (valence, arousal)": {"English reading": [round(pearson(gold[:, d], english[:, d]), 3)
                                                                     for d in (0, 1)],
                                                 **{name: [round(pearson(gold[:, d], readings[name][:, d]), 3)
                                                           for d in (0, 1)] for name in blends}},
              "cosine to the original's MiniLM vector": {name: round(float(c.mean()), 3) for name, c in cosine.items()}}
    print(json.dumps({"text level, 3-fold on train translations": result}, indent=1), flush=True)
    return result


class Oracle:
    """The shipped French reading with its vector and/or affect replaced by the English original's."""

    def __init__(self, space, originals: dict[str, tuple[np.ndarray, np.ndarray]], vector: bool, affect: bool):
        self._space, self._originals, self._vector, self._affect = space, originals, vector, affect

    def reading(self, texts, *arguments):
        reading = self._space.reading(texts, *arguments)
        for row, text in enumerate(texts):
            original_vector, original_affect = self._originals[text]
            if self._vector:
                reading.vectors[row] = original_vector
            if self._affect:
                reading.affect[row] = original_affect
        return reading


def fold_zero(index, minilm, ml, ml_labels, vad, train, rows, glosser, fold: int = 0):
    """Fold 0 (or another) of the translations held out: (out mask, English affect model, multilingual space,
    index), every model refitted without the held-out sentences' originals."""
    out = np.random.default_rng(0).integers(0, FOLDS, len(rows)) == fold
    keep = np.setdiff1d(np.flatnonzero(train), rows[out])
    english_model = AffectModel.fit(minilm[keep], vad[keep], gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
    space = multilingual.build_multilingual_space(np.vstack([ml[keep], ml_labels]),
                                                  np.vstack([minilm[keep], index.label_embeddings]), vad[keep],
                                                  glosser)
    built = dataclasses.replace(index, affect=english_model,
                                label_affect=english_model.predict(index.label_embeddings)[:, :2])
    return out, english_model, space, built


def songs_level(index, encoder, minilm, ml, ml_labels, vad, train, rows, french, english_texts, glosser) -> dict:
    """Fold 0 held out, every model refitted without its originals: French songs vs English songs."""
    out, english_model, space, built = fold_zero(index, minilm, ml, ml_labels, vad, train, rows, glosser)
    held_french = [text for text, held in zip(french, out) if held]
    held_english = [text for text, held in zip(english_texts, out) if held]
    originals = {text: (minilm[row], english_model.predict(minilm[row][None])[0, :2])
                 for text, row in zip(held_french, rows[out])}
    english_songs = songs_affect(Recommender(dataclasses.replace(built, multilingual=space), encoder), held_english)
    gold = vad[rows[out]]
    result = {"sentences": int(out.sum()),
              "English songs r with gold": [round(pearson(gold[:, d], english_songs[:, d]), 3) for d in (0, 1)]}
    for name, (vector, affect) in {"shipped French reading": (False, False),
                                   "English original's vector, French affect": (True, False),
                                   "French vector, English original's affect": (False, True),
                                   "both the English original's": (True, True)}.items():
        recommender = Recommender(dataclasses.replace(built, multilingual=Oracle(space, originals, vector, affect)),
                                  encoder)
        songs = songs_affect(recommender, held_french)
        result[name] = {"French songs r with the English songs": [round(pearson(english_songs[:, d], songs[:, d]), 3)
                                                                   for d in (0, 1)],
                        "r with gold": [round(pearson(gold[:, d], songs[:, d]), 3) for d in (0, 1)]}
        print(json.dumps({name: result[name]}), flush=True)
    print(json.dumps({"songs level, fold 0 of the train translations": result}, indent=1), flush=True)
    return result


@dataclasses.dataclass
class TrainTranslations:
    """EmoBank and the French translations of its train sentences, embedded every way the French reading uses."""

    index: object
    encoder: object
    texts: list
    vad: np.ndarray
    train: np.ndarray
    rows: np.ndarray  # EmoBank rows of the translated sentences
    french: list
    minilm: np.ndarray
    ml: np.ndarray
    ml_labels: np.ndarray
    ml_french: np.ndarray
    live: object  # the multilingual encoders
    glosser: object


def load_train_translations() -> TrainTranslations:
    from recommender.encoder import TextEncoder

    data_dir = default_data_dir()
    index = load_index(data_dir)
    ids, texts, vad, split = read_emobank_with_ids(local_sources(DEFAULT_SOURCES_DIR).emobank)
    train = split == "train"
    position = {row_id: i for i, row_id in enumerate(ids)}
    translated_ids, french = read_french(FRENCH_TRAIN)
    rows = np.array([position[row_id] for row_id in translated_ids])
    assert train[rows].all(), "translations of train sentences only"
    encoder = TextEncoder(index.encoder_dir)
    cache = multilingual.EmbeddingCache(data_dir / "cache")
    live = multilingual.MultilingualEncoder()
    return TrainTranslations(
        index, encoder, texts, vad, train, rows, french, encoder.encode(texts),
        cache.embeddings(texts, multilingual.MultilingualEncoder),
        cache.embeddings(index.labels, multilingual.MultilingualEncoder),
        cache.embeddings(french, multilingual.MultilingualEncoder), live,
        multilingual.build_glosser([text for text, is_train in zip(texts, train) if is_train], live))


def main() -> None:
    t = load_train_translations()
    gloss_french = t.encoder.encode([g or text for g, text in zip(t.glosser.glosses(t.french, t.live.encode_words),
                                                                  t.french)])
    text_level(t.minilm, t.ml, t.ml_labels, t.index.label_embeddings, t.vad, t.train, t.rows, t.ml_french,
               gloss_french)
    songs_level(t.index, t.encoder, t.minilm, t.ml, t.ml_labels, t.vad, t.train, t.rows, t.french,
                [t.texts[r] for r in t.rows], t.glosser)


if __name__ == "__main__":
    main()
