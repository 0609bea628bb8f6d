"""More songs, 👍/👎, and callbacks that are stale or forged."""

import sqlite3

import pytest

from tests.fakes import photos
from tests.fakes.azure_server import success

from .test_photo_answers import callback_buttons, song_lines, url_buttons


async def photo_answer(bot, chat_id, language="en"):
    bot.azure.script(success("friends having a picnic in a sunny park"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"), language_code=language)
    return await bot.answer_to(chat_id)


def button(answer: dict, action: str) -> str:
    return next(b["callback_data"] for b in callback_buttons(answer) if b["callback_data"].startswith(action + ":"))


async def test_more_songs_never_repeat_and_do_not_call_azure_again(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    seen = set(song_lines(answer))
    azure_calls = len(bot.azure.requests)
    for _ in range(5):
        toast = await bot.press(chat_id, answer["message_id"], button(answer, "more"))
        assert "expired" not in (toast.get("text") or "")
        more = await bot.reply_to(chat_id)
        new = set(song_lines(more))
        assert len(new) >= 6 and not new & seen, "no song shown twice for one photo"
        assert len(url_buttons(more)) == len(new)
        seen |= new
    assert len(bot.azure.requests) == azure_calls


@pytest.mark.parametrize("action, vote, expected", [("up", 1, "Thanks"), ("down", -1, "noted")])
async def test_votes_are_acknowledged_and_stored_without_the_user_id(bot, chat_id, action, vote, expected):
    answer = await photo_answer(bot, chat_id)
    data = button(answer, action)
    toast = await bot.press(chat_id, answer["message_id"], data)
    assert expected in toast["text"]
    with sqlite3.connect(bot.state_dir / "storytune.sqlite3") as db:
        rows = db.execute("SELECT user_hash, vote, moods FROM votes WHERE answer = ?", (data.split(":")[1],)).fetchall()
    assert len(rows) == 1 and rows[0][1] == vote
    assert str(chat_id) not in rows[0][0] and len(rows[0][0]) == 32
    assert "[" in rows[0][2], "the voted moods are kept for evaluation"


@pytest.mark.parametrize("data", ["more:AAAAAAAA", "up:zzzzzzzz", "garbage", "more:../../etc", "x" * 64])
async def test_unknown_or_forged_buttons_get_a_polite_expiry_toast(bot, chat_id, data):
    answer = await photo_answer(bot, chat_id)
    toast = await bot.press(chat_id, answer["message_id"], data, check_button=False)
    assert toast["text"] == "This suggestion expired, send the photo again."
    bot.telegram.push_text(chat_id, "/start")
    assert "Send me a photo" in (await bot.reply_to(chat_id))["text"], "the bot keeps serving"


async def test_french_buttons_answer_in_french(bot, chat_id):
    answer = await photo_answer(bot, chat_id, language="fr")
    toast = await bot.press(chat_id, answer["message_id"], "more:AAAAAAAA", check_button=False, language_code="fr")
    assert "a expiré" in toast["text"]
