"""A user sends a photo and gets what the bot saw, three moods and song buttons — over real HTTP."""

import re

import pytest

from tests.fakes import photos
from tests.fakes.azure_server import malformed_json, rate_limited, server_error, slow, success


def url_buttons(answer: dict) -> list[dict]:
    return [b for row in answer["reply_markup"]["inline_keyboard"] for b in row if "url" in b]


def callback_buttons(answer: dict) -> list[dict]:
    return [b for row in answer["reply_markup"]["inline_keyboard"] for b in row if "callback_data" in b]


def song_lines(answer: dict) -> list[str]:
    return re.findall(r"^\d+\. (.+ — .+)$", answer["text"], flags=re.MULTILINE)


def mood_lines(answer: dict) -> list[str]:
    return re.findall(r"^• (.+)$", answer["text"], flags=re.MULTILINE)


async def test_photo_gets_caption_moods_and_one_url_button_per_song(bot, chat_id):
    bot.azure.script(success("a group of friends laughing on a beach at sunset", tags=(("beach", 0.99),)))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"))

    answer = await bot.answer_to(chat_id)
    assert "Listening" in bot.telegram.calls_for("sendMessage", chat_id)[0].result["text"]
    assert not bot.telegram.calls_for("sendChatAction", chat_id), "the status message is the sign of life"

    assert "I see: a group of friends laughing on a beach at sunset" in answer["text"]
    assert len(mood_lines(answer)) == 3
    songs, buttons = song_lines(answer), url_buttons(answer)
    assert 6 <= len(songs) <= 9 and len(buttons) == len(songs)
    assert [b["text"] for b in buttons] == songs, "titles are in the text too, for copying"
    assert all(b["url"].startswith(("https://www.deezer.com/track/", "https://open.spotify.com/track/"))
               for b in buttons)
    song_rows = [row for row in answer["reply_markup"]["inline_keyboard"] if "url" in row[0]]
    assert all(len(row) == 2 and row[1]["text"] == "▶" for row in song_rows), "one song per row, with its preview"
    assert {b["callback_data"].split(":")[0] for b in callback_buttons(answer)} == {
        "play", "steer", "more", "why", "up", "down"}
    assert all(len(b["callback_data"].encode()) <= 64 for b in callback_buttons(answer))
    assert bot.azure.requests[-1].body_is_image and bot.azure.requests[-1].api_version == "4.0"
    assert bot.telegram.messages(chat_id)[-1]["text"] == answer["text"], "the status message became the answer"


async def test_the_users_caption_joins_the_description_and_moves_the_songs(bot, chat_id):
    bot.azure.script(success("a person standing in a room"), success("a person standing in a room"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("forest"), caption="best party ever, dancing with joy")
    happy = await bot.answer_to(chat_id)
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("forest"), caption="grief, crying at a funeral")
    sad = await bot.answer_to(chat_id)
    assert "best party ever, dancing with joy" in happy["text"]
    assert "I see: a person standing in a room" in happy["text"]
    assert song_lines(happy) != song_lines(sad)
    assert mood_lines(happy) != mood_lines(sad)


@pytest.mark.parametrize("failure", [
    pytest.param(lambda: (server_error(500), server_error(503)), id="azure-5xx"),
    pytest.param(lambda: (slow(5), slow(5)), id="azure-too-slow"),
    pytest.param(lambda: (malformed_json(),), id="azure-malformed-json"),
])
async def test_azure_failing_still_gets_songs_from_the_colours(bot, chat_id, failure):
    bot.azure.script(*failure())
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("night"))
    answer = await bot.answer_to(chat_id)
    assert "based on the photo's colours only" in answer["text"]
    assert re.search(r"I see: a .*photo", answer["text"])
    assert len(url_buttons(answer)) >= 6
    bot.azure.reset()
    bot.azure.script(success("a cat on a sofa"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"))
    assert "I see: a cat on a sofa" in (await bot.answer_to(chat_id))["text"], "the bot keeps serving"


async def test_azure_rate_limit_is_waited_out_within_the_budget(bot, chat_id):
    bot.azure.script(rate_limited(retry_after=0.3), success("a red bicycle against a wall"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"))
    answer = await bot.answer_to(chat_id)
    assert "I see: a red bicycle against a wall" in answer["text"]
    assert len(bot.azure.requests) == 2


async def test_azure_down_with_a_user_caption_says_it_used_the_caption(bot, chat_id):
    bot.azure.script(server_error(500), server_error(500))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"), caption="road trip with my dog")
    answer = await bot.answer_to(chat_id)
    assert "From your words: road trip with my dog" in answer["text"]
    assert "based on your caption" in answer["text"]


async def test_without_azure_configured_colours_alone_answer(bot_without_azure):
    telegram = bot_without_azure.telegram
    bright, dark = 501, 502
    telegram.push_photo(bright, photos.jpeg_photo("beach"))
    telegram.push_photo(dark, photos.jpeg_photo("night"))
    bright_answer, dark_answer = await bot_without_azure.answer_to(bright), await bot_without_azure.answer_to(dark)
    for answer in (bright_answer, dark_answer):
        assert "based on the photo's colours only" in answer["text"]
        assert len(url_buttons(answer)) >= 6
    assert "dark" in dark_answer["text"].split("\n")[0]
    assert song_lines(bright_answer) != song_lines(dark_answer)


async def test_french_users_get_french_answers(bot, chat_id):
    bot.azure.script(success("a dog on a beach"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"), language_code="fr")
    answer = await bot.answer_to(chat_id)
    assert "J'écoute ta photo" in bot.telegram.calls_for("sendMessage", chat_id)[0].result["text"]
    assert "Je vois : a dog on a beach" in answer["text"]
    assert "Ambiances" in answer["text"] and "Chansons" in answer["text"]
    assert any(b["text"] == "🔄 Autres chansons" for b in callback_buttons(answer))


async def test_two_chats_photos_in_flight_at_once_are_both_answered(bot):
    """Whichever photo reaches Azure first gets the slow answer; the other chat is not held up by it."""
    first, second = 7001, 7002
    bot.azure.reset()
    bot.azure.script(slow(0.5, then=success("a quiet lake at dawn")), success("a loud city street"))
    bot.telegram.push_photo(first, photos.jpeg_photo("fog"))
    bot.telegram.push_photo(second, photos.jpeg_photo("beach"))
    answers = {chat: (await bot.answer_to(chat))["text"] for chat in (first, second)}
    slow_chat = next(chat for chat, text in answers.items() if "a quiet lake at dawn" in text)
    fast_chat = next(chat for chat, text in answers.items() if "a loud city street" in text)
    assert {slow_chat, fast_chat} == {first, second}
    order = [c.chat_id for c in bot.telegram.calls if c.method == "editMessageText" and c.chat_id in (first, second)]
    assert order == [fast_chat, slow_chat], "the slow photo did not hold up the other chat"
