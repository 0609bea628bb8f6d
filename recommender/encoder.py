"""all-MiniLM-L6-v2 sentence embeddings at run time, without importing torch.

The build exports the packaged sentence-transformers model to ONNX
(model_export.py); here ONNX Runtime and the Rust tokenizer reproduce its
mean-pooled, L2-normalised output (to ~1e-6) in a fraction of the start-up
time and memory that sentence-transformers + torch need.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length; longer text is truncated like sentence-transformers does
EMBEDDING_DIM = 384


class TextEncoder:
    """Turns texts into unit-length 384-d vectors; safe to share between threads."""

    def __init__(self, model_dir: Path, *, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        # Idle workers sleep instead of spinning: spinning burned ~3x the CPU of the encode itself
        # when the bot runs other work between calls.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # Without the arena each batch's activations are handed back after the call: ~20-30 MB less
        # resident after batches of 32, at the same speed (measured; see BENCHMARKS.md, memory).
        options.enable_cpu_mem_arena = False
        self._session = onnxruntime.InferenceSession(
            str(model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self._lock = threading.Lock()  # the Rust tokenizer's padding state is not thread-safe to mutate

    def encode(self, texts: list[str], *, batch_size: int = 32, unpadded: bool = False) -> np.ndarray:
        """(len(texts), 384) float32, rows of unit length; batches grouped by length to pad little.

        unpadded: batch only texts of the same token count, so no row is padded and each text's
        vector is the same bits whatever it was batched with (padding moves the last float bits).
        """
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), np.float32)
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(lengths, kind="stable")
        groups = np.split(order, np.flatnonzero(np.diff(lengths[order])) + 1) if unpadded else [order]
        out = np.empty((len(texts), EMBEDDING_DIM), np.float32)
        for group in groups:
            for start in range(0, len(group), batch_size):
                chunk = group[start : start + batch_size]
                out[chunk] = self._embed([encodings[i] for i in chunk])
        return out

    def _embed(self, encodings: list) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), np.int64)
        mask = np.zeros((len(encodings), width), np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        (tokens,) = self._session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )
        weights = mask[..., None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
