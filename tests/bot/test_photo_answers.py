"""A user sends a photo and gets what the bot saw, three moods and song buttons — over real HTTP."""

import asyncio
import re

import pytest

from bot.services import SERVICES_KEY
from tests.fakes import photos
from tests.fakes.azure_server import malformed_json, rate_limited, server_error, slow, success
from tests.support.real_photos import oasis_bytes


def url_buttons(answer: dict) -> list[dict]:
    return [b for row in answer["reply_markup"]["inline_keyboard"] for b in row if "url" in b]


def callback_buttons(answer: dict) -> list[dict]:
    return [b for row in answer["reply_markup"]["inline_keyboard"] for b in row if "callback_data" in b]


def song_lines(answer: dict) -> list[str]:
    return re.findall(r"^\d+\. (.+ — .+)$", answer["text"], flags=re.MULTILINE)


def mood_lines(answer: dict) -> list[str]:
    return re.findall(r"^• (.+)$", answer["text"], flags=re.MULTILINE)


def device_readings(bot, reason: str) -> float:
    """How many photos the bot's metrics say were read on the device for `reason`."""
    registry = bot.application.bot_data[SERVICES_KEY].metrics.registry
    return registry.get_sample_value("storytune_device_readings_total", {"reason": reason}) or 0.0


async def test_photo_gets_caption_moods_and_one_url_button_per_song(bot, chat_id):
    bot.azure.script(success("a group of friends laughing on a beach at sunset", tags=(("beach", 0.99),)))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"))

    answer = await bot.answer_to(chat_id)
    assert "Listening" in bot.telegram.calls_for("sendMessage", chat_id)[0].result["text"]
    assert not bot.telegram.calls_for("sendChatAction", chat_id), "the status message is the sign of life"

    assert "I see: a group of friends laughing on a beach at sunset" in answer["text"]
    assert len(mood_lines(answer)) == 3
    songs, buttons = song_lines(answer), url_buttons(answer)
    assert len(songs) == 5 and len(buttons) == len(songs), "a handful of songs"
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
async def test_azure_failing_reads_the_photo_on_the_device(bot, chat_id, failure):
    failed_before = device_readings(bot, "failed")
    bot.azure.script(*failure())
    bot.telegram.push_photo(chat_id, oasis_bytes("Beach 1"))
    answer = await bot.answer_to(chat_id)
    assert "I see (on this device): seashore" in answer["text"]
    assert "colours" not in answer["text"]
    assert len(url_buttons(answer)) >= 5
    assert device_readings(bot, "failed") == failed_before + 1
    bot.azure.reset()
    bot.azure.script(success("a cat on a sofa"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"))
    assert "I see: a cat on a sofa" in (await bot.answer_to(chat_id))["text"], "the bot keeps serving"


async def test_azure_throttling_reads_the_photo_on_the_device_instead_of_waiting(bot, chat_id):
    """A 429 is not waited out (the user would wait): the model reads the photo at once, Azure is
    left alone for its Retry-After, then asked again."""
    throttled_before = device_readings(bot, "throttled")
    bot.azure.script(rate_limited(retry_after=0.5), success("a red bicycle against a wall"))
    bot.telegram.push_photo(chat_id, oasis_bytes("Dog 12"))
    answer = await bot.answer_to(chat_id)
    assert "I see (on this device): beagle" in answer["text"]
    assert len(bot.azure.requests) == 1, "no retry behind the user's back"
    assert device_readings(bot, "throttled") == throttled_before + 1
    await asyncio.sleep(1.2)  # past the pause the bot keeps after a 429 (at least a second)
    bot.telegram.push_photo(chat_id, oasis_bytes("Dog 12"))
    assert "I see: a red bicycle against a wall" in (await bot.answer_to(chat_id))["text"]


async def test_azure_down_with_a_user_caption_shows_the_devices_reading_and_the_caption(bot, chat_id):
    bot.azure.script(server_error(500), server_error(500))
    bot.telegram.push_photo(chat_id, oasis_bytes("Beach 1"), caption="road trip with my dog")
    answer = await bot.answer_to(chat_id)
    assert "I see (on this device): seashore" in answer["text"]
    assert "From your words: road trip with my dog" in answer["text"]


async def test_without_azure_configured_the_photo_is_read_on_the_device(bot_without_azure):
    telegram = bot_without_azure.telegram
    beach, pest = 501, 502
    telegram.push_photo(beach, oasis_bytes("Beach 1"))
    telegram.push_photo(pest, oasis_bytes("Cockroach 1"))
    beach_answer, pest_answer = await bot_without_azure.answer_to(beach), await bot_without_azure.answer_to(pest)
    assert beach_answer["text"].startswith("📷 I see (on this device): seashore")
    assert pest_answer["text"].startswith("📷 I see (on this device): cockroach")
    for answer in (beach_answer, pest_answer):
        assert "colours" not in answer["text"]
        assert len(url_buttons(answer)) >= 5
    assert song_lines(beach_answer) != song_lines(pest_answer)
    assert mood_lines(beach_answer) != mood_lines(pest_answer)
    assert device_readings(bot_without_azure, "no_azure") >= 2


async def test_with_the_same_caption_a_funeral_and_a_wedding_get_different_songs(bot, chat_id):
    """Azure gives the content; the photo's own look moves the feeling."""
    bot.azure.script(success("a group of people standing outside"), success("a group of people standing outside"))
    bot.telegram.push_photo(chat_id, oasis_bytes("Funeral 1"))
    funeral = await bot.answer_to(chat_id)
    bot.telegram.push_photo(chat_id, oasis_bytes("Wedding 1"))
    wedding = await bot.answer_to(chat_id)
    for answer in (funeral, wedding):
        assert answer["text"].startswith("📷 I see: a group of people standing outside")
    assert song_lines(funeral) != song_lines(wedding)


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
