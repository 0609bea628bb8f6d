"""Where a photo's reading comes from: Azure within its quota, else the on-device model, else the
colours when the model cannot run — through the real bot over the fake Bot API."""

from __future__ import annotations

from pathlib import Path

import pytest_asyncio

from bot.services import SERVICES_KEY
from recommender.index import default_data_dir
from tests.bot.conftest import Bot, running_bot
from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, success
from tests.fakes.telegram_api import FakeTelegramServer
from tests.support.real_photos import oasis_bytes

PHOTO_MODEL_FILES = ("photo_model.onnx", "photo_head.npz", "photo_model.json")


def device_readings(bot: Bot, reason: str) -> float:
    registry = bot.application.bot_data[SERVICES_KEY].metrics.registry
    return registry.get_sample_value("storytune_device_readings_total", {"reason": reason}) or 0.0


def data_dir_with_broken_photo_model(target: Path) -> Path:
    """The real index, but the image model's file truncated, as an interrupted copy would leave it."""
    target.mkdir()
    for item in default_data_dir().iterdir():
        if item.name not in PHOTO_MODEL_FILES:
            (target / item.name).symlink_to(item)
    model = (default_data_dir() / "photo_model.onnx").read_bytes()
    (target / "photo_model.onnx").write_bytes(model[: len(model) // 3])
    for name in PHOTO_MODEL_FILES[1:]:
        (target / name).symlink_to(default_data_dir() / name)
    return target


@pytest_asyncio.fixture(scope="module")
async def bot_with_one_azure_call_a_minute(tmp_path_factory):
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        state = tmp_path_factory.mktemp("state")
        async with running_bot(telegram, state, azure, azure_calls_per_minute=1) as application:
            yield Bot(telegram, azure, state, application=application)


@pytest_asyncio.fixture(scope="module")
async def bot_with_a_broken_model(tmp_path_factory):
    data_dir = data_dir_with_broken_photo_model(tmp_path_factory.mktemp("broken") / "data")
    async with FakeTelegramServer() as telegram:
        state = tmp_path_factory.mktemp("state")
        async with running_bot(telegram, state, data_dir=data_dir) as application:
            yield Bot(telegram, None, state, application=application)


def fetched_sizes(bot: Bot, update: dict) -> list[tuple[int, int]]:
    """(width, height) of each of the update's PhotoSizes the bot asked Telegram for."""
    sizes = {size["file_id"]: (size["width"], size["height"]) for size in update["message"]["photo"]}
    return [sizes[call.params["file_id"]] for call in bot.telegram.calls
            if call.method.lower() == "getfile" and call.params.get("file_id") in sizes]


async def test_photos_over_the_azure_quota_are_read_on_the_device_at_once(bot_with_one_azure_call_a_minute):
    bot = bot_with_one_azure_call_a_minute
    bot.azure.script(success("a dog running on a beach"))
    beach = oasis_bytes("Beach 1")  # 500x400
    first = bot.telegram.push_photo(1, beach)
    assert "I see: a dog running on a beach" in (await bot.answer_to(1))["text"]
    second_update = bot.telegram.push_photo(2, beach)
    second = await bot.answer_to(2)
    assert "I see (on this device): seashore" in second["text"]
    assert len(bot.azure.requests) == 1, "the photo over the quota never reached Azure"
    assert device_readings(bot, "quota") == 1
    # Azure captions the photo as sent; the device reads the smallest size Telegram keeps that its
    # model still reduces (OASIS's 500x400 has none smaller; a 1280x960 photo has 800x600).
    assert fetched_sizes(bot, first) == [(500, 400)] and fetched_sizes(bot, second_update) == [(500, 400)]
    third = bot.telegram.push_photo(4, photos.jpeg_photo("beach", (1280, 960)))
    assert "I see (on this device)" in (await bot.answer_to(4))["text"]
    assert fetched_sizes(bot, third) == [(800, 600)]


async def test_with_the_model_files_broken_the_colours_answer(bot_with_a_broken_model):
    bot = bot_with_a_broken_model
    bot.telegram.push_photo(3, oasis_bytes("Beach 1"))
    answer = await bot.answer_to(3)
    assert answer["text"].startswith("🎨 I see: a ")
    assert "based on the photo's colours only" in answer["text"]
    assert len([row for row in answer["reply_markup"]["inline_keyboard"] if "url" in row[0]]) >= 5


async def test_the_devices_reading_is_introduced_in_french(bot_without_azure):
    bot_without_azure.telegram.push_photo(601, oasis_bytes("Cockroach 1"), language_code="fr")
    answer = await bot_without_azure.answer_to(601)
    assert answer["text"].startswith("📷 Je vois (sur l'appareil) : cockroach")
    assert "Ambiances" in answer["text"]
