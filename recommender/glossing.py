"""French text glossed word by word into English words, for the English affect model to read too.

The multilingual encoders read French valence less well than MiniLM reads
English (benchmarks/language_quality.py). A second, independent reading of
the same words narrows the gap: each French word is replaced by the English
word nearest to it in the multilingual encoders' space (they were trained on
translation pairs, so "heureux" lands on "happy", "guerre" on "war"), function
words by a table written here; the gloss ("rainy sunday to paris") is then read
by MiniLM and the English EmoBank affect model, whose errors are not the
multilingual model's. No dictionary or translation model is needed: the
English side is the vocabulary of EmoBank itself (words used at least twice),
which keeps French words that English also spells ("petit", "argent") from
glossing as themselves.
"""

from __future__ import annotations

import collections
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MIN_COUNT = 2

# French function words and their everyday English sense; "" drops the word (ne ... pas reads as "not").
FUNCTION_WORDS = {
    "le": "the", "la": "the", "les": "the", "l": "the", "un": "a", "une": "a", "des": "some", "du": "of the",
    "de": "of", "d": "of", "et": "and", "à": "to", "au": "to the", "aux": "to the", "en": "in", "dans": "in",
    "sur": "on", "sous": "under", "avec": "with", "pour": "for", "par": "by", "sans": "without", "chez": "at",
    "vers": "towards", "qui": "who", "que": "that", "qu": "that", "quoi": "what", "dont": "whose", "où": "where",
    "est": "is", "sont": "are", "était": "was", "étaient": "were", "être": "be", "avoir": "have", "ont": "have",
    "ai": "have", "a": "has", "as": "have", "avait": "had", "je": "i", "j": "i", "tu": "you", "il": "he",
    "elle": "she", "on": "we", "nous": "we", "vous": "you", "ils": "they", "elles": "they", "ne": "", "n": "",
    "pas": "not", "plus": "more", "jamais": "never", "rien": "nothing", "ce": "this", "cet": "this",
    "cette": "this", "c": "it", "ces": "these", "mon": "my", "ma": "my", "mes": "my", "ton": "your",
    "ta": "your", "tes": "your", "son": "his", "sa": "her", "ses": "his", "notre": "our", "nos": "our",
    "votre": "your", "vos": "your", "leur": "their", "leurs": "their", "très": "very", "mais": "but", "ou": "or",
    "donc": "so", "car": "because", "comme": "like", "aussi": "also", "bien": "well", "tout": "all",
    "tous": "all", "toute": "all", "toutes": "all", "y": "there", "se": "", "s": "", "m": "me", "me": "me",
    "t": "you", "te": "you", "lui": "him", "moi": "me", "toi": "you", "si": "if", "ça": "that", "cela": "that",
    "ceci": "this", "entre": "between", "après": "after", "avant": "before", "encore": "still",
    "déjà": "already", "ici": "here", "là": "there", "quand": "when", "peu": "little", "chaque": "each",
    "même": "even", "fait": "done", "faire": "do", "sera": "will be", "va": "goes", "vont": "go",
    "suis": "am", "es": "are", "sommes": "are", "êtes": "are", "cependant": "however", "pendant": "during",
    "depuis": "since", "contre": "against", "selon": "according to",
}
_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ]+(?:-[a-zàâçéèêëîïôûùüÿœæ]+)*")
_ENGLISH_WORD = re.compile(r"[a-z]+")


def words_of(text: str) -> list[str]:
    """Lower-case words, elided articles split off ("l'aube" -> "l", "aube")."""
    return _WORD.findall(text.lower().replace("’", "'").replace("'", " "))


def gloss_vocabulary(english_texts: list[str]) -> list[str]:
    """English words of two letters or more used at least MIN_COUNT times in the texts, sorted."""
    counts = collections.Counter(word for text in english_texts for word in _ENGLISH_WORD.findall(text.lower()))
    return sorted(word for word, count in counts.items() if count >= MIN_COUNT and len(word) > 1)


@dataclass(frozen=True)
class WordGlosser:
    """vocabulary: n English words; vectors: (n, d) their unit vectors in the multilingual word space."""

    vocabulary: tuple[str, ...]
    vectors: np.ndarray

    def glosses(self, texts: list[str], word_vectors) -> list[str]:
        """The English gloss of each text. word_vectors(words) -> (len(words), d) unit vectors, the same
        encoder that embedded the vocabulary."""
        split = [words_of(text) for text in texts]
        content = sorted({word for words in split for word in words if word not in FUNCTION_WORDS})
        nearest = {}
        if content:
            best = np.argmax(np.asarray(word_vectors(content), np.float32) @ self.vectors.T, axis=1)
            nearest = {word: self.vocabulary[i] for word, i in zip(content, best)}
        return [" ".join(filter(None, (FUNCTION_WORDS.get(word, nearest.get(word)) for word in words)))
                for words in split]

    def save(self, data_dir: Path) -> None:
        (data_dir / "gloss_vocabulary.json").write_text(json.dumps(list(self.vocabulary)))
        np.save(data_dir / "gloss_vectors.npy", self.vectors.astype(np.float16))

    @classmethod
    def load(cls, data_dir: Path) -> WordGlosser:
        vocabulary = tuple(json.loads((data_dir / "gloss_vocabulary.json").read_text()))
        return cls(vocabulary, np.load(data_dir / "gloss_vectors.npy").astype(np.float32))


FILES = ("gloss_vocabulary.json", "gloss_vectors.npy")
