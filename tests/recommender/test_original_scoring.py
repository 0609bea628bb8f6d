"""The vectorised original score equals the original algorithm run the slow way.

The reference embeds with sentence-transformers itself (not our ONNX export) and
loops over every combination, as the original system did.
"""

import numpy as np
import pytest

from recommender.index import load_index

DESCRIPTIONS = ["a group of friends laughing on a beach at sunset", "a dark rainy street at night",
                "a bride and groom dancing", "an empty classroom", "fireworks over a city"]


@pytest.fixture(scope="module")
def sentence_transformer():
    from sentence_transformers import SentenceTransformer

    from recommender.model_export import packaged_model_path

    return SentenceTransformer(str(packaged_model_path()), device="cpu")


def original_loop(model, description: str, combinations: list[tuple[str, ...]]) -> list[float]:
    """Mean cosine between the description and each label, one combination at a time."""
    labels = sorted({label for combination in combinations for label in combination})
    vectors = dict(zip(labels, model.encode(labels, convert_to_numpy=True)))
    query = model.encode([description], convert_to_numpy=True)[0]
    cosine = lambda a, b: float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))  # noqa: E731
    return [sum(cosine(query, vectors[label]) for label in c) / len(c) for c in combinations]


def test_vectorised_original_matches_the_per_combination_loop(recommender, sentence_transformer):
    combinations = load_index().combination_labels
    assert len(combinations) == 9031
    for description in DESCRIPTIONS:
        expected = np.array(original_loop(sentence_transformer, description, combinations))
        answer = recommender.suggest(description, scoring_name="original")
        expected_top = [combinations[i] for i in np.argsort(-expected, kind="stable")[:3]]
        assert [m.labels for m in answer.moods] == expected_top
        assert [m.score for m in answer.moods] == pytest.approx(sorted(expected, reverse=True)[:3], abs=1e-5)
        embedding = recommender._encoder.encode([description])
        scores = recommender.mood_scores(embedding, np.zeros((1, 2)), "original")[0]
        assert np.abs(scores - expected).max() < 1e-5
