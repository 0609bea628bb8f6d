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
        assert len(new) >= 5 and not new & seen, "no song shown twice for one photo"
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


def stored_answer(bot, token: str) -> str:
    with sqlite3.connect(bot.state_dir / "storytune.sqlite3") as db:
        return db.execute("SELECT state FROM answers WHERE token = ?", (token,)).fetchone()[0]


def votes_for(bot, token: str) -> int:
    with sqlite3.connect(bot.state_dir / "storytune.sqlite3") as db:
        return db.execute("SELECT COUNT(*) FROM votes WHERE answer = ?", (token,)).fetchone()[0]


@pytest.mark.parametrize("action", ["more", "why", "up", "steer", "play", "nope"])
async def test_a_token_copied_into_another_chats_button_reads_and_writes_nothing(bot, chat_id, action):
    bot.azure.script(success("private: meet Alex at Gare du Nord 17:00"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"), caption="private: Alex, 17:00")
    victim = await bot.answer_to(chat_id)
    token = button(victim, "more").split(":")[1]
    song = button(victim, "play").split(":")[2]
    before = stored_answer(bot, token)
    intruder = chat_id + 100_000
    own = await photo_answer(bot, intruder)
    forged = {"steer": f"steer:{token}:h", "play": f"play:{token}:{song}", "nope": f"nope:{token}:{song}"}.get(
        action, f"{action}:{token}")
    toast = await bot.press(intruder, own["message_id"], forged, check_button=False)
    assert toast["text"] == "This suggestion expired, send the photo again."
    assert stored_answer(bot, token) == before and votes_for(bot, token) == 0
    assert all("Gare du Nord" not in (m.get("text") or "") and "17:00" not in (m.get("text") or "")
               for m in bot.telegram.messages(intruder)), "nothing of the victim's answer reaches the intruder"
    assert not bot.telegram.calls_for("sendAudio", intruder)


async def test_an_answers_buttons_work_only_on_its_own_messages_in_its_chat(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    bot.telegram.push_text(chat_id, "/help")
    other_message = await bot.reply_to(chat_id)
    toast = await bot.press(chat_id, other_message["message_id"], button(answer, "up"), check_button=False)
    assert toast["text"] == "This suggestion expired, send the photo again."
    assert votes_for(bot, button(answer, "up").split(":")[1]) == 0
    assert "Thanks" in (await bot.press(chat_id, answer["message_id"], button(answer, "up")))["text"]


async def test_a_press_from_an_inline_message_is_answered_once_with_the_expiry_toast(bot, chat_id, caplog):
    answer = await photo_answer(bot, chat_id)
    token = button(answer, "more").split(":")[1]
    before = stored_answer(bot, token)
    for data in (f"more:{token}", f"up:{token}", "set:lang:fr"):
        update = bot.telegram.push_inline_callback(chat_id, "AgAAAHx5AAA-inline-message", data)
        query_id = update["callback_query"]["id"]
        toast = await bot.telegram.wait_for("answerCallbackQuery",
                                            predicate=lambda c: c.params.get("callback_query_id") == query_id)
        assert toast.params["text"] == "This suggestion expired, send the photo again."
        bot.telegram.push_text(chat_id, "/about")  # handled after the press: by then any second answer was sent
        await bot.reply_to(chat_id)
        assert len([c for c in bot.telegram.calls_for("answerCallbackQuery")
                    if c.params.get("callback_query_id") == query_id]) == 1
    assert stored_answer(bot, token) == before and votes_for(bot, token) == 0
    assert not [r for r in caplog.records if r.levelname == "ERROR"], "nothing raised"
