"""Shared fixtures: the real recommender (loaded once), offline model hub, fakes on loopback."""

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import pytest  # noqa: E402

pytest_plugins = ["tests.fakes.redis_server"]


@pytest.fixture(scope="session")
def recommender():
    """The real Recommender over data/ as built by the set-up script."""
    from recommender import Recommender

    return Recommender.load()
