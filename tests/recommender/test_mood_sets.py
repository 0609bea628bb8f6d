"""Moods without blunders (issue 11, item 4): three mood sets of two to four labels that say
three different things, no strongly coloured label where the description does not call for it,
and moods with the scene's energy.

The picker's rules on hand-made sets; the rest with the real recommender over data/.
"""

import dataclasses
import itertools

import numpy as np
import pytest

from recommender.moodpicking import (LITERAL_CEILING, SORROW, MoodGate, MoodPicker, PickRule, label_energy,
                                     mood_affect)
from recommender.scoring import Combinations

# Everyday Story scenes where the judges found halloween, funereal, erotic-type or menacing labels
# in some answer; none of them asks for such a feeling.
INNOCENT_SCENES = [
    "a woman blowing out candles on a birthday cake surrounded by friends",
    "a little girl blowing out candles on a unicorn birthday cake",
    "a bride throwing her bouquet at a wedding",
    "a wedding couple cutting a cake in a garden",
    "a newborn baby asleep wrapped in a blanket",
    "a baby sleeping in a crib",
    "a graduate in a cap and gown holding a diploma",
    "a rooftop party with string lights at dusk",
    "a hammock between palm trees on a tropical beach",
    "a campfire with friends roasting marshmallows at night",
    "a crowd dancing at a street carnival in costumes",
    "a christmas market with lights and mulled wine",
    "fireworks over a city skyline on new year's eve",
    "a cat sleeping on a sofa in the sun",
]
BLUNDERS = {"halloween", "funereal", "apocalyptic", "demonic", "erotic", "sexual", "sexy", "sleazy", "macabre",
            "malevolent", "menacing", "threatening", "hostile", "savage", "paranoid", "scary", "scary music",
            "spooky", "eerie", "ominous", "druggy", "narcotic", "nihilistic", "suffocating", "negative", "angry"}
# Everyday scenes whose words name the thing a mood label's word also names (lights and candles,
# fire, a car, food, air): the label would only repeat the word, as "light" for a night club's lights
# and "fiery" for cocoa by a fireplace did in our answers.
LITERAL_SCENES = [
    ("string lights across a backyard at night", "light"),
    ("a candle on a bedside table", "light"),
    ("a neon sign glowing above a bar", "light"),
    ("a fireplace in a log cabin", "fiery"),
    ("a bonfire on a beach with friends at night", "fiery"),
    ("a plate of tacos on a table", "hungry"),
    ("a hot air balloon over a valley", "airy"),
    ("a truck driving down a dusty road", "driving"),
]
# Single labels the judges called odd in everyday scenes ("hypnotic" for a newborn, "eccentric" for
# a cyclist, "trippy" on a road trip, "gentle · self-conscious" for a newborn).
ODD = {"hypnotic", "eccentric", "clinical", "trippy", "self-conscious"}
SLEEPERS = ["a dog asleep on a couch", "a cat napping in a sunbeam", "a baby asleep in her mother's arms",
            "a grandfather dozing in a chair", "a puppy curled up asleep on a pillow", "a baby sleeping in a crib",
            "a cat sleeping on a sofa in the sun"]


def labels_of(suggestion) -> list[str]:
    return [label for mood in suggestion.moods for label in mood.labels]


def sets(*members: list[int]) -> Combinations:
    return Combinations.from_sets([list(m) for m in members])


def test_a_single_label_set_never_wins_while_sets_of_two_to_four_remain():
    combinations = sets([0], [1, 2], [3, 4, 5], [0, 1, 2, 3, 4], [6, 7])
    scores = np.array([0.9, 0.5, 0.4, 0.8, 0.3])
    assert MoodPicker.of(combinations).pick(scores, 3) == [1, 2, 4]


def test_no_label_comes_back_so_no_set_repeats_or_hides_in_another():
    # "reflective | reflective · light | light" in labels 0 = reflective, 1 = light, 2 = bright
    combinations = sets([0, 1], [0, 2], [1, 2], [3, 4], [5, 6])
    scores = np.array([0.9, 0.85, 0.8, 0.3, 0.2])
    assert MoodPicker.of(combinations).pick(scores, 3) == [0, 3, 4]


def test_with_one_shared_label_allowed_no_label_is_in_all_three_sets():
    combinations = sets([0, 1], [0, 2], [0, 3], [1, 4], [5, 6])
    scores = np.array([0.9, 0.85, 0.8, 0.7, 0.1])
    picked = MoodPicker.of(combinations, PickRule(shared=1)).pick(scores, 3)
    assert picked == [0, 1, 3]  # [0, 3] would put label 0 in all three


def test_too_few_sets_of_the_right_size_fall_back_to_the_others():
    combinations = sets([0], [1], [2, 3])
    assert MoodPicker.of(combinations).pick(np.array([0.9, 0.8, 0.1]), 3) == [2, 0, 1]


def test_the_picks_match_the_greedy_definition_over_every_set():
    """Greedy over all sets in score order (ties to the lower index): a set may be taken if its size
    is within the rule and it shares at most `shared` labels with each earlier pick, is not contained
    in one nor contains one, and leaves no label in all picks; its value is its score less overlap
    times its largest Jaccard overlap. The picker values only the leaders unless that could differ."""
    generator = np.random.default_rng(7)
    for trial in range(40):
        members = [sorted(generator.choice(12, generator.integers(1, 6), replace=False).tolist()) for _ in range(300)]
        combinations = Combinations.from_sets(members)
        scores = np.round(generator.normal(size=300), 1)  # many equal scores
        rule = PickRule(shared=int(trial % 2), leaders=8)
        assert MoodPicker.of(combinations, rule).pick(scores, 3) == greedy(members, scores, rule, 3)


def greedy(members, scores, rule, count):
    picked = []
    for _ in range(count):
        best, best_key = None, None
        for index, labels in enumerate(members):
            own = set(labels)
            if index in picked or not rule.min_size <= len(own) <= rule.max_size:
                continue
            shared = [len(own & set(members[p])) for p in picked]
            if any(n > rule.shared or n == len(own) or n == len(members[p]) for n, p in zip(shared, picked)):
                continue
            if len(picked) >= 2 and own & set.intersection(*(set(members[p]) for p in picked)):
                continue
            overlap = max((n / len(own | set(members[p])) for n, p in zip(shared, picked)), default=0.0)
            key = (scores[index] - rule.overlap * overlap, scores[index], -index)
            if best_key is None or key > best_key:
                best, best_key = index, key
        if best is None:
            break
        picked.append(best)
    return picked


def test_a_clear_scene_energy_moves_the_arousal_moods_are_matched_against():
    affect = np.zeros((3, 2), np.float32)
    energy = np.array([3.0, 0.5, -2.0], np.float32)  # gym, ordinary text, cozy cabin (sd)
    moved = mood_affect(affect, energy)
    assert moved[0, 1] > 0 and moved[1, 1] == 0 and moved[2, 1] < 0
    assert np.array_equal(moved[:, 0], affect[:, 0])
    assert np.array_equal(mood_affect(affect, None), affect)


def test_a_still_scene_lowers_the_arousal_moods_are_matched_against():
    affect = np.zeros((2, 2), np.float32)
    moved = mood_affect(affect, None, np.array([1.0, 0.0]))
    assert moved[0, 1] < 0 and moved[1, 1] == 0


@pytest.mark.parametrize("scene", INNOCENT_SCENES)
def test_an_innocent_everyday_scene_gets_no_dark_erotic_or_halloween_mood(recommender, scene):
    assert not set(labels_of(recommender.suggest(scene))) & BLUNDERS


def test_a_scene_that_calls_for_halloween_still_gets_it(recommender):
    answer = recommender.suggest("a halloween party with people in costumes and carved pumpkins")
    assert "halloween" in labels_of(answer)


def test_every_answer_shows_three_sets_of_two_to_four_labels_each_saying_something_else(recommender):
    scenes = INNOCENT_SCENES + ["a man lifting a barbell in a gym", "a misty cemetery with old gravestones",
                                "a person studying late at night with a desk lamp", "a rainy window with raindrops"]
    for answer in recommender.suggest_many(scenes):
        moods = [set(mood.labels) for mood in answer.moods]
        assert len(moods) == 3, answer.text
        assert all(2 <= len(mood) <= 4 for mood in moods), answer.text
        for first, second in itertools.combinations(moods, 2):
            assert not first & second, answer.text  # no label twice: none repeated, none inside another


def test_a_workout_gets_livelier_moods_than_a_fireside(recommender):
    """EmoBank's reading puts a gym at about the arousal of a fireside (the moods' arousal was
    -0.22 for the barbell, -0.14 for the cocoa, with "spiritual · hypnotic · quiet" at the gym);
    the scene's energy lifts the gym's moods and lowers the fireside's. The margin was 0.3 until the
    fireside, a cozy place, lost "melancholy" and "bittersweet · ... · soft" for "nostalgic", which EmoBank's
    model reads at +0.3 arousal (gym 0.01, fireside -0.26 now)."""
    gym, fireside = recommender.suggest_many(["a man lifting a barbell in a gym", "a mug of cocoa by a cozy fireplace"])
    assert recommender.moods_affect(gym.moods)[1] > recommender.moods_affect(fireside.moods)[1] + 0.25
    assert not {"quiet", "soft", "lazy", "soothing", "calm"} & set(labels_of(gym))


def test_a_literal_label_is_heard_only_up_to_its_ceiling_and_the_rest_as_they_are():
    gate = MoodGate.of(["light", "calm", "halloween"], np.zeros((3, 2), np.float32), sets([0, 1], [1, 2]))
    similarities = np.array([[0.6, 0.5, 0.45], [0.01, -0.1, 0.2]], np.float32)
    heard = gate.heard(similarities)
    assert heard[0, 0] == pytest.approx(LITERAL_CEILING) and heard[1, 0] == pytest.approx(0.01)
    assert np.array_equal(heard[:, 1:], similarities[:, 1:])


def test_labels_of_sorrow_need_support_only_in_a_still_scene():
    gate = MoodGate.of(["melancholy", "calm"], np.zeros((2, 2), np.float32), sets([0, 1], [1]))
    scores, similarities = np.zeros((2, 2), np.float32), np.full((2, 2), 0.15, np.float32)
    adjusted = gate.adjusted(scores, similarities, np.zeros((2, 2), np.float32), np.array([1.0, 0.0]))
    assert adjusted[0, 0] < adjusted[1, 0] - 0.5  # asleep: "melancholy · calm" falls far behind
    assert adjusted[0, 1] == adjusted[1, 1]  # "calm" alone: the same either way


@pytest.mark.parametrize(("scene", "label"), LITERAL_SCENES)
def test_a_mood_never_just_repeats_a_thing_the_photo_shows(recommender, scene, label):
    assert label not in labels_of(recommender.suggest(scene))


def test_everyday_scenes_get_no_odd_single_labels(recommender):
    scenes = INNOCENT_SCENES + ["a newborn baby sleeping on a blanket", "a cyclist riding on a country road in summer",
                                "a road trip car driving through the desert", "a kitten asleep in a blanket",
                                "a lighthouse on a cliff at sunset", "a runner tying her shoes before a morning jog"]
    for answer in recommender.suggest_many(scenes):
        assert not ODD & set(labels_of(answer)), answer.text


def test_a_sleeper_or_a_party_is_not_sad_while_a_lonely_rainy_scene_keeps_its_sorrow(recommender):
    celebrations = ["a woman blowing out candles on a birthday cake at a party", "a birthday party with balloons",
                    "friends laughing at a new year's eve party"]
    for answer in recommender.suggest_many(SLEEPERS + celebrations):
        assert not set(SORROW) & set(labels_of(answer)), answer.text
    lonely = recommender.suggest("a man sitting alone on a bench in the rain")
    assert set(SORROW) & set(labels_of(lonely))


# Everyday scenes whose answers put a set of another energy beside the other two ("rebellious · energetic"
# after "melancholy · atmospheric · mellow" for autumn leaves, "hyper · energetic" between "reflective ·
# bright" and "ethereal · lazy" for a jog at dusk); none of them is in benchmarks/scenes/judged_45.txt.
MIXED_ENERGY_SCENES = ["a woman with a coffee walking through falling leaves", "a dog running through autumn leaves",
                       "a woman jogging past a row of street lamps at dusk", "a road trip car driving through the desert",
                       "a person hiking on a foggy forest trail", "a campfire with marshmallows on sticks",
                       "a marching band in a parade", "a crowd watching a football match in a pub"]


def test_a_label_s_energy_is_the_mean_of_its_standardised_readings():
    """EmoBank's arousal puts "energetic" below "calm"; the energy reader and the calm-lively direction
    (two lively anchors, two calm ones) outvote it."""
    affect = np.array([[0.5, -0.1], [-0.2, 0.3], [0.0, 0.0]])  # energetic, calm, plain
    embeddings = np.array([[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    reader = np.array([2.0, -2.0, 0.0])  # energy = 2 x - 2 y
    anchors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    energy = label_energy(affect, embeddings, reader, anchors)
    assert energy[0] > energy[2] > energy[1]
    assert energy.mean() == pytest.approx(0.0, abs=1e-6)
    only_arousal = label_energy(affect)
    assert only_arousal[0] < only_arousal[1]  # the arousal reading alone gets it backwards


def test_a_set_of_a_calm_and_a_lively_label_loses_to_a_set_that_agrees():
    """ "meditative · ecstatic" against "ecstatic · exuberant": the same fit, one energy."""
    combinations = sets([0, 1], [1, 2])  # 0 meditative, 1 ecstatic, 2 exuberant
    energy = np.array([-1.5, 1.5, 1.2], np.float32)
    scores, similarities = np.zeros((1, 2), np.float32), np.full((1, 3), 0.3, np.float32)
    affect = np.zeros((1, 2), np.float32)
    label_affect = np.zeros((3, 2), np.float32)
    gate = MoodGate.of(["meditative", "ecstatic", "exuberant"], label_affect, combinations, energy=energy)
    adjusted = gate.adjusted(scores, similarities, affect)
    assert adjusted[0, 0] < adjusted[0, 1] - 0.2
    plain = MoodGate.of(["meditative", "ecstatic", "exuberant"], label_affect, combinations)
    assert plain.adjusted(scores, similarities, affect)[0, 0] == plain.adjusted(scores, similarities, affect)[0, 1]


def lively_answer_sets():
    """Three lively sets and one calm set scored second: "theatrical · playful", "intimate · soft", ..."""
    combinations = sets([0, 1], [2, 3], [4, 5], [6, 7])
    energy = np.array([1.5, 1.5, -1.5, -1.5, 1.2, 1.2, 1.0, 1.0], np.float32)
    return combinations, energy, np.zeros((8, 2), np.float32), np.array([0.9, 0.8, 0.7, 0.6])


def test_a_later_set_far_from_the_answer_s_feel_loses_to_one_near_it():
    combinations, energy, label_affect, scores = lively_answer_sets()
    assert MoodPicker.of(combinations).pick(scores, 3) == [0, 1, 2]  # without the labels' feel: by score
    assert MoodPicker.of(combinations, PickRule(), label_affect, energy).pick(scores, 3) == [0, 2, 3]


def test_the_description_s_own_reading_moves_the_answer_s_feel():
    """The best sets are lively, but a description read as very calm (all of its arousal counting)
    keeps the calm set and drops the least lively."""
    combinations, energy, label_affect, scores = lively_answer_sets()
    label_affect[:, 1] = [0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5, 0.5]
    # the description's reading alone: later sets not held to the first pick, no label stray
    # side_veto off: the calm set on the other side of the first would give way whatever the reading (test_mood_one_side)
    picker = MoodPicker.of(combinations, PickRule(own_energy=1.0, picked_share=0.0, stray=0.0, side_veto=0.0),
                           label_affect, energy)
    assert picker.pick(scores, 3, np.array([0.0, -3.0])) == [0, 1, 2]
    assert picker.pick(scores, 3, np.array([0.0, 0.5])) == [0, 2, 3]


def test_an_answer_s_three_sets_agree_in_energy(recommender):
    energy = recommender._mood_gate.label_energy
    position = {label: i for i, label in enumerate(recommender._index.labels)}
    for answer in recommender.suggest_many(MIXED_ENERGY_SCENES):
        levels = [np.mean([energy[position[label]] for label in mood.labels]) for mood in answer.moods]
        assert max(levels) - min(levels) < 1.2, (answer.text, [mood.labels for mood in answer.moods])


def test_a_later_set_with_one_label_far_from_the_answer_s_feel_loses_to_a_set_whose_labels_all_fit():
    """ "introspective · ecstatic" after "theatrical · lively": the set's mean energy sits near the
    answer's, its one calm word does not; "animated · passionate", scored a little lower, wins."""
    combinations = sets([0, 1], [2, 3], [4, 5])  # theatrical lively | introspective ecstatic | animated passionate
    energy = np.array([1.0, 1.4, -1.6, 3.0, 0.8, 1.0], np.float32)
    label_affect = np.zeros((6, 2), np.float32)
    scores = np.array([0.9, 0.8, 0.75])
    assert MoodPicker.of(combinations, PickRule(stray=0.0), label_affect, energy).pick(scores, 2) == [0, 1]
    assert MoodPicker.of(combinations, PickRule(), label_affect, energy).pick(scores, 2) == [0, 2]


def test_later_sets_are_held_to_the_first_set_picked_not_only_to_the_best_sets_consensus():
    """The best sets are calm on average, but the best of them is lively: the next set shares its
    energy ("sparkling · bright · lively" then no "nostalgic · sentimental · wistful")."""
    combinations = sets([0, 1], [2, 3], [4, 5], [6, 7], [8, 9])
    energy = np.array([1.6, 1.6, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 0.9, 0.9], np.float32)
    label_affect = np.zeros((10, 2), np.float32)
    scores = np.array([0.9, 0.85, 0.84, 0.83, 0.8])
    rule = PickRule(consensus=4, stray=0.0, side_veto=0.0)  # the soft cost alone (the side rule: test_mood_one_side)
    alone = MoodPicker.of(combinations, dataclasses.replace(rule, picked_share=0.0), label_affect, energy)
    assert alone.pick(scores, 2) == [0, 1]
    assert MoodPicker.of(combinations, dataclasses.replace(rule, picked_share=0.6), label_affect, energy).pick(
        scores, 2) == [0, 4]


def test_the_company_a_label_keeps_in_the_sets_moves_its_energy():
    """A word its own readings put in the middle reads livelier beside lively words ("perky" with
    "playful", "humorous", "lively") and calmer beside calm ones."""
    affect = np.zeros((5, 2))
    affect[:, 1] = [0.0, 2.0, 2.0, -2.0, -2.0]  # a plain word, two lively, two calm
    lively_company = Combinations.from_sets([[0, 1], [0, 2], [3, 4]]).mean_weights
    calm_company = Combinations.from_sets([[0, 3], [0, 4], [1, 2]]).mean_weights
    assert label_energy(affect)[0] == pytest.approx(0.0, abs=1e-6)
    assert label_energy(affect, membership=lively_company)[0] > 0.3
    assert label_energy(affect, membership=calm_company)[0] < -0.3


def test_people_in_motion_lift_the_affect_moods_are_matched_against_toward_play():
    affect = np.array([[-0.2, -0.5], [-0.2, -0.5], [1.2, 0.9]], np.float32)
    moved = mood_affect(affect, None, None, np.array([1.0, 0.0, 1.0]))
    assert moved[0, 0] > 0.5 and moved[0, 1] > 0.3  # children in a sprinkler: happy and lively
    assert np.array_equal(moved[1], affect[1])  # nobody moving: as read
    assert np.array_equal(moved[2], affect[2])  # already happier and livelier: kept
    celebration = mood_affect(affect[:2], None, None, None, np.array([1.0, 0.0]))
    assert celebration[0, 0] > 0.5 and celebration[0, 1] == affect[0, 1]  # happier, not livelier


# Children at play (our own scenes, none judged): EmoBank's reading hears "fight", "chasing",
# "racing" and gave "fierce · rebellious", "aggressive · dramatic", "aggressive · rebellious ·
# reckless · rowdy"; play is fun.
PLAY_SCENES = ["kids having a water balloon fight in the backyard",
               "children chasing each other around a playground",
               "kids racing down a water slide at a water park"]


def test_children_at_play_get_no_hostile_set(recommender):
    valence = recommender._index.label_affect[:, 0]
    position = {label: i for i, label in enumerate(recommender._index.labels)}
    for answer in recommender.suggest_many(PLAY_SCENES):
        for mood in answer.moods:
            assert np.mean([valence[position[label]] for label in mood.labels]) > 0, (answer.text, mood.labels)


def test_friends_ask_support_of_romance_and_a_couple_waives_desire_s():
    """Hand-made cue directions: a description that is the friends cue needs support for "romantic", one
    that is the couple cue none for "sensual" (which needs support anywhere else)."""
    couple, company, practice, grind = np.eye(4, dtype=np.float32)
    gate = MoodGate.of(["romantic", "sensual", "calm"], np.zeros((3, 2), np.float32), sets([0, 2], [1, 2], [2]),
                       couple_cues=couple[None], company_cues=company[None], practice_cues=practice[None],
                       grind_cues=grind[None])
    scores, similarities = np.zeros((3, 3), np.float32), np.full((3, 3), 0.2, np.float32)
    friends, two, nobody = company, couple, np.float32([0, 0, 0, 0])
    adjusted = gate.adjusted(scores, similarities, np.zeros((3, 2), np.float32), None,
                             np.stack([friends, two, nobody]))
    assert adjusted[0, 0] < adjusted[2, 0] - 0.5  # friends: "romantic · calm" falls far behind
    assert adjusted[1, 1] > adjusted[2, 1] + 0.5  # a couple: "sensual · calm" no longer pays
    assert adjusted[0, 2] == adjusted[1, 2] == adjusted[2, 2]  # "calm" alone: the same for all


# Who is in the scene (our own scenes, none judged). Friends together got a couple's labels ("lonely ·
# intimate | romantic · sensual · smooth" for a pizza on the sofa), everyday things got "spiritual"
# ("spiritual · jovial · effervescent" for an espresso), a festive door or living room and a snowman got
# sorrow ("melancholy · thoughtful", "bittersweet · atmospheric", "lonely · reflective").
FRIENDS = ["friends sharing a pizza on the sofa on a saturday night", "friends having a sleepover with pizza and games"]
COUPLES = ["a couple kissing on a bridge in venice", "a newly married couple walking on the beach",
           "a couple having a candlelit dinner on a terrace"]
ROMANCE = {"romantic", "intimate", "sensual"}


def test_friends_together_get_no_couple_s_labels_while_a_couple_keeps_them(recommender):
    for answer in recommender.suggest_many(FRIENDS):
        assert not ROMANCE & set(labels_of(answer)), answer.moods
    for answer in recommender.suggest_many(COUPLES):
        assert ROMANCE & set(labels_of(answer)), answer.moods


def test_faith_comes_only_where_the_scene_practises_it(recommender):
    everyday = ["a cup of espresso on a marble cafe counter", "a bowl of soup on a wooden table",
                "a glass of lemonade on a sunny porch", "a teddy bear sitting in a toy box"]
    for answer in recommender.suggest_many(everyday):
        assert not {"spiritual", "mystical"} & set(labels_of(answer)), answer.moods
    for answer in recommender.suggest_many(["a woman meditating in a temple at dawn", "a monk praying in a temple"]):
        assert "spiritual" in labels_of(answer), answer.moods


def test_a_festive_home_and_a_snowman_get_no_sorrow(recommender):
    scenes = ["a christmas wreath on a red front door", "a living room with a decorated christmas tree and fairy lights",
              "a snowman with a carrot nose in the garden", "a snowman wearing a scarf and a hat"]
    for answer in recommender.suggest_many(scenes):
        assert not set(SORROW) & set(labels_of(answer)), answer.moods
        assert recommender.moods_affect(answer.moods)[0] > 0.3, answer.moods


def test_the_daily_grind_reads_as_no_fun(recommender):
    """A packed platform got "hyper · energetic | reckless · rollicking | ecstatic · pure": the crowd's
    energy, and EmoBank's reading of a commute as mildly pleasant."""
    scenes = ["a packed train platform at rush hour", "office workers crowding into an elevator in the morning"]
    for answer in recommender.suggest_many(scenes):
        assert recommender.moods_affect(answer.moods)[0] < 0, answer.moods
        assert not {"ecstatic", "exuberant", "swaggering", "joyous", "happy"} & set(labels_of(answer)), answer.moods
