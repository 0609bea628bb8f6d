"""The photo affect head and the blend with the words, measured on OASIS's rated photos.

1. Head alone: 10-fold cross-validated Pearson r between the ridge head's prediction and
   people's mean valence/arousal (the head refitted without the held-out fold each time).
2. Through the real Recommender: each photo answered as the bot answers it — its description
   plus the pixels' affect as an AffectHint from an out-of-fold head — and the songs' mean
   valence/arousal correlated with people's ratings, for a grid of hint weights and gains:
   - no Azure: the on-device model's words ("a photo of seashore, sandbar");
   - Azure-style caption: OASIS's `theme` as a short caption ("a photo of acorns"), standing
     in for what Azure would say; the same text stands in for a user's caption next to the
     model's words.

    .venv/bin/python -m benchmarks.photo_affect [--data-dir data]
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

import numpy as np


from recommender import AffectHint, Recommender, SuggestRequest
from recommender.index import default_data_dir
from recommender.oasis import oasis_dir, read_oasis
from recommender.photo_export import RIDGE, oasis_features
from recommender.photo_model import MODEL_FILE, ImageNetModel, PhotoAffectHead, PhotoContent, top_words

WEIGHTS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
GAINS = (1.0, 1.5, 2.0)


def folds(n: int, k: int = 10, seed: int = 0) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def out_of_fold_affect(features: np.ndarray, ratings: np.ndarray, ridge: float = RIDGE) -> np.ndarray:
    """(n, 2) each photo's affect (OASIS SD units) from a head that never saw it."""
    predicted = np.zeros_like(ratings)
    for held in folds(len(ratings)):
        train = np.setdiff1d(np.arange(len(ratings)), held)
        predicted[held] = PhotoAffectHead.fit(features[train], ratings[train], ridge=ridge).predict(features[held])
    return predicted


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return round(float(np.corrcoef(a, b)[0, 1]), 3)


def caption_of(theme: str) -> str:
    """OASIS's file name as an Azure-style caption: "Acorns 1" -> "a photo of acorns"."""
    return "a photo of " + re.sub(r"\s*\d+$", "", theme).lower()


def song_affect_r(recommender: Recommender, texts: list[str], affect: np.ndarray, ratings: np.ndarray,
                  weight: float, gain: float) -> list[float]:
    requests = [SuggestRequest(text, affect_hint=AffectHint(gain * v, gain * a, weight))
                for text, (v, a) in zip(texts, affect)]
    answers = recommender.suggest_requests(requests)
    songs = np.array([[np.mean([s.valence for s in g.songs]), np.mean([s.arousal for s in g.songs])]
                      for g in answers])
    return [pearson(songs[:, d], ratings[:, d]) for d in (0, 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    data_dir = args.data_dir or default_data_dir()
    photos = read_oasis(oasis_dir(None, data_dir / "downloads"))
    model = ImageNetModel(data_dir / MODEL_FILE, threads=2)
    features = oasis_features(model, photos.paths)
    from PIL import Image

    from recommender.photo_model import view_of

    logits = np.concatenate([model.features_and_logits([view_of(Image.open(p).convert("RGB"))])[1]
                             for p in photos.paths])
    affect = out_of_fold_affect(features, photos.ratings)
    head_r = [pearson(affect[:, d], photos.ratings[:, d]) for d in (0, 1)]
    print(json.dumps({"head_10fold_r": head_r, "ridge": RIDGE, "photos": len(photos)}))

    recommender = Recommender.load(data_dir)
    device = [PhotoContent(top_words(row), 0.0, 0.0).description for row in logits]
    captions = [caption_of(theme) for theme in photos.themes]
    texts = {"device words": device, "azure-style caption": captions,
             "device words + user-style caption": [f"{d}. {c}" for d, c in zip(device, captions)]}
    for name, described in texts.items():
        for gain in GAINS:
            for weight in WEIGHTS:
                r = song_affect_r(recommender, described, affect, photos.ratings, weight, gain)
                print(json.dumps({"text": name, "gain": gain, "weight": weight, "songs_r": r}))
    print(json.dumps({"load": os.getloadavg()}))


if __name__ == "__main__":
    main()
