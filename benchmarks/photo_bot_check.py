"""The checker's measurement, on photos the shipped head never saw: held-out OASIS photos sent
through the real `python -m bot` process over the fake Bot API (and a fake Azure answering
Azure-style captions), the songs in each answer looked up in the catalog, their mean
valence/arousal correlated with people's ratings.

The photo affect head is refitted without the held-out folds into a copy of data/ (every other
file linked), so the answers are those of a bot that never saw these photos.

    .venv/bin/python -m benchmarks.photo_bot_check [--folds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import re
import signal
import sys
import tempfile
from pathlib import Path

import numpy as np

from benchmarks.photo_affect import caption_of, folds
from recommender.index import default_data_dir
from recommender.oasis import oasis_dir, read_oasis
from recommender.photo_export import RIDGE, oasis_features
from recommender.photo_model import HEAD_FILE, MODEL_FILE, ImageNetModel, PhotoAffectHead
from tests.fakes.azure_server import AzureVisionServer, success
from tests.fakes.telegram_api import FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
TRACK = re.compile(r"https://(?:www\.deezer\.com|open\.spotify\.com)/track/(\w+)")  # both catalogs' links


def held_out_data_dir(target: Path, held: np.ndarray, photos) -> Path:
    data = default_data_dir()
    for item in data.iterdir():
        if item.name != HEAD_FILE:
            (target / item.name).symlink_to(item.resolve())
    features = oasis_features(ImageNetModel(data / MODEL_FILE, threads=2), photos.paths)
    kept = np.setdiff1d(np.arange(len(photos)), held)
    PhotoAffectHead.fit(features[kept], photos.ratings[kept], ridge=RIDGE).save(target / HEAD_FILE)
    return target


def song_affect() -> dict[str, tuple[float, float]]:
    with (default_data_dir() / "catalog.csv").open(newline="") as handle:
        return {row["url"].rsplit("/", 1)[1]: (float(row["valence"]), float(row["arousal"]))
                for row in csv.DictReader(handle)}


async def answers(data_dir: Path, photos, held: np.ndarray, *, with_azure: bool, workdir: Path) -> list[str]:
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "AZURE_", "BOT_", "STORYTUNE_"))}
        env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", STORYTUNE_DATA_DIR=str(data_dir),
                   STORYTUNE_STATE_DIR=str(workdir / ("state-azure" if with_azure else "state")),
                   TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                   TELEGRAM_BASE_FILE_URL=telegram.base_file_url, BOT_LISTEN="127.0.0.1", METRICS_PORT="off",
                   BOT_PHOTOS_PER_MINUTE="100000")
        if with_azure:
            env.update(AZURE_VISION_ENDPOINT=azure.url, AZURE_VISION_KEY=azure.key,
                       AZURE_VISION_CALLS_PER_MINUTE="100000")
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=workdir, env=env,
                                                       stderr=asyncio.subprocess.DEVNULL)
        texts = []
        try:
            for number, index in enumerate(held):
                if with_azure:
                    azure.script(success(caption_of(photos.themes[index]), tags=()))
                chat = 10_000 + number
                telegram.push_photo(chat, photos.paths[index].read_bytes())
                edit = await telegram.wait_for("editMessageText", chat_id=chat, timeout=120)
                buttons = [b["url"] for row in edit.result["reply_markup"]["inline_keyboard"] for b in row
                           if "url" in b]
                texts.append(" ".join(buttons))
        finally:
            process.send_signal(signal.SIGINT)
            await asyncio.wait_for(process.wait(), 30)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=2, help="how many of the 10 folds to hold out")
    args = parser.parse_args()
    photos = read_oasis(oasis_dir(None, default_data_dir() / "downloads"))
    held = np.sort(np.concatenate(folds(len(photos))[: args.folds]))
    affect = song_affect()
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        (work / "data").mkdir()
        data_dir = held_out_data_dir(work / "data", held, photos)
        for with_azure in (False, True):
            replies = asyncio.run(answers(data_dir, photos, held, with_azure=with_azure, workdir=work))
            means = np.array([np.mean([affect[t] for t in TRACK.findall(text)], axis=0) for text in replies])
            r = [round(float(np.corrcoef(means[:, d], photos.ratings[held, d])[0, 1]), 3) for d in (0, 1)]
            print(json.dumps({"azure_style_captions": with_azure, "held_out_photos": len(held), "songs_r": r,
                              "load": os.getloadavg()}))


if __name__ == "__main__":
    main()
