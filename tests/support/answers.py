"""What a user sees of an answer, for the tests that look at many songs at once."""

from __future__ import annotations


def offered_titles(recommender, scene: str, count: int) -> list[str]:
    """The titles of a `count`-song answer to `scene`; the answer must be that long, or a title missing
    from it would prove nothing."""
    titles = [song.title for song in recommender.suggest(scene, songs=count).songs]
    assert len(titles) == count
    return titles
