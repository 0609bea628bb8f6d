"""The bot as an operator runs it: `python -m bot` in its own process, configured by environment."""

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, success
from tests.fakes.telegram_api import FakeTelegramServer
from tests.support.process import bot_env
from tests.support.real_photos import oasis_bytes, oasis_path


async def run_bot(tmp_path: Path, *args: str, **variables: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=tmp_path, env=bot_env(tmp_path, **variables),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode, out.decode(), err.decode()


async def test_missing_token_is_one_clear_line_and_exit_code_2(tmp_path):
    code, out, err = await run_bot(tmp_path)
    assert code == 2
    assert err.strip().count("\n") == 0 and "TELEGRAM_BOT_TOKEN" in err and "BotFather" in err


async def test_malformed_token_is_refused_without_printing_it(tmp_path):
    secret = "not-a-real-token-SECRET123"
    code, out, err = await run_bot(tmp_path, TELEGRAM_BOT_TOKEN=secret)
    assert code == 2 and "malformed" in err
    assert secret not in err and secret not in out


async def test_the_real_process_answers_a_photo_over_http_and_stops_cleanly(tmp_path):
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        azure.script(success("two friends laughing on a beach at sunset"))
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, stderr=asyncio.subprocess.PIPE,
            env=bot_env(tmp_path, TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                        TELEGRAM_BASE_FILE_URL=telegram.base_file_url, AZURE_VISION_ENDPOINT=azure.url,
                        AZURE_VISION_KEY=azure.key))
        try:
            telegram.push_photo(42, photos.jpeg_photo("beach"), caption="summer!")
            edit = await telegram.wait_for("editMessageText", chat_id=42, timeout=90)
            assert "I see: two friends laughing on a beach at sunset" in edit.result["text"]
            assert "summer!" in edit.result["text"]
            assert len([r for r in edit.result["reply_markup"]["inline_keyboard"] if "url" in r[0]]) >= 5
        finally:
            process.send_signal(signal.SIGINT)
            _, err = await asyncio.wait_for(process.communicate(), 30)
        log = err.decode()
        assert process.returncode == 0, log[-2000:]
        assert telegram.token not in log and azure.key not in log, "no secret in the logs"


async def test_the_real_process_without_azure_reads_the_photo_on_the_device(tmp_path):
    async with FakeTelegramServer() as telegram:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, stderr=asyncio.subprocess.PIPE,
            env=bot_env(tmp_path, TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                        TELEGRAM_BASE_FILE_URL=telegram.base_file_url))
        try:
            telegram.push_photo(43, oasis_bytes("Dog 12"))
            edit = await telegram.wait_for("editMessageText", chat_id=43, timeout=90)
            assert edit.result["text"].startswith("📷 I see (on this device): beagle")
            assert len([r for r in edit.result["reply_markup"]["inline_keyboard"] if "url" in r[0]]) >= 5
        finally:
            process.send_signal(signal.SIGINT)
            _, err = await asyncio.wait_for(process.communicate(), 30)
        assert process.returncode == 0, err.decode()[-2000:]


@pytest.mark.parametrize("language, expected", [("en", "📷 I see (on this device): seashore"),
                                                ("fr", "📷 Je vois (sur l'appareil) : seashore")])
async def test_try_without_azure_reads_a_real_photo_on_the_device(tmp_path, language, expected):
    code, out, err = await run_bot(tmp_path, "try", str(oasis_path("Beach 1")), "--lang", language)
    assert code == 0, err
    assert out.startswith(expected)
    assert out.count("https://www.deezer.com/track/") + out.count("https://open.spotify.com/track/") >= 5


async def test_try_prints_the_answer_with_its_buttons_without_telegram(tmp_path):
    photo = tmp_path / "night.jpg"
    photo.write_bytes(photos.jpeg_photo("night"))
    code, out, err = await run_bot(tmp_path, "try", str(photo), "--caption", "late night drive")
    assert code == 0, err
    assert "From your words: late night drive" in out
    assert out.count("https://www.deezer.com/track/") + out.count("https://open.spotify.com/track/") >= 5
    assert "[🔄 More songs] [❓ Why these?]" in out and "[☀ happier] [🌙 calmer]" in out and "[👍] [👎]" in out


@pytest.mark.parametrize("language, expected", [("en", "isn't an image"), ("fr", "pas une image")])
async def test_try_on_a_pdf_explains_in_the_chosen_language(tmp_path, language, expected):
    pdf = tmp_path / "menu.pdf"
    pdf.write_bytes(photos.pdf_bytes())
    code, out, _ = await run_bot(tmp_path, "try", str(pdf), "--lang", language)
    assert code == 1 and expected in out
