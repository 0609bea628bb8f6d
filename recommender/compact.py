"""Title embeddings held in 8 bits: a quarter of the memory, and their products on 8-bit kernels.

The catalog's 42,107 title embeddings (384 float32 each) are 65 MB, a fifth of what the bot may
hold at rest on a small server. Each row is kept as int8 with its own scale (its largest
magnitude over 127): a cosine with a unit query moves by ~1e-3 at most for 999 in 1,000 and
3.4e-3 at worst (500 EmoBank sentences against every title; the song score reads titles only
above 0.3). Products run over blocks of rows cast
back to float32, so no float32 copy of the whole matrix exists; the product is bound by memory
bandwidth, and reading a quarter of the bytes takes no longer than the float32 product did.

In the running bot the rows are not held in numpy at all: `PackedRows` runs the product on ONNX
Runtime's 8-bit matrix kernels (VNNI on this CPU) from a small graph the build writes
(`write_product_model`). Each answer compares its description with every title, and that product
(casting the rows back to float32 block by block) was a third of the recommender's CPU:
2 ms for one description, 5 ms for a batch of eight, against 0.3 and 0.6 ms packed
(benchmarks/recommender_speed.py).
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

    def products(self, queries: np.ndarray) -> np.ndarray:
        """(B, N) for queries (B, D): `queries @ rows.T`."""
        out = np.empty((len(queries), len(self)), np.float32)
        for start, block in self._blocks():
            np.matmul(queries, block.T, out=out[:, start:start + len(block)])
        out *= self.scale
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
    """rows.T (QuantizedRows or PackedRows), only for `queries @ rows.T`."""

    rows: QuantizedRows | PackedRows

    __array_ufunc__ = None

    def __rmatmul__(self, queries: np.ndarray) -> np.ndarray:
        """(B, N) for queries (B, D); (N,) for one query (D,)."""
        queries = np.asarray(queries, np.float32)
        out = self.rows.products(queries.reshape(-1, queries.shape[-1]))
        return out[0] if queries.ndim == 1 else out


def _quantized(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    block = np.asarray(block, np.float32)
    peak = np.abs(block).max(axis=1) if block.shape[1] else np.zeros(len(block), np.float32)
    scale = np.where(peak > 0, peak / LEVELS, 1.0).astype(np.float32)
    return np.rint(block / scale[:, None]).astype(np.int8), scale


# ---- the product on ONNX Runtime's 8-bit kernels ---------------------------------------------------

PRODUCT_INPUT, PRODUCT_OUTPUT = "queries", "products"
ROW_ZERO = 128  # the rows' zero point as uint8 (write_product_model)


def write_product_model(rows: QuantizedRows, path: Path) -> None:
    """Save an ONNX graph computing `queries @ rows.T` (B, N) with the rows as int8 constants.

    DynamicQuantizeMatMul (onnxruntime's contrib op) quantizes the queries to uint8 on the fly and
    multiplies with 8-bit kernels; each title's own scale is its column scale. The rows travel as
    uint8 around a zero point of 128, the same integers as int8: on a CPU without VNNI (AVX2 only)
    ONNX Runtime's uint8 x int8 kernel adds pairs of products in 16 bits and saturates (products off
    by up to 0.036 for unit vectors, against 0.003 as uint8 x uint8, at the same speed). Build-time
    only (needs the onnx package, in the [build] extra)."""
    from onnx import TensorProto, helper, numpy_helper, save

    count, dims = rows.shape
    shifted = (rows.values.astype(np.int16) + ROW_ZERO).astype(np.uint8)
    graph = helper.make_graph(
        [helper.make_node("DynamicQuantizeMatMul", [PRODUCT_INPUT, "rows", "scale", "zero"], [PRODUCT_OUTPUT],
                          domain="com.microsoft")],
        "title_products",
        [helper.make_tensor_value_info(PRODUCT_INPUT, TensorProto.FLOAT, ["batch", dims])],
        [helper.make_tensor_value_info(PRODUCT_OUTPUT, TensorProto.FLOAT, ["batch", count])],
        [numpy_helper.from_array(np.ascontiguousarray(shifted.T), "rows"),
         numpy_helper.from_array(rows.scale, "scale"), numpy_helper.from_array(np.full(count, ROW_ZERO, np.uint8), "zero")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)])
    save(model, str(path))


class PackedRows:
    """(N, D) 8-bit rows whose only job is products: `queries @ rows.T` (B, N) and `rows @ x` (N,)
    or (N, K), float32, as QuantizedRows gives them (within ~3e-3 for unit vectors).

    The int8 kernels quantize the whole input with one scale, so a description's products would
    depend on the others in its batch. Each query is therefore scaled to a largest magnitude of 1
    and one row [1, -1, 0, ...] joins every call: the range is always [-1, 1], every query is
    quantized on the same grid, and its products are the same alone or in any batch.
    """

    def __init__(self, session, count: int, dims: int, nbytes: int):
        self._session, self._count, self._dims, self._nbytes = session, count, dims, nbytes

    @classmethod
    def load(cls, path: Path) -> PackedRows:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # outputs are (B, N): never keep the largest batch's
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        count = session.get_outputs()[0].shape[1]
        dims = session.get_inputs()[0].shape[1]
        return cls(session, int(count), int(dims), Path(path).stat().st_size)

    @property
    def shape(self) -> tuple[int, int]:
        return self._count, self._dims

    def __len__(self) -> int:
        return self._count

    @property
    def nbytes(self) -> int:
        return self._nbytes

    __array_ufunc__ = None

    def products(self, queries: np.ndarray) -> np.ndarray:
        """(B, N) for queries (B, D)."""
        queries = np.asarray(queries, np.float32).reshape(-1, self._dims)
        peaks = np.abs(queries).max(axis=1)
        peaks = np.where(peaks > 0, peaks, 1.0).astype(np.float32)
        batch = np.empty((len(queries) + 1, self._dims), np.float32)
        np.divide(queries, peaks[:, None], out=batch[:-1])
        batch[-1] = 0.0
        batch[-1, :2] = (1.0, -1.0)
        out = self._session.run([PRODUCT_OUTPUT], {PRODUCT_INPUT: batch})[0][:-1]
        out *= peaks[:, None]
        return out

    def __matmul__(self, other: np.ndarray) -> np.ndarray:
        """rows @ other: (N,) for other (D,), (N, K) for other (D, K)."""
        other = np.asarray(other, np.float32)
        if other.ndim == 1:
            return self.products(other[None, :])[0]
        return np.ascontiguousarray(self.products(other.T).T)

    @property
    def T(self) -> _Transposed:  # noqa: N802 - as numpy spells it
        return _Transposed(self)
