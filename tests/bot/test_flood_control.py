"""New messages are paced to Telegram's limit; other calls are not slowed; 429s are waited out."""

import asyncio
import time

from telegram import Bot

from bot.edge.flood_control import MessageRateLimiter
from tests.fakes.telegram_api import FakeTelegramServer


async def make_bot(server: FakeTelegramServer, rate: float) -> Bot:
    from telegram.ext import ExtBot

    bot = ExtBot(server.token, base_url=server.base_url, base_file_url=server.base_file_url,
                 rate_limiter=MessageRateLimiter(overall_max_rate=rate, overall_time_period=1, max_retries=3))
    await bot.initialize()
    return bot


async def test_new_messages_are_paced_but_edits_and_chat_actions_are_not():
    async with FakeTelegramServer() as server:
        for chat in range(1, 21):
            server.push_text(chat, "hi")
        bot = await make_bot(server, rate=10)
        started = time.monotonic()
        sent = await asyncio.gather(*(bot.send_message(chat, "status") for chat in range(1, 21)))
        paced = time.monotonic() - started
        started = time.monotonic()
        await asyncio.gather(*(bot.send_chat_action(m.chat_id, "typing") for m in sent),
                             *(bot.edit_message_text("answer", m.chat_id, m.message_id) for m in sent))
        free = time.monotonic() - started
        await bot.shutdown()
    assert paced >= 0.9, "20 messages at 10/s take about a second or more"
    assert free < paced / 2, "40 edits and chat actions were not throttled like messages"


async def test_a_429_is_waited_out_and_retried_instead_of_failing():
    async with FakeTelegramServer() as server:
        server.push_text(7, "hi")
        server.fail_next("sendMessage", 429, retry_after=1)
        bot = await make_bot(server, rate=30)
        message = await bot.send_message(7, "hello")
        await bot.shutdown()
    assert message.text == "hello"
    assert [c.ok for c in server.calls_for("sendMessage")] == [False, True]


async def test_by_default_replies_are_not_paced_but_a_group_gets_twenty_a_minute():
    from bot.config import Config

    assert Config(telegram_token="x").messages_per_second == 0
    async with FakeTelegramServer() as server:
        chats = list(range(100, 160))
        for chat in chats + [-1001]:
            server.push_text(chat, "hi")
        bot = await make_bot(server, rate=Config(telegram_token="x").messages_per_second)
        started = time.monotonic()
        await asyncio.gather(*(bot.send_message(chat, "reply") for chat in chats))
        replies = time.monotonic() - started
        started = time.monotonic()
        await asyncio.gather(*(bot.send_message(-1001, f"group {n}") for n in range(21)))
        group = time.monotonic() - started
        await bot.shutdown()
    assert replies < 1.0, "60 replies to 60 users go out at once"
    assert group >= 2.0, "the 21st message in one group waits for the group's per-minute budget"
