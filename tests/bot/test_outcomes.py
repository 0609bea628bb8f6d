"""Each update's log line and metric say how it really ended: answered, refused, apologised or failed."""

import asyncio
import json

from prometheus_client import generate_latest

from bot.services import SERVICES_KEY
from bot.state.sqlite import SQLiteStore
from tests.fakes import photos
from tests.fakes.telegram_api import FakeTelegramServer

from .conftest import running_bot


class StoreThatCannotSaveAnswers(SQLiteStore):
    """Everything works but saving an answer, which breaks in a way the bot does not expect."""

    async def put_answer(self, token, state):
        raise RuntimeError("disk full")


def update_lines(caplog) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "storytune.updates"]


async def settled(caplog, count: int) -> list[dict]:
    """The update log lines, once `count` updates have finished."""
    for _ in range(200):
        if len(update_lines(caplog)) >= count:
            break
        await asyncio.sleep(0.05)
    return update_lines(caplog)


async def test_every_outcome_is_logged_and_counted_as_it_ended(tmp_path, caplog):
    caplog.set_level("INFO", logger="storytune.updates")
    async with FakeTelegramServer() as telegram, running_bot(telegram, tmp_path, photos_per_minute=1) as application:
        services = application.bot_data[SERVICES_KEY]
        telegram.push_photo(21, photos.jpeg_photo("beach"))
        await telegram.wait_for("editMessageText", chat_id=21)
        telegram.push_photo(21, photos.jpeg_photo("night"))  # over the limit of one a minute
        await telegram.wait_for("sendMessage", chat_id=21, predicate=lambda c: "a lot of photos" in c.params["text"])
        telegram.push_document(22, b"not an image at all", file_name="x.jpg", mime_type="image/jpeg")
        await telegram.wait_for("editMessageText", chat_id=22)
        real_store, services.store.inner = services.store.inner, StoreThatCannotSaveAnswers(tmp_path / "f.sqlite3")
        telegram.push_photo(23, photos.jpeg_photo("beach"))
        await telegram.wait_for("editMessageText", chat_id=23)
        services.store.inner = real_store
        telegram.fail_next("sendMessage", 403, times=2)  # the user blocked the bot: no status, no apology
        telegram.push_photo(24, photos.jpeg_photo("beach"))
        lines = await settled(caplog, 5)
        page = generate_latest(services.metrics.registry).decode()
    outcomes = [(line["kind"], line["outcome"], line["reason"]) for line in lines]
    assert outcomes == [("photo", "answered", None), ("photo", "refused", "slow_down"),
                        ("photo", "refused", "not_an_image"), ("photo", "apologised", "RuntimeError"),
                        ("photo", "failed", "Forbidden")], outcomes
    for outcome, count in (("answered", 1), ("refused", 2), ("apologised", 1), ("failed", 1)):
        assert f'storytune_updates_total{{kind="photo",outcome="{outcome}"}} {count}.0' in page
