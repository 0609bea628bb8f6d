"""`python -m recommender` run as a user runs it: a subprocess over the built data/."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from recommender.suggestion import SONGS

REPO = Path(__file__).resolve().parents[2]
HAPPY = "a group of friends laughing on a beach at sunset"
CAPTIONS = [HAPPY, "an old man crying alone at a grave in the rain", "a crowd jumping at a loud rock concert",
            "a cup of tea by a window on a quiet morning", "a dark empty street at night",
            "a bride and groom dancing under fairy lights", "two kids splashing in a muddy puddle",
            "a lonely lighthouse in a storm", "fireworks over a city skyline", "a cat asleep on a sunny windowsill"]
SONG_KEYS = {"artist", "title", "url", "valence", "arousal", "labels", "reasons"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "recommender", *args], cwd=REPO, env=env, input=stdin,
                          capture_output=True, timeout=240)


def json_lines(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]


def assert_answer_shape(answer: dict, text: str) -> None:
    assert set(answer) == {"text", "moods", "songs"}
    assert answer["text"] == text
    assert len(answer["moods"]) == 3
    for mood in answer["moods"]:
        assert set(mood) == {"labels", "score"}
        assert mood["labels"] and all(isinstance(label, str) and label for label in mood["labels"])
        assert isinstance(mood["score"], float)
    assert len(answer["songs"]) == SONGS
    for song in answer["songs"]:
        assert set(song) == SONG_KEYS
        assert song["artist"] and song["title"] and song["url"].startswith("https://")
        assert isinstance(song["valence"], float) and isinstance(song["arousal"], float)
        assert song["labels"] and all(isinstance(label, str) for label in song["labels"])


def test_suggest_prints_three_moods_and_songs_with_their_links():
    human = run("suggest", HAPPY)
    assert human.returncode == 0, human.stderr
    answer = json_lines(run("suggest", "--json", HAPPY))[0]
    lines = human.stdout.decode("utf-8").splitlines()
    moods = lines[lines.index("Moods:") + 1 : lines.index("Songs:")]
    songs = lines[lines.index("Songs:") + 1 :]
    assert [re.sub(r"\s+\([-\d.]+\)$", "", line.strip()).split(" · ") for line in moods] == [
        m["labels"] for m in answer["moods"]]
    assert songs == [f"  {s['artist']} — {s['title']}  {s['url']}" for s in answer["songs"]]


def test_suggest_json_has_the_stable_shape(recommender):
    result = run("suggest", "--json", HAPPY)
    assert result.returncode == 0, result.stderr
    (answer,) = json_lines(result)
    assert_answer_shape(answer, HAPPY)
    expected = recommender.suggest(HAPPY)
    assert [m["labels"] for m in answer["moods"]] == [list(m.labels) for m in expected.moods]
    assert [s["url"] for s in answer["songs"]] == [s.url for s in expected.songs]


def test_stdin_answers_every_line_in_order_with_errors_for_the_unusable_ones(recommender):
    bad = {3: b"", 9: b"   \t", 40: b"x" * 20_000, 66: "caf\u00e9 au lait on a table".encode("latin-1")}
    lines, texts = [], {}
    for number in range(1, 71):  # more than one batch
        if number in bad:
            lines.append(bad[number])
        else:
            texts[number] = CAPTIONS[number % len(CAPTIONS)]
            lines.append(texts[number].encode("utf-8"))
    result = run("suggest", "--json", "--stdin", stdin=b"\n".join(lines) + b"\n")
    assert result.returncode != 0, "a line that could not be answered makes the run fail"
    answers = json_lines(result)
    assert len(answers) == 70
    expected = {caption: recommender.suggest(caption) for caption in CAPTIONS}
    for number, answer in enumerate(answers, start=1):
        if number in bad:
            assert set(answer) <= {"text", "error"} and answer["error"], (number, answer)
            continue
        assert_answer_shape(answer, texts[number])
        single = expected[texts[number]]
        assert [m["labels"] for m in answer["moods"]] == [list(m.labels) for m in single.moods]
        assert [s["url"] for s in answer["songs"]] == [s.url for s in single.songs]
    assert "empty" in answers[2]["error"] and "empty" in answers[8]["error"]
    assert "20,000" in answers[39]["error"]
    assert "line 66" in answers[65]["error"] and "UTF-8" in answers[65]["error"]


def test_stdin_with_only_good_lines_succeeds():
    result = run("suggest", "--json", "--stdin", stdin="\n".join(CAPTIONS[:3]).encode() + b"\n")
    assert result.returncode == 0, result.stderr
    assert [answer["text"] for answer in json_lines(result)] == CAPTIONS[:3]


def test_original_scoring_is_selectable(recommender):
    original = run("suggest", "--json", "--scoring", "original", HAPPY)
    assert original.returncode == 0, original.stderr
    (answer,) = json_lines(original)
    assert_answer_shape(answer, HAPPY)
    expected = recommender.suggest(HAPPY, scoring_name="original")
    assert [m["labels"] for m in answer["moods"]] == [list(m.labels) for m in expected.moods]
    assert [m["score"] for m in answer["moods"]] == pytest.approx([m.score for m in expected.moods], abs=1e-5)
    improved = recommender.suggest(HAPPY)
    assert [m["labels"] for m in answer["moods"]] != [list(m.labels) for m in improved.moods]


@pytest.mark.parametrize("text", ["", "   ", "x" * 20_000])
def test_an_unusable_description_is_a_clear_error(text):
    result = run("suggest", text)
    assert result.returncode != 0 and result.stdout == b""
    stderr = result.stderr.decode()
    assert stderr.startswith("error: the description") and "Traceback" not in stderr


def test_a_missing_index_says_how_to_build_it(tmp_path):
    result = run("suggest", "--data-dir", str(tmp_path), HAPPY)
    assert result.returncode != 0 and result.stdout == b""
    stderr = result.stderr.decode()
    assert "no index" in stderr and "python -m recommender build" in stderr and "Traceback" not in stderr


def test_build_without_sources_says_where_they_should_be(tmp_path):
    empty = tmp_path / "sources"
    empty.mkdir()
    result = run("build", "--sources", str(empty), "--data-dir", str(tmp_path / "index"))
    assert result.returncode != 0
    stderr = result.stderr.decode()
    assert str(empty) in stderr and "SOURCES.md" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "index" / "manifest.json").exists()


def test_build_with_a_file_that_is_not_a_muse_table_says_which_columns_are_missing(tmp_path):
    songs = tmp_path / "songs.csv"
    songs.write_text("track,artist,genre\nSome Song,Some Artist,pop\n", encoding="utf-8")
    result = run("build", "--muse", str(songs), "--data-dir", str(tmp_path / "index"))
    assert result.returncode != 0
    stderr = result.stderr.decode()
    assert "not a MuSe song table" in stderr and "seeds" in stderr and "Traceback" not in stderr


def test_stdin_answered_in_forked_workers_prints_what_one_process_prints():
    """--stdin answers its batches in two forked processes (recommender/cli.py WORKERS): a user piping
    hundreds of captions gets them twice as fast on two cores, and the very same lines, in input order."""
    from benchmarks.recommender_speed import captions

    texts = captions(300)  # five batches of 64: more than the workers hold in flight at once
    lines = [text.encode("utf-8") for text in texts]
    lines[130] = b""  # an error line in a middle batch keeps its place
    stdin = b"\n".join(lines) + b"\n"
    alone = run("suggest", "--json", "--stdin", "--workers", "1", stdin=stdin)
    forked = run("suggest", "--json", "--stdin", "--workers", "2", stdin=stdin)
    assert alone.returncode == forked.returncode == 1  # the empty line
    assert len(json_lines(forked)) == len(texts)
    assert forked.stdout == alone.stdout
    assert "error" in json_lines(forked)[130]
    assert [answer.get("text") for answer in json_lines(forked)][:3] == texts[:3]
