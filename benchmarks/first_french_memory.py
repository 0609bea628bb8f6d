"""Resident memory of the real bot at rest with English only, then after its first French /mood.

    .venv/bin/python -m benchmarks.first_french_memory [--repo PATH] [--data-dir PATH]

The multilingual encoders load on the first text read as non-English: a bot whose users write English
never holds them. This runs `python -m bot` from --repo (default: this checkout; point it at an older
checkout to compare) against the fake Bot API and a fake Azure on 127.0.0.1: five photos and three
English /mood, 20 s of rest, RSS; then one French /mood, how long it took (it waits for the load) and
RSS after it; then four more French /mood at once, and the PSS of all the bot's processes (its
compute workers included: only the recommender's loads the encoders) at each step.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.memory_burst import answered, status_mb
from benchmarks.processes import tree_memory_mb
from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, success
from tests.fakes.telegram_api import FakeTelegramServer
from tests.support.network import free_port
from tests.support.process import wait_ready

REPO = Path(__file__).resolve().parents[1]

ENGLISH = ("/mood a lonely walk on a rainy night", "/mood a party with friends", "/mood a calm lake")
FRENCH_MORE = ("/mood un café en terrasse au soleil", "/mood soirée entre amis sur le toit", "/mood balade en forêt",
               "/mood un gâteau d'anniversaire avec des bougies")


async def measure(repo: Path, data_dir: Path) -> dict:
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        azure.default = success("a sandy beach with people walking")
        port = free_port()
        with tempfile.TemporaryDirectory() as state:
            env = {**os.environ, "PYTHONPATH": str(repo), "HF_HUB_OFFLINE": "1", "TELEGRAM_BOT_TOKEN": telegram.token,
                   "TELEGRAM_BASE_URL": telegram.base_url, "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
                   "AZURE_VISION_ENDPOINT": azure.url, "AZURE_VISION_KEY": azure.key, "METRICS_PORT": str(port),
                   "BOT_LISTEN": "127.0.0.1", "STORYTUNE_STATE_DIR": state, "STORYTUNE_DATA_DIR": str(data_dir)}
            process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=repo, env=env, stderr=subprocess.DEVNULL)
            try:
                await wait_ready(port, timeout=180)
                for chat in range(1, 6):
                    telegram.push_photo(chat, photos.jpeg_photo("beach"))
                    await answered(telegram, chat)
                for chat, text in enumerate(ENGLISH, start=11):
                    telegram.push_text(chat, text)
                    await answered(telegram, chat)
                await asyncio.sleep(20)
                rest, rest_all = status_mb(process.pid, "VmRSS"), tree_memory_mb(process.pid)["pss"]
                telegram.push_text(21, "/mood dimanche pluvieux à Paris", language_code="fr")
                seconds = await answered(telegram, 21)
                answer = telegram.calls_for("editMessageText", 21)[-1].result["text"]
                await asyncio.sleep(3)
                after, after_all = status_mb(process.pid, "VmRSS"), tree_memory_mb(process.pid)["pss"]
                for chat, text in enumerate(FRENCH_MORE, start=31):  # whichever worker they reach
                    telegram.push_text(chat, text, language_code="fr")
                await asyncio.gather(*(answered(telegram, chat) for chat in range(31, 31 + len(FRENCH_MORE))))
                await asyncio.sleep(3)
                return {"rest_mb": round(rest), "after_first_french_mb": round(after),
                        "all_processes_pss_rest_mb": rest_all, "all_processes_pss_after_first_french_mb": after_all,
                        "all_processes_pss_after_more_french_mb": tree_memory_mb(process.pid)["pss"],
                        "first_french_answer_s": round(seconds, 1), "french_answered_with_moods": "Ambiances" in answer,
                        "load_average": round(os.getloadavg()[0], 1)}
            finally:
                process.terminate()
                process.wait(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout whose bot runs")
    parser.add_argument("--data-dir", type=Path, default=REPO / "data")
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.repo.resolve(), args.data_dir.resolve()))))


if __name__ == "__main__":
    main()
