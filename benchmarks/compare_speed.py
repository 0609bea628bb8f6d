"""Start-up, memory and suggestion speed of the recommender in the checkout it is run from, for a
quick side-by-side (e.g. this branch against main) on the same machine and load:

    cd /path/to/checkout && /work/main/.venv/bin/python -m benchmarks.compare_speed   # uses its data/
"""

import gc
import time
from pathlib import Path

import numpy as np

started = time.perf_counter()
import recommender  # noqa: E402  (timed: importing is part of starting up)

engine = recommender.Recommender.load(Path.cwd() / "data")
start_up = time.perf_counter() - started
gc.collect()


def status(field: str) -> int:
    return int(next(line for line in open("/proc/self/status") if line.startswith(field)).split()[1]) // 1024


rss = status("VmRSS")
from recommender.datasets import read_emobank

texts = [text for text in read_emobank(Path("/work/shared/data/emobank/emobank_train_dev.csv")).texts
         if text.strip()][:640]
engine.suggest_many(texts[:64])
started = time.perf_counter()
for i in range(0, 640, 64):
    engine.suggest_many(texts[i:i + 64])
rate = 640 / (time.perf_counter() - started)
times = []
for text in texts[:200]:
    started = time.perf_counter()
    engine.suggest(text)
    times.append(time.perf_counter() - started)
print(f"{Path.cwd()}: start-up {start_up:.2f} s, RSS after load {rss} MB, peak {status('VmHWM')} MB, "
      f"batched {rate:.0f} captions/s, suggest p50 {np.median(times) * 1000:.1f} ms "
      f"p95 {np.percentile(times, 95) * 1000:.1f} ms")
