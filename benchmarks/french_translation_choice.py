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

from benchmarks.french_tracking import fold_zero, load_train_translations
from benchmarks.language_quality import pearson, songs_affect
from recommender.engine import Recommender
from recommender.translation import ApertiumTranslator


def main() -> None:
    t = load_train_translations()
    index, encoder, texts, vad, rows, french = t.index, t.encoder, t.texts, t.vad, t.rows, t.french
    out, _, space, built = fold_zero(index, t.minilm, t.ml, t.ml_labels, vad, t.train, rows, t.glosser)
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
