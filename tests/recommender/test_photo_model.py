"""The on-device image model on real rated photos (OASIS): what it names, and how it feels."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from recommender.index import default_data_dir
from recommender.photo_export import RIDGE, oasis_features
from recommender.photo_model import ImageNetModel, PhotoAffectHead, PhotoModel, view_of
from tests.support.real_photos import oasis, oasis_path

PLEASANT = ("Beach 1", "Beach 4", "Dog 6", "Dog 12", "Fireworks 2", "Lake 1", "Cat 4")
UNPLEASANT = ("Fire 2", "Fire 6", "Cockroach 1", "Cockroach 2", "Car crash 2", "Car accident 1", "Garbage dump 1")


@pytest.fixture(scope="module")
def photo_model() -> PhotoModel:
    return PhotoModel.load(default_data_dir())


def read(model: PhotoModel, *themes: str):
    views = []
    for theme in themes:
        with Image.open(oasis_path(theme)) as image:
            views.append(view_of(image.convert("RGB")))
    return model.read(views)


@pytest.mark.parametrize("theme, expected", [
    ("Beach 1", {"seashore", "sandbar"}),
    ("Dog 12", {"beagle", "walker hound", "basset hound", "foxhound"}),
    ("Cockroach 1", {"cockroach"}),
    ("Food 5", {"strawberry"}),
    ("Cat 1", {"cat", "tabby cat", "tiger cat"}),
])
def test_a_photos_words_name_what_it_shows(photo_model, theme, expected):
    (content,) = read(photo_model, theme)
    assert content.words and content.words[0] in expected, content.words
    assert content.description.startswith("a photo of " + content.words[0])


def test_photos_read_together_in_one_batch_read_as_they_do_alone(photo_model):
    together = read(photo_model, "Beach 1", "Cockroach 1", "Dog 12")
    alone = [read(photo_model, theme)[0] for theme in ("Beach 1", "Cockroach 1", "Dog 12")]
    assert [c.words for c in together] == [c.words for c in alone]
    assert np.allclose([(c.valence, c.arousal) for c in together], [(c.valence, c.arousal) for c in alone],
                       atol=1e-3)


def test_a_head_fitted_without_them_ranks_pleasant_photos_above_unpleasant_ones():
    photos = oasis()
    network = ImageNetModel(default_data_dir() / "photo_model.onnx", threads=2)
    features = oasis_features(network, photos.paths)
    held = [photos.themes.index(theme) for theme in PLEASANT + UNPLEASANT]
    kept = np.setdiff1d(np.arange(len(photos)), held)
    head = PhotoAffectHead.fit(features[kept], photos.ratings[kept], ridge=RIDGE)
    valence = head.predict(features[held])[:, 0]
    pleasant, unpleasant = valence[:len(PLEASANT)], valence[len(PLEASANT):]
    assert pleasant.min() > unpleasant.max(), (pleasant.round(2), unpleasant.round(2))
    assert pleasant.mean() > 0 > unpleasant.mean(), "on OASIS's standardised scale, around its mean"


def test_the_photo_graph_is_the_kind_its_info_file_names():
    """8-bit where this CPU's kernels keep the float graph's features, float where they stray (no VNNI):
    either way the bot's info says which one it runs (photo_export.quantize)."""
    import json

    from recommender.photo_export import QUANTIZED, graph_weights
    from recommender.photo_model import INFO_FILE, MODEL_FILE

    data_dir = default_data_dir()
    kind = graph_weights(data_dir / MODEL_FILE)
    assert kind in (QUANTIZED, "float32")
    assert json.loads((data_dir / INFO_FILE).read_text())["weights"] == kind
