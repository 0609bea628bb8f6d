"""Running for many users: per-user limits, health and metrics, structured logs, shared state, restarts."""

import asyncio
import json
import re
import signal

import aiohttp

from bot.observability import Metrics
from bot.edge.ops_server import OpsServer
from bot.services import SERVICES_KEY
from bot.state.sqlite import SQLiteStore
from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, slow, success
from tests.fakes.telegram_api import FakeTelegramServer
from tests.support.network import free_port
from tests.support.process import start_process, wait_ready

from .conftest import running_bot
from .test_buttons import button
from .test_photo_answers import song_lines


async def test_a_user_over_the_photo_limit_is_asked_to_slow_down_and_others_are_not(tmp_path):
    async with FakeTelegramServer() as telegram, running_bot(telegram, tmp_path, photos_per_minute=3):
        for _ in range(4):
            telegram.push_photo(11, photos.jpeg_photo("beach"))
        telegram.push_photo(12, photos.jpeg_photo("night"))
        answers = [(await telegram.wait_for("editMessageText", chat_id=11)).result["text"] for _ in range(3)]
        slow_down = await telegram.wait_for("sendMessage", chat_id=11,
                                            predicate=lambda c: "a lot of photos" in (c.params.get("text") or ""))
        other = await telegram.wait_for("editMessageText", chat_id=12)
        assert all(song_lines({"text": a}) for a in answers)
        assert "3 a minute" in slow_down.result["text"]
        assert song_lines(other.result), "another user is not slowed down"
        assert len(telegram.calls_for("editMessageText", 11)) == 3, "the fourth photo is not queued for later"


class StoreThatCannotSaveAnswers(SQLiteStore):
    """Reads and rate limits work; saving an answer fails in a way nobody planned for."""

    async def put_answer(self, token, state):
        raise RuntimeError("database disk image is malformed")


async def test_an_answer_that_cannot_be_saved_turns_the_status_into_one_apology(tmp_path):
    async with FakeTelegramServer() as telegram, running_bot(telegram, tmp_path) as application:
        services = application.bot_data[SERVICES_KEY]
        await services.store.inner.close()
        services.store.inner = StoreThatCannotSaveAnswers(tmp_path / "failing.sqlite3")
        telegram.push_photo(13, photos.jpeg_photo("beach"))
        edit = await telegram.wait_for("editMessageText", chat_id=13)
        await asyncio.sleep(0.5)  # room for a second message, which must not come
    assert "something went wrong" in edit.result["text"] and not song_lines(edit.result)
    assert len(telegram.calls_for("sendMessage", 13)) == 1, "only the status message, no separate apology"
    assert telegram.messages(13)[-1]["text"] == edit.result["text"], "no status left saying it is still working"


async def test_health_says_ready_only_once_loaded_and_metrics_are_exposed():
    metrics = Metrics()
    ops = OpsServer(metrics, "127.0.0.1", 0)
    await ops.start()
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{ops.port}/healthz") as response:
                assert response.status == 503 and (await response.json())["status"] == "starting"
            metrics.mark_ready(True)
            metrics.updates.labels("photo", "answered").inc()
            async with http.get(f"http://127.0.0.1:{ops.port}/healthz") as response:
                assert response.status == 200
            async with http.get(f"http://127.0.0.1:{ops.port}/metrics") as response:
                page = await response.text()
        assert 'storytune_updates_total{kind="photo",outcome="answered"} 1.0' in page
        assert "storytune_ready 1.0" in page
    finally:
        await ops.stop()


async def test_one_structured_log_line_per_update_and_metrics_from_the_real_process(tmp_path):
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        port = free_port()
        process = await start_process(tmp_path, telegram, azure, METRICS_PORT=str(port))
        try:
            await wait_ready(port)
            telegram.push_photo(4242, photos.jpeg_photo("beach"))
            await telegram.wait_for("editMessageText", chat_id=4242, timeout=30)
            telegram.push_text(4242, "/start")
            await telegram.wait_for("sendMessage", chat_id=4242, predicate=lambda c: "Send me" in c.params["text"])
            async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}/metrics") as response:
                page = await response.text()
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0
    assert 'storytune_updates_total{kind="photo",outcome="answered"} 1.0' in page
    assert 'storytune_caption_source_total{source="azure"} 1.0' in page
    log = err.decode()
    lines = [json.loads(m) for m in re.findall(r"(\{\"event\":\"update\".*\})", log)]
    photo = next(line for line in lines if line["kind"] == "photo")
    assert photo["source"] == "azure" and photo["outcome"] == "answered"
    assert set(photo["ms"]) == {"download", "caption", "recommend", "reply"}
    assert "4242" not in photo["chat"] and len(photo["chat"]) == 32
    assert [line["kind"] for line in lines].count("command") == 1
    assert telegram.token not in log and azure.key not in log


async def test_sigterm_mid_flight_loses_nothing_and_answers_nothing_twice(tmp_path):
    chats = list(range(6001, 6009))
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        azure.default = slow(1.0, then=success("a calm lake"))
        port = free_port()
        first = await start_process(tmp_path, telegram, azure, METRICS_PORT=str(port), AZURE_VISION_TIMEOUT="4")
        await wait_ready(port)
        for chat in chats[:5]:
            telegram.push_photo(chat, photos.jpeg_photo("fog"))
        while len(azure.requests) < 3:
            await asyncio.sleep(0.05)
        first.send_signal(signal.SIGTERM)
        for chat in chats[5:]:
            telegram.push_photo(chat, photos.jpeg_photo("fog"))
        await asyncio.wait_for(first.communicate(), 60)
        assert first.returncode == 0
        second = await start_process(tmp_path, telegram, azure, METRICS_PORT=str(port))
        try:
            for chat in chats:
                await telegram.wait_for("editMessageText", chat_id=chat, timeout=60)
            await asyncio.sleep(1.5)
        finally:
            second.send_signal(signal.SIGTERM)
            await asyncio.wait_for(second.communicate(), 60)
    for chat in chats:
        answers = [c for c in telegram.calls_for("editMessageText", chat) if "a calm lake" in c.result["text"]]
        assert len(answers) == 1, (chat, len(answers))


async def test_a_button_works_on_an_answer_another_instance_produced(tmp_path, redis_server):
    shared = {"redis_url": redis_server.url, "user_key": "shared-secret-for-all-instances"}
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        async with running_bot(telegram, tmp_path / "a", azure, **shared):
            telegram.push_photo(77, photos.jpeg_photo("beach"))
            answer = (await telegram.wait_for("editMessageText", chat_id=77)).result
        async with running_bot(telegram, tmp_path / "b", azure, **shared):
            telegram.push_callback(77, answer["message_id"], button(answer, "more"))
            more = (await telegram.wait_for("sendMessage", chat_id=77,
                                            predicate=lambda c: "More songs" in c.params["text"])).result
            assert song_lines(more) and not set(song_lines(more)) & set(song_lines(answer))
            telegram.push_callback(77, answer["message_id"], button(answer, "up"))
            await telegram.wait_for("answerCallbackQuery", predicate=lambda c: "Thanks" in c.params.get("text", ""))


async def test_webhook_mode_answers_telegrams_posts_and_refuses_a_wrong_secret(tmp_path):
    secret = "webhook-secret-for-tests_0123456789"
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        port, ops_port = free_port(), free_port()
        url = f"http://127.0.0.1:{port}/telegram"
        process = await start_process(tmp_path, telegram, azure, BOT_WEBHOOK_URL=url, BOT_WEBHOOK_SECRET=secret,
                                      PORT=str(port), METRICS_PORT=str(ops_port))
        try:
            await wait_ready(ops_port)
            registered = await telegram.wait_for("setWebhook", timeout=30)
            assert registered.params["url"] == url and registered.params["secret_token"] == secret
            forged = {"update_id": 999999, "message": {"message_id": 1, "date": 0, "text": "/start",
                      "chat": {"id": 31337, "type": "private"}, "from": {"id": 31337, "is_bot": False,
                                                                          "first_name": "Mallory"},
                      "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
            async with aiohttp.ClientSession() as http:
                for headers in ({"X-Telegram-Bot-Api-Secret-Token": "wrong-secret-0000000000"}, {}):
                    async with http.post(url, json=forged, headers=headers) as response:
                        assert response.status == 403
            telegram.push_photo(808, photos.jpeg_photo("beach"))
            answer = (await telegram.wait_for("editMessageText", chat_id=808, timeout=30)).result
            assert song_lines(answer)
            assert not telegram.calls_for("sendMessage", 31337), "a forged update is never handled"
        finally:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0
