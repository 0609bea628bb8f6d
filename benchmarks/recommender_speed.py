"""Recommender speed and memory on this machine, next to the original per-combination loop.

Measured (all on the built data/, one run):
  start-up     a fresh `python` process: `import recommender`, then `Recommender.load()` (median of 3)
  memory       that process's resident set after load and its peak after 200 suggestions
  suggest      one `suggest()` call per caption over 240 varied captions: p50 / p99
  scoring      the scoring step only (`mood_scores` + the mood pick) for one precomputed embedding
  batched      `suggest_many` over 1,000 captions in batches of 64: captions per second, in this process
  bot workers  the same batches as the bot runs them: `suggest_each` in the recommender's forked worker
               (bot/compute.py ComputeWorkers, set up by bot/services.py open_compute with the bot's
               BOT_WORKER_PROCESSES), one batch in flight, answers checked equal to this process's
  original     the original algorithm as first written, for one description: for each of the
               9,031 combinations, embed its labels with sentence-transformers and average the
               cosines with the caption (torch, no vectorisation)

    .venv/bin/python -m benchmarks.recommender_speed [--quick] [--write] [--data-dir data]

Both batched figures time captions the recommender has not read before (its recent-text cache would
skip their encoding), each after one warm-up batch of other captions.

Each figure is shown with the share of the CPUs other processes took while it was measured
(from /proc/stat minus this process's own time): on a shared machine, latencies are pessimistic.

--quick is a smoke run (fewer calls; the original loop over 300 combinations, extrapolated).
--write puts the figures into BENCHMARKS.md between <!-- speed:start --> and <!-- speed:end -->.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")

BENCHMARKS_MD = REPO / "BENCHMARKS.md"
START, END = "<!-- speed:start -->", "<!-- speed:end -->"
INTRO = """# Benchmarks

Figures measured by the scripts in `benchmarks/` on the machine named in each section; each script
rewrites only its own part of this file, between its markers.
"""
SECTIONS = (  # every script's markers, so a new file has room for all of them
    (START, END),
    ("<!-- quality:start -->", "<!-- quality:end -->"),
)
TARGETS = {  # name: (limit, "max" or "min")
    "suggest_p50_ms": (20.0, "max"),
    "scoring_p50_ms": (0.2, "max"),
    "batched_per_s": (300.0, "min"),
    "workers_batched_per_s": (300.0, "min"),
    "startup_s": (3.0, "max"),
    "rss_peak_mb": (600.0, "max"),
}

SUBJECTS = ["a group of friends", "an old man", "a little girl", "two lovers", "a tired commuter", "a dog",
            "a street musician", "a family", "a crowd of fans", "a lone hiker", "a bride", "a cat",
            "a team of cyclists", "a grandmother", "a soldier", "a child with a balloon"]
ACTIONS = ["laughing", "crying", "dancing", "sleeping", "running", "waiting", "singing", "arguing", "hugging",
           "staring out", "celebrating", "walking slowly", "shouting", "reading quietly"]
PLACES = ["on a beach", "in the rain", "at a rock concert", "by a window", "on an empty street", "in a forest",
          "at a funeral", "in a crowded market", "on a mountain top", "in a neon-lit bar", "at a wedding",
          "in a hospital corridor", "on a frozen lake", "in a sunflower field"]
TIMES = ["at sunset", "at night", "on a grey morning", "under fireworks", "in the snow", "at dawn",
         "on a hot summer day", "during a storm", ""]


def captions(count: int, seed: int = 7) -> list[str]:
    """Distinct caption-like descriptions, like a vision API's output."""
    rng, seen = random.Random(seed), {}
    while len(seen) < count:
        text = " ".join(part for part in (rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(PLACES),
                                          rng.choice(TIMES)) if part)
        seen.setdefault(text, None)
    return list(seen)


def machine() -> dict:
    import onnxruntime

    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    return {
        "cpu": model.group(1).strip() if model else platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "ram_gb": round(int(memory.group(1)) / 1024 / 1024, 1) if memory else None,
        "python": platform.python_version(),
        "onnxruntime": onnxruntime.__version__,
        "os": platform.platform(terse=True),
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }


PROBE = r"""
import json, sys, time
started = time.perf_counter()
from recommender import Recommender
imported = time.perf_counter()
recommender = Recommender.load(sys.argv[1] or None)
loaded = time.perf_counter()

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024

texts = json.loads(sys.stdin.read())
after_load = status("VmRSS")
first = time.perf_counter()
recommender.suggest(texts[0])
first = time.perf_counter() - first
for text in texts:
    recommender.suggest(text)
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported, "first_call_ms": first * 1e3,
                  "rss_after_load_mb": after_load, "rss_after_calls_mb": status("VmRSS"),
                  "rss_peak_mb": status("VmHWM")}))
"""


def cpu_seconds() -> tuple[float, float, float]:
    """(wall, CPU seconds used by the whole machine, CPU seconds used by this process and its children)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    machine_busy = (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # minus idle, iowait
    own = sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for field in ("ru_utime", "ru_stime"))
    return time.monotonic(), machine_busy, own


def others_share(before: tuple[float, float, float], after: tuple[float, float, float]) -> float:
    """Share of all cores that other processes kept busy between two cpu_seconds() readings."""
    wall, busy, own = (a - b for a, b in zip(after, before))
    return round(max(0.0, busy - own) / (wall * (os.cpu_count() or 1)), 2) if wall > 0 else 0.0


def startup_and_memory(data_dir: str, texts: list[str], runs: int) -> dict:
    """Fresh processes, so nothing is warm but the OS file cache; the median run is kept."""
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", PROBE, data_dir], input=json.dumps(texts), text=True,
                              capture_output=True, cwd=REPO, env={**os.environ, "HF_HUB_OFFLINE": "1"}, check=True)
        results.append(json.loads(done.stdout))
    results.sort(key=lambda r: r["import_s"] + r["load_s"])
    middle = dict(results[len(results) // 2])
    middle["startup_s"] = middle["import_s"] + middle["load_s"]
    middle["startup_runs_s"] = [round(r["import_s"] + r["load_s"], 2) for r in results]
    middle["calls"] = len(texts)
    return middle


def percentiles(seconds: list[float]) -> tuple[float, float]:
    values = np.array(seconds) * 1e3
    return float(np.percentile(values, 50)), float(np.percentile(values, 99))


def single_calls(recommender, texts: list[str], scoring_name: str = "improved") -> tuple[float, float]:
    for text in texts[:10]:
        recommender.suggest(text, scoring_name=scoring_name)
    times = []
    for text in texts:
        started = time.perf_counter()
        recommender.suggest(text, scoring_name=scoring_name)
        times.append(time.perf_counter() - started)
    return percentiles(times)


def scoring_only(recommender, texts: list[str], repeats: int) -> tuple[float, float]:
    """`mood_scores` + the pick of three distinct moods, for one already-embedded description."""
    embeddings = recommender._encoder.encode(texts)
    affect = recommender._index.affect.predict(embeddings)[:, :2]
    times = []
    for _ in range(repeats):
        for row in range(len(texts)):
            started = time.perf_counter()
            scores = recommender.mood_scores(embeddings[row : row + 1], affect[row : row + 1], "improved")[0]
            recommender._mood_picker.pick(scores, 3)  # the engine's own pick (moodpicking.MoodPicker)
            times.append(time.perf_counter() - started)
    return percentiles(times[len(texts) :] if repeats > 1 else times)


def batch_rate(answer, texts: list[str], batch: int = 64, warm: list[str] | None = None) -> tuple[float, list]:
    """Captions per second through `answer(batch) -> answers`, one batch at a time after one warm-up
    batch (`warm`, else the first batch, whose repeat then skips the encoder), and the answers in order."""
    answer(warm if warm is not None else texts[:batch])
    answers = []
    started = time.perf_counter()
    for start in range(0, len(texts), batch):
        answers.extend(answer(texts[start : start + batch]))
    return len(texts) / (time.perf_counter() - started), answers


def batched(recommender, texts: list[str], batch: int = 64, warm: list[str] | None = None) -> float:
    return batch_rate(recommender.suggest_many, texts, batch, warm)[0]


def bot_workers_batched(data_dir, texts: list[str], warm: list[str], expected: list) -> dict:
    """The same batches through the bot's own compute workers: the recommender loaded and its workers
    forked as bot/services.py does, each batch sent to `suggest_each` in a worker and waited for (the
    bot's MicroBatcher keeps one recommender batch in flight). The image model's lane, forked too when
    the bot forks two workers or more, gets no model here: it idles, as it does for a text-only burst."""
    from concurrent.futures import ThreadPoolExecutor

    from bot.compute import suggest_each
    from bot.config import Config
    from bot.observability import Metrics
    from bot.services import CPU_WORKERS, open_compute
    from recommender import Recommender, SuggestRequest

    processes = Config.from_env(require_token=False).worker_processes
    recommender = Recommender.load(data_dir, encoder_threads=1)
    cpu = ThreadPoolExecutor(CPU_WORKERS, thread_name_prefix="benchmark-cpu")
    recommending, seeing = open_compute(processes, recommender, None, cpu, Metrics())
    lane_size = recommending._processes  # shutdown() zeroes it
    try:
        in_worker = recommending.submit(os.getpid).result() != os.getpid()  # not the threads' fallback
        run = recommending.bind(suggest_each)
        rate, answers = batch_rate(
            lambda chunk: recommending.submit(run, [SuggestRequest(text) for text in chunk]).result(), texts,
            warm=warm)
    finally:
        for workers in {recommending, seeing}:
            workers.shutdown(wait=True)  # joined, so their CPU counts as this process's (cpu_seconds)
        cpu.shutdown()
    same = sum(mine == theirs for mine, theirs in zip(answers, expected))
    if same != len(expected) or len(answers) != len(expected):
        raise RuntimeError(f"the bot's workers answered {len(expected) - same} of {len(expected)} captions "
                           "differently from this process: their speed would not be the same work's")
    return {"per_s": rate, "captions": len(texts), "bot_worker_processes": processes,
            "recommender_workers": lane_size, "shared_with_image_model": recommending is seeing,
            "in_worker": in_worker, "same_answers": same}


def original_loop(recommender, description: str, limit: int | None) -> dict:
    """The original algorithm, per combination with sentence-transformers, for one description."""
    import torch
    from sentence_transformers import SentenceTransformer

    from recommender.model_export import packaged_model_path

    model = SentenceTransformer(str(packaged_model_path()), device="cpu")
    combinations = recommender._index.combination_labels
    subset = combinations[:limit] if limit else combinations
    model.encode(["warm up"], show_progress_bar=False)
    started = time.perf_counter()
    query = model.encode([description], convert_to_numpy=True, show_progress_bar=False)[0]
    scores = []
    for labels in subset:
        vectors = model.encode(list(labels), convert_to_numpy=True, show_progress_bar=False)
        cosines = vectors @ query / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(query))
        scores.append(float(cosines.mean()))
    seconds = time.perf_counter() - started
    fast = recommender.mood_scores(recommender._encoder.encode([description]), np.zeros((1, 2)), "original")[0]
    return {
        "seconds": seconds * len(combinations) / len(subset),
        "measured_combinations": len(subset),
        "extrapolated": len(subset) < len(combinations),
        "torch": f"torch {torch.__version__}, {torch.get_num_threads()} threads",
        "max_score_gap_vs_vectorised": float(np.abs(np.array(scores) - fast[: len(subset)]).max()),
    }


def _catalog_kind(data_dir) -> str:
    """The built index's catalog ("both", "spotify", "deezer", "muse"), as its manifest says."""
    from recommender.index import MANIFEST, default_data_dir

    manifest = json.loads((Path(data_dir or default_data_dir()) / MANIFEST).read_text())
    return manifest.get("catalog", "the built")


def measure(args: argparse.Namespace) -> dict:
    from recommender import Recommender

    quick = args.quick
    texts = captions(1304)  # the batched stages' 1,000, then their warm-up batch, then the single calls'
    timed, warm, single = texts[:200 if quick else 1000], texts[1000:1064], texts[1064:1104 if quick else 1304]
    data_dir = str(args.data_dir or "")
    figures = {"date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"), "machine": machine(),
               "quick": quick, "load": {}, "catalog": _catalog_kind(args.data_dir)}

    def stage(name: str, run):
        """Run one measurement, noting how much of the CPUs other processes took meanwhile."""
        print(f"{name}...", file=sys.stderr)
        before = cpu_seconds()
        figures[name] = run()
        figures["load"][name] = others_share(before, cpu_seconds())

    stage("process", lambda: startup_and_memory(data_dir, texts[:20 if quick else 200], 1 if quick else 3))
    recommender = Recommender.load(args.data_dir)
    stage("suggest_ms", lambda: single_calls(recommender, single))
    stage("suggest_original_ms", lambda: single_calls(recommender, single, "original"))
    stage("scoring_ms", lambda: scoring_only(recommender, single, 1 if quick else 5))
    answers = []

    def in_this_process() -> float:
        rate, mine = batch_rate(recommender.suggest_many, timed, warm=warm)
        answers.extend(mine)
        return rate

    stage("batched_per_s", in_this_process)
    stage("workers_batched", lambda: bot_workers_batched(args.data_dir, timed, warm, answers))  # before torch
    stage("original_loop", lambda: original_loop(recommender, texts[0], 300 if quick else None))
    figures["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    return figures


def checks(figures: dict) -> dict[str, tuple[float, float, str, bool]]:
    values = {"suggest_p50_ms": figures["suggest_ms"][0], "scoring_p50_ms": figures["scoring_ms"][0],
              "batched_per_s": figures["batched_per_s"],
              "workers_batched_per_s": figures["workers_batched"]["per_s"],
              "startup_s": figures["process"]["startup_s"], "rss_peak_mb": figures["process"]["rss_peak_mb"]}
    return {name: (values[name], limit, kind, values[name] <= limit if kind == "max" else values[name] >= limit)
            for name, (limit, kind) in TARGETS.items()}


def report(figures: dict) -> str:
    m, p, loop, w = figures["machine"], figures["process"], figures["original_loop"], figures["workers_batched"]
    others = max(figures["load"].values())
    result = checks(figures)
    mark = lambda name: "met" if result[name][3] else "**missed**"  # noqa: E731
    during = lambda name: f"{figures['load'][name]:.0%}"  # noqa: E731
    original_note = (f"extrapolated from {loop['measured_combinations']} combinations" if loop["extrapolated"]
                     else f"all {loop['measured_combinations']:,} combinations")
    if "torch" in loop:
        original_note += f"; {loop['torch']}"
    w_captions = f"{w['captions']:,}"
    lines = [
        "## Speed and memory: one description at a time, batches, start-up",
        "",
        "`python -m benchmarks.recommender_speed --write` — the recommender alone (no bot) but for the row "
        "marked *bot's workers*, which runs it as the bot does, on the built "
        f"`data/` ({figures.get('catalog', 'the built')} catalog).",
        "",
        f"Measured {figures['date']}{' (QUICK smoke run: too few calls to quote)' if figures['quick'] else ''}.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; {m['os']}; Python {m['python']}, "
        f"onnxruntime {m['onnxruntime']}. Load average (1 min) {m['load_before'][0]} before, "
        f"{m['load_after'][0]} after.",
    ]
    if others > 0.1:
        lines += ["", f"**The machine was shared with other work during this run: other processes kept up to "
                      f"{others:.0%} of its {m['cores']} cores busy (last column); figures measured then are "
                      f"pessimistic, torch's threads especially so.**"]
    lines += [
        "",
        "| what | figure | target | CPU taken by other work meanwhile |",
        "| --- | --- | --- | --- |",
        f"| start-up: `import recommender` + `Recommender.load()`, fresh process (median of "
        f"{len(p['startup_runs_s'])}: {', '.join(f'{s:.2f}' for s in p['startup_runs_s'])} s) | "
        f"{p['startup_s']:.2f} s (import {p['import_s']:.2f} s, load {p['load_s']:.2f} s) | "
        f"<= 3 s, {mark('startup_s')} | {during('process')} |",
        f"| first `suggest()` after load | {p['first_call_ms']:.1f} ms | | {during('process')} |",
        f"| resident memory after load / peak after {p['calls']} suggestions | {p['rss_after_load_mb']:.0f} MB / "
        f"{p['rss_peak_mb']:.0f} MB | <= 600 MB, {mark('rss_peak_mb')} | {during('process')} |",
        f"| `suggest()` one call, improved scoring, p50 / p99 | {figures['suggest_ms'][0]:.1f} / "
        f"{figures['suggest_ms'][1]:.1f} ms | p50 <= 20 ms, {mark('suggest_p50_ms')} | {during('suggest_ms')} |",
        f"| `suggest()` one call, original scoring (vectorised), p50 / p99 | "
        f"{figures['suggest_original_ms'][0]:.1f} / {figures['suggest_original_ms'][1]:.1f} ms | | "
        f"{during('suggest_original_ms')} |",
        f"| scoring only (`mood_scores` + mood pick, one embedding), p50 / p99 | {figures['scoring_ms'][0]:.3f} / "
        f"{figures['scoring_ms'][1]:.3f} ms | <= 0.2 ms, {mark('scoring_p50_ms')} | {during('scoring_ms')} |",
        f"| batched `suggest_many` in this one process, {w_captions} captions in batches of 64 | "
        f"{figures['batched_per_s']:.0f} captions/s | >= 300/s, {mark('batched_per_s')} | {during('batched_per_s')} |",
        f"| *bot's workers*: the same batches sent to `suggest_each` through the bot's `ComputeWorkers` "
        f"(bot/compute.py: {_lane(w)}), one batch in flight; answers identical to the row above's "
        f"({w['same_answers']:,} of {w_captions}) | {w['per_s']:.0f} captions/s | >= 300/s, "
        f"{mark('workers_batched_per_s')} | {during('workers_batched')} |",
        f"| **original algorithm** (per-combination sentence-transformers loop), one description | "
        f"{loop['seconds']:.1f} s ({original_note}) | reference | {during('original_loop')} |",
        "",
        f"The original loop's scores match the vectorised original scoring to "
        f"{loop['max_score_gap_vs_vectorised']:.1e}; one `suggest()` is "
        f"~{loop['seconds'] * 1e3 / figures['suggest_original_ms'][0]:,.0f}x faster than the loop it replaces.",
    ]
    return "\n".join(lines)


def _lane(workers: dict) -> str:
    """Where the bot's recommender batches ran, in words."""
    processes = workers["bot_worker_processes"]
    if not workers["in_worker"]:
        return ("`BOT_WORKER_PROCESSES=0`: the bot's own threads" if processes == 0 else
                "no worker could be forked: the bot's fallback threads")
    if workers["shared_with_image_model"]:
        return f"the bot's one forked worker (`BOT_WORKER_PROCESSES={processes}`), shared with the image model"
    return (f"the recommender's {workers['recommender_workers']} of the bot's {processes} forked workers "
            f"(`BOT_WORKER_PROCESSES={processes}`), the rest the image model's")


def write_section(text: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace the speed section only; other sections (load, quality) stay as they are."""
    content = path.read_text() if path.exists() else INTRO
    for start, end in SECTIONS:
        if start not in content or end not in content:
            content = content.rstrip() + f"\n\n{start}\n{end}\n"
    head, rest = content.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{text}\n{END}{tail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: few calls, the original loop sampled")
    parser.add_argument("--write", action="store_true", help="update the speed section of BENCHMARKS.md")
    parser.add_argument("--data-dir", type=Path, help="the built index (default: data/)")
    parser.add_argument("--json", action="store_true", help="also print the raw figures as JSON")
    args = parser.parse_args()
    if args.write and args.quick:
        parser.error("--write needs a full run (drop --quick)")
    figures = measure(args)
    text = report(figures)
    print(text)
    if args.json:
        print(json.dumps(figures, indent=2))
    if args.write:
        write_section(text)
        print(f"updated {BENCHMARKS_MD}", file=sys.stderr)


if __name__ == "__main__":
    main()
