"""Titles about an occasion whose words sit far from the occasion's own name: "Mistletoe" is a Christmas song.

songscore.SongFeatures finds the titles about an occasion by their cosine to its name (OCCASION_TITLE, 0.45), and a
title about an occasion stays out of scenes that do not support it. MiniLM reads "Mistletoe" only 0.18 to
"christmas", "Frosty the Snowman" 0.33, "Feliz Navidad" 0.27, "Santa Claus Is Coming to Town" 0.44: round 26's
judges found Colbie Caillat's "Mistletoe" for a jogger on the seafront at dawn. Here a title is also about an
occasion when it reads close to one of the occasion's own topics (OCCASION_TOPICS), each with the cosine measured on
the catalog's 42k titles at which its songs stop and unrelated titles begin. Topics are words, not songs or artists.
Pure numpy; N songs, D = 384.
"""

from __future__ import annotations

import numpy as np

# occasion (a name in songscore.OCCASIONS) -> ((topic, cosine from which a title is about it), ...). Measured on the
# catalog's titles:
# "mistletoe": "Mistletoe" 1.00 (Justin Bieber, Colbie Caillat), "Mistletoe (Waiting) a Hip Hop Holiday" 0.68; the
#   next are "Miststück" 0.61, "Jamaica Mistaica" 0.60.
# "santa claus": "Santa Baby" 0.80, "Hey Santa Claus" 0.77, "Santa Claus Is Coming to Town" 0.74; then Becky G's
#   "MALA SANTA", "La Santa" and "Back Door Santa" 0.66, "Santa María" 0.64, "Santa Muerte" 0.61.
# "snowman": "Frosty the Snowman" 0.82; then "Rainman" 0.66, "Snowy" 0.66, "Snow (Hey Oh)" 0.65 (snow is winter,
#   not Christmas: Red Hot Chili Peppers stay free for a snowy slope).
# "feliz navidad": "Feliz Navidad" 1.00; then "Mais Feliz" 0.67, "Pro Dia Nascer Feliz" 0.60.
# "christmas carols": "The Atheist Christmas Carol" 0.77, "Carol Of The Bells" 0.67; then "Cherry Tree Carol" 0.63,
#   "Carol City" (a Miami rapper's town) 0.59.
# "sleigh ride": "Sleigh Ride" 1.00; then "The Ride" 0.64, "Ride" 0.63.
# "deck the halls": "Deck the Halls / Silent Night" 0.79; then "Hands On Deck" 0.62, "Harmony Hall" 0.55.
# "rudolph the reindeer": Chuck Berry's "Run Rudolph Run" 0.62 (0.33 to "christmas"); then "Santa Muerte" 0.57,
#   "MALA SANTA" 0.54.
# Left out: "silent night" ("Quiet Night" 0.88, "Silent Movie" 0.81 beside "Silent Night, Holy Night" 0.85, and a
# silent night in the desert would keep the carol), "little drummer boy" (a boy at a drum kit would keep it),
# "winter wonderland" (ATEEZ's "WONDERLAND" 0.84 above "Winter Wonderland / Don't Worry Be Happy" 0.72),
# "sleigh bells" ("Bells" 0.78 and "Rock The Bells" 0.72 above "Sleigh Ride" 0.65), "a christmas tree"
# ("Apple Tree" 0.61 beside "White Christmas"), "reindeer" and "jingle bells" (their songs already read 0.45 to
# "christmas"), "let it snow" (a snowy scene may keep it).
# A scene about a topic itself keeps that topic's songs even where it does not support the occasion: "kissing under
# the mistletoe" reads 0.70 to "mistletoe" (0.18 to "christmas") and should get "Mistletoe"; a sprig of mistletoe
# above a doorway 0.60, kids building a snowman 0.55, Santa handing out presents 0.62, carol singers 0.59. The 1,052
# dev scenes stay under 0.46 to each topic at their 99.5th percentile (lavender fields 0.42 to "mistletoe", a snowy
# village at christmas 0.50 to "christmas carols"); only "a snowman in a snowy backyard" (0.62) passes, and keeps
# "Frosty the Snowman".
TOPIC_SCENE = 0.55
OCCASION_TOPICS = {
    "christmas": (("mistletoe", 0.65), ("santa claus", 0.70), ("snowman", 0.75), ("feliz navidad", 0.75),
                  ("christmas carols", 0.65), ("sleigh ride", 0.80), ("deck the halls", 0.70),
                  ("rudolph the reindeer", 0.60)),
}


def topic_phrases() -> list[str]:
    """Every topic of OCCASION_TOPICS, in order, for one encoder call."""
    return [topic for topics in OCCASION_TOPICS.values() for topic, _ in topics]


def topic_occasions(themes, topic_embeddings: np.ndarray, occasions: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(N,) int64 each title's occasion (its position in `occasions`) by OCCASION_TOPICS, -1 for none, and (N,) int64
    the topic (its position in topic_phrases()) that found it, -1 for none; a title close to several topics takes the
    one it reads closest to, past its cosine. themes: (N, D) unit title embeddings (or compact rows);
    topic_embeddings: (len(topic_phrases()), D) unit embeddings of topic_phrases()."""
    closeness = np.asarray(themes @ np.asarray(topic_embeddings, np.float32).T, np.float32).reshape(len(themes), -1)
    owner, floors = [], []
    for occasion, topics in OCCASION_TOPICS.items():
        owner += [occasions.index(occasion)] * len(topics)
        floors += [floor for _, floor in topics]
    margin = closeness - np.asarray(floors, np.float32)
    topic = np.where(margin.max(axis=1) >= 0, margin.argmax(axis=1), -1).astype(np.int64)
    found = np.where(topic >= 0, np.asarray(owner, np.int64)[np.maximum(topic, 0)], -1).astype(np.int64)
    return found, topic


def scene_topics(query: np.ndarray, topic_embeddings: np.ndarray) -> np.ndarray:
    """(T,) bool, for each of topic_phrases(), whether the description is about the topic itself (TOPIC_SCENE)."""
    return np.asarray(topic_embeddings, np.float32) @ np.asarray(query, np.float32) >= TOPIC_SCENE
