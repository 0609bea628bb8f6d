"""The recommender's two kinds of failure, each carrying a message a person can act on."""


class RecommenderError(Exception):
    """Something the caller asked for cannot be answered (bad text, unusable index)."""


class IndexUnavailableError(RecommenderError):
    """The built index is missing, incomplete or from another build format: rebuild it."""
