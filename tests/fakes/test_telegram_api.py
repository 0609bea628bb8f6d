"""Self-tests: the fake Bot API must satisfy the real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import io
import json

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from PIL import Image
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Conflict, EndPointNotFound, InvalidToken, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakes.loopback import LoopbackServer
from tests.fakes.telegram_api import FakeTelegramServer, UploadedFile
from tests.support.network import free_port

CHAT = 4242
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Another song", callback_data="more:1")]])


@pytest_asyncio.fixture
async def server():
    async with FakeTelegramServer() as fake:
        yield fake


@pytest_asyncio.fixture
async def bot(server):
    async with Bot(server.token, base_url=server.base_url,
                   base_file_url=server.base_file_url) as client:
        yield client


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 90, 40)).save(out, "PNG")
    return out.getvalue()


async def test_get_me_and_auth(server, bot):
    me = await bot.get_me()
    assert (me.is_bot, me.username) == (True, "storytune_test_bot")
    assert me.supports_inline_queries
    assert server.url.startswith("http://127.0.0.1:")
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendDice", api_kwargs={"chat_id": CHAT})
    with pytest.raises(InvalidToken):
        async with Bot("999:wrong", base_url=server.base_url):
            pass


async def test_offsets_confirm_updates_and_long_poll_wakes_up(server, bot):
    for text in ("one", "two", "three"):
        server.push_text(CHAT, text)
    first = await bot.get_updates(timeout=0, limit=2)
    assert [u.message.text for u in first] == ["one", "two"]
    again = await bot.get_updates(timeout=0)
    assert [u.message.text for u in again] == ["one", "two", "three"]
    assert await bot.get_updates(offset=again[-1].update_id + 1, timeout=0) == ()

    loop = asyncio.get_running_loop()
    started = loop.time()
    poll = asyncio.create_task(bot.get_updates(offset=again[-1].update_id + 1, timeout=5))
    await asyncio.sleep(0.1)
    server.push_text(CHAT, "/start now")
    (update,) = await poll
    assert loop.time() - started < 2
    assert update.message.text == "/start now"
    assert update.message.entities[0].type == "bot_command"
    assert update.message.from_user.language_code == "en"


async def test_second_poller_terminates_first_with_conflict(server, bot):
    first = asyncio.create_task(bot.get_updates(timeout=3))
    await asyncio.sleep(0.1)
    async with Bot(server.token, base_url=server.base_url) as second_instance:
        assert await second_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict):
        await first


async def test_photo_sizes_and_download(server, bot):
    data = png(1000, 800)
    update = Update.de_json(server.push_photo(CHAT, data, caption="sunset"), bot)
    sizes = update.message.photo
    assert [(s.width, s.height) for s in sizes] == [(90, 72), (320, 256), (800, 640), (1000, 800)]
    assert sizes[-1].file_size == len(data)
    largest = await bot.get_file(sizes[-1].file_id)
    assert bytes(await largest.download_as_bytearray()) == data
    thumb = bytes(await (await bot.get_file(sizes[0].file_id)).download_as_bytearray())
    assert Image.open(io.BytesIO(thumb)).size == (90, 72)


async def test_file_over_20_mb_is_refused_like_telegram(server, bot):
    update = server.push_document(CHAT, b"%PDF-1.4", file_name="big.pdf",
                                  mime_type="application/pdf", file_size=30 * 1024 * 1024)
    with pytest.raises(BadRequest, match="too big"):
        await bot.get_file(update["message"]["document"]["file_id"])


async def test_media_updates_parse_in_ptb(server, bot):
    kinds = [server.push_sticker(CHAT), server.push_voice(CHAT, b"OggS"),
             server.push_video(CHAT, b"mp4"), server.push_animation(CHAT, b"gif")]
    message = [Update.de_json(u, bot).message for u in kinds]
    assert message[0].sticker.type == "regular" and message[1].voice.duration == 3
    assert message[2].video.width == 640
    assert message[3].animation and message[3].document


async def test_edits_and_not_modified(server, bot):
    server.push_text(CHAT, "hi")
    sent = await bot.send_message(CHAT, "<b>Song</b> &amp; more", parse_mode="HTML",
                                  reply_markup=KEYBOARD)
    assert sent.text == "Song & more" and sent.entities[0].type == "bold"
    assert sent.message_id == 2 and sent.from_user.is_bot

    edited = await bot.edit_message_text("Picked", chat_id=CHAT, message_id=sent.message_id,
                                         reply_markup=KEYBOARD)
    assert edited.text == "Picked" and edited.reply_markup == KEYBOARD
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Picked", chat_id=CHAT, message_id=sent.message_id,
                                    reply_markup=KEYBOARD)
    await bot.edit_message_reply_markup(chat_id=CHAT, message_id=sent.message_id)
    (stored,) = server.messages(CHAT)
    assert stored["text"] == "Picked" and "reply_markup" not in stored and "edit_date" in stored

    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=CHAT, message_id=99)
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(CHAT, "a<br>b", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(CHAT + 1, "hello")
    await bot.delete_message(CHAT, sent.message_id)
    assert server.messages(CHAT) == []


async def test_wire_formats_multipart_json_and_strings(server, bot):
    server.push_text(CHAT, "hi")
    data = png(400, 300)
    sent = await bot.send_photo(CHAT, data, caption="42", reply_markup=KEYBOARD)
    call = await server.wait_for("sendphoto", chat_id=CHAT)
    assert isinstance(call.params["photo"], UploadedFile) and call.params["photo"].data == data
    assert call.params["caption"] == "42"
    assert call.params["reply_markup"] == KEYBOARD.to_dict()
    downloaded = await (await bot.get_file(sent.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == data

    async with aiohttp.ClientSession() as http:
        body = {"chat_id": CHAT, "text": "007", "reply_markup": json.dumps(KEYBOARD.to_dict())}
        async with http.post(f"{server.base_url}{server.token}/SENDMESSAGE", json=body) as resp:
            answer = await resp.json()
    assert answer["ok"] and answer["result"]["text"] == "007"
    call = await server.wait_for("sendMessage", predicate=lambda c: c.text == "007")
    assert call.chat_id == CHAT and call.params["reply_markup"]["inline_keyboard"]


async def test_commands_audio_actions_inline_and_webhook(server, bot):
    await bot.set_my_commands([("start", "Begin"), ("help", "How it works")], language_code="en")
    assert [c.command for c in await bot.get_my_commands(language_code="en")] == ["start", "help"]
    assert await bot.get_my_commands() == ()
    with pytest.raises(BadRequest):
        await bot.set_my_commands([("Start!", "bad")])

    server.push_text(CHAT, "hi")
    assert await bot.send_chat_action(CHAT, "upload_voice")
    audio = await bot.send_audio(CHAT, b"ID3fake", title="Here Comes the Sun", performer="Beatles",
                                 filename="sun.mp3")
    assert (audio.audio.title, audio.audio.file_name) == ("Here Comes the Sun", "sun.mp3")
    assert server.messages(CHAT)[-1]["audio"]["performer"] == "Beatles"

    query = server.push_inline_query(7, "happy")["inline_query"]
    assert await bot.answer_inline_query(query["id"], [], cache_time=0)
    with pytest.raises(BadRequest):
        await bot.answer_inline_query(query["id"], [])

    assert (await bot.get_webhook_info()).pending_update_count == 2
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates(timeout=0) == ()


async def test_injected_flood_control_and_wait_for_timeout(server, bot):
    server.push_text(CHAT, "hi")
    server.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter):
        await bot.send_message(CHAT, "too fast")
    await bot.send_message(CHAT, "ok now")
    with pytest.raises(AssertionError, match="too fast"):
        await server.wait_for("sendMessage", predicate=lambda c: "nope" in c.text, timeout=0.2)


async def test_application_round_trip_with_callback(server):
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text("Pick one", reply_markup=KEYBOARD)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(f"echo: {update.message.text}")

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer("Loading")
        await update.callback_query.edit_message_text(f"You chose {update.callback_query.data}")

    app = (Application.builder().token(server.token).base_url(server.base_url)
           .base_file_url(server.base_file_url).build())
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(pressed))
    await app.initialize()
    await app.start()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    try:
        server.push_text(CHAT, "hello")
        reply = await server.wait_for("sendMessage", chat_id=CHAT, timeout=5)
        assert reply.text == "echo: hello"

        server.push_text(CHAT, "/start")
        menu = await server.wait_for("sendMessage", chat_id=CHAT, timeout=5)
        assert menu.params["reply_markup"] == KEYBOARD.to_dict()

        server.push_callback(CHAT, menu.result["message_id"], "more:1")
        answer = await server.wait_for("answerCallbackQuery", timeout=5)
        assert answer.params["text"] == "Loading"
        await server.wait_for("editMessageText", chat_id=CHAT, timeout=5)
        assert server.messages(CHAT)[-1]["text"] == "You chose more:1"
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()

    texts = [c.text for c in server.calls_for("sendMessage")]
    assert texts == ["echo: hello", "Pick one"], "each update must be handled exactly once"
    async with Bot(server.token, base_url=server.base_url) as fresh:
        assert await fresh.get_updates(timeout=0) == (), "shutdown must confirm fetched updates"
        with pytest.raises(BadRequest, match="(?i)query is too old"):
            await fresh.answer_callback_query(answer.params["callback_query_id"])


class WebhookReceiver(LoopbackServer):
    """A bare aiohttp app standing in for the bot's webhook: records what Telegram POSTs and
    answers with the next scripted status (then 200), after ``delay`` seconds."""

    shutdown_timeout = 0.1
    handler_cancellation = False

    def __init__(self, statuses: tuple[int, ...] = (), delay: float = 0.0):
        self.statuses, self.delay = list(statuses), delay
        self.received: list[tuple[str | None, dict]] = []  # (secret header, update)
        self.busy_chats: set[int] = set()
        self.in_flight = self.most_in_flight = 0

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/hook", self._receive)

    async def _receive(self, request: web.Request) -> web.Response:
        update = await request.json()
        chat = update["message"]["chat"]["id"]
        assert chat not in self.busy_chats, "two updates of one chat in flight at once"
        self.busy_chats.add(chat)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            self.received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), update))
            return web.Response(status=self.statuses.pop(0) if self.statuses else 200)
        finally:
            self.busy_chats.discard(chat)
            self.in_flight -= 1

    async def start(self) -> WebhookReceiver:
        await super().start()
        self.url += "/hook"  # what the bot registers as its webhook
        return self

    def texts(self) -> list[str]:
        return [update["message"]["text"] for _, update in self.received]


@pytest_asyncio.fixture
async def fast_server():
    async with FakeTelegramServer(webhook_retry_delay=0.05) as fake:
        yield fake


@pytest_asyncio.fixture
async def fast_bot(fast_server):
    async with Bot(fast_server.token, base_url=fast_server.base_url) as client:
        yield client


async def test_webhook_receives_updates_with_the_secret(fast_server, fast_bot):
    server, bot = fast_server, fast_bot
    pending = server.push_text(CHAT, "sent while polling")
    async with WebhookReceiver() as hook:
        assert await bot.set_webhook(hook.url, secret_token="s3cret_-x")
        later = server.push_text(CHAT, "/start")
        for update in (pending, later):
            delivery = await server.wait_for_delivery(update["update_id"])
            assert delivery.status == 200 and delivery.url == hook.url
    assert hook.received == [("s3cret_-x", pending), ("s3cret_-x", later)]
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count, info.last_error_message) == (hook.url, 0, None)
    with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
        await bot.get_updates(timeout=0)
    with pytest.raises(BadRequest, match="unallowed characters"):
        await bot.set_webhook(hook.url, secret_token="not/base64=")


async def test_failed_delivery_is_retried_until_it_succeeds(fast_server, fast_bot):
    server, bot = fast_server, fast_bot
    async with WebhookReceiver(statuses=(500, 500)) as hook:
        await bot.set_webhook(hook.url)
        update = server.push_text(CHAT, "hello")
        await server.wait_for_delivery(update["update_id"])
        info = await bot.get_webhook_info()
    attempts = [(d.update_id, d.status) for d in server.deliveries]
    assert attempts == [(update["update_id"], status) for status in (500, 500, 200)]
    assert hook.texts() == ["hello"] * 3 and hook.received[0][0] is None
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    assert info.pending_update_count == 0


async def test_deliveries_keep_chat_order_within_max_connections(fast_server, fast_bot):
    server, bot = fast_server, fast_bot
    async with WebhookReceiver(delay=0.05) as hook:
        await bot.set_webhook(hook.url, max_connections=2)
        pushed = [server.push_text(chat, f"{chat}:{n}") for n in range(3) for chat in (1, 2, 3)]
        for update in pushed:
            await server.wait_for_delivery(update["update_id"])
    assert hook.most_in_flight == 2
    for chat in (1, 2, 3):
        assert [t for t in hook.texts() if t.startswith(f"{chat}:")] == [f"{chat}:{n}"
                                                                        for n in range(3)]


async def test_set_webhook_ends_a_waiting_long_poll(server, bot):
    poll = asyncio.create_task(bot.get_updates(timeout=3))
    await asyncio.sleep(0.1)
    async with WebhookReceiver() as hook:
        await bot.set_webhook(hook.url)
        with pytest.raises(Conflict, match="terminated by setWebhook request"):
            await poll


async def test_delete_webhook_returns_to_polling_with_pending_updates(fast_server, fast_bot):
    server, bot = fast_server, fast_bot
    async with WebhookReceiver(statuses=(503,) * 1000) as hook:
        await bot.set_webhook(hook.url)
        first = server.push_text(CHAT, "one")
        server.push_text(CHAT, "two")
        failed = await server.wait_for_delivery(first["update_id"], delivered=False)
        assert failed.status == 503
        assert await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""
    assert [u.message.text for u in await bot.get_updates(timeout=0)] == ["one", "two"]
    assert hook.texts() and set(hook.texts()) == {"one"}, "chat order: 'two' waits for 'one'"


async def test_public_webhook_url_is_delivered_via_redirect(fast_server, fast_bot):
    server, bot = fast_server, fast_bot
    await bot.set_webhook("https://storytune.example.com/telegram")
    update = server.push_text(CHAT, "hi")
    refused = await server.wait_for_delivery(update["update_id"], delivered=False)
    assert refused.status is None and "loopback" in refused.error
    async with WebhookReceiver() as hook:
        server.redirect_webhook(hook.url)
        await server.wait_for_delivery(update["update_id"])
    assert hook.texts() == ["hi"]
    assert (await bot.get_webhook_info()).url == "https://storytune.example.com/telegram"
    with pytest.raises(ValueError):
        server.redirect_webhook("http://192.0.2.1/hook")


async def test_unreachable_webhook_reports_connection_refused(fast_server, fast_bot):
    server, bot = fast_server, fast_bot
    async with WebhookReceiver() as hook:
        url = hook.url
    await bot.set_webhook(url)  # the receiver is gone: its port is closed
    update = server.push_text(CHAT, "hi")
    failed = await server.wait_for_delivery(update["update_id"], delivered=False)
    assert failed.error == "Connection refused"
    assert (await bot.get_webhook_info()).last_error_message == "Connection refused"


async def test_ptb_webhook_application_and_a_wrong_secret(fast_server):
    """PTB's own webhook server (run_webhook's core) gets updates; a wrong secret gets 403."""
    server = fast_server

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(f"echo: {update.message.text}")

    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    app = Application.builder().token(server.token).base_url(server.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    async with app:
        await app.start()
        await app.updater.start_webhook(listen="127.0.0.1", port=port, url_path="telegram",
                                        webhook_url=url, secret_token="right_secret")
        try:
            assert (await app.bot.get_webhook_info()).url == url
            server.push_text(CHAT, "hello")
            reply = await server.wait_for("sendMessage", chat_id=CHAT, timeout=5)
            assert reply.text == "echo: hello"

            await app.bot.set_webhook(url, secret_token="wrong_secret")
            update = server.push_text(CHAT, "intruder")
            refused = await server.wait_for_delivery(update["update_id"], delivered=False)
            assert refused.status == 403
            await asyncio.sleep(0.2)
            assert [c.text for c in server.calls_for("sendMessage")] == ["echo: hello"]
        finally:
            await app.updater.stop()
            await app.stop()
