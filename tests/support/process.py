"""The bot as an operator runs it: `python -m bot` in its own process, configured by environment."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import aiohttp

from .network import free_port

REPO = Path(__file__).resolve().parents[2]


def bot_env(tmp_path: Path, **variables: str) -> dict[str, str]:
    """This environment without any bot settings, plus `variables`: state under tmp_path, ops on a free port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "AZURE_", "BOT_", "REDIS_"))}
    return {**env, "HF_HUB_OFFLINE": "1", "STORYTUNE_STATE_DIR": str(tmp_path / "state"),
            "PYTHONPATH": str(REPO), "BOT_LISTEN": "127.0.0.1", "METRICS_PORT": str(free_port()), **variables}


async def start_process(tmp_path, telegram, azure, **variables):
    """`python -m bot` against the fake Telegram and Azure servers; stderr piped."""
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, stderr=asyncio.subprocess.PIPE,
        env=bot_env(tmp_path, TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                    TELEGRAM_BASE_FILE_URL=telegram.base_file_url, AZURE_VISION_ENDPOINT=azure.url,
                    AZURE_VISION_KEY=azure.key, **variables))


async def wait_ready(port: int, timeout: float = 60) -> None:
    """Until the bot's /healthz on `port` says ready."""
    async with aiohttp.ClientSession() as http:
        for _ in range(int(timeout * 10)):
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("the bot never became ready")
