"""The readings of texts seen lately, so a text that comes back skips the encoder.

Descriptions repeat: the on-device model's words come from 1,000 ImageNet classes ("a photo of
seashore, sandbar"), Azure's captions are short and formulaic, and a photo's "more" and "steer"
buttons send its description again. Each repeat would otherwise cost a MiniLM run (~1-2 ms of CPU
a text in the bot's batches) for the same vectors.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

Reading = tuple[np.ndarray, np.ndarray]  # (n, D) embeddings, (n, 2) valence/arousal


class RecentTexts:
    """`read(texts) -> (embeddings, affect)` with the last `size` distinct texts' rows kept
    (~1.5 KB each); safe to share between threads. Rows come back as copies."""

    def __init__(self, read: Callable[[list[str]], Reading], size: int = 4096):
        self._read, self._size = read, size
        self._rows: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> Reading:
        with self._lock:
            known = {text: self._rows[text] for text in set(texts) if text in self._rows}
            for text in known:
                self._rows.move_to_end(text)
        new = sorted(set(texts) - known.keys())
        if new:
            embeddings, affect = self._read(new)
            fresh = {text: (embeddings[row].copy(), affect[row].copy()) for row, text in enumerate(new)}
            with self._lock:
                self._rows.update(fresh)
                while len(self._rows) > self._size:
                    self._rows.popitem(last=False)
            known.update(fresh)
        rows = [known[text] for text in texts]
        return np.stack([e for e, _ in rows]), np.stack([a for _, a in rows])
