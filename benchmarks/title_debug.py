"""Why a title did or did not win a slot, for one scene: the catalog's titles closest to the
description, with their raw and faded cosine (titlefit.WholeTitles, TitleWords.fragments), popularity,
the theme term they earn in the first mood's title slot, their rank there, and what held them back.

    HF_HUB_OFFLINE=1 .venv/bin/python -m benchmarks.title_debug "a man in a suit on a busy street" [--top 25]

A debugging aid (it reads the engine's private parts), not a benchmark with a score.
"""

from __future__ import annotations

import argparse

import numpy as np

from recommender import Recommender, songscore
from recommender.engine import checked_text
from recommender.language import text_language


def explain(recommender: Recommender, text: str, top: int = 25) -> list[str]:
    """Lines describing the top titles by cosine for one description (see the module docstring)."""
    r, text = recommender, checked_text(text)
    features, weights = r._song_features, r.song_weights
    embeddings, affect, words = r._read([text], ["improved"])
    query, affect = embeddings[0], np.clip(affect, *r._affect_bounds)[0]
    scores, mood_target = r._mood_scores(embeddings, affect[None, :], "improved")
    picked = r._mood_picker.pick(scores[0], 3, mood_target[0])
    raw = features.theme_similarities(query)
    shortfall = features.occasion_shortfall(query, words[0])
    faded, puns = r._whole_title_similarities(words[0], query, raw, shortfall)
    pun_set = set(puns.tolist())
    themed = features.occasion_themes(query, faded, words[0])
    energy = r._scene_liveliness(query)
    still = max(features.stillness(query), float(r._mood_gate.at_rest(query[None, :])[0]))
    scene = songscore.scene_terms(features, energy, themed, shortfall, weights, features.genre_fit(query),
                                  songscore.description_seed(query), features.foreign_songs(query, text_language(text)),
                                  still, float(affect[0]), features.sorrow_room(query, float(affect[0])))
    target = r._lead_target(affect, picked[0])
    terms = songscore.song_scores(features, target, scene, weights)
    slot = terms.total(*songscore.SLOT_ROLES[0])
    rank = np.empty(len(slot), np.int64)
    rank[np.argsort(-slot, kind="stable")] = np.arange(len(slot))
    named = np.union1d(r._title_words.naming(words[0]), r._famous_naming(words[0], faded))
    candidates = set(songscore.anchor_candidates(features, target, scene, faded, weights, r.anchor_rule,
                                                 named).tolist())
    answer = r.suggest(text)
    shown = {(song.artist, song.title) for song in answer.songs}
    catalog = r._index.catalog
    lines = [f"scene: {text}", f"energy {energy:+.2f} sd, affect ({affect[0]:+.2f}, {affect[1]:+.2f}), "
             f"first mood {' · '.join(r._index.combination_labels[picked[0]])}",
             "answer: " + "; ".join(f"{s.artist} — {s.title} [{', '.join(s.reasons)}]" for s in answer.songs), "",
             f"{'raw':>5} {'faded':>5} {'pop':>4} {'theme':>5} {'rank':>6}  song: why"]
    known = features.known_as
    for song in np.argsort(-raw)[:top]:
        song = int(song)
        why = []
        if song in pun_set:
            why.append("pun: out of every slot")
        if themed[song] <= weights.theme_floor:
            why.append("faded to the floor" if raw[song] > weights.theme_floor else "under the floor")
        if known[song] < weights.title_known_from + weights.title_known_span:
            why.append(f"title counts {float(songscore.title_known(features, np.array([song]), weights)[0]):.2f}")
        if scene.static_theme[song] < -0.2:
            why.append(f"scene guard {scene.static_theme[song]:+.2f}")
        if song in candidates:
            why.append("may lead")
        elif themed[song] > weights.theme_floor:
            why.append("cannot lead: " + ", ".join(_not_leading(features, scene, target, faded, song, named, r)))
        if (str(catalog.artists[song]), r._shown_titles[song]) in shown:
            why.append("IN ANSWER")
        lines.append(f"{raw[song]:5.3f} {themed[song]:5.3f} {known[song]:4.2f} {terms.theme[song]:+5.2f} "
                     f"{rank[song]:6d}  {catalog.artists[song]} — {r._shown_titles[song]}: {', '.join(why)}")
    lines += ["", "the first mood's title slot, best first (closeness, popularity, energy+fit, theme, jitter):"]
    for song in np.argsort(-slot)[:8]:
        song = int(song)
        parts = (0.6 * terms.closeness[song], terms.popularity[song], terms.energy[song], 3 * terms.theme[song],
                 0.0 if terms.jitter is None else terms.jitter[song] / 3)
        lines.append(f"{slot[song]:+6.2f} = " + " ".join(f"{part:+5.2f}" for part in parts)
                     + f"  {catalog.artists[song]} — {r._shown_titles[song]} (cosine {raw[song]:.3f})")
    return lines


def _not_leading(features, scene, target, similarities, song, named, r) -> list[str]:
    """Which of AnchorRule's conditions a song fails (songscore.anchor_candidates, the same order)."""
    rule, weights = r.anchor_rule, r.song_weights
    target = songscore.scene_target(target, scene, weights)
    valence, arousal = features.columns[0][song], features.columns[1][song]
    distance = float((valence - target[0]) ** 2 + (arousal - target[1]) ** 2)
    gap = abs(float(features.energy[song]) - weights.energy_gain * scene.energy)
    bar = rule.named_similarity if song in set(named.tolist()) else rule.similarity
    reach = rule.distance + rule.reach * max(float(similarities[song]) - rule.similarity, 0.0)
    failed = []
    if similarities[song] < bar:
        failed.append(f"cosine under {bar}")
    if features.known_as[song] < rule.known:
        failed.append("not known enough")
    if scene.static_theme[song] < -rule.penalty:
        failed.append("scene guard")
    if distance > reach:
        failed.append(f"affect {distance:.2f} > {reach:.2f}")
    if abs(valence - target[0]) > rule.valence_gap:
        failed.append(f"valence gap {abs(valence - target[0]):.2f}")
    if gap > rule.energy_gap and features.known_energy[0][song] > 0:
        failed.append(f"energy gap {gap:.2f}")
    return failed or ["title reading"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    print("\n".join(explain(Recommender.load(), args.text, args.top)))


if __name__ == "__main__":
    main()
