"""Resident memory of the real bot at rest and under the hostile-image burst, and what one user's burst
costs other chats.

    .venv/bin/python -m benchmarks.memory_burst            # print the figures
    .venv/bin/python -m benchmarks.memory_burst --write    # also update BENCHMARKS.md

The bot runs as `python -m bot` against the fake Bot API and a fake Azure (captions at once), all on
127.0.0.1. Hostile image: a 7000x7000 RGBA PNG of ~0.2 MB (under the 50-megapixel cap). Steps:
rest (after warm-up photos), three hostile PNGs from three chats at once, then ten from one chat
while other chats send ordinary photos one by one. RSS is VmRSS; peak is VmHWM (the kernel's high-water
mark). What resting memory is made of is measured in separate processes that load one part at a time.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from PIL import Image, ImageDraw

from benchmarks.processes import process_tree, tree_memory_mb
from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, success
from tests.support.network import free_port
from tests.support.process import wait_ready
from tests.fakes.telegram_api import FakeTelegramServer

REPO = Path(__file__).resolve().parents[1]
MARKERS = ("<!-- memory:start -->", "<!-- memory:end -->")


def hostile_png(side: int = 7000) -> bytes:
    image = Image.new("RGBA", (side, side), (20, 40, 200, 255))
    draw = ImageDraw.Draw(image)
    for i in range(0, side, 350):
        draw.ellipse((i, i, i + 700, i + 700), fill=(250, 180, 30, 128))
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


async def answered(telegram: FakeTelegramServer, chat: int, timeout: float = 180) -> float:
    """Seconds until the chat's status message became its answer (or a refusal)."""
    began = time.perf_counter()
    await telegram.wait_for("editMessageText", chat_id=chat, timeout=timeout)
    return time.perf_counter() - began


async def measure(env_extra: dict[str, str]) -> dict:
    png = hostile_png()
    ordinary = photos.jpeg_photo("beach")
    async with FakeTelegramServer() as telegram, AzureVisionServer() as azure:
        azure.default = success("a blue sky with orange circles")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TELEGRAM_BOT_TOKEN": telegram.token,
               "TELEGRAM_BASE_URL": telegram.base_url, "TELEGRAM_BASE_FILE_URL": telegram.base_file_url,
               "AZURE_VISION_ENDPOINT": azure.url, "AZURE_VISION_KEY": azure.key, "METRICS_PORT": str(port),
               "BOT_LISTEN": "127.0.0.1", "STORYTUNE_STATE_DIR": f"/tmp/storytune-memory-{os.getpid()}",
               "BOT_PHOTOS_PER_MINUTE": "100", **env_extra}
        process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=REPO, env=env, stderr=subprocess.PIPE)
        try:
            await wait_ready(port, timeout=120)
            for chat in range(1, 6):
                telegram.push_photo(chat, ordinary)
                await answered(telegram, chat)
            await asyncio.sleep(2)
            baseline = []
            for chat in range(11, 16):
                telegram.push_photo(chat, ordinary)
                baseline.append(await answered(telegram, chat))
            rest = status_mb(process.pid, "VmRSS")
            rest_hwm = status_mb(process.pid, "VmHWM")
            rest_all = tree_memory_mb(process.pid)
            workers = len(process_tree(process.pid)) - 1

            for chat in (101, 102, 103):
                telegram.push_photo(chat, png, width=7000, height=7000)
            await asyncio.gather(*(answered(telegram, chat) for chat in (101, 102, 103)))
            peak_three = status_mb(process.pid, "VmHWM")
            await asyncio.sleep(3)
            after_three = status_mb(process.pid, "VmRSS")
            after_three_all = tree_memory_mb(process.pid)

            for _ in range(10):
                telegram.push_photo(200, png, width=7000, height=7000)
            others = []
            for chat in range(301, 311):
                telegram.push_photo(chat, ordinary)
                others.append(await answered(telegram, chat))
                await asyncio.sleep(0.3)
            for _ in range(10):
                await telegram.wait_for("editMessageText", chat_id=200, timeout=300)
            peak_ten = status_mb(process.pid, "VmHWM")
            await asyncio.sleep(3)
            after_ten = status_mb(process.pid, "VmRSS")
            after_ten_all = tree_memory_mb(process.pid)
            hostile_texts = [c.result["text"] for c in telegram.calls_for("editMessageText", 200)]
        finally:
            process.terminate()
            _, err = process.communicate(timeout=60)
    return {
        "rest_mb": round(rest), "rest_hwm_mb": round(rest_hwm), "peak_three_mb": round(peak_three),
        "after_three_mb": round(after_three), "peak_ten_mb": round(peak_ten), "after_ten_mb": round(after_ten),
        "ordinary_p50_s": round(statistics.median(baseline), 2),
        "others_during_burst_p50_s": round(statistics.median(others), 2),
        "others_during_burst_max_s": round(max(others), 2),
        "hostile_answered_with_songs": sum("Moods" in t for t in hostile_texts), "hostile_sent": 10,
        "png_kb": round(len(png) / 1024), "workers": workers, "rest_all": rest_all,
        "after_three_all": after_three_all, "after_ten_all": after_ten_all,
    }


COMPONENTS = {
    "python + numpy + PIL": "import numpy, PIL.Image",
    "+ onnxruntime (import)": "import numpy, PIL.Image, onnxruntime",
    "+ the recommender's modules (numpy scoring loops; no numba, no pandas)": "import numpy, PIL.Image, onnxruntime, recommender",
    "+ Recommender.load() (text encoder session, index, catalog, 8-bit titles) and one suggest()":
        "from recommender import Recommender; r = Recommender.load(); r.suggest('a calm lake at dawn')",
    "+ the image model and one photo":
        "from recommender import Recommender; r = Recommender.load(); r.suggest('a calm lake at dawn'); "
        "import numpy; from recommender.photo_model import PhotoModel; from recommender.index import default_data_dir; "
        "PhotoModel.load(default_data_dir()).read([numpy.zeros((256, 256, 3), numpy.uint8)])",
    "+ the bot's modules (telegram, aiohttp, redis, prometheus)":
        "from recommender import Recommender; r = Recommender.load(); r.suggest('a calm lake at dawn'); "
        "import numpy; from recommender.photo_model import PhotoModel; from recommender.index import default_data_dir; "
        "PhotoModel.load(default_data_dir()).read([numpy.zeros((256, 256, 3), numpy.uint8)]); "
        "import bot.edge.app, bot.services, bot.reading",
}


def component_rss() -> list[tuple[str, int]]:
    """RSS after each cumulative step, each in a fresh process."""
    rows = []
    for name, code in COMPONENTS.items():
        probe = f"{code}\nimport re\nprint(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read())[1])"
        out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1",
                                  "OPENBLAS_NUM_THREADS": "1"})
        rows.append((name, round(int(out.stdout.split()[-1]) / 1024)))
    return rows


def markdown(result: dict, components: list[tuple[str, int]], load_before: str, load_after: str) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        MARKERS[0],
        "## Memory: at rest and under the hostile-image burst",
        "",
        "`python -m benchmarks.memory_burst --write` — the real `python -m bot` against the fake Bot API and a fake "
        f"Azure on 127.0.0.1. Hostile image: a 7000x7000 RGBA PNG of {result['png_kb']} KB (49 megapixels, under "
        "the 50-megapixel cap). RSS is VmRSS, peak is VmHWM (high-water mark since start), of the bot's main process, "
        f"where photos are decoded. Its {result['workers']} compute workers (bot/compute.py) are forked from it once the "
        "index and models are loaded and share those pages: \"all processes\" is their PSS summed (each shared page "
        "split between its sharers, so counted once), beside their RSS summed (shared pages counted in each).",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; Python "
        f"{platform.python_version()}; {when}; code {commit}; `uptime` load before: {load_before}; after: "
        f"{load_after} (a higher load average means other work shared the 2 cores and the latencies are noisy; memory is not).",
        "",
        "| what | figure | target |",
        "| --- | --- | --- |",
        f"| RSS at rest (after warm-up photos) | {result['rest_mb']} MB | <= 350 MB |",
        f"| all processes at rest: PSS (RSS summed) | {result['rest_all']['pss']} MB ({result['rest_all']['rss']} MB) "
        "| <= 350 MB |",
        f"| peak while 3 hostile PNGs from 3 chats are read at once | {result['peak_three_mb']} MB | <= 600 MB |",
        f"| RSS 3 s after that burst | {result['after_three_mb']} MB | back near rest |",
        f"| all processes 3 s after that burst: PSS (RSS summed) | {result['after_three_all']['pss']} MB "
        f"({result['after_three_all']['rss']} MB) | back near rest |",
        f"| peak while 10 hostile PNGs from one chat are read | {result['peak_ten_mb']} MB | <= 600 MB |",
        f"| RSS 3 s after that burst | {result['after_ten_mb']} MB | back near rest |",
        f"| all processes 3 s after that burst: PSS (RSS summed) | {result['after_ten_all']['pss']} MB "
        f"({result['after_ten_all']['rss']} MB) | back near rest |",
        f"| hostile PNGs answered with moods and songs | {result['hostile_answered_with_songs']} of "
        f"{result['hostile_sent']} | all answered |",
        f"| ordinary photo, time to answer at rest, p50 | {result['ordinary_p50_s']} s | |",
        f"| ordinary photos from other chats during the one-chat burst, p50 / max | "
        f"{result['others_during_burst_p50_s']} / {result['others_during_burst_max_s']} s | delayed by <= 1 s |",
        "",
        "What resting memory is made of (RSS after each cumulative step, each in a fresh process):",
        "",
        "| step | RSS MB |",
        "| --- | --- |",
        *[f"| {name} | {mb} |" for name, mb in components],
        MARKERS[1],
    ]
    return "\n".join(lines)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="for the bot")
    args = parser.parse_args()
    load_before = uptime()
    result = asyncio.run(measure(dict(item.split("=", 1) for item in args.env)))
    components = component_rss()
    load_after = uptime()
    print(json.dumps(result, indent=2))
    text = markdown(result, components, load_before, load_after)
    print(text)
    if args.write:
        path = REPO / "BENCHMARKS.md"
        current = path.read_text()
        if MARKERS[0] in current:
            current = re.sub(re.escape(MARKERS[0]) + ".*?" + re.escape(MARKERS[1]), lambda _: text, current,
                             flags=re.S)
        else:
            current = current.rstrip() + "\n\n" + text + "\n"
        path.write_text(current)


if __name__ == "__main__":
    main()
