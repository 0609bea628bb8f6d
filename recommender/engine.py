"""The Recommender: description in, moods and songs out. Loads once, answers many."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from . import scoring
from .errors import RecommenderError
from .index import IndexData, load_index
from .language import ENGLISH, text_language
from .suggestion import Mood, Song, Suggestion

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 5000
SCORINGS = ("improved", "original")


@dataclass(frozen=True)
class MoodPreferences:
    """A listener's taste from feedback: label -> weight in [-1, 1] (liked moods count more)."""

    label_weights: dict[str, float]
    strength: float = 0.15


@dataclass(frozen=True)
class AffectHint:
    """An affect estimate from outside the text (e.g. the photo's colours), common scale."""

    valence: float
    arousal: float
    weight: float = 0.5


@dataclass(frozen=True)
class SuggestRequest:
    """One description and the options for answering it (see Recommender.suggest)."""

    text: str
    moods: int = 3
    songs: int = 8
    scoring_name: str | None = None
    exclude: frozenset[str] = frozenset()
    affect_hint: AffectHint | None = None
    affect_shift: tuple[float, float] = (0.0, 0.0)
    preferences: MoodPreferences | None = None



class Recommender:
    """Safe to share between threads: after load nothing in it changes."""

    def __init__(self, index: IndexData, encoder, *, scoring_name: str = "improved",
                 weights: scoring.Weights = scoring.Weights(), description_weight: float = 0.75):
        self._index = index
        self._encoder = encoder
        self._multilingual = None
        if index.multilingual is not None:
            from .multilingual import BackgroundEncoder

            self._multilingual = BackgroundEncoder()
        self.scoring = _checked_scoring(scoring_name)
        self.weights = weights
        self.description_weight = description_weight
        self._combination_affect = (
            scoring.combination_sums(index.label_affect.T, index.combinations).T / index.combinations.sizes[:, None]
        )
        self._ranking = scoring.ImprovedRanking.of(
            index.combinations, scoring.centroid_norms(index.label_embeddings, index.combinations),
            self._combination_affect, weights)
        self._songs = scoring.SongSpace.of(index.catalog.affect, index.catalog.artist_ids)
        self._blas = ThreadpoolController()
        self._affect_bounds = np.percentile(index.catalog.affect, [2, 98], axis=0)
        self._combination_position = {labels: i for i, labels in enumerate(index.combination_labels)}
        self._song_index = {song_id: i for i, song_id in enumerate(index.catalog.song_ids)}
        self._songs_by_combination = (
            index.catalog.songs_by_combination(index.combination_labels) if index.catalog.kind == "muse" else None
        )

    @classmethod
    def load(cls, data_dir: Path | str | None = None, *, scoring_name: str = "improved") -> Recommender:
        """Load the index and the ONNX encoder from data_dir (default: the repo's data/)."""
        from .encoder import TextEncoder

        started = time.perf_counter()
        # Loading the compiled loops is mostly native work: it overlaps with reading the index.
        warming = threading.Thread(target=scoring.warm_up, name="warm-up")
        warming.start()
        try:
            index = load_index(Path(data_dir) if data_dir else None)
            encoder = TextEncoder(index.encoder_dir)
        finally:
            warming.join()
        recommender = cls(index, encoder, scoring_name=scoring_name)
        if recommender._multilingual is not None:
            recommender._multilingual.start()  # ready for the first non-English text, off the start-up path
        log.info("recommender loaded in %.2f s (%d combinations, %d %s songs)", time.perf_counter() - started,
                 len(index.combination_labels), len(index.catalog), index.catalog.kind)
        return recommender

    @property
    def catalog_size(self) -> int:
        return len(self._index.catalog)

    def suggest(self, text: str, *, moods: int = 3, songs: int = 8, scoring_name: str | None = None,
                exclude: Collection[str] = (), affect_hint: AffectHint | None = None,
                affect_shift: tuple[float, float] = (0.0, 0.0),
                preferences: MoodPreferences | None = None) -> Suggestion:
        """Moods and songs for one description.

        exclude: song ids never to offer (already shown, disliked); affect_shift: move the
        target (valence, arousal) in common-scale units, e.g. (+0.5, 0) for "happier";
        preferences: make liked mood labels weigh more.
        """
        return self.suggest_requests([SuggestRequest(text, moods, songs, scoring_name, frozenset(exclude),
                                                     affect_hint, affect_shift, preferences)])[0]

    def suggest_many(self, texts: Sequence[str], *, moods: int = 3, songs: int = 8,
                     scoring_name: str | None = None, exclude: Collection[str] = ()) -> list[Suggestion]:
        """Like suggest for each text, with one batched embedding and scoring pass."""
        excluded = frozenset(exclude)
        return self.suggest_requests([SuggestRequest(text, moods, songs, scoring_name, excluded) for text in texts])

    def suggest_requests(self, requests: Sequence[SuggestRequest]) -> list[Suggestion]:
        """Answer requests that each carry their own options, embedding all texts in one batch
        (how concurrent photos share one model call)."""
        cleaned = [checked_text(request.text) for request in requests]
        if not cleaned:
            return []
        names = [_checked_scoring(request.scoring_name or self.scoring) for request in requests]
        # The products below are small; OpenBLAS's own threads would only spin against the encoder's.
        with self._blas.limit(limits=1, user_api="blas"):
            embeddings, affect = self._read(cleaned, names)
            return self._answers(cleaned, requests, names, embeddings, affect)

    def _read(self, texts: list[str], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(n, 384) MiniLM-space embeddings and (n, 2) valence/arousal of the texts.

        English is read by MiniLM, as the original scoring always is. Text in another
        language (decided by its own words) is read by the multilingual encoders, mapped
        into MiniLM space for the comparison with mood labels, its affect taken from the
        model fitted in the multilingual space (see multilingual.py).
        """
        foreign = [row for row, (text, name) in enumerate(zip(texts, names))
                   if name != "original" and self._multilingual is not None and text_language(text) != ENGLISH]
        english = sorted(set(range(len(texts))) - set(foreign))
        embeddings = np.empty((len(texts), self._index.label_embeddings.shape[1]), np.float32)
        affect = np.empty((len(texts), 2), np.float32)
        if english:
            embeddings[english] = self._encoder.encode([texts[row] for row in english])
            affect[english] = self._index.affect.predict(embeddings[english])[:, :2]
        if foreign:
            space = self._index.multilingual
            multilingual = self._multilingual.encode([texts[row] for row in foreign])
            embeddings[foreign] = space.minilm_vectors(multilingual)
            affect[foreign] = space.affect.predict(multilingual)[:, :2]
        return embeddings, affect

    def _answers(self, cleaned: list[str], requests: Sequence[SuggestRequest], names: list[str],
                 embeddings: np.ndarray, affect: np.ndarray) -> list[Suggestion]:
        for row, request in enumerate(requests):
            hint = request.affect_hint
            if hint is not None:
                affect[row] = (1 - hint.weight) * affect[row] + hint.weight * np.array([hint.valence, hint.arousal])
        shifts = np.array([request.affect_shift for request in requests], dtype=affect.dtype)
        affect = np.clip(affect, *self._affect_bounds) + shifts
        scores_by_name = {}
        for name in set(names):
            rows = [row for row, row_name in enumerate(names) if row_name == name]
            scores_by_name[name] = dict(zip(rows, self.mood_scores(embeddings[rows], affect[rows], name)))
        answers = []
        for row, (text, request, name) in enumerate(zip(cleaned, requests, names)):
            scores = scores_by_name[name][row]
            if request.preferences and request.preferences.label_weights:
                scores = scores + request.preferences.strength * self._preference_scores(
                    request.preferences.label_weights)
            answers.append(self._suggestion(text, scores, affect[row], request.moods, request.songs, name,
                                            self._excluded_mask(request.exclude)))
        return answers

    def moods_affect(self, moods: Sequence[Mood]) -> np.ndarray:
        """(2,) mean valence/arousal of the given moods' combinations (common scale)."""
        rows = [self._combination_position[m.labels] for m in moods]
        return self._combination_affect[rows].mean(axis=0)

    def mood_scores(self, embeddings: np.ndarray, affect: np.ndarray, name: str) -> np.ndarray:
        """(B, C) score of every combination for each embedded description."""
        similarities = scoring.label_similarities(embeddings, self._index.label_embeddings)
        if name == "original":
            return scoring.mean_label_similarity(similarities, self._index.combinations)
        return self._ranking.scores(similarities, affect)

    def _preference_scores(self, label_weights: dict[str, float]) -> np.ndarray:
        """(C,) mean preference weight of each combination's labels."""
        weights = np.array([[label_weights.get(label, 0.0) for label in self._index.labels]])
        return scoring.combination_sums(weights, self._index.combinations)[0] / self._index.combinations.sizes

    def _suggestion(self, text, scores, affect, mood_count, song_count, name, excluded) -> Suggestion:
        if name == "original":
            picked = [int(i) for i in scoring.top_k(scores, mood_count)]
        else:
            picked = scoring.pick_distinct(scores, self._index.combinations, mood_count,
                                           overlap_penalty=self.weights.overlap_penalty)
        chosen = tuple(Mood(self._index.combination_labels[c], float(scores[c])) for c in picked)
        return Suggestion(text, chosen, tuple(self._songs_for(picked, affect, song_count, excluded)),
                          float(affect[0]), float(affect[1]))

    def _songs_for(self, picked: list[int], affect: np.ndarray, count: int, excluded: np.ndarray) -> list[Song]:
        """Songs spread over the moods: each near a blend of the description's and its mood's affect,
        from the songs tagged with that mood when the catalog has tags, never an artist twice."""
        results: list[Song] = []
        used_artists = self._songs.no_artists()
        for combination, wanted in zip(picked, _split(count, len(picked))):
            target = (self.description_weight * affect
                      + (1 - self.description_weight) * self._combination_affect[combination])
            candidates = self._tagged_candidates(combination)
            found = self._songs.nearest(target, wanted, excluded=excluded, blocked_artists=used_artists,
                                        candidates=candidates)
            if len(found) < wanted and candidates is not None:
                found += self._songs.nearest(target, wanted - len(found), excluded=_with(excluded, found),
                                             blocked_artists=used_artists)
            for song in found:
                used_artists[self._songs.artists[song]] = True
                results.append(self._song(song, self._index.combination_labels[combination]))
        return results

    def _tagged_candidates(self, combination: int) -> np.ndarray | None:
        if self._songs_by_combination is None:
            return None
        return self._songs_by_combination[combination]

    def _song(self, index: int, mood_labels: tuple[str, ...]) -> Song:
        catalog = self._index.catalog
        own = tuple(catalog.labels[index].split("|")) if catalog.labels[index] else ()
        return Song(str(catalog.song_ids[index]), str(catalog.artists[index]), str(catalog.titles[index]),
                    str(catalog.urls[index]), round(float(catalog.affect[index, 0]), 4),
                    round(float(catalog.affect[index, 1]), 4), own or mood_labels)

    def _excluded_mask(self, exclude: Collection[str]) -> np.ndarray:
        mask = np.zeros(len(self._index.catalog), bool)
        for song_id in exclude:
            position = self._song_index.get(song_id)
            if position is not None:
                mask[position] = True
        return mask


def _with(mask: np.ndarray, songs: list[int]) -> np.ndarray:
    mask = mask.copy()
    mask[songs] = True
    return mask


def _split(total: int, parts: int) -> list[int]:
    """total songs over parts moods, the first moods getting any remainder."""
    if parts == 0:
        return []
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def checked_text(text: str) -> str:
    """The description, whitespace-folded, or a RecommenderError saying what is wrong with it."""
    if not isinstance(text, str) or not text.strip():
        raise RecommenderError("the description is empty: describe the photo in a few words")
    if len(text) > MAX_TEXT_CHARS:
        raise RecommenderError(f"the description is {len(text):,} characters long; keep it under {MAX_TEXT_CHARS:,}")
    return " ".join(text.split())


def _checked_scoring(name: str) -> str:
    if name not in SCORINGS:
        raise RecommenderError(f"unknown scoring {name!r}; choose one of {', '.join(SCORINGS)}")
    return name
