"""The on-device image model alone: ms per photo (wall and CPU), one at a time and in batches, and
the memory it adds to the process. Photos are OASIS's 500x400 JPEGs, already decoded to the model's view
(decoding is timed apart: it happens in bot/reading/photos.py whether or not the model runs).

    .venv/bin/python -m benchmarks.photo_model_speed [--threads 1] [--photos 96]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time



def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--photos", type=int, default=96)
    args = parser.parse_args()

    import numpy as np  # noqa: F401  (counted in the baseline, as the bot has it loaded anyway)
    from PIL import Image

    from recommender.index import default_data_dir
    from recommender.oasis import oasis_dir, read_oasis
    from recommender.photo_model import PhotoModel, view_of

    paths = read_oasis(oasis_dir(None, default_data_dir() / "downloads")).paths[: args.photos]
    started = time.perf_counter()
    views = []
    for path in paths:
        with Image.open(path) as image:
            views.append(view_of(image.convert("RGB")))
    decode_ms = (time.perf_counter() - started) * 1000 / len(paths)

    before = rss_mb()
    model = PhotoModel.load(default_data_dir(), threads=args.threads)
    model.read(views[:1])
    loaded = rss_mb()
    result = {"threads": args.threads, "photos": len(views), "decode_and_view_ms_per_photo": round(decode_ms, 1),
              "rss_added_by_loading_mb": round(loaded - before, 1)}
    timings: dict[int, list[float]] = {}
    cpu: dict[int, list[float]] = {}
    for batches in ((1, 2, 4), (8, 16, 32)):  # the bot's batches (at most 4) first: the arena grows with the batch
        for _ in range(2):  # twice, in order, so a drift of the machine shows as a spread
            for batch in batches:
                started, cpu_started = time.perf_counter(), time.process_time()
                for start in range(0, len(views), batch):
                    model.read(views[start:start + batch])
                timings.setdefault(batch, []).append(round((time.perf_counter() - started) * 1000 / len(views), 1))
                cpu.setdefault(batch, []).append(round((time.process_time() - cpu_started) * 1000 / len(views), 1))
        result[f"rss_added_after_batches_up_to_{batches[-1]}_mb"] = round(rss_mb() - before, 1)
    result["ms_per_photo_by_batch_size"] = timings
    result["cpu_ms_per_photo_by_batch_size"] = cpu  # what a shared machine distorts least
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
