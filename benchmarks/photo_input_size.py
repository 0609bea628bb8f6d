"""How small a picture the image model can read: EfficientNet-Lite0 exported at several input sizes,
every OASIS photo read at each, the affect head's 10-fold cross-validated r, the songs' r through the
real Recommender (out-of-fold heads, the shipped blend), how often the words stay those of the
224-pixel reading, and the model's CPU per photo.

    .venv/bin/python benchmarks/photo_input_size.py [--sizes 224 192 160 128]

Each photo is shrunk as the bot shrinks it (short side size / 0.875, bilinear, centre crop).
Exports are cached in data/cache.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.photo_affect import caption_of, out_of_fold_affect, pearson, song_affect_r  # noqa: E402
from recommender import Recommender  # noqa: E402
from recommender.index import default_data_dir  # noqa: E402
from recommender.oasis import oasis_dir, read_oasis  # noqa: E402
from recommender.photo_export import MODEL_NAME, RIDGE, export_onnx  # noqa: E402
from recommender.photo_model import CROP_FRACTION, ImageNetModel, PhotoContent, model_input, top_words  # noqa: E402

# The shipped blend (bot/reading.py): pixel weight with the device's words / next to a caption, gain.
DEVICE_WEIGHT, CAPTION_WEIGHT, GAIN = 0.7, 0.5, 1.5


def views_at(paths: list[Path], size: int) -> list[np.ndarray]:
    from PIL import Image

    side = round(size / CROP_FRACTION)
    views = []
    for path in paths:
        with Image.open(path) as image:
            image = image.convert("RGB")
            scale = side / min(image.size)
            shrunk = image.resize((max(side, round(image.width * scale)), max(side, round(image.height * scale))),
                                  Image.Resampling.BILINEAR, reducing_gap=2.0)
            views.append(np.asarray(shrunk, dtype=np.uint8))
    return views


def read_all(model: ImageNetModel, views: list[np.ndarray], batch: int = 16) -> tuple[np.ndarray, np.ndarray]:
    parts = [model.features_and_logits(views[start:start + batch]) for start in range(0, len(views), batch)]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def cpu_ms_per_photo(model: ImageNetModel, views: list[np.ndarray], batch: int = 4, photos: int = 96) -> float:
    """One thread's CPU (not wall time: the machine is shared) per photo, in batches of `batch`."""
    pixels = [model_input(views[start:start + batch], model.size) for start in range(0, photos, batch)]
    model.run(pixels[0])
    started = time.thread_time()
    for block in pixels:
        model.run(block)
    return round((time.thread_time() - started) * 1000 / photos, 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[224, 192, 176, 160, 144, 128])
    parser.add_argument("--songs", action="store_true", help="also the songs' r through the real Recommender")
    args = parser.parse_args()
    data_dir = default_data_dir()
    cache = data_dir / "cache"
    photos = read_oasis(oasis_dir(None, cache))
    recommender = Recommender.load(data_dir) if args.songs else None
    captions = [caption_of(theme) for theme in photos.themes]
    first_words = None
    for size in args.sizes:
        onnx = cache / f"photo-{MODEL_NAME}-{size}px.onnx"
        if not onnx.exists():
            export_onnx(onnx, MODEL_NAME, size)
        model = ImageNetModel(onnx, threads=1)
        views = views_at(photos.paths, size)
        features, logits = read_all(model, views)
        affect = out_of_fold_affect(features, photos.ratings)
        words = [top_words(row) for row in logits]
        if first_words is None:
            first_words = words
        row = {"size": size, "head_10fold_r": [pearson(affect[:, d], photos.ratings[:, d]) for d in (0, 1)],
               "ridge": RIDGE,
               "first_word_as_first_size": round(float(np.mean([a[0] == b[0] for a, b in zip(words, first_words)])), 3),
               "cpu_ms_per_photo_batch4": cpu_ms_per_photo(model, views),
               "cpu_ms_per_photo_batch1": cpu_ms_per_photo(model, views, batch=1)}
        if recommender is not None:
            device = [PhotoContent(w, 0.0, 0.0).description for w in words]
            row["songs_r_device_words"] = song_affect_r(recommender, device, affect, photos.ratings,
                                                        DEVICE_WEIGHT, GAIN)
            row["songs_r_azure_style_caption"] = song_affect_r(recommender, captions, affect, photos.ratings,
                                                               CAPTION_WEIGHT, GAIN)
        row["load"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
