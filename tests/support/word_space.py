"""A hand-made word space for title-word arithmetic: a few words, each a fixed vector, so a test
can say which words are near which without the real encoder."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def encoder_of(words: dict[str, tuple[float, ...]]) -> Callable[[list[str]], np.ndarray]:
    """encode(words) -> (n, d) unit rows, as the real encoder's `encode` returns them."""

    def encode(names: list[str]) -> np.ndarray:
        vectors = np.array([words[name] for name in names], np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    return encode
