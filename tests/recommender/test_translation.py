"""French read through Apertium's translation too, and answered without it when it is missing or stuck."""

import dataclasses
import stat

import numpy as np
import pytest

from recommender import Recommender, translation
from recommender.encoder import TextEncoder
from recommender.index import load_index
from recommender.translation import ApertiumTranslator, filled
from tests.recommender.test_language import COLLOQUIAL, ENGLISH, FRENCH


def _with_translator(translator) -> Recommender:
    index = load_index()
    return Recommender(dataclasses.replace(index, multilingual=dataclasses.replace(index.multilingual,
                                                                                   translator=translator)),
                       TextEncoder(index.encoder_dir))


@pytest.fixture(scope="module")
def without_translation():
    """The shipped index as on a server without Apertium."""
    return _with_translator(None)


def _labels(suggestion) -> set[str]:
    return {label for mood in suggestion.moods for label in mood.labels}


def _songs(suggestion) -> set[str]:
    return {song.title.lower() for song in suggestion.songs}


def test_apertium_translates_french_into_english_words():
    translator = ApertiumTranslator()
    assert translator.available, "scripts/setup.sh installs apertium, apertium-fr-es and apertium-eng-spa"
    [line] = translator.translate(["un chien qui dort sur la plage"])
    assert {"dog", "sleeps", "beach"} <= set(line.lower().split()), line


def test_the_shipped_reading_takes_one_route_through_spanish():
    """The Catalan and Esperanto routes were measured and left off (translation.PIVOTS): a French answer
    waits for one translation, not three, even where their pairs are installed."""
    translator = ApertiumTranslator()
    assert translator.routes == [translation.ROUTE]
    [[line]] = translator.translate_all(["un chien qui dort sur la plage"])
    assert {"dog", "sleeps", "beach"} <= set(line.lower().split()), line


def test_names_apertium_does_not_know_stay_as_written_for_the_rules_that_read_words():
    lines = ["night of **Halloween among disguised *copains"]
    gloss = lambda words: ["costumes" if w == "Halloween" else "buddies" for w in words]  # noqa: E731
    assert filled(lines, gloss) == ["night of costumes among disguised buddies"]
    assert filled(lines, gloss, names=True) == ["night of Halloween among disguised buddies"]


def test_words_apertium_does_not_know_are_filled_in_by_the_gloss():
    [line] = ApertiumTranslator().translate(["vacances avec les copains"],
                                            gloss=lambda words: ["buddies" if w == "copains" else w for w in words])
    assert "buddies" in line.split() and "*" not in line, line


def test_a_french_answer_shares_more_songs_with_its_english_scene_with_the_translation(
        recommender, without_translation):
    """Measured here: 29 against 22 songs shared with the English answers over 36 French texts (title matches
    the mapped vector alone missed: "Paris", "Rain"), and no fewer mood labels (104 against 96). Before round 13
    it was 33 against 15: the song weights that lean on titles and standards brought the untranslated reading's
    songs closer to the English ones too, so the translation's lead is now a third, not a half or more."""
    english = recommender.suggest_many(ENGLISH + ENGLISH)
    shared = {}
    for system, reader in (("with", recommender), ("without", without_translation)):
        french = reader.suggest_many(FRENCH + COLLOQUIAL)
        shared[system] = {name: sum(len(measure(e) & measure(f)) for e, f in zip(english, french))
                          for name, measure in (("songs", _songs), ("mood labels", _labels))}
    assert shared["with"]["songs"] > 1.25 * shared["without"]["songs"], shared
    assert shared["with"]["mood labels"] >= shared["without"]["mood labels"], shared


CHRISTMAS = ("les enfants décorent le sapin pour Noël chez mamie", "the kids decorate the tree for christmas at grandma's")


@pytest.mark.parametrize("apertium", [True, False], ids=["translated", "glossed"])
def test_a_french_occasion_is_led_by_its_songs_as_its_english_is(recommender, without_translation, apertium):
    """The song rules that read words read the French text's translation (its gloss without Apertium): a
    Christmas the French names outright is led by the Christmas songs its English is led by. Reading the
    French words themselves, it got "Missing You" and "Aquarius / Let the Sunshine In" instead."""
    french, english = CHRISTMAS
    leads = [song.title for song in recommender.suggest(english).songs[:3]]
    assert all("christmas" in title.lower() for title in leads), leads
    reader = recommender if apertium else without_translation
    assert [song.title for song in reader.suggest(french).songs[:3]] == leads


def test_a_french_text_keeps_its_own_words_in_the_answer(recommender):
    """The translation only feeds the rules that read words: the answer is about the text the user wrote."""
    assert recommender.suggest(CHRISTMAS[0]).text == CHRISTMAS[0]


def test_a_stuck_translator_costs_accuracy_not_the_answer(tmp_path, without_translation):
    """An `apertium` that never answers: the French text is answered, within the timeout, as without Apertium."""
    stuck = tmp_path / "apertium"
    stuck.write_text("#!/bin/sh\nif [ \"$1\" = -l ]; then echo fr-es; echo spa-eng; exit 0; fi\nsleep 30\n")
    stuck.chmod(stuck.stat().st_mode | stat.S_IEXEC)
    reader = _with_translator(ApertiumTranslator(binary=str(stuck), timeout=0.5))
    for text in FRENCH[:3]:
        answer, expected = reader.suggest(text), without_translation.suggest(text)
        assert answer.moods == expected.moods and answer.songs == expected.songs
        assert np.isclose(answer.valence, expected.valence)


def test_a_batch_has_longer_to_translate_than_one_description(tmp_path):
    """suggest --stdin translates 64 lines at a time: a batch gets TIMEOUT_SECONDS_PER_LINE more a line, so a
    busy machine does not cost it its translation, while one description still gives up after the timeout."""
    slow = tmp_path / "apertium"
    slow.write_text("#!/bin/sh\nif [ \"$1\" = -l ]; then echo fr-es; echo spa-eng; exit 0; fi\n"
                    "sleep 0.6\ncat\n")
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    translator = ApertiumTranslator(binary=str(slow), timeout=0.3)
    assert translator.translate_all(["chien"]) is None
    assert translator.translate_all(["chien"] * 8) == [["chien"] * 8]


def test_without_apertium_french_is_still_read_as_french(without_translation, recommender):
    """A server without the Debian packages reads French with the other three readings: close to English still."""
    index = load_index()
    missing = _with_translator(ApertiumTranslator(binary=str(index.encoder_dir / "no-such-apertium")))
    english = np.array([[g.valence, g.arousal] for g in recommender.suggest_many(ENGLISH)])
    french = np.array([[g.valence, g.arousal] for g in missing.suggest_many(FRENCH)])
    assert np.corrcoef(english[:, 0], french[:, 0])[0, 1] > 0.7
    assert [g.songs for g in missing.suggest_many(FRENCH[:3])] == \
        [g.songs for g in without_translation.suggest_many(FRENCH[:3])]
