"""`python -m recommender build|suggest`: the engine from a terminal, and its stable JSON."""

from __future__ import annotations

import argparse
import collections
import json
import logging
import multiprocessing
import os
import sys
from pathlib import Path

from .errors import RecommenderError
from .suggestion import SONGS

BATCH = 64
# --stdin answers its batches in this many forked processes (at most one per core): an answer is mostly
# Python over numpy, one core's work (10.4 ms of CPU a caption on an AMD EPYC; 137/s in one process on an
# idle 2-core Intel), and two processes answer the very same lines (BENCHMARKS.md, "Batched captions in two processes").
WORKERS = 2
IN_FLIGHT = 2  # batches queued per worker, so none waits while the parent prints


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.run(args)
    except RecommenderError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m recommender", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build data/ from the sources (idempotent)")
    build.add_argument("--sources", type=Path, help="folder laid out like ../shared/data (default: ../shared/data, "
                                                     "else download the public files)")
    build.add_argument("--muse", type=Path, help="the full MuSe song table (muse_v3.csv) to use as the catalog")
    build.add_argument("--catalog", choices=("spotify", "deezer", "both"),
                       help="the song catalog (default: both, Spotify's well-known songs with Deezer's; "
                            "see BENCHMARKS.md); --muse replaces it")
    build.add_argument("--data-dir", type=Path, help="where to write the index (default: data/)")
    build.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    build.set_defaults(run=_build)

    suggest = commands.add_parser("suggest", help="moods and songs for a description")
    suggest.add_argument("text", nargs="?", help="the description (or use --stdin)")
    suggest.add_argument("--stdin", action="store_true", help="one description per input line, answered in order")
    suggest.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    suggest.add_argument("--scoring", choices=("improved", "original"), default="improved")
    suggest.add_argument("--songs", type=int, default=SONGS)
    suggest.add_argument("--data-dir", type=Path)
    suggest.add_argument("--workers", type=int, help=f"--stdin: answer batches in this many forked processes "
                                                      f"(default: {WORKERS}, at most one per core; 1: this process)")
    suggest.set_defaults(run=_suggest)
    return parser


def _build(args: argparse.Namespace) -> int:
    from .index import build
    from .sources import SourcesError

    logging.getLogger("recommender").setLevel(logging.INFO)
    try:
        report = build(args.data_dir, sources_dir=args.sources, muse_path=args.muse, force=args.force,
                       catalog_name=args.catalog)
    except SourcesError as error:
        raise RecommenderError(str(error)) from error
    except (OSError, ValueError) as error:
        raise RecommenderError(f"build failed: {error}") from error
    state = "built" if report.rebuilt else "up to date"
    print(f"{state}: {report.combinations} combinations over {report.labels} labels, "
          f"{report.songs} {report.catalog} songs in {report.data_dir} ({report.seconds:.1f} s)")
    return 0


def _suggest(args: argparse.Namespace) -> int:
    if args.stdin == (args.text is not None):
        raise RecommenderError("give either a description or --stdin")
    if not 1 <= args.songs <= 50:
        raise RecommenderError("--songs must be between 1 and 50")
    if args.workers is not None and args.workers < 1:
        raise RecommenderError("--workers must be 1 or more")
    from .engine import Recommender

    workers = _worker_count(args) if args.stdin else 1
    # one ONNX Runtime thread where workers are forked: a forked process would inherit the pool's
    # bookkeeping without its threads (the vectors are the same bits either way)
    recommender = Recommender.load(args.data_dir, scoring_name=args.scoring,
                                   encoder_threads=1 if workers > 1 else None)
    if not args.stdin:
        suggestion = recommender.suggest(args.text, songs=args.songs)
        print(json.dumps(suggestion.to_json(), ensure_ascii=False) if args.json else _human(suggestion))
        return 0
    return _suggest_lines(recommender, sys.stdin.buffer, args, workers)


def _worker_count(args: argparse.Namespace) -> int:
    """The processes --stdin answers in: --workers, else WORKERS; never more than the cores, and 1
    where processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(args.workers or WORKERS, os.cpu_count() or 1))


def _suggest_lines(recommender, stream, args: argparse.Namespace, workers: int = 1) -> int:
    """Answer every line in order; a bad line gets an {"error"} object, the rest are still answered.
    With workers > 1, the batches are answered in that many forked processes, printed in input order
    (an answer never depends on its batch: the encoder reads each text as if alone)."""
    failures = 0
    batches = _batches(stream)
    answered = (_answers_in_processes(recommender, batches, args, workers) if workers > 1
                else (_printed(recommender, batch, args) for batch in batches))
    for lines, failed in answered:
        failures += failed
        if lines:
            print("\n".join(lines))
        sys.stdout.flush()
    return 1 if failures else 0


def _batches(stream):
    """The input lines in batches of BATCH: (text, "") or (None, why it cannot be read); one last
    (maybe empty) batch at the end."""
    batch: list[tuple[str | None, str]] = []
    for number, raw in enumerate(stream, start=1):
        try:
            batch.append((raw.decode("utf-8").rstrip("\r\n"), ""))
        except UnicodeDecodeError:
            batch.append((None, f"line {number} is not valid UTF-8 text"))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    yield batch


def _printed(recommender, batch, args: argparse.Namespace) -> tuple[list[str], int]:
    """The printed lines of one batch's answers and how many of its lines failed."""
    lines, failures = [], 0
    for answer, suggestion in _answer_batch(recommender, batch, args.songs):
        failures += suggestion is None
        if args.json:
            lines.append(json.dumps(answer, ensure_ascii=False))
        else:
            lines.append(_human(suggestion) if suggestion else f"error: {answer['error']}")
    return lines, failures


_forked = None  # the recommender the forked workers answer with (inherited, so its pages stay shared)


def _printed_in_worker(batch, args: argparse.Namespace) -> tuple[list[str], int]:
    return _printed(_forked, batch, args)


def _answers_in_processes(recommender, batches, args: argparse.Namespace, workers: int):
    """_printed for each batch, in `workers` forked processes, yielded in input order with at most
    IN_FLIGHT batches a worker queued (so a long input is read as it is answered)."""
    import gc
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _forked
    _forked = recommender
    gc.collect()
    gc.freeze()  # the collector leaves the loaded objects alone, so fewer shared pages get copied
    pending: collections.deque = collections.deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            for batch in batches:
                pending.append(pool.submit(_printed_in_worker, batch, args))
                if len(pending) >= workers * IN_FLIGHT:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as error:
            raise RecommenderError(f"a worker process died ({error}); try --workers 1") from error


def _answer_batch(recommender, batch, songs: int) -> list[tuple[dict, object]]:
    """(JSON object, Suggestion or None) per line, valid lines embedded in one batch."""
    from .engine import SuggestRequest

    readable = [position for position, (text, _) in enumerate(batch) if text is not None]
    answers: list[tuple[dict, object]] = [({"error": problem}, None) for _, problem in batch]
    results = recommender.suggest_each([SuggestRequest(batch[p][0], songs=songs) for p in readable])
    for position, result in zip(readable, results):
        if isinstance(result, RecommenderError):
            answers[position] = ({"text": batch[position][0][:200], "error": str(result)}, None)
        else:
            answers[position] = (result.to_json(), result)
    return answers


def _human(suggestion) -> str:
    lines = [f"“{suggestion.text}”", "Moods:"]
    lines += [f"  {' · '.join(mood.labels)}  ({mood.score:.3f})" for mood in suggestion.moods]
    lines.append("Songs:")
    lines += [f"  {song.artist} — {song.title}  {song.url}" for song in suggestion.songs]
    return "\n".join(lines)
