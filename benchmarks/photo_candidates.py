"""Which EfficientNet-Lite to ship: each candidate exported to ONNX, every OASIS photo read,
10-fold cross-validated Pearson r of a ridge head (valence, arousal) and ms per photo.

    .venv/bin/python -m benchmarks.photo_candidates [--models efficientnet-lite0 ...]

Exports and features are cached in data/cache (slow the first time).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

from recommender.oasis import oasis_dir, read_oasis
from recommender.photo_export import export_onnx, oasis_features
from recommender.photo_model import ImageNetModel, PhotoAffectHead

ROOT = Path(__file__).resolve().parent.parent
RIDGES = (300.0, 1000.0, 3000.0)


def folds(n: int, k: int = 10, seed: int = 0) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def cross_validated(features: np.ndarray, ratings: np.ndarray, ridge: float) -> np.ndarray:
    """(n, 2) out-of-fold predictions in OASIS SD units."""
    predicted = np.zeros_like(ratings)
    for held in folds(len(ratings)):
        train = np.setdiff1d(np.arange(len(ratings)), held)
        head = PhotoAffectHead.fit(features[train], ratings[train], ridge=ridge)
        predicted[held] = head.to_ratings(head.predict(features[held]))
    return predicted


def candidate_features(name: str, cache: Path, photos) -> tuple[np.ndarray, float]:
    onnx = cache / f"photo-{name}.onnx"
    if not onnx.exists():
        export_onnx(onnx, name)
    model = ImageNetModel(onnx, threads=1)
    started = time.perf_counter()
    features = oasis_features(model, photos.paths)
    ms = (time.perf_counter() - started) * 1000 / len(photos)
    np.save(cache / f"oasis-features-{name}.npy", features)
    return features, ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", nargs="+", default=["efficientnet-lite0", "efficientnet-lite1",
                                                        "efficientnet-lite2"])
    args = parser.parse_args()
    cache = ROOT / "data" / "cache"
    photos = read_oasis(oasis_dir(None, cache))
    for name in args.models:
        features, ms = candidate_features(name, cache, photos)
        rows = {}
        for ridge in RIDGES:
            predicted = cross_validated(features, photos.ratings, ridge)
            rows[ridge] = [round(float(np.corrcoef(predicted[:, d], photos.ratings[:, d])[0, 1]), 3) for d in (0, 1)]
        print(json.dumps({"model": name, "ms_per_photo_batch16_1thread_incl_decode": round(ms, 1),
                          "cv_r_by_ridge": rows, "load": os.getloadavg()}))


if __name__ == "__main__":
    main()
