"""Title embeddings held in 8 bits: a quarter of the memory, the same speed.

The catalog's 42,107 title embeddings (384 float32 each) are 65 MB, a fifth of what the bot may
hold at rest on a small server. Each row is kept as int8 with its own scale (its largest
magnitude over 127): a cosine with a unit query moves by ~1e-3 at most for 999 in 1,000 and
3.4e-3 at worst (500 EmoBank sentences against every title; the song score reads titles only
above 0.3). Products run over blocks of rows cast
back to float32, so no float32 copy of the whole matrix exists; the product is bound by memory
bandwidth, and reading a quarter of the bytes takes no longer than the float32 product did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

BLOCK = 512  # rows cast to float32 at a time: 768 KB, under the allocator's mmap threshold (bot/memory.py)
LEVELS = 127


@dataclass(frozen=True, eq=False)
class QuantizedRows:
    """(N, D) rows as values (N, D) int8 times scale (N,) float32.

    Works where the float32 matrix did: `rows @ x` for x (D,) or (D, K) gives (N,) or (N, K), and
    `queries @ rows.T` for queries (B, D) gives (B, N), both float32; `rows[indices]` gives those rows
    in float32; len() and .shape as usual.
    """

    values: np.ndarray
    scale: np.ndarray

    __array_ufunc__ = None  # `array @ rows` is left to this class instead of numpy converting it

    @classmethod
    def of(cls, rows: np.ndarray) -> QuantizedRows:
        rows = np.asarray(rows)
        values = np.empty(rows.shape, np.int8)
        scale = np.empty(len(rows), np.float32)
        for start in range(0, len(rows), BLOCK):
            values[start:start + BLOCK], scale[start:start + BLOCK] = _quantized(rows[start:start + BLOCK])
        return cls(values, scale)

    @classmethod
    def load(cls, path: Path) -> QuantizedRows:
        """Quantize a saved (N, D) float32 .npy file block by block: the float32 matrix is never held whole."""
        with open(path, "rb") as file:
            version = np.lib.format.read_magic(file)
            read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read_header(file)
            if fortran or len(shape) != 2:
                raise ValueError(f"{path}: expected a C-ordered (N, D) array, got shape {shape}")
            values = np.empty(shape, np.int8)
            scale = np.empty(shape[0], np.float32)
            for start in range(0, shape[0], BLOCK):
                count = min(BLOCK, shape[0] - start)
                block = np.fromfile(file, dtype, count=count * shape[1])
                if block.size != count * shape[1]:
                    raise ValueError(f"{path}: truncated")
                block = block.reshape(count, shape[1])
                values[start:start + count], scale[start:start + count] = _quantized(block)
        return cls(values, scale)

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, index) -> np.ndarray:
        """The selected rows back in float32: (K, D) for an index array or slice, (D,) for one row."""
        values, scale = self.values[index], self.scale[index]
        return values.astype(np.float32) * (scale[..., None] if values.ndim == 2 else scale)

    @property
    def nbytes(self) -> int:
        return self.values.nbytes + self.scale.nbytes

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        """rows @ other: (N,) for other (D,), (N, K) for other (D, K)."""
        other = np.asarray(other, np.float32)
        out = np.empty((len(self),) + other.shape[1:], np.float32)
        for start, block in self._blocks():
            np.matmul(block, other, out=out[start:start + len(block)])
        out *= self.scale if other.ndim == 1 else self.scale[:, None]
        return out

    @property
    def T(self) -> _Transposed:  # noqa: N802 - as numpy spells it
        return _Transposed(self)

    def _blocks(self):
        buffer = np.empty((min(BLOCK, len(self)), self.shape[1]), np.float32)
        for start in range(0, len(self), BLOCK):
            block = buffer[: min(BLOCK, len(self) - start)]
            np.copyto(block, self.values[start:start + len(block)])
            yield start, block


@dataclass(frozen=True, eq=False)
class _Transposed:
    """rows.T, only for `queries @ rows.T`."""

    rows: QuantizedRows

    __array_ufunc__ = None

    def __rmatmul__(self, queries: np.ndarray) -> np.ndarray:
        """(B, N) for queries (B, D); (N,) for one query (D,)."""
        queries = np.asarray(queries, np.float32)
        out = np.empty(queries.shape[:-1] + (len(self.rows),), np.float32)
        for start, block in self.rows._blocks():  # noqa: SLF001 - the same class's helper
            np.matmul(queries, block.T, out=out[..., start:start + len(block)])
        out *= self.rows.scale
        return out


def _quantized(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    block = np.asarray(block, np.float32)
    peak = np.abs(block).max(axis=1) if block.shape[1] else np.zeros(len(block), np.float32)
    scale = np.where(peak > 0, peak / LEVELS, 1.0).astype(np.float32)
    return np.rint(block / scale[:, None]).astype(np.int8), scale
