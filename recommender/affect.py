"""Text -> valence/arousal/dominance, learned from EmoBank's human ratings.

A kernel ridge regression (RBF on the unit-length MiniLM embeddings) beats a
linear head by ~0.07 Pearson r on valence; its output is put on the project's
common affect scale: standard deviations from EmoBank's mean rating, the same
units the song catalogs are standardised to.

Fitted weights derive from EmoBank (CC BY-SA 4.0, Buechel & Hahn 2017).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

DIMENSIONS = ("valence", "arousal", "dominance")
# Support rows read at a time by predict_each: 512 x 384 float32 (768 KB) stays in cache while every text
# of a batch reads it, where one text at a time streams all ~9,000 rows (14 MB) from memory again.
SUPPORT_BLOCK = 512
TEXTS_AT_ONCE = 256  # predict_each's texts per pass: their (256, ~9,000) kernel rows take 9 MB at most


@dataclass(frozen=True)
class AffectModel:
    """support: (n, 384) training embeddings; coefficients: (n, 3); rating mean/scale: (3,)."""

    support: np.ndarray
    coefficients: np.ndarray
    gamma: float
    rating_mean: np.ndarray
    rating_scale: np.ndarray

    @classmethod
    def fit(cls, embeddings: np.ndarray, ratings: np.ndarray, *, gamma: float = 1.0, ridge: float = 0.5) -> AffectModel:
        """Kernel ridge on standardised ratings; embeddings must be unit length."""
        support = embeddings.astype(np.float32)
        mean, scale = ratings.mean(axis=0), ratings.std(axis=0)
        targets = (ratings - mean) / scale
        kernel = rbf_kernel(support, support, gamma).astype(np.float64)
        kernel[np.diag_indices_from(kernel)] += ridge
        coefficients = np.linalg.solve(kernel, targets)
        return cls(support, coefficients.astype(np.float32), gamma, mean, scale)

    def predict(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, 3) valence, arousal, dominance in standard deviations of EmoBank's ratings."""
        return rbf_kernel(embeddings.astype(np.float32), self.support, self.gamma) @ self.coefficients

    def predict_each(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, 3) like predict on each row alone, to the bit (a row's reading never depends on the rows
        it came with), about twice as fast for a batch: each row's products with the support are the same
        one-row products, taken a cached block of support rows at a time (SUPPORT_BLOCK). Checked against
        predict under one BLAS thread, as the engine reads (tests/recommender/test_batched_readings.py);
        a block is too small for BLAS to split, so more threads give the same bits (predict's do not)."""
        rows = np.asarray(embeddings, np.float32)
        out = np.empty((len(rows), self.coefficients.shape[1]), np.result_type(np.float32, self.coefficients))
        for first in range(0, len(rows), TEXTS_AT_ONCE):
            out[first : first + TEXTS_AT_ONCE] = self._each(rows[first : first + TEXTS_AT_ONCE])
        return out

    def _each(self, rows: np.ndarray) -> np.ndarray:
        kernel = np.empty((len(rows), len(self.support)), np.float32)
        for start in range(0, len(self.support), SUPPORT_BLOCK):
            block = self.support[start : start + SUPPORT_BLOCK].T
            for row in range(len(rows)):
                np.matmul(rows[row : row + 1], block, out=kernel[row : row + 1, start : start + SUPPORT_BLOCK])
        kernel *= 2.0 * self.gamma  # rbf_kernel's steps, element by element
        kernel -= 2.0 * self.gamma
        np.exp(kernel, out=kernel)
        return np.vstack([kernel[row : row + 1] @ self.coefficients for row in range(len(rows))])

    def save(self, path: Path) -> None:
        np.savez(
            path,
            support=self.support,
            coefficients=self.coefficients,
            gamma=np.float64(self.gamma),
            rating_mean=self.rating_mean,
            rating_scale=self.rating_scale,
        )

    @classmethod
    def load(cls, path: Path) -> AffectModel:
        with np.load(path) as saved:
            return cls(
                saved["support"],
                saved["coefficients"],
                float(saved["gamma"]),
                saved["rating_mean"],
                saved["rating_scale"],
            )


def rbf_kernel(left: np.ndarray, right: np.ndarray, gamma: float) -> np.ndarray:
    """exp(-gamma * |x - y|^2) for unit vectors, where |x - y|^2 = 2 - 2 x.y."""
    kernel = left @ right.T
    kernel *= 2.0 * gamma
    kernel -= 2.0 * gamma
    return np.exp(kernel, out=kernel)
