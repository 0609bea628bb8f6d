"""Should a French text's song rules read its English translation, and should Apertium's other routes join it?

Decided on the French translations of EmoBank **train** sentences (benchmarks/emobank_train_fr.tsv), never on the
dev sentences the French figures are reported on:

1. text level, 3-fold out of fold (benchmarks.language_quality.reading_shares_cv): the four readings' shares,
   spread and agreement with the English model's reading of the original, with the fourth reading taken from
   the main route's translation (fr -> es -> en) or from the mean MiniLM vector of every installed route's
   (also fr -> ca -> en and fr -> eo -> en, translation.ALSO_TRIED_PIVOTS; measured, not shipped);
2. through the recommender, fold 0 held out (every model refitted without its originals): r with gold of the
   mean valence/arousal of the songs suggested for each French text, r with the English original's songs, and
   the songs shared with the English answer, for the song rules that read words reading the French text itself
   (before) or its English translation (multilingual.ENGLISH_WORDS), with one route or all of them, and without
   Apertium (the gloss as the English words).

    .venv/bin/python -m benchmarks.french_words_choice [--songs-only] [--other-folds]
"""

from __future__ import annotations

import dataclasses
import json
import sys

import numpy as np

from benchmarks.french_tracking import fold_zero, load_train_translations
from benchmarks.language_quality import pearson, reading_shares_cv
from recommender.engine import Recommender
from recommender import translation
from recommender.translation import ApertiumTranslator, filled


def answers(recommender: Recommender, texts: list[str]):
    """(n, 2) mean valence/arousal of each text's songs, and each answer's song ids."""
    suggestions = recommender.suggest_many(texts)
    return (np.array([[np.mean([s.valence for s in g.songs]), np.mean([s.arousal for s in g.songs])]
                      for g in suggestions]), [{s.id for s in g.songs} for g in suggestions])


def main() -> None:
    songs_only = "--songs-only" in sys.argv  # skip part 1 (the pivoted shares as shipped)
    folds = [1, 2] if "--other-folds" in sys.argv else [0]  # part 2 on the other folds of the train translations
    t = load_train_translations()
    index, encoder, vad, rows, french = t.index, t.encoder, t.vad, t.rows, t.french
    gloss = lambda words: t.glosser.glosses(words, t.live.encode_words)  # noqa: E731
    # a long timeout: hundreds of sentences in one batch (the bot translates one description at a time)
    one_route = ApertiumTranslator(pivots=(), timeout=600)
    all_routes = ApertiumTranslator(pivots=translation.ALSO_TRIED_PIVOTS, timeout=600)
    print(json.dumps({"installed routes": all_routes.routes}), flush=True)
    routes = [filled(lines, gloss) for lines in all_routes.translate_all(french)]
    route_vectors = np.stack([encoder.encode(lines) for lines in routes])
    gloss_minilm = encoder.encode([g or text for g, text in zip(gloss(french), french)])
    unit = lambda x: x / np.linalg.norm(x, axis=-1, keepdims=True)  # noqa: E731
    text_level = {}
    candidates = (("main route", route_vectors[0]), ("mean of the routes", unit(route_vectors.mean(0))),
                  *((f"route {i}", route_vectors[i]) for i in range(1, len(routes))))
    for name, translated in () if songs_only else candidates:
        text_level[name] = reading_shares_cv(t.minilm, t.ml, t.ml_labels, index.label_embeddings, vad, t.train, rows,
                                             t.ml_french, gloss_minilm, translated)
    shares = lambda cv: tuple(tuple(round(x, 2) for x in row) for row in cv["shares of four"])  # noqa: E731
    spread = lambda cv: tuple(round(x, 2) for x in cv["spread of four"])  # noqa: E731

    result = {"text level": text_level}
    pivots = ({} if songs_only else  # the shipped PIVOTED_* are these, rounded
              dict(pivoted_shares=shares(text_level["mean of the routes"]),
                   pivoted_spread=spread(text_level["mean of the routes"])))
    for fold in folds:
        songs_level(t, fold, one_route, all_routes, pivots, result.setdefault(f"fold {fold}", {}),
                    everything=fold == 0)
    print(json.dumps({"pivot shares": pivots}), flush=True)
    print(json.dumps(result, indent=1))


def songs_level(t, fold: int, one_route, all_routes, pivots: dict, result: dict, everything: bool = True) -> None:
    """Part 2 on one fold of the train translations held out (only the three Apertium configurations in question
    unless everything)."""
    index, encoder, texts, vad, rows, french = t.index, t.encoder, t.texts, t.vad, t.rows, t.french
    out, _, space, built = fold_zero(index, t.minilm, t.ml, t.ml_labels, vad, t.train, rows, t.glosser, fold)
    held_french = [text for text, held in zip(french, out) if held]
    gold = vad[rows[out]]
    english, english_ids = answers(Recommender(dataclasses.replace(built, multilingual=space), encoder),
                                   [texts[row] for row in rows[out]])
    result.update({"fold": fold, "sentences": int(out.sum()),
                   "English songs r with gold": [round(pearson(gold[:, d], english[:, d]), 3) for d in (0, 1)]})
    configurations = [
        ("no Apertium, rules read the French text", dataclasses.replace(space, english_words=False)),
        ("no Apertium, rules read the gloss", space),
        ("one route, rules read the French text (shipped)",
         dataclasses.replace(space, translator=one_route, english_words=False)),
        ("one route, rules read the translation", dataclasses.replace(space, translator=one_route)),
        ("all routes, rules read the French text",
         dataclasses.replace(space, translator=all_routes, english_words=False, **pivots)),
        ("all routes, rules read the translation", dataclasses.replace(space, translator=all_routes, **pivots)),
    ]
    for name, reading in configurations if everything else [configurations[i] for i in (2, 3, 4)]:
        songs, ids = answers(Recommender(dataclasses.replace(built, multilingual=reading), encoder), held_french)
        result[name] = {"r with gold": [round(pearson(gold[:, d], songs[:, d]), 3) for d in (0, 1)],
                        "r with the English songs": [round(pearson(english[:, d], songs[:, d]), 3) for d in (0, 1)],
                        "songs shared with the English answer": round(float(np.mean(
                            [len(a & b) for a, b in zip(ids, english_ids)])), 3)}
        print(json.dumps({"fold": fold, name: result[name]}), flush=True)


if __name__ == "__main__":
    main()
