"""What keeps the running bot small (BENCHMARKS.md, memory): titles in 8 bits, no numba or pandas
loaded. Checked on the design, never on RSS figures, which depend on the machine."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from recommender.compact import PackedRows, QuantizedRows, write_product_model

REPO = Path(__file__).resolve().parents[2]


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def test_quantized_rows_give_the_float_products_to_a_few_thousandths_in_every_form(tmp_path):
    rng = np.random.default_rng(7)
    rows = _unit(rng.normal(size=(1300, 384)))  # more than two blocks, the last one short
    queries = _unit(rng.normal(size=(5, 384)))
    compact = QuantizedRows.of(rows)
    assert compact.values.dtype == np.int8 and compact.nbytes < rows.nbytes / 3.5
    assert len(compact) == 1300 and compact.shape == (1300, 384)
    assert np.abs(queries @ compact.T - queries @ rows.T).max() < 4e-3
    assert np.abs(queries[0] @ compact.T - rows @ queries[0]).max() < 4e-3
    assert np.abs(compact @ queries[0] - rows @ queries[0]).max() < 4e-3
    assert np.abs(compact @ queries.T - rows @ queries.T).max() < 4e-3
    picked = np.array([0, 511, 512, 1299])
    assert compact[picked].dtype == np.float32 and np.abs(compact[picked] - rows[picked]).max() < 4e-3
    assert np.abs(compact[3] - rows[3]).max() < 4e-3
    np.save(tmp_path / "rows.npy", rows)
    loaded = QuantizedRows.load(tmp_path / "rows.npy")
    assert np.array_equal(loaded.values, compact.values) and np.array_equal(loaded.scale, compact.scale)


def test_packed_rows_give_the_float_products_and_the_same_products_alone_or_in_any_batch(tmp_path):
    rng = np.random.default_rng(11)
    rows = _unit(rng.normal(size=(1300, 384)))
    queries = _unit(rng.normal(size=(6, 384)))
    queries[2] *= 0.1  # a shorter query (a blend of embeddings) keeps its own scale
    write_product_model(QuantizedRows.of(rows), tmp_path / "titles.onnx")
    packed = PackedRows.load(tmp_path / "titles.onnx")
    assert len(packed) == 1300 and packed.shape == (1300, 384)
    together = queries @ packed.T
    assert together.shape == (6, 1300) and np.abs(together - queries @ rows.T).max() < 4e-3
    assert np.abs(packed @ queries[0] - rows @ queries[0]).max() < 4e-3
    assert np.abs(packed @ queries.T - rows @ queries.T).max() < 4e-3
    # an answer must not change with the photos that happened to share its batch
    for row, query in enumerate(queries):
        assert np.array_equal(query @ packed.T, together[row])
    assert np.array_equal((queries[3:] @ packed.T)[0], together[3])
    assert np.array_equal(np.zeros((1, 384), np.float32) @ packed.T, np.zeros((1, 1300), np.float32))


def test_a_zero_row_stays_zero():
    rows = np.zeros((3, 4), np.float32)
    rows[1] = [0.5, -0.5, 0.5, -0.5]
    assert (QuantizedRows.of(rows) @ np.ones(4, np.float32)).tolist() == pytest.approx([0.0, 0.0, 0.0])


def test_a_truncated_title_file_is_refused(tmp_path):
    np.save(tmp_path / "rows.npy", np.ones((600, 8), np.float32))
    data = (tmp_path / "rows.npy").read_bytes()
    (tmp_path / "rows.npy").write_bytes(data[: len(data) - 100])
    with pytest.raises(ValueError, match="truncated"):
        QuantizedRows.load(tmp_path / "rows.npy")


def test_the_loaded_recommender_keeps_the_title_embeddings_in_8_bits(recommender):
    themes = recommender._song_features.themes  # noqa: SLF001 - the design under test
    assert isinstance(themes, PackedRows) and themes.nbytes < len(themes) * 384 * 1.1
    assert len(themes) == recommender.catalog_size


def test_the_running_bot_loads_neither_numba_nor_pandas():
    """numba's LLVM runtime cost ~125 MB and pandas ~40 MB of resident memory just to import."""
    probe = ("import sys; from recommender import Recommender; Recommender.load().suggest('a calm lake at dawn'); "
             "import bot.edge.app, bot.services, bot.reading; "
             "print(sorted(name for name in ('numba', 'llvmlite', 'pandas') if name in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
                            timeout=240)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
