"""A real PTB Application polling a fake Bot API server, with a fake Azure, all on 127.0.0.1."""

from __future__ import annotations

import itertools
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio

from bot.edge.app import build_application
from bot.config import Config
from tests.fakes.azure_server import AzureVisionServer
from tests.fakes.deezer_api import DeezerApiServer
from tests.fakes.telegram_api import FakeTelegramServer

_chat_ids = itertools.count(1001)


@pytest_asyncio.fixture
async def session():
    """One aiohttp session, as the bot keeps one, for clients tested on their own."""
    async with aiohttp.ClientSession() as client_session:
        yield client_session


@asynccontextmanager
async def running_bot(telegram: FakeTelegramServer, state_dir: Path, azure: AzureVisionServer | None = None,
                      *, deezer: DeezerApiServer | None = None, time_budget: float = 2.0, **settings):
    """Start the bot the way run_polling does (post_init included) and stop it cleanly."""
    config = Config(telegram_token=telegram.token, telegram_base_url=telegram.base_url,
                    telegram_base_file_url=telegram.base_file_url,
                    azure_endpoint=azure.url if azure else None, azure_key=azure.key if azure else None,
                    azure_time_budget=time_budget, state_dir=state_dir,
                    deezer_api_base_url=deezer.url if deezer else "http://127.0.0.1:9", ops_port=None, **settings)
    application = build_application(config)
    await application.initialize()
    await application.post_init(application)
    await application.start()
    await application.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield application
    finally:
        await application.updater.stop()
        await application.stop()
        await application.post_stop(application)
        await application.shutdown()
        await application.post_shutdown(application)


@dataclass
class Bot:
    """What a test drives: the fake Telegram the bot polls, the fake Azure it calls."""

    telegram: FakeTelegramServer
    azure: AzureVisionServer | None
    state_dir: Path
    deezer: DeezerApiServer | None = None
    application: Any = None  # the running PTB Application (its services hold the metrics)

    async def answer_to(self, chat_id: int, *, timeout: float = 15) -> dict:
        """The message as the user sees it once the bot turned its status message into the answer."""
        await self.telegram.wait_for("sendMessage", chat_id=chat_id, timeout=timeout)  # the status message
        edit = await self.telegram.wait_for("editMessageText", chat_id=chat_id, timeout=timeout)
        return edit.result

    async def answer_to_edit(self, chat_id: int, *, timeout: float = 15) -> dict:
        """The next edit of an existing answer (steering), as the user sees it."""
        return (await self.telegram.wait_for("editMessageText", chat_id=chat_id, timeout=timeout)).result

    async def press(self, chat_id: int, message_id: int, data: str, **options) -> dict:
        """Tap a button; returns the bot's answer to that very press (its toast, if any)."""
        update = self.telegram.push_callback(chat_id, message_id, data, **options)
        query_id = update["callback_query"]["id"]
        call = await self.telegram.wait_for("answerCallbackQuery",
                                            predicate=lambda c: c.params.get("callback_query_id") == query_id)
        return call.params

    async def reply_to(self, chat_id: int, *, timeout: float = 15) -> dict:
        """The next message the bot sends to the chat, as the user sees it."""
        return (await self.telegram.wait_for("sendMessage", chat_id=chat_id, timeout=timeout)).result


@pytest_asyncio.fixture(scope="package", loop_scope="session")
async def bot(tmp_path_factory) -> Bot:
    """One bot with Azure configured, shared by the tests (each uses its own chat), stopped after the last
    of tests/bot: left polling while other packages' tests block the loop, it would time out at exit.
    Its Azure quota is an S1-like one: the suite sends more than the free tier's 20 photos a minute."""
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure, DeezerApiServer() as deezer:
        state = tmp_path_factory.mktemp("state")
        async with running_bot(telegram, state, azure, deezer=deezer, azure_calls_per_minute=1200) as application:
            yield Bot(telegram, azure, state, deezer, application)


@pytest_asyncio.fixture(scope="package", loop_scope="session")
async def bot_without_azure(tmp_path_factory) -> Bot:
    """A bot whose operator set no Azure variables."""
    async with FakeTelegramServer() as telegram:
        state = tmp_path_factory.mktemp("state")
        async with running_bot(telegram, state) as application:
            yield Bot(telegram, None, state, application=application)


@pytest.fixture
def chat_id(bot) -> int:
    bot.azure.reset()
    bot.deezer.reset()
    return next(_chat_ids)
