"""The Recommender: description in, moods and songs out. Loads once, answers many."""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
import numpy.random  # noqa: F401 - songscore draws per answer; numpy would load it on the first answer
from threadpoolctl import ThreadpoolController

from . import (celebration, child_titles, dark_titles, daylight_moods, drinking, effort_songs, extreme_sound,
               family_rap, grief, illness, moodpicking, quiet_outdoors, scoring, season_moods, seduction, slow_dance,
               songscore, strain)
from .errors import RecommenderError
from .explicit import (ASLEEP_FROM, GROWN_UP_WORDS, NIGHT_OUT_CUE, NIGHT_OUT_FROM, SLEEPLESS_WORDS, STRONG_WORDS,
                       artists_matching, titles_matching)
from .index import IndexData, load_index
from .language import ENGLISH, text_language
from .recent_texts import RecentTexts
from .suggestion import SONGS, Mood, Song, Suggestion
from .titlefit import FADE_FULL, WholeTitles
from .titleopposites import OppositeTitles
from .titlewords import TitleWords

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 5000
SEASON_CLASH = 10.0  # taken off a set holding a label the text rules out (another season, night in daylight)
SCORINGS = ("improved", "original")
GENRE_SHARE = 3  # at most this many songs of one genre in eight
RAPPED_SHARE = 2  # at most this many rapped songs in eight, even at a party or in a gym
TITLE_MOODS = 1  # the first this many moods give their first slot to a title that carries the scene (more: puns)
# A description written in another language holds its songs this many times closer to its feeling: the rules
# that read its words read a translation (multilingual.py, translation.py), whose title matches are noisier than
# an English writer's own words. On EmoBank dev's 600 French translations, the French songs' agreement with the
# English songs of the same sentences (r of their mean valence / arousal) rises with the hold: 0.800 / 0.698 at 1,
# 0.802 / 0.709 at 2, 0.803 / 0.715 at 3, 0.804 / 0.720 at 4.5, the songs' spread unchanged; 3, as past it an
# answer leans ever more on two numbers for little more (BENCHMARKS.md, "French read as well as English").
TRANSLATED_AFFECT_HOLD = 3.0
# The energy (sd) a place of play or a party left empty is read at (moodpicking's absence): a quiet library's -0.9
ABSENCE_ENERGY = -1.0
# A scene of effort or a race (Recommender._effort) is at least this lively (sd) by its effort: the title-learnt
# reading hears the place, not the strain (a mud-covered man crossing an obstacle race's finish line read +0.58 and
# got "gentle · smooth" and Snow Patrol's slow "The Finish Line"; a gym reads about +2.5, a regatta +2.2).
EFFORT_ENERGY = 2.0


@dataclass(frozen=True)
class MoodPreferences:
    """A listener's taste from feedback: label -> weight in [-1, 1] (liked moods count more)."""

    label_weights: dict[str, float]
    strength: float = 0.5  # a like must outweigh the mood gate's lift for a scene's key feeling (moodpicking.KEY_FEELING)


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
    songs: int = SONGS
    scoring_name: str | None = None
    exclude: frozenset[str] = frozenset()
    affect_hint: AffectHint | None = None
    affect_shift: tuple[float, float] = (0.0, 0.0)
    preferences: MoodPreferences | None = None



class SceneReading(NamedTuple):
    """What the moods and the songs both read off one description (Recommender._scene_reading)."""

    still: float  # SongFeatures.stillness, 0-1 (0 without song features)
    liveliness: float  # Recommender._scene_liveliness, sd
    effort: float = 0.0  # Recommender._effort, 0-1 (0 where the text's valence was not read)
    effort_lift: float = 0.0  # 0-1 the share of EFFORT_ENERGY the scene's own energy falls short of by its effort
    mourned: bool = False  # grief.grief_scene (False without grief's reading)
    ill: bool = False  # illness.illness_scene
    dark: bool = False  # dark_titles.dark_scene: a scene about death, killing or horror keeps dark titles
    strained: bool = False  # strain.strained: its valence read no lower than strain.STRAIN_VALENCE


class Recommender:
    """Safe to share between threads: after load nothing in it changes."""

    def __init__(self, index: IndexData, encoder, *, scoring_name: str = "improved",
                 weights: scoring.Weights = scoring.Weights(), description_weight: float = 0.75):
        self._index = index
        self._encoder = encoder
        self._multilingual = None
        if index.multilingual is not None:
            from .multilingual import LazyEncoder

            self._multilingual = LazyEncoder()
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
        self.song_weights = songscore.SongWeights()
        self.anchor_rule = songscore.AnchorRule()
        self.anthem_rule = songscore.AnthemRule()
        self.celebration_rule = celebration.CelebrationRule()
        self._song_features = _song_features(index, encoder)
        self._celebration_songs = None if self._song_features is None else celebration.CelebrationSongs.of(
            index.song_themes, index.catalog.dance, encoder.encode)
        self._song_groups = np.ascontiguousarray(index.catalog.song_groups, np.int64)
        self._main_genres, genre_count = _main_genres(index.catalog.genres)
        self._shown_titles, self._title_ids = _titles(index.catalog.titles)
        self._title_words = TitleWords(self._shown_titles)
        self._opposite_titles = OppositeTitles(self._shown_titles)
        self._whole_titles = None if index.title_vocabulary is None else WholeTitles(
            index.title_vocabulary, lambda words: encoder.encode(words, unpadded=True),
            None if self._song_features is None else self._song_features.known_as)
        self._explicit = titles_matching(STRONG_WORDS, self._shown_titles)  # never offered (explicit.py)
        self._grown_up = (titles_matching(GROWN_UP_WORDS, self._shown_titles)  # on a night out only (explicit.py)
                          | artists_matching(STRONG_WORDS, index.catalog.artists))
        self._night_out = np.asarray(encoder.encode([NIGHT_OUT_CUE], unpadded=True), np.float32)[0]
        self._sleepless = titles_matching(SLEEPLESS_WORDS, self._shown_titles)  # not beside a sleeper (explicit.py)
        self._seductive, self._romance_cues, self._family_cues, self._adult_cues = _seduction_reading(self._song_features, encoder)
        self._cheating, self._elder_and_faith_cues, self._commitment_cues = _cheating_reading(self._song_features, encoder)
        self._drinking, self._child_cues = _drinking_reading(self._song_features, encoder)
        self._grown_themes, self._childhood_cues, self._club_cues = _grown_theme_reading(self._song_features, encoder)
        self._adult_and_teenage_cues = encoder.encode([*seduction.ADULT_CUES, *family_rap.TEENAGE_CUES], unpadded=True)
        self._young_cues = encoder.encode(list(family_rap.YOUNG_CUES), unpadded=True)
        self._grown_cues = encoder.encode(list(family_rap.GROWN_CUES), unpadded=True)
        self._festive_cues = encoder.encode(list(family_rap.FESTIVE_CUES), unpadded=True)
        self._family_rap = family_rap.rap_songs(index.catalog.genres, index.catalog.artists)
        self._quiet_outdoor_cues = encoder.encode(list(quiet_outdoors.QUIET_OUTDOOR_CUES), unpadded=True)
        self._busy_outdoor_cues = encoder.encode(list(quiet_outdoors.COUNTER_CUES), unpadded=True)
        self._names_occasion = (None if self._song_features is None or self._song_features.naming is None
                                else np.asarray(self._song_features.naming) > 0)
        self._grief = _grief_reading(self._song_features, encoder, index.catalog)
        self._dark_scene_cues = np.asarray(encoder.encode(list(dark_titles.DARK_SCENE_CUES), unpadded=True),
                                           np.float32)
        self._dark_titles = None if self._song_features is None else dark_titles.dark_titles(
            self._song_features.themes, encoder.encode(list(dark_titles.DARK_TOPICS), unpadded=True),
            encoder.encode(list(dark_titles.LIGHT_TOPICS), unpadded=True))
        self._extreme = None if self._song_features is None else extreme_sound.extreme_songs(
            index.catalog.affect, index.catalog.genres, self._song_features.harsh, index.catalog.artist_ids)
        self._illness_cues = np.asarray(encoder.encode([cue for cue, _ in illness.ILLNESS_CUES], unpadded=True),
                                        np.float32)
        self._illness_counter = np.asarray(encoder.encode(list(illness.COUNTER_CUES), unpadded=True), np.float32)
        self._illness_unfit = (None if self._grief is None else
                               illness.unfit_for_illness(self._grief.unfit, index.catalog.dance, index.catalog.genres,
                                                         grief.club_songs(index.catalog.genres)))
        # each season label's sets (season_moods.py) and each night or menace label's (daylight_moods.py): (C,) True
        # where a set holds it
        self._ruled_sets = {label: np.asarray(index.combinations.mean_weights[index.labels.index(label)] > 0)
                            for label in (*season_moods.SEASON_WORDS, *daylight_moods.NIGHT_LABELS,
                                          *daylight_moods.MENACE_LABELS) if label in index.labels[
                                 : index.combinations.label_count]}
        self._genre_room = np.full(genre_count, GENRE_SHARE, np.int64)
        # the sizes of an answer's blocked artists, song groups and titles, and the rapped songs: the
        # same for every answer, worked out here rather than by a pass over the songs each time
        self._blocked_sizes = (len(self._songs.no_artists()), int(self._song_groups.max(initial=-1)) + 1,
                               int(self._title_ids.max(initial=-1)) + 1)
        rapped = None if self._song_features is None else self._song_features.rapped
        self._rapped = None if rapped is None else rapped >= songscore.RAPPED_SONG
        self._slow_dance = _slow_dance_reading(self._song_features, encoder, index.catalog, self._rapped)
        self._defeat_cues = np.asarray(encoder.encode(list(strain.DEFEAT_CUES), unpadded=True), np.float32)
        self._too_slow_for_effort = None if self._song_features is None else effort_songs.too_slow_for_effort(
            self._song_features.energy, self._song_features.columns[1])
        anchors = encoder.encode([anchor for pole in moodpicking.ENERGY_ANCHORS for anchor in pole], unpadded=True)
        energy = moodpicking.music_sense(moodpicking.label_energy(
            index.label_affect, index.label_embeddings, index.scene_energy, anchors, index.combinations.mean_weights),
            index.labels)
        def cues(table) -> np.ndarray:  # a (phrase, from, full) cue table's phrases, embedded
            return encoder.encode([phrase for phrase, _, _ in table], unpadded=True)

        self._mood_gate = moodpicking.MoodGate.of(
            index.labels, index.label_affect, index.combinations, rest_cues=cues(moodpicking.REST_CUES),
            joy_cues=cues(moodpicking.JOY_CUES), energy=energy, activity_cues=cues(moodpicking.ACTIVITY_CUES),
            couple_cues=cues(moodpicking.COUPLE_CUES), company_cues=cues(moodpicking.COMPANY_CUES),
            practice_cues=cues(moodpicking.PRACTICE_CUES), grind_cues=cues(moodpicking.GRIND_CUES),
            comfort_cues=cues(moodpicking.COMFORT_CUES), force_cues=cues(moodpicking.FORCE_CUES),
            occasion_cues=encoder.encode([phrase for _, phrase, _, _ in moodpicking.OCCASION_CUES], unpadded=True),
            key_cues=cues(moodpicking.KEY_CUES),
            sorrow_anchors=encoder.encode([anchor for pole in moodpicking.SORROW_ANCHORS for anchor in pole], unpadded=True),
            laughter_cues=cues(moodpicking.LAUGHTER_CUES), night_cues=cues(moodpicking.NIGHT_CUES),
            lounge_cues=cues(moodpicking.LOUNGE_CUES),
            absence_cues=encoder.encode([*moodpicking.ABSENCE_CUES, *moodpicking.PRESENCE_CUES], unpadded=True),
            pet_cues=cues(moodpicking.HOME_PET_CUES), trouble_cues=cues(moodpicking.PET_TROUBLE_CUES),
            kin_cues=cues(moodpicking.KIN_CUES), love_cues=cues(moodpicking.LOVE_CUES),
            mishap_counter_cues=encoder.encode(list(moodpicking.MISHAP_COUNTER_CUES), unpadded=True))
        self._mood_picker = moodpicking.MoodPicker.of(
            index.combinations, moodpicking.PickRule(overlap=weights.overlap_penalty), index.label_affect, energy)
        self._english = RecentTexts(self._read_english)  # repeated descriptions skip the encoder

    @classmethod
    def load(cls, data_dir: Path | str | None = None, *, scoring_name: str = "improved",
             encoder_threads: int | None = None) -> Recommender:
        """Load the index and the ONNX encoder from data_dir (default: the repo's data/).

        encoder_threads=1 keeps ONNX Runtime from starting threads of its own: a process forked
        afterwards (bot/compute.py) would have the pool's bookkeeping without its threads."""
        from .encoder import TextEncoder

        started = time.perf_counter()
        index = load_index(Path(data_dir) if data_dir else None)
        encoder = TextEncoder(index.encoder_dir, threads=encoder_threads)
        recommender = cls(index, encoder, scoring_name=scoring_name)
        log.info("recommender loaded in %.2f s (%d combinations, %d %s songs)", time.perf_counter() - started,
                 len(index.combination_labels), len(index.catalog), index.catalog.kind)
        return recommender

    @property
    def catalog_size(self) -> int:
        return len(self._index.catalog)

    def suggest(self, text: str, *, moods: int = 3, songs: int = SONGS, scoring_name: str | None = None,
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

    def suggest_many(self, texts: Sequence[str], *, moods: int = 3, songs: int = SONGS,
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
            embeddings, affect, words = self._read(cleaned, names)
            return self._answers(cleaned, requests, names, embeddings, affect, words)

    def suggest_each(self, requests: Sequence[SuggestRequest]) -> list[Suggestion | RecommenderError]:
        """Like suggest_requests, but a request whose text is refused gets its RecommenderError in
        its place instead of failing the others: each text is checked alone, the valid ones are
        embedded together."""
        results: list[Suggestion | RecommenderError | None] = [None] * len(requests)
        valid = []
        for position, request in enumerate(requests):
            try:
                checked_text(request.text)
                valid.append(position)
            except RecommenderError as error:
                results[position] = error
        for position, suggestion in zip(valid, self.suggest_requests([requests[p] for p in valid])):
            results[position] = suggestion
        return results

    def _read(self, texts: list[str], names: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """(n, 384) MiniLM-space embeddings, (n, 2) valence/arousal of the texts, and each text in English
        words for the song rules that read words (an English text itself; another's translation or gloss).

        English is read by MiniLM, as the original scoring always is. Text in another
        language (decided by its own words) is read by the multilingual encoders, mapped
        into MiniLM space for the comparison with mood labels, its affect blended from the
        model fitted in the multilingual space and the English model's reading of its
        word-by-word English gloss (see multilingual.py, glossing.py).
        """
        foreign = [row for row, (text, name) in enumerate(zip(texts, names))
                   if name != "original" and self._multilingual is not None and text_language(text) != ENGLISH]
        english = sorted(set(range(len(texts))) - set(foreign))
        embeddings = np.empty((len(texts), self._index.label_embeddings.shape[1]), np.float32)
        affect = np.empty((len(texts), 2), np.float32)
        words = list(texts)
        if english:
            embeddings[english], affect[english] = self._english([texts[row] for row in english])
        if foreign:
            reading = self._index.multilingual.reading(
                [texts[row] for row in foreign], self._multilingual, self._encoder, self._index.affect)
            embeddings[foreign], affect[foreign] = reading.vectors, reading.affect
            for row, english_words in zip(foreign, reading.words or ()):
                words[row] = english_words or texts[row]
        return embeddings, affect, words

    def _read_english(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        # Batched (one text at a time costs ~3x the CPU), but only texts of the same token count
        # together: a kept reading must not depend on the texts it first came with (padding moves
        # the last float bits, and with them near-tied moods).
        embeddings = self._encoder.encode(texts, unpadded=True)
        affect = self._index.affect.predict_each(embeddings)[:, :2]  # each row as if alone
        return embeddings, affect

    def _answers(self, cleaned: list[str], requests: Sequence[SuggestRequest], names: list[str],
                 embeddings: np.ndarray, affect: np.ndarray, words: list[str]) -> list[Suggestion]:
        read = np.clip(affect, *self._affect_bounds)  # the text's own reading, before hints and steering
        readings = [None if name == "original" else self._scene_reading(embeddings[row], float(read[row, 0]))
                    for row, name in enumerate(names)]
        for row, reading in enumerate(readings):
            if reading is not None and reading.strained:  # strain is not sorrow (strain.py)
                affect[row, 0] = strain.strain_valence(float(affect[row, 0]))
                read[row, 0] = strain.strain_valence(float(read[row, 0]))
        for row, request in enumerate(requests):
            hint = request.affect_hint
            if hint is not None:
                affect[row] = (1 - hint.weight) * affect[row] + hint.weight * np.array([hint.valence, hint.arousal])
        shifts = np.array([request.affect_shift for request in requests], dtype=affect.dtype)
        affect = np.clip(affect, *self._affect_bounds) + shifts
        titles = self._title_similarities(embeddings, names)
        scores_by_name = {}
        for name in set(names):
            rows = [row for row, row_name in enumerate(names) if row_name == name]
            scores, targets = self._mood_scores(embeddings[rows], affect[rows], name, [readings[row] for row in rows])
            scores_by_name[name] = dict(zip(rows, zip(scores, targets)))
        answers = []
        for row, (text, request, name) in enumerate(zip(cleaned, requests, names)):
            scores, mood_target = scores_by_name[name][row]
            if request.preferences and request.preferences.label_weights:
                scores = scores + request.preferences.strength * self._preference_scores(
                    request.preferences.label_weights, name)
            if name != "original":
                scores = self._without_ruled_out_moods(scores, words[row])
            answers.append(self._suggestion(text, scores, affect[row], request.moods, request.songs, name,
                                            self._excluded_mask(request.exclude), embeddings[row],
                                            None if titles is None else titles[row],
                                            float(affect[row, 1] - read[row, 1]), any(request.affect_shift),
                                            mood_target, words[row], readings[row]))
        return answers

    def _without_ruled_out_moods(self, scores: np.ndarray, words: str) -> np.ndarray:
        """(C,) scores with the sets holding a label the text's words rule out put below every other set: another
        season's (season_moods.py: "autumnal" for a sled in the snow), or the night's or menace's in daylight
        (daylight_moods.py: "eerie" for a birdwatcher at dawn)."""
        ruled_out = [self._ruled_sets[label]
                     for label in season_moods.ruled_out_seasons(words) | daylight_moods.ruled_out_by_daylight(words)
                     if label in self._ruled_sets]
        if not ruled_out:
            return scores
        return (scores - SEASON_CLASH * np.logical_or.reduce(ruled_out)).astype(scores.dtype)

    def moods_affect(self, moods: Sequence[Mood]) -> np.ndarray:
        """(2,) mean valence/arousal of the given moods' combinations (common scale)."""
        rows = [self._combination_position[m.labels] for m in moods]
        return self._combination_affect[rows].mean(axis=0)

    def mood_scores(self, embeddings: np.ndarray, affect: np.ndarray, name: str) -> np.ndarray:
        """(B, C) score of every combination for each embedded description."""
        return self._mood_scores(embeddings, affect, name)[0]

    def _mood_scores(self, embeddings: np.ndarray, affect: np.ndarray, name: str,
                     readings: Sequence[SceneReading] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(B, C) score of every combination and (B, 2) the (valence, arousal) the moods were matched
        against (the description's, moved by its scene's energy: moodpicking.mood_affect). readings:
        each row's _scene_reading, if already worked out."""
        similarities = scoring.label_similarities(embeddings, self._index.label_embeddings)
        if name == "original":
            return scoring.mean_label_similarity(similarities, self._index.combinations), np.asarray(affect)
        if readings is None:
            readings = [self._scene_reading(row) for row in embeddings]
        rest = self._mood_gate.at_rest(embeddings)  # anyone asleep, songscore's stillness beside it
        if self._song_features is not None:
            rest = np.maximum(rest, [reading.still for reading in readings]).astype(np.float32)
        energy = np.array([reading.liveliness for reading in readings], np.float32)
        joy = self._mood_gate.joyful(embeddings)
        # a scene of effort whose own energy falls short of it moves toward EFFORT_AFFECT (a gym already
        # lively enough keeps its "powerful · energetic | driving · strong")
        lift = np.array([reading.effort_lift for reading in readings], np.float32)
        # a calm scene in a calm voice asks support of force's labels (no "epic · powerful" for a sandcastle)
        calm = moodpicking.scene_calm(energy, np.asarray(affect, np.float32)[:, 1])
        affect = moodpicking.mood_affect(affect, energy, rest, self._mood_gate.active(embeddings), joy,
                                         self._mood_gate.grinding(embeddings), self._mood_gate.absent(embeddings),
                                         lift)
        similarities = self._mood_gate.heard(similarities)
        no_sorrow = np.maximum(rest, joy)
        scores = self._mood_gate.adjusted(self._ranking.scores(similarities, affect), similarities, affect, no_sorrow,
                                          embeddings, energy,
                                          np.array([reading.mourned for reading in readings], np.float32),
                                          np.array([reading.ill for reading in readings], np.float32), calm)
        return scores, affect

    def _preference_scores(self, label_weights: dict[str, float], name: str) -> np.ndarray:
        """(C,) each combination's preference weight: the sum of its labels' within [-1, 1] (the improved
        scoring shows sets of two to four labels, where a mean would dilute a like by the set's size),
        or their mean for the original scoring, as before."""
        weights = np.array([[label_weights.get(label, 0.0) for label in self._index.labels]])
        sums = scoring.combination_sums(weights, self._index.combinations)[0]
        return sums / self._index.combinations.sizes if name == "original" else np.clip(sums, -1.0, 1.0)

    def _title_similarities(self, embeddings: np.ndarray, names: list[str]) -> np.ndarray | None:
        """(B, N) description-title cosines for the whole batch in one product (None if unused)."""
        if self._song_features is None or all(name == "original" for name in names):
            return None
        return np.asarray(embeddings, np.float32) @ self._song_features.themes.T

    def _suggestion(self, text, scores, affect, mood_count, song_count, name, excluded, query,
                    similarities=None, moved_arousal=0.0, steered=False, mood_target=None, words=None,
                    reading=None) -> Suggestion:
        # words: the text in English words for the rules that read words; the language fit keeps the text's own;
        # reading: the query's _scene_reading, if the moods already worked it out
        if name == "original":
            picked = [int(i) for i in scoring.top_k(scores, mood_count)]
        else:
            # the scene's energy holds the answer's side (PickRule.side), not once the listener steers it
            energy = None if steered or reading is None else reading.liveliness
            picked = self._mood_picker.pick(scores, mood_count, affect if mood_target is None else mood_target,
                                            energy)
        chosen = tuple(Mood(self._index.combination_labels[c], float(scores[c])) for c in picked)
        if name == "original" or self._song_features is None:
            songs = self._songs_for(picked, affect, song_count, excluded)
        else:
            words = words or text
            # the songs about an occasion the description does not support: the whole-title rule and the
            # song scores both need it, for the same words unless the listener steers (worked out once)
            shortfall = None if steered else self._song_features.occasion_shortfall(query, words)
            similarities, puns = self._whole_title_similarities(words, query, similarities, shortfall)
            if len(puns):  # "Capsized" for graduation caps is word play in any slot, not only the title's
                excluded = excluded.copy()
                excluded[puns] = True
            songs = self._scored_songs_for(picked, affect, song_count, excluded, query, similarities,
                                           moved_arousal, text_language(text), "" if steered else words, shortfall,
                                           reading)
        return Suggestion(text, chosen, tuple(songs), float(affect[0]), float(affect[1]))

    def _whole_title_similarities(self, text: str, query: np.ndarray, similarities: np.ndarray | None,
                                  shortfall: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(N,) the description-title cosines, each title counting only as far as it fits the English
        description as a whole, not by one shared word (titlefit) nor by a word piece
        (TitleWords.fragments); a title about the occasion the
        description is about keeps its own. Also (M,) the puns: the songs whose title the encoder reads
        close to the description by a word piece only ("Capsized" for graduation caps) or by naming its
        opposite ("Sunglasses At Night" at sunrise, titleopposites), which no slot should take. shortfall: SongFeatures.occasion_shortfall(query, text), if known."""
        features = self._song_features
        if similarities is None:
            similarities = features.theme_similarities(query)
        if self._whole_titles is None or text_language(text) != ENGLISH:
            return similarities, np.zeros(0, np.int64)
        if shortfall is None:
            shortfall = features.occasion_shortfall(query, text)
        occasion = (features.occasion >= 0) & (shortfall == 0)
        floor = self.song_weights.theme_floor
        faded = self._whole_titles.faded(text, similarities, floor, occasion)
        puns = self._title_words.fragments(text)  # "Capsize" for caps: a word piece, not the scene
        puns = puns[faded[puns] > floor]
        # "Daylight" at night is a clash in any slot, however far its title reads from the scene: a filler
        # "All Night Longer" came to iced coffees in the morning sun where the variety draw fell that way
        puns = np.union1d(puns, self._opposite_titles.opposing(text))
        puns = puns[~occasion[puns]]
        if len(puns):
            faded = faded.copy() if faded is similarities else faded
            faded[puns] = np.minimum(faded[puns], np.float32(floor))
        return faded, puns

    def _scored_songs_for(self, picked: list[int], affect: np.ndarray, count: int, excluded: np.ndarray,
                          query: np.ndarray, similarities: np.ndarray | None = None,
                          moved_arousal: float = 0.0, language: str = ENGLISH, text: str = "",
                          shortfall: np.ndarray | None = None, reading: SceneReading | None = None) -> list[Song]:
        """Songs spread over the moods, each scored on closeness to a blend of the description's and
        its mood's affect, popularity, energy and title theme, less for a hub song or a genre that
        sounds wrong for a marked scene (songscore.scene_fit). First up to
        songscore.ANCHORS well-known songs whose title means the scene ("Umbrella" for a rainy
        street), then within each mood the slots take turns (songscore.SLOT_ROLES): a title that
        carries the scene, a well-known song, a discovery; never an artist or a song twice, no genre
        in more than GENRE_SHARE and no more than RAPPED_SHARE rapped songs in every eight (an
        answer is not all trap or all reggaeton). moved_arousal: how far a photo's affect or the
        listener's steering moved the arousal from the text's reading; the energy the songs should
        have moves with it ("more energy" gets livelier songs). language: the description's, for
        the songs' language fit; text: the description, for the leading songs and title slots (""
        for none: a listener who steers asked for songs of another feel, not the obvious ones);
        shortfall: SongFeatures.occasion_shortfall(query, text), if already worked out; reading: the
        query's _scene_reading, if already worked out."""
        features, weights = self._song_features, self._song_weights_for(language)
        if reading is None:
            reading = self._scene_reading(query)
        if similarities is None:
            similarities = features.theme_similarities(query)
        # anyone asleep is as still as a sleeping baby for the songs: a dog asleep by a fireplace read 0.05 on
        # songscore's stillness and got "Take Me Out" (MoodGate.at_rest finds any sleeper)
        asleep = float(self._mood_gate.at_rest(np.asarray(query, np.float32)[None, :])[0])
        still = max(reading.still, asleep)
        energy = reading.liveliness + moved_arousal / weights.energy_gain
        # a description about an occasion also hears the songs about it ("Ghostbusters" at a Halloween
        # party); the leading songs keep the plain title cosines (lifted, "White Wedding" led a church aisle)
        themed = features.occasion_themes(query, similarities, text)
        if shortfall is None:
            shortfall = features.occasion_shortfall(query, text)
        scene = songscore.scene_terms(features, energy, themed, shortfall, weights, features.genre_fit(query),
                                      songscore.description_seed(query), features.foreign_songs(query, language),
                                      max(still - max(moved_arousal, 0.0) / weights.energy_gain, 0.0),
                                      float(affect[0]), features.sorrow_room(query, float(affect[0])),
                                      features.pointed_genres(query, weights), features.mourning(query))
        artist_count, group_count, title_count = self._blocked_sizes
        blocked_artists, blocked_groups = np.zeros(artist_count, bool), np.zeros(group_count, bool)
        room = np.maximum(self._genre_room, -(-count * self._genre_room // 8))  # GENRE_SHARE per 8 songs
        used_titles = np.zeros(title_count, bool)
        rapped = self._rapped
        rap_room = -(-count * RAPPED_SHARE // 8)
        excluded = excluded | self._explicit
        # nor does a family scene (family_rap.rap_unfit) or a religious or cultural celebration, however close it reads
        # to a night out: "Gangsta Gangsta" and "Sweet but Psycho" for relatives dancing at a Diwali party with a DJ
        if (float(np.asarray(query, np.float32) @ self._night_out) < NIGHT_OUT_FROM
                or family_rap.rap_unfit(query, self._young_cues, self._grown_cues)
                or family_rap.festive_occasion(query, self._festive_cues)):
            excluded = excluded | self._grown_up  # no "Feed Me Dope" at a family barbecue
        if still >= ASLEEP_FROM:
            excluded = excluded | self._sleepless  # no "Insomnia" for a cat asleep
        if self._seductive is not None and not seduction.seduction_fits(query, self._romance_cues, self._family_cues,
                                                                              self._adult_cues, self._elder_and_faith_cues):
            excluded = excluded | self._seductive  # no "PILLOWTALK" at a roadside flat tyre (seduction.py)
        if self._cheating is not None and seduction.cheating_unfit(query, self._family_cues, self._adult_cues,
                                                                   self._elder_and_faith_cues, self._commitment_cues):
            excluded = excluded | self._cheating  # no "My Sidepiece" at a wedding (seduction.py)
        if self._drinking is not None and drinking.children_scene(query, self._child_cues, self._adult_cues):
            excluded = excluded | self._drinking  # no "Raise Your Glass" at a child's birthday (drinking.py)
        # (teenagers are a grown scene here: a teenage crush may play at their party)
        if self._grown_themes is not None and (
                drinking.children_scene(query, self._child_cues, self._adult_and_teenage_cues)
                or child_titles.childhood_scene(query, self._childhood_cues, self._adult_and_teenage_cues)
                or not child_titles.grown_theme_fits(query, self._romance_cues, self._family_cues,
                                                     self._adult_and_teenage_cues, self._elder_and_faith_cues,
                                                     self._club_cues)):
            # no "Teenage Dream" at a science fair nor for a rejection email (child_titles.py)
            excluded = excluded | self._grown_themes
        unfit_rap = self._unfit_rap(query, shortfall)
        if unfit_rap is not None:
            excluded = excluded | unfit_rap  # no "Stick Talk" at boys' street cricket (family_rap.py)
        mourned = reading.mourned
        if self._dark_titles is not None and not (mourned or reading.dark):
            excluded = excluded | self._dark_titles  # no "Straight to Hell" at a 40th birthday (dark_titles.py)
        if (self._extreme is not None and not reading.dark
                and songscore.rapped_room(energy, weights) >= extreme_sound.EXTREME_ROOM):
            excluded = excluded | self._extreme  # no black metal in a hospital waiting room (extreme_sound.py)
        if mourned:
            excluded = excluded | self._grief.unfit  # no "Think About You" for a widower's breakfast (grief.py)
        elif self._illness_unfit is not None and reading.ill:
            excluded = excluded | self._illness_unfit  # no "ROXANNE" by a grandmother's hospital bed (illness.py)
        if self._slow_dance is not None and slow_dance.slow_dance_scene(query, self._slow_dance.cues,
                                                                       self._slow_dance.counter):
            excluded = excluded | self._slow_dance.unfit  # no "Just Dance" at a first dance (slow_dance.py)
        if effort_songs.effort_scene(reading.effort):
            excluded = excluded | self._too_slow_for_effort  # no slow "The Finish Line" at a race (effort_songs.py)
        results: list[Song] = []

        def take(total: np.ndarray, labels: tuple[str, ...], candidates=None, fallback: bool = True) -> None:
            nonlocal rap_room
            found = songscore.pick_songs(total, 1, artists=self._songs.artists, groups=self._song_groups,
                                         excluded=excluded, blocked_artists=blocked_artists,
                                         blocked_groups=blocked_groups, candidates=candidates,
                                         genres=self._main_genres, genre_room=room,
                                         titles=self._title_ids, blocked_titles=used_titles)
            if not found and candidates is not None and fallback:
                return take(total, labels)
            for song in found:
                results.append(self._song(song, labels, songscore.reasons(
                    features, str(self._index.catalog.genres[song]), song, float(themed[song]), weights)))
                if rapped is not None and rapped[song]:
                    rap_room -= 1
                    if rap_room <= 0:
                        excluded[rapped] = True

        def lead(scores: np.ndarray, most: int) -> None:
            candidates = np.flatnonzero(np.isfinite(scores))
            for _ in range(min(most, count - len(results), len(candidates))):
                before = len(results)
                take(scores, self._index.combination_labels[picked[0]], candidates, fallback=False)
                if len(results) == before:
                    break

        if picked and text and mourned:
            # a scene of grief is led by well-known songs of loss ("Tears in Heaven" at a grave), in place of the
            # other leads: no birthday or celebration song by a father's headstone on his birthday
            valence, arousal = features.columns
            lead(grief.grief_lead_scores(self._grief.loss, valence, arousal, features.energy, features.fame,
                                         similarities, scene.jitter), grief.GRIEF_LEADS)
        elif picked and text:
            # a description about a celebrated occasion is led by its best-known songs ("All I Want for
            # Christmas Is You" at a Christmas market), then by titles that mean the scene
            occasion = features.celebrated(query, text)
            if occasion is not None:
                before = len(results)
                lead(songscore.occasion_lead_scores(features, occasion, self._lead_target(affect, picked[0]), scene,
                                                    weights), songscore.OCCASION_LEADS)
                if len(results) - before >= songscore.OCCASION_LEADS:  # enough of its songs: the rest is the scene's
                    excluded[features.occasion == occasion] = True
            # a scene of effort or triumph is led by a well-known anthem ("Stronger" at a gym)
            lead(songscore.anthem_lead_scores(features, self._effort(query, float(affect[0]), reading.strained),
                                              self._lead_target(affect, picked[0]),
                                              scene, similarities, weights, self.anthem_rule),
                 min(songscore.ANTHEM_LEADS, songscore.ANCHORS - len(results)))
            # a scene of celebration is led by a well-known celebration song ("Raise Your Glass" at a toast)
            before = len(results)
            lead(celebration.celebration_lead_scores(
                self._celebration_songs, features, self._celebration(query, text, float(affect[0]), still),
                self._lead_target(affect, picked[0]), scene, similarities, weights, self.celebration_rule),
                 min(celebration.CELEBRATION_LEADS, songscore.ANCHORS - len(results)))
            # beside it, not instead of it, the titles that name the scene ("Firework" for fireworks on new year's eve)
            titled = songscore.ANCHORS + len(results) - before
            lead(self._anchor_scores(affect, picked[0], scene, similarities, text, weights), titled - len(results))
            if len(results) < titled:  # a famous song that names the scene fills a lead no closer title took
                lead(self._anchor_scores(affect, picked[0], scene, similarities, text, weights, famous=True),
                     titled - len(results))
        for position, (combination, wanted) in enumerate(zip(picked, _split(count - len(results), len(picked)))):
            target = (self.description_weight * affect
                      + (1 - self.description_weight) * self._combination_affect[combination])
            terms = songscore.song_scores(features, target, scene, weights)
            # past the first moods, or once the listener steers, no slot is won by its title
            skip = 0 if position < TITLE_MOODS and text else 1
            for slot in range(wanted):
                take(terms.total(*songscore.SLOT_ROLES[(slot + skip) % len(songscore.SLOT_ROLES)]),
                     self._index.combination_labels[combination], self._tagged_candidates(combination))
        return results

    def _song_weights_for(self, language: str) -> songscore.SongWeights:
        """The song weights for a description in `language`: held closer to its feeling when it is not
        English (TRANSLATED_AFFECT_HOLD)."""
        if language == ENGLISH:
            return self.song_weights
        return replace(self.song_weights, affect=self.song_weights.affect * TRANSLATED_AFFECT_HOLD)

    def _anchor_scores(self, affect: np.ndarray, combination: int, scene: songscore.SceneTerms,
                       similarities: np.ndarray, text: str, weights: songscore.SongWeights,
                       famous: bool = False) -> np.ndarray:
        """(N,) how well each song leads the answer (songscore.anchor_scores, -inf for most), against
        the first mood's target; each title's own affect reading comes from the build (index.py).
        famous: also the famous songs whose title names the scene word for word (_famous_naming)."""
        features = self._song_features
        target = self._lead_target(affect, combination)
        named = self._title_words.naming(text)
        if famous and self._whole_titles is not None and text_language(text) == ENGLISH:
            named = np.union1d(named, self._famous_naming(text, similarities))
        candidates = songscore.anchor_candidates(features, target, scene, similarities, weights,
                                                 self.anchor_rule, named)
        return songscore.anchor_scores(features, candidates, target, scene, similarities,
                                       features.title_affect[candidates], weights, self.anchor_rule)

    def _famous_naming(self, text: str, similarities: np.ndarray) -> np.ndarray:
        """(M,) the famous songs whose title names what the scene shows, word for word, though its cosine
        stays under AnchorRule.similarity (AnchorRule.famous*): "Summer" for a man grilling steaks on a
        summer evening (0.39), "Dancing Queen" for grandparents dancing in their kitchen."""
        rule = self.anchor_rule
        songs = np.flatnonzero((similarities >= rule.famous_similarity) & (similarities < rule.similarity)
                               & (self._song_features.known_as >= np.float32(rule.famous)))
        if not len(songs):
            return songs
        best, least = self._whole_titles.word_support(text, songs)
        songs = songs[(best >= rule.famous_word) & (least >= FADE_FULL)]
        return np.setdiff1d(songs, self._title_words.fragments(text, shortest=3))  # "Capsize" for a cap: a pun

    def _effort(self, query: np.ndarray, valence: float, strained: bool = False) -> float:
        """0-1 how far the scene is one of effort or triumph (SongFeatures.effort), less as far as the place is
        empty (MoodGate.absent: an empty stadium after the game) or the text reads sad (valence from
        songscore.SORROW_VALENCE_FULL down to SORROW_VALENCE_FROM: a boxer alone after losing reads -1.05, a
        marathon runner collapsing in pain -0.95; a boxer before a fight +0.13, graduates -0.32): no anthem there.
        A scene of strain (strain.strained: a sprinter out of the blocks reads -0.63) does not read sad for it."""
        effort = self._song_features.effort(query)
        if not effort:
            return 0.0
        return effort * (1.0 if strained else _brightness(valence)) * (1.0 - self._absence(query))

    def _unfit_rap(self, query: np.ndarray, shortfall: np.ndarray) -> np.ndarray | None:
        """(N,) the rap songs a young, family or old people's scene keeps out (family_rap.py), or None when the
        scene may have rap; a title naming an occasion the scene supports (no shortfall: "Happy Birthday" at a
        child's birthday) stays. A serene nature or quiet outdoor scene (quiet_outdoors.py) keeps every rap song
        out."""
        if not self._family_rap.any():
            return None
        if quiet_outdoors.quiet_outdoors(query, self._quiet_outdoor_cues, self._busy_outdoor_cues):
            return self._family_rap  # no "Wake Up in the Sky" on a summit at sunrise, for all its title
        if not family_rap.rap_unfit(query, self._young_cues, self._grown_cues, self._festive_cues):
            return None
        if self._names_occasion is None:
            return self._family_rap
        return self._family_rap & ~(self._names_occasion & (np.asarray(shortfall) == 0))

    def _celebration(self, query: np.ndarray, text: str, valence: float, still: float) -> float:
        """0-1 how far the scene is a celebration (CelebrationSongs.celebration, or an occasion it names or reads
        close to: celebration.occasion_celebration), less as far as the text reads sad
        (valence, as _effort), the place is empty (MoodGate.absent: confetti left after the wedding), someone in it
        sleeps (still: the songs' stillness or MoodGate.at_rest) or it reads as mourning (SongFeatures.mourning)."""
        reading = max(self._celebration_songs.celebration(query),
                      celebration.occasion_celebration(self._song_features.occasion_support(query, text)))
        if not reading:
            return 0.0
        return (reading * _brightness(valence) * (1.0 - self._absence(query)) * (1.0 - min(still, 1.0))
                * (1.0 - self._song_features.mourning(query)))

    def _absence(self, query: np.ndarray) -> float:
        """0-1 how far the description (D,) shows a place of play or a party left empty (MoodGate.absent)."""
        return float(self._mood_gate.absent(np.asarray(query, np.float32)[None, :])[0])

    def _lead_target(self, affect: np.ndarray, combination: int) -> np.ndarray:
        """(2,) the (valence, arousal) the leading songs are held to: the description's, blended with its first mood's."""
        return (self.description_weight * affect
                + (1 - self.description_weight) * self._combination_affect[combination])

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

    def _scene_reading(self, query: np.ndarray, valence: float | None = None) -> SceneReading:
        """The description's stillness, energy, effort, grief, illness and darkness, read once an answer for both the
        moods and the songs (each a dozen cue products: read twice, they cost ~1% of a batched caption). valence: the
        text's own reading, for the effort (_effort); without it the scene's effort is not read. A scene of effort
        (effort_songs.effort_scene) is at least EFFORT_ENERGY lively by its effort."""
        features = self._song_features
        still = 0.0 if features is None else features.stillness(query)
        strained = (valence is not None and features is not None
                    and strain.strained(*features.strain(query), query, self._defeat_cues))
        # strain is not sorrow (strain.py): a sprinter's effort does not fade with his read valence
        effort = 0.0 if valence is None or features is None else self._effort(query, valence, strained)
        liveliness = self._scene_liveliness(query, still)
        mourned = self._grief is not None and grief.grief_scene(query, self._grief.cues, self._grief.counter)
        ill = illness.illness_scene(query, self._illness_cues, self._illness_counter)
        dark = dark_titles.dark_scene(query, self._dark_scene_cues)
        if not effort_songs.effort_scene(effort):  # a faint reading (floodwater: 0.08) leaves the scene as it is
            return SceneReading(still, liveliness, effort, mourned=mourned, ill=ill, dark=dark, strained=strained)
        lift = min(max(EFFORT_ENERGY * effort - liveliness, 0.0) / EFFORT_ENERGY, 1.0)
        return SceneReading(still, max(liveliness, EFFORT_ENERGY * effort), effort, lift, mourned, ill, dark, strained)

    def _scene_liveliness(self, query: np.ndarray, still: float | None = None) -> float:
        """A scene's energy (sd) as the songs and the moods hear it: the text's arousal misses it (a gym
        reads calm), the catalog's titles and the lively/calm cues carry it (songscore.scene_energy), a
        calm practice, a still scene and a place of play left empty (MoodGate.absent, toward ABSENCE_ENERGY)
        lower it. still: SongFeatures.stillness(query), if already read."""
        features, weights = self._song_features, self.song_weights
        if features is None:
            return self._scene_energy(query)
        if still is None:
            still = features.stillness(query)
        energy = songscore.calmed_energy(songscore.scene_energy(self._scene_energy(query), features.cue_energy(query),
                                                             weights), features.calm_practice(query))
        absent = self._absence(query)
        energy -= absent * max(energy - ABSENCE_ENERGY, 0.0)
        return energy - weights.still_energy * still

    def _scene_energy(self, query: np.ndarray) -> float:
        reader = self._index.scene_energy
        if reader is None:
            return 0.0
        return float(np.asarray(query, np.float32) @ reader[:-1] - reader[-1])

    def _tagged_candidates(self, combination: int) -> np.ndarray | None:
        if self._songs_by_combination is None:
            return None
        return self._songs_by_combination[combination]

    def _song(self, index: int, mood_labels: tuple[str, ...], reasons: tuple[str, ...] | None = None) -> Song:
        catalog = self._index.catalog
        own = tuple(catalog.labels[index].split("|")) if catalog.labels[index] else ()
        title = str(catalog.titles[index]) if reasons is None else self._shown_titles[index]
        return Song(str(catalog.song_ids[index]), str(catalog.artists[index]), title,
                    str(catalog.urls[index]), round(float(catalog.affect[index, 0]), 4),
                    round(float(catalog.affect[index, 1]), 4), own or mood_labels, reasons or ())

    def _excluded_mask(self, exclude: Collection[str]) -> np.ndarray:
        mask = np.zeros(len(self._index.catalog), bool)
        for song_id in exclude:
            position = self._song_index.get(song_id)
            if position is not None:
                mask[position] = True
        return mask


def _titles(titles: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Each title as shown (without version notes: "Umbrella", not "Umbrella - Remastered 2011"),
    and (N,) one id per title as a listener reads it (also without case or accents)."""
    from .songkeys import clean_title, folded_words

    shown = [clean_title(str(title)) for title in titles]
    keys = [folded_words(title) for title in shown]  # songkeys.song_keys' title part, as np.unique would number
    position = {key: i for i, key in enumerate(sorted(set(keys)))}  # them, without a (N,) array of strings
    return shown, np.array([position[key] for key in keys], np.int64)


def _main_genres(genres: np.ndarray) -> tuple[np.ndarray, int]:
    """(N,) id of each song's first genre (its playlist genre; -1 for none) and how many there are."""
    firsts = [str(cell).split("|")[0] for cell in genres]
    names = sorted({name for name in firsts if name})
    position = {name: i for i, name in enumerate(names)}
    return np.array([position.get(name, -1) for name in firsts], np.int64), len(names)


def _seduction_reading(features: songscore.SongFeatures | None, encoder) -> tuple:
    """(N,) which titles read as seduction, and the (R, D) romance, (F, D) family and (A, D) adult cue embeddings
    (seduction.py); no titles (None) for an index without title embeddings."""
    romance = encoder.encode(list(seduction.ROMANCE_CUES), unpadded=True)
    family = encoder.encode(list(seduction.FAMILY_CUES), unpadded=True)
    adult = encoder.encode(list(seduction.ADULT_CUES), unpadded=True)
    if features is None:
        return None, romance, family, adult
    cues = encoder.encode([phrase for phrase, _ in seduction.SEDUCTION_CUES], unpadded=True)
    return (seduction.seductive_titles(np.stack([features.theme_similarities(cue) for cue in cues], axis=1)), romance,
            family, adult)


def _cheating_reading(features: songscore.SongFeatures | None, encoder) -> tuple:
    """(N,) which titles read as cheating, and the (E, D) old people's and faith and (W, D) wedding and anniversary
    cue embeddings (seduction.py); no titles (None) for an index without title embeddings."""
    elder_and_faith = encoder.encode(list(seduction.ELDER_AND_FAITH_CUES), unpadded=True)
    commitment = encoder.encode(list(seduction.COMMITMENT_CUES), unpadded=True)
    if features is None:
        return None, elder_and_faith, commitment
    cues = encoder.encode([phrase for phrase, _ in seduction.CHEATING_CUES], unpadded=True)
    return (seduction.seductive_titles(np.stack([features.theme_similarities(cue) for cue in cues], axis=1),
                                       seduction.CHEATING_CUES), elder_and_faith, commitment)


def _drinking_reading(features: songscore.SongFeatures | None, encoder) -> tuple:
    """(N,) which titles read as drinking, and the (C, D) children's scene cue embeddings (drinking.py); no
    titles (None) for an index without title embeddings."""
    children = encoder.encode([phrase for phrase, _ in drinking.CHILD_CUES], unpadded=True)
    if features is None:
        return None, children
    cues = encoder.encode([phrase for phrase, _ in drinking.DRINKING_CUES], unpadded=True)
    return drinking.drinking_titles(np.stack([features.theme_similarities(cue) for cue in cues], axis=1)), children


def _grown_theme_reading(features: songscore.SongFeatures | None, encoder) -> tuple:
    """(N,) which titles read as desire, being sexy, teenage love or the club, and the (K, D) childhood and (C, D)
    club cue embeddings (child_titles.py); no titles (None) for an index without title embeddings."""
    childhood = encoder.encode([phrase for phrase, _ in child_titles.CHILDHOOD_CUES], unpadded=True)
    club = encoder.encode(list(child_titles.CLUB_CUES), unpadded=True)
    if features is None:
        return None, childhood, club
    cues = encoder.encode([phrase for phrase, _ in child_titles.GROWN_THEME_CUES], unpadded=True)
    titles = child_titles.grown_theme_titles(np.stack([features.theme_similarities(cue) for cue in cues], axis=1))
    return titles, childhood, club


@dataclass(frozen=True)
class _GriefReading:
    """grief.py's cue embeddings (G, D) and (C, D), each title's (N,) nearest cosine to grief.LOSS_TOPICS, and
    the (N,) songs kept out of a scene of grief."""

    cues: np.ndarray
    counter: np.ndarray
    loss: np.ndarray
    unfit: np.ndarray


def _grief_reading(features: songscore.SongFeatures | None, encoder, catalog) -> _GriefReading | None:
    """What grief.py reads, worked out once per catalog; None for an index without title embeddings."""
    if features is None or features.fame is None:
        return None
    topics = np.asarray(encoder.encode(list(grief.LOSS_TOPICS), unpadded=True), np.float32)
    valence, arousal = features.columns
    loss = np.asarray(features.themes @ topics.T).max(axis=1)
    unfit = grief.unfit_for_grief(valence, arousal, features.energy, catalog.dance, grief.club_songs(catalog.genres),
                                  features.harsh, loss)
    return _GriefReading(np.asarray(encoder.encode([cue for cue, _ in grief.GRIEF_CUES], unpadded=True), np.float32),
                         np.asarray(encoder.encode(list(grief.COUNTER_CUES), unpadded=True), np.float32), loss, unfit)


@dataclass(frozen=True)
class _SlowDanceReading:
    """slow_dance.py's cue embeddings (S, D) and (C, D), and the (N,) songs kept out of a slow dance."""

    cues: np.ndarray
    counter: np.ndarray
    unfit: np.ndarray


def _slow_dance_reading(features: songscore.SongFeatures | None, encoder, catalog,
                        rapped: np.ndarray | None) -> _SlowDanceReading | None:
    """What slow_dance.py reads, worked out once per catalog; None for an index without song features."""
    if features is None:
        return None
    _, arousal = features.columns
    unfit = slow_dance.unfit_for_slow_dance(catalog.dance, features.energy, arousal, grief.club_songs(catalog.genres),
                                            features.harsh, rapped)
    return _SlowDanceReading(np.asarray(encoder.encode(list(slow_dance.SLOW_DANCE_CUES), unpadded=True), np.float32),
                             np.asarray(encoder.encode(list(slow_dance.COUNTER_CUES), unpadded=True), np.float32),
                             unfit)


def _brightness(valence: float) -> float:
    """0-1 how far a text's valence is from reading sad: 0 at songscore.SORROW_VALENCE_FROM and below, 1 from
    SORROW_VALENCE_FULL (the leads of effort and of celebration yield to a sad text)."""
    return float(np.clip((valence - songscore.SORROW_VALENCE_FROM)
                         / (songscore.SORROW_VALENCE_FULL - songscore.SORROW_VALENCE_FROM), 0.0, 1.0))


def _song_features(index: IndexData, encoder) -> songscore.SongFeatures | None:
    """The catalog's per-song features for the improved song score (None for an index without titles)."""
    if index.song_themes is None:
        return None
    catalog = index.catalog
    return songscore.SongFeatures.of(catalog.affect, catalog.known, catalog.energy, index.song_themes,
                                     encoder.encode(list(songscore.OCCASIONS)), genres=catalog.genres,
                                     encode=encoder.encode, energy_known=catalog.measured_energy(only=True),
                                     speech=catalog.speech,
                                     languages=catalog.song_languages(),
                                     acoustic=catalog.acoustic, title_affect=index.title_affect,
                                     hub_shares=index.song_hubs, title_words=index.title_vocabulary,
                                     photo_topics=index.photo_topics, years=catalog.years,
                                     artists=catalog.artist_ids, title_hub_shares=index.title_hubs,
                                     tag_affect=index.tag_affect, dance=catalog.dance)


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
