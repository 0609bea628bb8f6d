"""AiohttpRequest against the fake Bot API and tiny local servers: wire format, timeouts, errors."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application, ContextTypes, MessageHandler, filters
from telegram.request import HTTPXRequest

from bot.edge.transport import AiohttpRequest
from tests.fakes.photos import jpeg_photo
from tests.fakes.loopback import LoopbackServer
from tests.fakes.telegram_api import FakeTelegramServer, UploadedFile
from tests.support.network import free_port

CHAT = 5151
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Another song", callback_data="more:1")]])


@pytest_asyncio.fixture
async def server():
    async with FakeTelegramServer() as fake:
        fake.push_text(CHAT, "hi")  # the chat must exist before the bot can write to it
        yield fake


def aiohttp_bot(server: FakeTelegramServer, **updates_options) -> Bot:
    return Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url,
               request=AiohttpRequest(connection_pool_size=8),
               get_updates_request=AiohttpRequest(connection_pool_size=1, **updates_options))


@pytest_asyncio.fixture
async def bot(server):
    async with aiohttp_bot(server) as client:
        yield client


class LocalServer(LoopbackServer):
    """A bare aiohttp app: ``/ok`` answers at once, ``/slow`` after ``delay`` seconds."""

    shutdown_timeout = 0.1

    def __init__(self, delay: float = 5.0):
        self.delay, self.peers, self.in_flight, self.most_in_flight = delay, [], 0, 0

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/{name}", self._answer)

    async def _answer(self, request: web.Request) -> web.Response:
        self.peers.append(request.transport.get_extra_info("peername")[1])
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if request.path == "/slow":
                await asyncio.sleep(self.delay)
            return web.json_response({"ok": True, "result": True})
        finally:
            self.in_flight -= 1



async def test_get_me_and_message_with_inline_keyboard(server, bot):
    me = await bot.get_me()
    assert me.username == "storytune_test_bot"
    sent = await bot.send_message(CHAT, "<b>Song</b> & more", parse_mode="HTML",
                                  reply_markup=KEYBOARD)
    assert sent.text == "Song & more" and sent.reply_markup == KEYBOARD
    call = await server.wait_for("sendMessage", chat_id=CHAT)
    assert call.params["reply_markup"] == KEYBOARD.to_dict()


async def test_uploads_arrive_as_httpx_sends_them(server, bot):
    """Same multipart parts (names, file name, mime type, bytes) as PTB's default transport."""
    async with Bot(server.token, base_url=server.base_url, request=HTTPXRequest()) as reference:
        for client in (reference, bot):
            await client.send_audio(CHAT, b"ID3fake", filename='Sün "live".mp3',
                                    title="Here Comes the Sun", reply_markup=KEYBOARD)
    by_httpx, by_aiohttp = server.calls_for("sendAudio")
    assert by_aiohttp.params == by_httpx.params
    assert by_aiohttp.params["audio"] == UploadedFile('Sün %22live%22.mp3', "audio/mpeg",
                                                    b"ID3fake")
    assert by_aiohttp.params["reply_markup"] == KEYBOARD.to_dict()


async def test_uploaded_photo_downloads_back_unchanged(server, bot):
    data = jpeg_photo()
    sent = await bot.send_photo(CHAT, data, caption="sunset")
    call = await server.wait_for("sendPhoto", chat_id=CHAT)
    assert isinstance(call.params["photo"], UploadedFile) and call.params["photo"].data == data
    largest = await bot.get_file(sent.photo[-1].file_id)
    assert bytes(await largest.download_as_bytearray()) == data


async def test_long_poll_outlasts_the_read_timeout(server):
    """getUpdates gets read_timeout + timeout, so a poll longer than read_timeout still works."""
    async with aiohttp_bot(server, read_timeout=0.3) as client:
        (first,) = await client.get_updates(timeout=0)
        poll = asyncio.create_task(client.get_updates(offset=first.update_id + 1, timeout=3))
        await asyncio.sleep(0.6)
        pushed = server.push_text(CHAT, "late hello")
        (update,) = await poll
    assert update == Update.de_json(pushed, client)
    assert update.message.text == "late hello"


async def test_api_errors_map_like_ptb(server, bot):
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(CHAT + 1, "nobody there")
    server.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter, match="Retry in (3 seconds|0:00:03)"):
        await bot.send_message(CHAT, "too fast")


async def test_silent_server_times_out_within_read_timeout():
    loop = asyncio.get_running_loop()
    async with LocalServer(delay=5) as local, AiohttpRequest(read_timeout=0.3) as request:
        started = loop.time()
        with pytest.raises(TimedOut):
            await request.post(f"{local.url}/slow")
        assert loop.time() - started < 1.5
        started = loop.time()
        with pytest.raises(TimedOut):  # a per-call override wins over the default
            await request.post(f"{local.url}/slow", read_timeout=0.1)
        assert loop.time() - started < 0.25 + 0.3


async def test_closed_port_is_a_network_error_not_a_timeout():
    port = free_port()
    async with AiohttpRequest() as request:
        with pytest.raises(NetworkError) as raised:
            await request.post(f"http://127.0.0.1:{port}/bot1:x/getMe")
    assert not isinstance(raised.value, TimedOut)


async def test_pool_is_bounded_and_kept_alive():
    async with LocalServer(delay=0.2) as local, AiohttpRequest(
            connection_pool_size=2, pool_timeout=None) as request:
        for _ in range(3):
            assert await request.post(f"{local.url}/ok") is True
        assert len(set(local.peers)) == 1, "sequential calls must reuse one connection"
        await asyncio.gather(*(request.post(f"{local.url}/slow") for _ in range(6)))
        assert local.most_in_flight == 2 and len(set(local.peers)) == 2


async def test_full_pool_times_out_after_pool_timeout():
    async with LocalServer(delay=1) as local, AiohttpRequest(
            connection_pool_size=1, pool_timeout=0.1) as request:
        busy = asyncio.create_task(request.post(f"{local.url}/slow"))
        await asyncio.sleep(0.1)
        with pytest.raises(TimedOut, match="Pool timeout"):
            await request.post(f"{local.url}/ok")
        assert await busy is True


async def test_uninitialized_or_shut_down_request_refuses():
    request = AiohttpRequest()
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post("http://127.0.0.1:9/x")
    await request.initialize()
    await request.shutdown()
    await request.shutdown()  # idempotent, like HTTPXRequest
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post("http://127.0.0.1:9/x")


async def test_application_polls_and_answers_on_this_transport(server):
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.message.reply_text(f"echo: {update.message.text}")

    application = (Application.builder().token(server.token).base_url(server.base_url)
                   .base_file_url(server.base_file_url)
                   .request(AiohttpRequest(connection_pool_size=16))
                   .get_updates_request(AiohttpRequest(connection_pool_size=1))
                   .build())
    application.add_handler(MessageHandler(filters.TEXT, echo))
    async with application:
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=1)
        try:
            server.push_text(CHAT, "hello")
            reply = await server.wait_for("sendMessage", chat_id=CHAT,
                                          predicate=lambda c: c.text == "echo: hello", timeout=5)
        finally:
            await application.updater.stop()
            await application.stop()
    assert reply.text == "echo: hello"
    assert {c.params.get("timeout") for c in server.calls_for("getUpdates")} >= {1}, "long polled"
