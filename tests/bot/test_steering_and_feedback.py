"""Steering buttons, "Why these?", and feedback that changes the next answer."""

import re

import numpy as np
import pytest

from tests.fakes import photos
from tests.fakes.azure_server import success

from .test_buttons import button, photo_answer
from .test_photo_answers import song_lines, url_buttons

DIRECTIONS = {"h": (0, +1), "m": (0, -1), "e": (1, +1), "c": (1, -1)}


def song_affect(recommender, answer: dict) -> np.ndarray:
    """Mean (valence, arousal) of the songs an answer shows, from the catalog."""
    urls = {b["url"] for b in url_buttons(answer)}
    catalog = recommender._index.catalog
    rows = [i for i, url in enumerate(catalog.urls) if url in urls]
    assert len(rows) == len(urls)
    return catalog.affect[rows].mean(axis=0)


@pytest.mark.parametrize("direction", "hmec")
async def test_steering_edits_the_answer_and_moves_its_songs_that_way(bot, chat_id, recommender, direction):
    axis, sign = DIRECTIONS[direction]
    bot.azure.script(success("a person standing in a room"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("forest"))
    answer = await bot.answer_to(chat_id)
    seen = set(song_lines(answer))
    before = song_affect(recommender, answer)
    for press in range(2):
        await bot.press(chat_id, answer["message_id"], f"steer:{button(answer, 'more')[5:]}:{direction}")
        edited = await bot.answer_to_edit(chat_id)
        assert edited["message_id"] == answer["message_id"], "edited in place"
        assert "Steered" in edited["text"]
        new = set(song_lines(edited))
        assert len(new) >= 5 and not new & seen, "never a song already shown for this photo"
        assert len({line.split(" — ")[0].lower() for line in new}) == len(new), "no artist twice"
        seen |= new
        after = song_affect(recommender, edited)
        assert sign * (after[axis] - before[axis]) > 0.2, (direction, press, before, after)
        before, answer = after, edited


async def test_why_these_explains_each_song_and_offers_a_dislike(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    await bot.press(chat_id, answer["message_id"], button(answer, "why"))
    why = await bot.reply_to(chat_id)
    lines = re.findall(r"^\d+\. (.+)$", why["text"], flags=re.MULTILINE)
    assert len(lines) == len(song_lines(answer))
    for line, song in zip(lines, song_lines(answer)):
        assert line.startswith(song) and "— matches:" in line
        assert re.search(r": \w+, \w+(, [^—]+)? — matches: \w", line), line
    reasons = {line.split(" — matches:")[0].split(": ", 1)[1] for line in lines}
    assert len(reasons) >= 3, "each song says its own reasons, not one line for all"
    dislikes = [b["callback_data"] for row in why["reply_markup"]["inline_keyboard"] for b in row]
    assert len(dislikes) == len(lines) and all(d.startswith("nope:") for d in dislikes)


async def test_a_disliked_song_never_comes_back_to_that_user(bot, chat_id):
    bot.azure.script(*[success("friends having a picnic in a sunny park")] * 3)
    answer = await photo_answer(bot, chat_id)
    await bot.press(chat_id, answer["message_id"], button(answer, "why"))
    why = await bot.reply_to(chat_id)
    first = why["reply_markup"]["inline_keyboard"][0][0]
    assert "won't get this song again" in (await bot.press(chat_id, why["message_id"], first["callback_data"]))["text"]
    disliked = first["text"].removeprefix("👎 ")
    again = await photo_answer(bot, chat_id)
    assert disliked not in song_lines(again)
    assert song_lines(again)[0] != disliked
    other_user = chat_id + 50_000
    bot.telegram.push_photo(other_user, photos.jpeg_photo("beach"))
    assert disliked in song_lines(await bot.answer_to(other_user)), "only that user's answers change"


async def test_liked_moods_weigh_more_in_the_next_answers(bot, chat_id):
    async def quiet_evening() -> set[str]:
        bot.telegram.push_text(chat_id, "/mood a quiet evening at home")
        answer = await bot.answer_to(chat_id)
        return {w for line in re.findall(r"^• (.+)$", answer["text"], re.M) for w in line.split(" · ")}

    before = await quiet_evening()
    liked_labels: set[str] = set()
    for vibe in ("a romantic candlelit dinner for two", "a couple kissing under the stars", "roses and love letters"):
        bot.telegram.push_text(chat_id, f"/mood {vibe}")
        liked = await bot.answer_to(chat_id)
        liked_labels |= {w for line in re.findall(r"^• (.+)$", liked["text"], re.M) for w in line.split(" · ")}
        assert "Thanks" in (await bot.press(chat_id, liked["message_id"], button(liked, "up")))["text"]
    after = await quiet_evening()
    liked_labels -= before  # the moods the user liked, not the ones a quiet evening has anyway
    assert len(after & liked_labels) > len(before & liked_labels), (before, after, liked_labels)


async def test_forged_song_ids_in_buttons_are_refused(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    token = button(answer, "more")[5:]
    for data in (f"nope:{token}:dz1", f"play:{token}:dz1", f"steer:{token}:x"):
        toast = await bot.press(chat_id, answer["message_id"], data, check_button=False)
        assert "expired" in toast["text"]
