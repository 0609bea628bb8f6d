"""A real Redis stopped under the running bot, then restarted: the bot degrades, then recovers by itself."""

import asyncio
import logging

from prometheus_client import generate_latest

from bot.services import SERVICES_KEY
from tests.fakes import photos
from tests.fakes.redis_server import RedisServer
from tests.fakes.telegram_api import FakeTelegramServer

from .conftest import running_bot
from .test_photo_answers import callback_buttons, song_lines, url_buttons


async def answer(telegram, chat_id) -> dict:
    return (await telegram.wait_for("editMessageText", chat_id=chat_id, timeout=30)).result


async def test_with_redis_down_photos_and_mood_get_songs_and_the_bot_recovers_by_itself(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="bot.state.fail_soft")
    with RedisServer() as redis:
        async with FakeTelegramServer() as telegram, running_bot(telegram, tmp_path, redis_url=redis.url,
                                                                  photos_per_minute=2) as application:
            telegram.push_photo(31, photos.jpeg_photo("beach"))
            before = await answer(telegram, 31)
            assert callback_buttons(before)

            redis.kill()
            for command, expected in (("/start", "Send me a photo"), ("/help", "/mood")):
                telegram.push_text(32, command)
                reply = await telegram.wait_for("sendMessage", chat_id=32, timeout=30)
                assert expected in reply.result["text"]
            for _ in range(3):  # over the limit of two a minute: limits fail open while the store is away
                telegram.push_photo(33, photos.jpeg_photo("night"))
            degraded = [await answer(telegram, 33) for _ in range(3)]
            for each in degraded:
                assert len(song_lines(each)) >= 5 and len(url_buttons(each)) == len(song_lines(each))
                assert not callback_buttons(each) and "unavailable right now" in each["text"]
            telegram.push_text(34, "/mood rainy sunday in paris")
            mood = await answer(telegram, 34)
            assert len(song_lines(mood)) >= 5 and not callback_buttons(mood)
            more = next(b["callback_data"] for b in callback_buttons(before) if b["callback_data"].startswith("more:"))
            update = telegram.push_callback(31, before["message_id"], more)
            toast = await telegram.wait_for("answerCallbackQuery", predicate=lambda c: c.params.get(
                "callback_query_id") == update["callback_query"]["id"])
            assert "unavailable right now" in toast.params["text"]
            page = generate_latest(application.bot_data[SERVICES_KEY].metrics.registry).decode()
            assert 'storytune_store_unavailable_total{operation="hit"}' in page and "storytune_store_up 0.0" in page

            redis.restart()
            for attempt in range(40):  # the store is tried again a few seconds after the outage began
                telegram.push_photo(35, photos.jpeg_photo("beach"))
                after = await answer(telegram, 35)
                if callback_buttons(after):
                    break
                await asyncio.sleep(0.5)
            assert callback_buttons(after), "buttons come back once Redis is back"
            up = next(b["callback_data"] for b in callback_buttons(after) if b["callback_data"].startswith("up:"))
            telegram.push_callback(35, after["message_id"], up)
            await telegram.wait_for("answerCallbackQuery", predicate=lambda c: "Thanks" in c.params.get("text", ""))
            assert "storytune_store_up 1.0" in generate_latest(
                application.bot_data[SERVICES_KEY].metrics.registry).decode()
    warnings = [r.getMessage() for r in caplog.records if r.name == "bot.state.fail_soft"]
    assert any("unavailable" in w for w in warnings) and any("reachable again" in w for w in warnings)
