"""A text's affect reading does not depend on the texts it is read with (the bot batches concurrent
photos, and RecentTexts keeps a reading for the text's later answers): AffectModel.predict_each, which
reads a batch a block of support rows at a time, gives each text the bits predict gives it alone, as
the engine runs it (one BLAS thread, Recommender.suggest_requests)."""

import numpy as np
from threadpoolctl import threadpool_limits

SCENES = [
    "a grandmother knitting by a window on a rainy afternoon",
    "two kids jumping into a lake from a wooden dock",
    "a crowded night market with steaming food stalls",
    "a runner crossing the finish line of a marathon",
    "a puppy chewing a slipper on a kitchen floor",
    "fog over a quiet harbour at dawn",
    "friends toasting with beers on a rooftop at sunset",
]


def test_affect_of_a_batch_is_each_text_read_alone(recommender):
    embeddings = recommender._encoder.encode(SCENES, unpadded=True)
    noise = np.random.default_rng(3).standard_normal((40, embeddings.shape[1])).astype(np.float32)
    vectors = np.vstack([embeddings, noise / np.linalg.norm(noise, axis=1, keepdims=True)])
    model = recommender._index.affect
    with threadpool_limits(limits=1, user_api="blas"):
        alone = np.vstack([model.predict(row[None, :]) for row in vectors])
        for size in (1, 2, len(SCENES), len(vectors)):
            batched = np.vstack([model.predict_each(vectors[start:start + size])
                                 for start in range(0, len(vectors), size)])
            assert batched.dtype == alone.dtype and batched.tobytes() == alone.tobytes()
