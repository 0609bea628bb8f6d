"""Moods a person would say (issue 11, item 4, session 8): plain words before rare ones, no hub label
that comes back for everything, and no label carried by its set from far down the description's list.

The gate's rules on hand-made sets; the rest with the real recommender over data/.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from recommender import labelwords
from recommender.index import MOOD_HUBS, default_data_dir
from recommender.moodhubs import HUB_FREE, caption_topics
from recommender.moodpicking import MoodGate, MoodWeights
from recommender.scoring import Combinations

# Everyday Story scenes written for these tests (none from the judged files).
EVERYDAY = [
    "a birthday cake with sparklers at a surprise party", "a couple slow dancing at their wedding reception",
    "a man lifting a heavy barbell at the gym", "a toddler asleep on the sofa with a teddy bear",
    "a dog running on the beach at sunrise", "a woman drinking coffee by a window on a rainy morning",
    "a family opening presents under the christmas tree", "a marathon runner crossing the finish line",
    "a kitten sleeping in a basket in the sun", "teenagers dancing at a school prom",
    "a sunflower field under a blue sky", "fireworks over a river on new year's eve",
    "an empty train platform late at night", "a boy blowing soap bubbles in the backyard",
    "a candlelit dinner for two at a restaurant", "a grandmother baking cookies with her grandchildren",
    "a thunderstorm over a wheat field", "a surfer riding a big wave", "a farewell hug at an airport gate",
    "a bowl of ramen on a wooden table", "a bakery with warm croissants in the morning",
    "graduates celebrating with champagne on the lawn", "a cat asleep on a stack of books",
    "a street food stall with steam rising at night",
]


def sets(*members: list[int]) -> Combinations:
    return Combinations.from_sets([list(m) for m in members])


def labels_of(suggestion) -> list[str]:
    return [label for mood in suggestion.moods for label in mood.labels]


def test_the_word_table_covers_every_label_and_ranks_plain_words_first():
    labels = json.loads((default_data_dir() / "labels.json").read_text())
    assert set(labels) <= set(labelwords.ZIPF)
    for plain, rare in [("happy", "rollicking"), ("calm", "effervescent"), ("romantic", "jovial")]:
        assert labelwords.zipf(plain) > labelwords.zipf(rare) + 1
    assert labelwords.zipf("a label from a newer copy") == labelwords.UNKNOWN_ZIPF


def test_a_rare_word_falls_behind_a_plain_one_unless_the_description_calls_for_it():
    gate = MoodGate.of(["calm", "rollicking", "happy"], np.zeros((3, 2), np.float32), sets([0, 1], [0, 2]),
                       MoodWeights(weak=0))
    weak_fit = np.full((1, 3), 0.2, np.float32)
    adjusted = gate.adjusted(np.zeros((1, 2), np.float32), weak_fit, np.zeros((1, 2), np.float32))
    assert adjusted[0, 0] < adjusted[0, 1] - 0.04  # "calm · rollicking" behind "calm · happy"
    strong_fit = np.full((1, 3), MoodWeights().rare_support, np.float32)
    adjusted = gate.adjusted(np.zeros((1, 2), np.float32), strong_fit, np.zeros((1, 2), np.float32))
    assert adjusted[0, 0] == pytest.approx(adjusted[0, 1])  # called for: no cost


def test_a_hub_label_costs_in_proportion_to_how_far_its_share_runs_beyond_the_free_share():
    labels = ["calm", "happy", "sad"]  # all plain: only the hubs differ
    hubs = np.array([HUB_FREE + 0.2, HUB_FREE - 0.05, HUB_FREE + 0.1], np.float32)
    gate = MoodGate.of(labels, np.zeros((3, 2), np.float32), sets([0, 1], [1, 2], [1]), MoodWeights(weak=0), hubs=hubs)
    similarities = np.full((1, 3), 0.3, np.float32)
    adjusted = gate.adjusted(np.zeros((1, 3), np.float32), similarities, np.zeros((1, 2), np.float32))
    hub = MoodWeights().hub
    assert adjusted[0, 0] == pytest.approx(-hub * 0.2 / 2, abs=1e-6)
    assert adjusted[0, 1] == pytest.approx(-hub * 0.1 / 2, abs=1e-6)
    unmeasured = MoodGate.of(labels, np.zeros((3, 2), np.float32), sets([0, 1], [1, 2], [1]), MoodWeights(weak=0))
    assert np.all(unmeasured.adjusted(np.zeros((1, 3), np.float32), similarities, np.zeros((1, 2), np.float32))[0, :2] == 0)


def test_a_label_far_down_the_description_list_is_not_carried_by_its_set():
    # labels 0-24 fit well; 25 ("lazy" for a snowman) is far down; the set pairing it with the best label loses
    labels = ["calm"] * 26
    gate = MoodGate.of(labels, np.zeros((26, 2), np.float32), sets([0, 25], [1, 2]), MoodWeights(rare=0))
    similarities = np.concatenate([np.linspace(0.5, 0.26, 25), [0.05]]).astype(np.float32)[None, :]
    adjusted = gate.adjusted(np.array([[0.4, 0.35]], np.float32), similarities, np.zeros((1, 2), np.float32))
    assert adjusted[0, 0] < adjusted[0, 1]
    assert adjusted[0, 1] == pytest.approx(0.35)  # both labels near the top: no cost


def test_the_build_measured_which_labels_come_back_everywhere():
    hubs = np.load(default_data_dir() / MOOD_HUBS)
    labels = json.loads((default_data_dir() / "labels.json").read_text())
    assert hubs.shape == (len(labels),) and np.all((hubs >= 0) & (hubs <= 1))
    assert hubs.max() > HUB_FREE  # some labels land in far more answers than their share
    assert caption_topics(["Beach 3", "Beach 4", "Dog 1"]) == ["a beach", "a dog"]


def test_the_labels_that_come_back_for_everything_stay_out_of_most_everyday_answers(recommender):
    """The build's strongest hubs ("quiet", "spiritual", "atmospheric": each in over 20% of its answers)
    were in 14 of these 24 answers before the gate counted hubs; now in 5."""
    hubs = np.load(default_data_dir() / MOOD_HUBS)
    labels = json.loads((default_data_dir() / "labels.json").read_text())
    strongest = {label for label, share in zip(labels, hubs) if share > 0.2}
    assert strongest
    answers = recommender.suggest_many(EVERYDAY)
    with_hub = [answer.text for answer in answers if strongest & set(labels_of(answer))]
    assert len(with_hub) <= len(EVERYDAY) // 3, with_hub


def test_everyday_scenes_get_plain_words(recommender):
    """Words like "rollicking", "jovial" or "effervescent" come only now and then: 1.1 such words an answer
    here before the gate counted rarity, 0.5 now."""
    answers = recommender.suggest_many(EVERYDAY)
    rare = sum(labelwords.zipf(label) < 3.0 for answer in answers for label in labels_of(answer))
    assert rare <= 0.75 * len(answers), rare
    for answer in answers:
        assert len(answer.moods) == 3 and all(2 <= len(mood.labels) <= 4 for mood in answer.moods)
