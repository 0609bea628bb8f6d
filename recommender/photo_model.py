"""What a photo shows and how it feels, on the CPU, without the cloud.

An EfficientNet-Lite (exported to ONNX by the build, photo_export.py) gives each
photo ImageNet-1k class scores and a pooled feature vector; the class names
become plain words ("seashore", "golden retriever"), and a ridge head fitted on
OASIS's rated photos (Kurdi, Lozano & Banaji 2017) turns the features into
valence and arousal in standard deviations of OASIS's own ratings, the same
kind of units the songs and the text affect model use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .imagenet_words import IMAGENET_WORDS

# The model's input, a centre crop, at the size it was trained at. 192 costs 0.7x the CPU, but through
# the real bot its songs' arousal r fell 0.026 without Azure and 0.035 with captions (BENCHMARKS.md).
INPUT_SIZE = 224
CROP_FRACTION = 0.875  # the usual ImageNet evaluation crop: 224 of 256
VIEW_SIDE = round(INPUT_SIZE / CROP_FRACTION)  # the short side of the view a photo is decoded to for the model
# The least short side of a photo to read: its view is then a reduction, as in the OASIS photos the
# head was fitted on (400 px to 256). From Telegram's 320-px size instead, "Dog 12" read walker hound
# before beagle.
SOURCE_SIDE = 3 * VIEW_SIDE // 2
MODEL_FILE, HEAD_FILE, INFO_FILE = "photo_model.onnx", "photo_head.npz", "photo_model.json"
MAX_WORDS = 3
MIN_WORD_PROBABILITY = 0.08  # below this a class is a guess, not something the photo shows


@dataclass(frozen=True)
class PhotoContent:
    """words: up to MAX_WORDS everyday names of what the photo shows, most likely first (may be
    empty when nothing is clear); valence/arousal: OASIS-standardised affect of the pixels."""

    words: tuple[str, ...]
    valence: float
    arousal: float

    @property
    def description(self) -> str:
        """What the recommender reads for this photo: "a photo of seashore, sandbar"."""
        return f"a photo of {', '.join(self.words)}" if self.words else "a photo"


def view_of(image) -> np.ndarray:
    """(h, w, 3) uint8: an RGB PIL image resized so its short side is VIEW_SIDE.

    The one way a photo is shrunk for the model, at build (OASIS) and in the bot alike.
    """
    from PIL import Image

    width, height = image.size
    scale = VIEW_SIDE / min(width, height)
    size = (max(VIEW_SIDE, round(width * scale)), max(VIEW_SIDE, round(height * scale)))
    if size != image.size:
        image = image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.asarray(image if image.mode == "RGB" else image.convert("RGB"), dtype=np.uint8)


def model_crop(view: np.ndarray, size: int = INPUT_SIZE) -> np.ndarray:
    """(size, size, 3) uint8: the centre of a view_of view, the part the model reads. Photos travel to
    the image model's worker process as this crop: 150 KB a photo instead of the view's 260 KB."""
    return np.ascontiguousarray(_centre(view, size))


def _centre(view: np.ndarray, size: int) -> np.ndarray:
    height, width = view.shape[:2]
    top, left = (height - size) // 2, (width - size) // 2
    return view[top:top + size, left:left + size]


def model_input(views: list[np.ndarray], size: int) -> np.ndarray:
    """(B, 3, size, size) float32: centre crops, scaled as EfficientNet-Lite was trained, (x - 127) / 128.
    views: view_of views, or their model_crop crops (already size x size)."""
    from PIL import Image

    batch = np.empty((len(views), 3, size, size), np.float32)
    resized_side = round(size / CROP_FRACTION)
    for row, view in enumerate(views):
        height, width = view.shape[:2]
        if (height, width) != (size, size) and min(height, width) != resized_side:
            scale = resized_side / min(height, width)
            image = Image.fromarray(view).resize(
                (max(resized_side, round(width * scale)), max(resized_side, round(height * scale))),
                Image.Resampling.BILINEAR)
            view = np.asarray(image)
        batch[row] = _centre(view, size).transpose(2, 0, 1)  # one pass: uint8 cast into place
    batch -= 127.0
    batch *= 1.0 / 128.0  # a power of two: the same numbers as dividing
    return batch


class ImageNetModel:
    """The exported graph: pixels (B, 3, S, S) -> pooled features (B, F), ImageNet logits (B, 1000)."""

    def __init__(self, path: Path, *, threads: int = 1):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # as recommender/encoder.py
        # The arena keeps the activations' memory between calls. Off, each call maps it afresh (the bot
        # returns blocks over 1 MB to the system, bot/memory.py) and faults it in page by page: ~1,700
        # faults and 2-3 ms of system CPU a photo, ~40% on top of the model's own. On, that is gone for
        # ~57 MB more RSS, bounded because batches stay at 4 or fewer (bot/reading.py); after batches
        # of 32 the arena held ~500 MB (BENCHMARKS.md).
        options.enable_cpu_mem_arena = True
        self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.size = int(self._session.get_inputs()[0].shape[2])

    def run(self, pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        features, logits = self._session.run(None, {"pixels": pixels.astype(np.float32, copy=False)})
        return features, logits

    def features_and_logits(self, views: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        return self.run(model_input(views, self.size))


@dataclass(frozen=True)
class PhotoAffectHead:
    """Ridge regression on the square roots of the pooled features, standardised (the square root
    evens out the few large activations: +0.01-0.02 r in cross-validation). feature_mean/scale: (F,);
    weights: (F, 2); rating_mean/scale: (2,) OASIS's mean and SD of valence and arousal (1-7 ratings)."""

    feature_mean: np.ndarray
    feature_scale: np.ndarray
    weights: np.ndarray
    rating_mean: np.ndarray
    rating_scale: np.ndarray

    @classmethod
    def fit(cls, features: np.ndarray, ratings: np.ndarray, *, ridge: float) -> PhotoAffectHead:
        """features: (n, F); ratings: (n, 2) mean valence and arousal; targets are standardised."""
        roots = _roots(features)
        mean, scale = roots.mean(axis=0), roots.std(axis=0) + 1e-6
        x = ((roots - mean) / scale).astype(np.float64)
        rating_mean, rating_scale = ratings.mean(axis=0), ratings.std(axis=0)
        targets = (ratings - rating_mean) / rating_scale
        # Dual form: n (600) is smaller than F (1280).
        gram = x @ x.T
        gram[np.diag_indices_from(gram)] += ridge
        weights = x.T @ np.linalg.solve(gram, targets)
        return cls(mean.astype(np.float32), scale.astype(np.float32), weights.astype(np.float32),
                   rating_mean, rating_scale)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """(n, 2) valence, arousal in standard deviations of OASIS's ratings."""
        return ((_roots(features) - self.feature_mean) / self.feature_scale) @ self.weights

    def to_ratings(self, scaled: np.ndarray) -> np.ndarray:
        """Back to OASIS's 1-7 scale (for comparing with people's ratings)."""
        return scaled * self.rating_scale + self.rating_mean

    def save(self, path: Path) -> None:
        np.savez(path, feature_mean=self.feature_mean, feature_scale=self.feature_scale, weights=self.weights,
                 rating_mean=self.rating_mean, rating_scale=self.rating_scale)

    @classmethod
    def load(cls, path: Path) -> PhotoAffectHead:
        with np.load(path) as saved:
            return cls(saved["feature_mean"], saved["feature_scale"], saved["weights"], saved["rating_mean"],
                       saved["rating_scale"])


def _roots(features: np.ndarray) -> np.ndarray:
    return np.sqrt(np.maximum(features, 0.0))


def top_words(logits: np.ndarray, *, count: int = MAX_WORDS, floor: float = MIN_WORD_PROBABILITY) -> tuple[str, ...]:
    """The likeliest everyday words for one photo's (1000,) logits; classes that clean to the same
    word ("mushroom") pool their probability. The first word is kept even when unsure."""
    probabilities = np.exp(logits - logits.max())
    probabilities /= probabilities.sum()
    pooled: dict[str, float] = {}
    for index in np.argsort(probabilities)[::-1][:20]:
        word = IMAGENET_WORDS[index]
        pooled[word] = pooled.get(word, 0.0) + float(probabilities[index])
    ranked = sorted(pooled.items(), key=lambda item: -item[1])
    return tuple(word for position, (word, p) in enumerate(ranked[:count]) if position == 0 or p >= floor)


class PhotoModel:
    """Photos in (as view_of views), content and affect out; safe to share between threads."""

    def __init__(self, network: ImageNetModel, head: PhotoAffectHead, name: str):
        self._network, self._head, self.name = network, head, name

    @classmethod
    def load(cls, data_dir: Path, *, threads: int = 1) -> PhotoModel:
        """Raises OSError/ValueError (or onnxruntime's errors) when the files are missing or broken."""
        data_dir = Path(data_dir)
        info = json.loads((data_dir / INFO_FILE).read_text())
        return cls(ImageNetModel(data_dir / MODEL_FILE, threads=threads), PhotoAffectHead.load(data_dir / HEAD_FILE),
                   info["model"])

    def read(self, views: list[np.ndarray]) -> list[PhotoContent]:
        """One batched model call for all the photos."""
        if not views:
            return []
        features, logits = self._network.features_and_logits(views)
        affect = self._head.predict(features)
        return [PhotoContent(top_words(row_logits), float(v), float(a))
                for row_logits, (v, a) in zip(logits, affect)]
