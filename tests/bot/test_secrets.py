"""No secret in any log line: the real process's captured logs, on every path that used to print them."""

import asyncio
import signal
import sys
from urllib.parse import quote

from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer
from tests.fakes.redirect_loop import RedirectLoopServer
from tests.fakes.telegram_api import FakeTelegramServer

from tests.support.network import free_port
from tests.support.process import bot_env, wait_ready

TOKEN = "987654321:AAEsecretPartOfTheTokenThatMustNeverShow"
AZURE_KEY = "azure-key-that-must-never-show-0123456789"


def assert_no_secret(log: str, *secrets: str) -> None:
    for secret in secrets:
        for shown in {secret, quote(secret, safe=""), secret.partition(":")[2] or secret}:
            assert shown not in log, f"{shown[:6]}… appears in the log:\n{log[-3000:]}"


async def run_to_exit(tmp_path, **variables) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env=bot_env(tmp_path, AZURE_VISION_ENDPOINT="http://127.0.0.1:9/", AZURE_VISION_KEY=AZURE_KEY, **variables))
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode, out.decode() + err.decode()


async def test_a_revoked_token_is_reported_without_the_token(tmp_path):
    async with FakeTelegramServer() as telegram:  # knows another token: answers 401
        code, log = await run_to_exit(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=telegram.base_url)
    assert code == 2 and "refused the bot token" in log
    assert_no_secret(log, TOKEN, AZURE_KEY)


async def test_a_base_url_without_bot_is_reported_without_the_token(tmp_path):
    async with FakeTelegramServer(TOKEN) as telegram:  # the right token, but /<token>/getMe answers 404
        code, log = await run_to_exit(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=telegram.url + "/")
        assert code == 2 and "TELEGRAM_BASE_URL" in log
        assert_no_secret(log, TOKEN, AZURE_KEY)
        code, log = await run_to_exit(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=telegram.url)
    assert code == 1 and "could not start" in log
    assert_no_secret(log, TOKEN, AZURE_KEY)


async def test_a_redirect_loop_is_logged_without_the_token(tmp_path):
    async with RedirectLoopServer() as loop:
        code, log = await run_to_exit(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=loop.url + "/bot")
    assert loop.requests >= 2 and code != 0
    assert "Redirect" in log or "redirect" in log, "the log still says what went wrong"
    assert_no_secret(log, TOKEN, AZURE_KEY)


async def test_an_azure_key_refused_with_401_is_logged_without_the_key(tmp_path):
    async with FakeTelegramServer(TOKEN) as telegram, AzureVisionServer() as azure:
        port = free_port()
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, stderr=asyncio.subprocess.PIPE,
            env=bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_BASE_URL=telegram.base_url,
                        TELEGRAM_BASE_FILE_URL=telegram.base_file_url, AZURE_VISION_ENDPOINT=azure.url,
                        AZURE_VISION_KEY=AZURE_KEY, METRICS_PORT=str(port)))
        try:
            await wait_ready(port)
            telegram.push_photo(515, photos.jpeg_photo("beach"))
            answer = await telegram.wait_for("editMessageText", chat_id=515, timeout=60)
            assert "Moods" in answer.result["text"], "the photo is still answered, by its colours"
        finally:
            process.send_signal(signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 60)
    log = err.decode()
    assert "misconfigured" in log
    assert_no_secret(log, TOKEN, AZURE_KEY)
