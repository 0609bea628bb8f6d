"""The real process killed (SIGKILL) in the middle of a burst: after a restart every photo is answered,
none twice, and a "Listening…" noted before the kill becomes the answer — with long polling and with a
webhook."""

import asyncio
import json
import signal
import sqlite3
from pathlib import Path

from bot.edge.journal import STATUS_FIELD
from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, slow, success
from tests.fakes.telegram_api import FakeTelegramServer

from .test_photo_answers import song_lines
from tests.support.network import free_port
from tests.support.process import start_process, wait_ready

CAPTION = "a calm lake at dawn"
BURST = 20


async def until(condition, timeout: float = 60) -> None:
    for _ in range(int(timeout * 20)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out waiting")


def noted_statuses(database: Path) -> dict[int, int]:
    """chat -> the status message the killed process noted in its journal for that chat's photo."""
    with sqlite3.connect(database) as db:
        raws = [json.loads(raw) for (raw,) in db.execute("SELECT raw FROM updates WHERE raw IS NOT NULL")]
    return {raw["message"]["chat"]["id"]: raw[STATUS_FIELD] for raw in raws if STATUS_FIELD in raw}


def answers_in(telegram: FakeTelegramServer, chat: int) -> list[dict]:
    return [c.result for c in telegram.calls_for("editMessageText", chat) if c.ok and CAPTION in c.result["text"]]


async def killed_mid_burst_then_restarted(tmp_path, telegram, azure, chats, confirmed, **mode) -> None:
    """Start, push the burst, wait until `confirmed()` (Telegram has forgotten the updates), kill -9, restart."""
    azure.default = slow(5.0, then=success(CAPTION))
    port = free_port()
    first = await start_process(tmp_path, telegram, azure, METRICS_PORT=str(port), **mode)
    try:
        await wait_ready(port)
        for chat in chats:
            telegram.push_photo(chat, photos.jpeg_photo("fog"))
        await until(confirmed)
        await until(lambda: len(azure.requests) >= 3)
    finally:
        first.send_signal(signal.SIGKILL)
        await asyncio.wait_for(first.communicate(), 30)
    assert not any(answers_in(telegram, chat) for chat in chats), "killed before any answer went out"
    noted = noted_statuses(tmp_path / "state" / "storytune.sqlite3")
    assert noted, "statuses sent before the kill were noted in the journal"
    azure.default = success(CAPTION)
    second = await start_process(tmp_path, telegram, azure, METRICS_PORT=str(port), **mode)
    try:
        await until(lambda: all(answers_in(telegram, chat) for chat in chats), timeout=120)
        await asyncio.sleep(2)  # room for a second answer, which must not come
    finally:
        second.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(second.communicate(), 60)
    assert second.returncode == 0, err.decode()[-2000:]
    for chat in chats:
        answers = answers_in(telegram, chat)
        assert len(answers) == 1 and song_lines(answers[0]), (chat, len(answers))
        shown = {m["message_id"]: m["text"] for m in telegram.messages(chat)}
        if chat in noted:
            assert list(shown) == [noted[chat]] and CAPTION in shown[noted[chat]], \
                "the status the dead process sent became the answer, and no other message was sent"


async def test_sigkill_mid_burst_in_polling_loses_no_photo(tmp_path):
    chats = list(range(7001, 7001 + BURST))
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        await killed_mid_burst_then_restarted(tmp_path, telegram, azure, chats,
                                              lambda: telegram.pending_update_count() == 0)


async def test_sigkill_mid_burst_in_webhook_mode_loses_no_photo(tmp_path):
    chats = list(range(7101, 7101 + BURST))
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        port = free_port()
        mode = {"BOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram", "PORT": str(port),
                "BOT_WEBHOOK_SECRET": "webhook-secret-for-tests_0123456789"}
        await killed_mid_burst_then_restarted(tmp_path, telegram, azure, chats,
                                              lambda: telegram.pending_update_count() == 0, **mode)


async def test_long_polling_confirms_no_update_before_the_journal_holds_it(tmp_path):
    """A fetched batch is journalled in the background (the Updater no longer waits for each write in
    turn); the next getUpdates, which tells Telegram to forget the batch, still waits for it. Here another connection holds the state
    file locked for a while: the burst stays Telegram's until the lock is gone, then all is answered."""
    chats = list(range(7101, 7111))
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        azure.default = success(CAPTION)
        port = free_port()
        bot = await start_process(tmp_path, telegram, azure, METRICS_PORT=str(port))
        try:
            await wait_ready(port)
            telegram.push_photo(7100, photos.jpeg_photo("fog"))
            await until(lambda: answers_in(telegram, 7100))
            with sqlite3.connect(tmp_path / "state" / "storytune.sqlite3", timeout=10) as other:
                other.execute("BEGIN EXCLUSIVE")
                for chat in chats:
                    telegram.push_photo(chat, photos.jpeg_photo("fog"))
                await asyncio.sleep(2.5)
                assert telegram.pending_update_count() == len(chats), "confirmed before it was journalled"
                other.rollback()
            await until(lambda: all(answers_in(telegram, chat) for chat in chats), timeout=60)
            await until(lambda: telegram.pending_update_count() == 0)
        finally:
            bot.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(bot.communicate(), 60)
        assert bot.returncode == 0, err.decode()[-2000:]
        assert all(len(answers_in(telegram, chat)) == 1 for chat in chats)
