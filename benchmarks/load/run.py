"""Load benchmark: N chats each send one photo at once; how fast, and at what cost, is each answered?

Everything stays on 127.0.0.1. This one process runs the fake Bot API server and a fake
Azure AI Vision that answers every request after 300 ms, and, for 2 instances, a
round-robin reverse proxy. Each configuration starts its bot(s) as subprocesses, waits until
they are ready (long poll or setWebhook seen, then warm-up photos answered), pushes N photo
updates from N distinct chats in one go, and records for each chat the time from its push to
the bot's answer, the message carrying the song buttons: Storytune's ``editMessageText`` (its
status message turned into the answer), the reference's ``sendMessage``. The reference
(``reference_bot.py``) only downloads, captions with Azure and replies, with
python-telegram-bot's default settings.

    .venv/bin/python -m benchmarks.load.run                 # all configurations, 200 and 1,000 chats
    .venv/bin/python -m benchmarks.load.run --quick         # 50 chats, a smoke run
    .venv/bin/python -m benchmarks.load.run --configs reference-polling,storytune-polling --chats 200
    .venv/bin/python -m benchmarks.load.run --write         # also update BENCHMARKS.md

Reported per configuration and N: photos/s = answers / (last answer - first push), p50/p95/max
time to answer and to the first reply, chats answered exactly once (those not answered, those
only apologised to, those answered twice), answers without Azure's caption, the bots' CPU
seconds (user+sys, summed over instances and their worker processes; the busiest threads in the JSON),
peak RSS of the main processes (VmHWM, summed) and all processes' PSS after the burst, Storytune's own per-stage timings from its update log, and this harness's
own CPU over the same window, so a saturated fake server is seen rather than mistaken for a
slow bot. One JSON line per configuration goes to stdout, then the Markdown section. A
configuration whose bot exits or is not ready within 60 s is reported as "not run: <reason>".
Every wait is bounded: 60 s to be ready, 60 s of warm-up, 60 s + 0.25 s per chat for the
answers (or 30 s without any reply), 30 s to stop.

Options for experiments (their rows say so): ``--bot-env NAME=VALUE`` for Storytune's
processes, ``--env NAME=VALUE`` for every bot, ``--profile DIR`` to py-spy the first bot
during each push (perturbs the figures), ``--keep-logs DIR`` for the bots' logs.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import itertools
import json
import math
import os
import platform
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from aiohttp import ClientSession, ClientTimeout, TCPConnector, web
from PIL import Image

from bot.views.texts import TEXTS
from benchmarks.processes import process_tree, stat_cpu_seconds, tree_cpu_seconds, tree_memory_mb
from tests.fakes import photos
from tests.fakes.azure_server import AzureVisionServer, slow, success
from tests.fakes.telegram_api import FakeTelegramServer
from tests.support.network import free_port

REPO = Path(__file__).resolve().parents[2]
REFERENCE_BOT = Path(__file__).resolve().parent / "reference_bot.py"
BENCHMARKS_MD = REPO / "BENCHMARKS.md"
START_MARKER, END_MARKER = "<!-- load:start -->", "<!-- load:end -->"
AZURE_CAPTION = "two friends laughing on a beach at sunset"
AZURE_SECONDS = 0.3
READY_SECONDS = 60.0
WARM_UP_PHOTOS_PER_INSTANCE = 3
DUPLICATE_GRACE_SECONDS = 3.0
QUIET_SECONDS = 30.0  # no reply at all for this long: the chats still waiting will not be answered
TELEGRAM_SIDES = (90, 320, 800, 1280)  # the PhotoSizes Telegram keeps of a 1280x960 photo
SCENES = ("beach", "sunset", "night", "forest", "fog")
STORYTUNE_APOLOGIES = frozenset(TEXTS["error"].values())


@dataclass(frozen=True)
class Setup:
    name: str
    bot: str  # "reference" or "storytune"
    webhook: bool = False
    instances: int = 1
    redis: bool = False


SETUPS = {s.name: s for s in (
    Setup("reference-polling", "reference"),
    Setup("storytune-polling", "storytune"),
    Setup("reference-webhook", "reference", webhook=True),
    Setup("storytune-webhook", "storytune", webhook=True),
    Setup("storytune-webhook-2x-redis", "storytune", webhook=True, instances=2, redis=True),
)}


class NotRun(Exception):
    """The configuration could not be measured; the message says why."""


# ---- the fake Bot API, recording when each chat got each message --------------------------------

@dataclass
class Reply:
    at: float
    method: str
    text: str
    url_buttons: int


@dataclass
class Round:
    """One measured push: which chats, when each was pushed, what each got back.

    A chat's answer is the message that carries the song buttons (Storytune: the status message
    edited into the answer; reference: its sendMessage). A Storytune edit without buttons is an
    apology or a refusal: the chat is settled, but not answered. So is any message in ``apologies``
    (Storytune's error handler apologises in a new message when no status message was sent yet).
    """

    chats: set[int]
    final_method: str  # "editMessageText" (Storytune) or "sendMessage" (reference)
    apologies: frozenset[str] = frozenset()
    pushed: dict[int, float] = field(default_factory=dict)
    replies: dict[int, list[Reply]] = field(default_factory=dict)
    answered: dict[int, float] = field(default_factory=dict)
    settled: set[int] = field(default_factory=set)
    last_reply: float = 0.0
    done: asyncio.Event = field(default_factory=asyncio.Event)

    def is_final(self, reply: Reply) -> bool:
        return reply.method == self.final_method and reply.url_buttons > 0

    def record(self, chat: int, reply: Reply) -> None:
        self.replies.setdefault(chat, []).append(reply)
        self.last_reply = reply.at
        if self.is_final(reply) and chat not in self.answered:
            self.answered[chat] = reply.at
        if reply.method == self.final_method or reply.text in self.apologies:
            self.settled.add(chat)
            if len(self.settled) == len(self.chats):
                self.done.set()

    def finals(self, chat: int) -> list[Reply]:
        return [r for r in self.replies.get(chat, []) if self.is_final(r)]

    def apologised(self, chat: int) -> bool:
        """Got no answer, but a final-method message without buttons or an apology."""
        return chat not in self.answered and any(r.method == self.final_method or r.text in self.apologies
                                                 for r in self.replies.get(chat, []))

    async def wait(self, limit: float, quiet: float) -> None:
        """Until every chat is settled, ``quiet`` seconds pass without any reply, or ``limit`` seconds."""
        deadline = time.monotonic() + limit
        while not self.done.is_set() and time.monotonic() < deadline:
            if self.last_reply and time.monotonic() - self.last_reply > quiet:
                return
            try:
                await asyncio.wait_for(self.done.wait(), 1.0)
            except TimeoutError:
                pass


class RecordingTelegram(FakeTelegramServer):
    """The shared fake Bot API server, noting the time of every sendMessage/editMessageText."""

    def __init__(self) -> None:
        super().__init__()
        self.round: Round | None = None

    def _note(self, method: str, params: dict, result: object) -> None:
        current = self.round
        try:
            chat = int(params.get("chat_id"))
        except (TypeError, ValueError):
            return
        if current is None or chat not in current.chats or not isinstance(result, dict):
            return
        markup = params.get("reply_markup") if isinstance(params.get("reply_markup"), dict) else {}
        urls = sum(1 for row in markup.get("inline_keyboard") or [] for b in row if "url" in b)
        current.record(chat, Reply(time.monotonic(), method, str(result.get("text", "")), urls))

    async def _api_send_message(self, params: dict) -> dict:
        result = await super()._api_send_message(params)
        self._note("sendMessage", params, result)
        return result

    async def _api_edit_message_text(self, params: dict) -> dict | bool:
        result = await super()._api_edit_message_text(params)
        self._note("editMessageText", params, result)
        return result

    @property
    def has_webhooks(self) -> bool:
        return "setwebhook" in self._handlers

    def calls_since(self, index: int, method: str) -> list:
        return [c for c in self.calls[index:] if c.method.lower() == method.lower()]


# ---- photos ------------------------------------------------------------------------------------

def photo_blobs() -> list[list[tuple[bytes, int, int]]]:
    """A few distinct realistic photos, each as Telegram's PhotoSizes (bytes, width, height), smallest first."""
    result = []
    for seed, kind in enumerate(SCENES):
        full = photos.scene(kind, (1280, 960), seed=seed)
        sizes = []
        for side in TELEGRAM_SIDES:
            width, height = side, side * 3 // 4
            image = full if side == 1280 else full.resize((width, height), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=87)
            sizes.append((buffer.getvalue(), width, height))
        result.append(sizes)
    return result


def register_photo(telegram: FakeTelegramServer, blobs: list[tuple[bytes, int, int]]) -> list[dict]:
    """Fresh file ids for one chat's photo (the bytes are shared, so this costs nothing)."""
    return [{**telegram.add_file(data, folder="photos", file_name="p.jpg"), "width": w, "height": h}
            for data, w, h in blobs]


# ---- processes: CPU, memory ------------------------------------------------------------------------

def cpu_seconds(pid: int) -> float:
    """user + system CPU of a process and its worker processes, all their threads, from /proc."""
    if not Path(f"/proc/{pid}").exists():
        return float("nan")
    return tree_cpu_seconds(pid)


def thread_cpu_seconds(pid: int) -> dict[int, tuple[str, float]]:
    """{thread id: (name, user+system CPU seconds)} for every thread of a process and its worker
    processes (a worker's threads named "worker <pid>/<name>")."""
    threads = {}
    for member in process_tree(pid):
        for task in Path(f"/proc/{member}/task").glob("*"):
            try:
                name = (task / "comm").read_text().strip()
                threads[int(task.name)] = (name if member == pid else f"worker {member}/{name}",
                                           stat_cpu_seconds(task / "stat"))
            except OSError:
                continue
    return threads


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


async def port_open(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    return True


class Redis:
    """A throw-away redis-server on 127.0.0.1: no persistence, stopped when done."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def wait_ready(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.write(b"PING\r\n")
                pong = await asyncio.wait_for(reader.read(16), 1)
                writer.close()
                if pong.startswith(b"+PONG"):
                    return
            except (OSError, TimeoutError):
                pass
            await asyncio.sleep(0.05)
        raise NotRun(f"redis-server did not answer PING on port {self.port}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class RoundRobinProxy:
    """A tiny reverse proxy on 127.0.0.1 that hands each webhook POST to the next instance in turn."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self._next = itertools.cycle(ports)
        self._runner: web.AppRunner | None = None
        self._http: ClientSession | None = None
        self.port = 0

    async def start(self) -> RoundRobinProxy:
        self._http = ClientSession(connector=TCPConnector(limit=0), timeout=ClientTimeout(total=60))
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = self._runner.addresses[0][1]
        return self

    async def _forward(self, request: web.Request) -> web.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        target = f"http://127.0.0.1:{next(self._next)}{request.rel_url}"
        async with self._http.request(request.method, target, headers=headers, data=await request.read()) as answer:
            return web.Response(status=answer.status, body=await answer.read(),
                                content_type=answer.content_type if answer.content_length else None)

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
        if self._http:
            await self._http.close()


# ---- one configuration ------------------------------------------------------------------------------

@dataclass
class Instance:
    process: asyncio.subprocess.Process
    log: Path
    port: int | None = None

    def tail(self, lines: int = 3) -> str:
        try:
            text = self.log.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(line.strip()[:200] for line in text[-lines:])


class Bench:
    def __init__(self, telegram: RecordingTelegram, azure: AzureVisionServer, blobs, workdir: Path,
                 profile_dir: Path | None, bot_env: dict[str, str], all_env: dict[str, str]) -> None:
        self.telegram, self.azure, self.blobs, self.workdir = telegram, azure, blobs, workdir
        self.profile_dir, self.bot_env, self.all_env = profile_dir, bot_env, all_env
        self._chat_ids = itertools.count(1_000_001)

    def env(self, setup: Setup, state_dir: Path, **extra: str) -> dict[str, str]:
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("TELEGRAM_", "AZURE_", "BOT_", "REDIS_", "STORYTUNE_", "PORT"))}
        return {**inherited, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                "TELEGRAM_BOT_TOKEN": self.telegram.token, "TELEGRAM_BASE_URL": self.telegram.base_url,
                "TELEGRAM_BASE_FILE_URL": self.telegram.base_file_url, "AZURE_VISION_ENDPOINT": self.azure.url,
                "AZURE_VISION_KEY": self.azure.key, "STORYTUNE_STATE_DIR": str(state_dir),
                # every socket on loopback; an ephemeral /metrics port so instances never collide
                "BOT_LISTEN": "127.0.0.1", "METRICS_PORT": "0",
                **self.all_env, **(self.bot_env if setup.bot == "storytune" else {}), **extra}

    async def measure(self, setup: Setup, chats: int) -> dict:
        """Run one configuration for ``chats`` chats; raise NotRun when it cannot be measured."""
        if setup.webhook and not self.telegram.has_webhooks:
            raise NotRun("the fake Bot API server has no setWebhook (webhook delivery) yet")
        run_dir = Path(tempfile.mkdtemp(prefix=f"{setup.name}-{chats}-", dir=self.workdir))
        self.code = code_version()  # others may change the code between configurations
        instances: list[Instance] = []
        redis: Redis | None = None
        proxy: RoundRobinProxy | None = None
        try:
            extra: dict[str, str] = {}
            if setup.redis:
                if shutil.which("redis-server") is None:
                    raise NotRun("redis-server is not installed (apt-get install -y redis-server)")
                redis = Redis(run_dir)
                await redis.wait_ready()
                extra.update(REDIS_URL=redis.url, STORYTUNE_USER_KEY=secrets.token_hex(32))
            ports = [free_port() for _ in range(setup.instances)] if setup.webhook else [None]
            if setup.webhook:
                secret = secrets.token_urlsafe(24)
                if setup.instances > 1:
                    proxy = await RoundRobinProxy(ports).start()
                    url_port = proxy.port
                else:
                    url_port = ports[0]
                extra.update(BOT_WEBHOOK_URL=f"http://127.0.0.1:{url_port}/telegram", BOT_WEBHOOK_SECRET=secret,
                             BOT_LISTEN="127.0.0.1")
            calls_before = len(self.telegram.calls)
            for number, port in enumerate(ports):
                instances.append(await self.start_bot(setup, run_dir, number, port, extra))
            await self.wait_ready(setup, instances, calls_before)
            await self.warm_up(setup, instances)
            return await self.push_and_measure(setup, chats, instances, redis, run_dir)
        finally:
            for instance in instances:
                await stop(instance.process)
            if proxy:
                await proxy.stop()
            if redis:
                redis.stop()
            self.telegram.round = None
            await self.drop_pending()

    async def start_bot(self, setup: Setup, run_dir: Path, number: int, port: int | None,
                        extra: dict[str, str]) -> Instance:
        env = self.env(setup, run_dir / "state", **extra, **({"PORT": str(port)} if port else {}))
        command = ([sys.executable, str(REFERENCE_BOT)] if setup.bot == "reference"
                   else [sys.executable, "-m", "bot"])
        log = run_dir / f"bot-{number}.log"
        with log.open("wb") as out:
            process = await asyncio.create_subprocess_exec(*command, cwd=run_dir, env=env, stdin=subprocess.DEVNULL,
                                                           stdout=out, stderr=subprocess.STDOUT)
        return Instance(process, log, port)

    async def wait_ready(self, setup: Setup, instances: list[Instance], calls_before: int) -> None:
        """Polling: a getUpdates came in. Webhook: every instance set its webhook and listens."""
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            for instance in instances:
                if instance.process.returncode is not None:
                    raise NotRun(f"the bot exited with code {instance.process.returncode}: {instance.tail()}")
            polled = self.telegram.calls_since(calls_before, "getUpdates")
            if setup.webhook:
                if polled:
                    raise NotRun("the bot long-polls although BOT_WEBHOOK_URL is set (no webhook mode yet)")
                set_hooks = [c for c in self.telegram.calls_since(calls_before, "setWebhook") if c.ok]
                if len(set_hooks) >= len(instances) and all([await port_open(i.port) for i in instances]):
                    return
            elif polled:
                return
            await asyncio.sleep(0.1)
        raise NotRun(f"the bot was not ready within {READY_SECONDS:.0f} s: {instances[0].tail()}")

    async def warm_up(self, setup: Setup, instances: list[Instance]) -> None:
        """A few photos answered first, so first-call costs (model, connections, threads) stay out of the figures."""
        count = WARM_UP_PHOTOS_PER_INSTANCE * len(instances)
        current = self.new_round(setup, count)
        for chat in sorted(current.chats):
            self.push_photo(current, chat)
        await current.wait(READY_SECONDS, READY_SECONDS)
        if len(current.answered) < count:
            raise NotRun(f"warm-up photos not answered within {READY_SECONDS:.0f} s "
                         f"({len(current.answered)}/{count}): {instances[0].tail()}")
        await asyncio.sleep(0.5)

    def new_round(self, setup: Setup, chats: int) -> Round:
        ids = {next(self._chat_ids) for _ in range(chats)}
        self.telegram.round = (Round(ids, "sendMessage") if setup.bot == "reference"
                               else Round(ids, "editMessageText", STORYTUNE_APOLOGIES))
        return self.telegram.round

    def push_photo(self, current: Round, chat: int, sizes: list[dict] | None = None) -> None:
        sizes = sizes or register_photo(self.telegram, self.blobs[chat % len(self.blobs)])
        current.pushed[chat] = time.monotonic()
        self.telegram.push_message(chat, photo=sizes)

    async def push_and_measure(self, setup: Setup, chats: int, instances: list[Instance], redis: Redis | None,
                               run_dir: Path) -> dict:
        current = self.new_round(setup, chats)
        order = sorted(current.chats)
        prepared = {chat: register_photo(self.telegram, self.blobs[chat % len(self.blobs)]) for chat in order}
        azure_before = len(self.azure.requests)
        pids = [i.process.pid for i in instances]
        load = os.getloadavg()
        cpu_before = [cpu_seconds(pid) for pid in pids]
        threads_before = thread_cpu_seconds(pids[0])
        redis_before = cpu_seconds(redis.process.pid) if redis else 0.0
        own_before, machine_before = own_cpu_seconds(), machine_cpu_ticks()
        profiler = self.start_profiler(setup, chats, pids[0], run_dir)
        started = time.monotonic()
        for chat in order:
            self.push_photo(current, chat, prepared[chat])
        pushed_in = time.monotonic() - started
        await current.wait(limit=60 + 0.25 * chats, quiet=QUIET_SECONDS)
        ended = max(current.answered.values(), default=time.monotonic())
        cpu_after = [cpu_seconds(pid) for pid in pids]
        threads_after = thread_cpu_seconds(pids[0])
        redis_after = cpu_seconds(redis.process.pid) if redis else 0.0
        own_after, machine_after = own_cpu_seconds(), machine_cpu_ticks()
        await stop_profiler(profiler)
        await asyncio.sleep(DUPLICATE_GRACE_SECONDS)  # late duplicates still count
        rss = sum(peak_rss_mb(pid) for pid in pids)
        held = sum(tree_memory_mb(pid)["pss"] for pid in pids)
        window = max(ended - started, 1e-9)
        latencies = sorted(current.answered[c] - current.pushed[c] for c in current.answered)
        first_replies = sorted(current.replies[c][0].at - current.pushed[c] for c in current.replies)
        finals = {chat: len(current.finals(chat)) for chat in order}
        missing = [c for c in order if finals[c] == 0]
        apologised = [c for c in missing if current.apologised(c)]
        duplicated = [c for c in order if finals[c] > 1]
        without_caption = sum(1 for c in order for r in current.finals(c)[:1] if AZURE_CAPTION not in r.text)
        without_buttons = sum(1 for c in order for r in current.finals(c)[:1] if r.url_buttons == 0)
        bot_cpu = sum(after - before for before, after in zip(cpu_before, cpu_after))
        stages = stage_times([i.log for i in instances], len(current.answered)) if setup.bot == "storytune" else {}
        busy = (machine_after[0] - machine_before[0]) / max(machine_after[1] - machine_before[1], 1)
        return {
            "config": setup.name, "chats": chats, "answered_once": chats - len(missing) - len(duplicated),
            "missing": len(missing), "apologised": len(apologised), "duplicated": len(duplicated),
            "missing_ids": missing[:10], "duplicated_ids": duplicated[:10],
            "without_azure_caption": without_caption, "without_url_buttons": without_buttons,
            "photos_per_s": len(current.answered) / window,
            "complete": not missing,
            "p50_s": percentile(latencies, 0.50), "p95_s": percentile(latencies, 0.95),
            "max_s": latencies[-1] if latencies else float("nan"),
            "first_reply_p50_s": percentile(first_replies, 0.50), "first_reply_p95_s": percentile(first_replies, 0.95),
            "push_s": pushed_in, "window_s": window,
            "bot_cpu_s": bot_cpu, "bot_cpu_ms_per_photo": 1000 * bot_cpu / chats,
            "bot_peak_rss_mb": rss, "bot_pss_after_mb": held, "instances": len(pids),
            "harness_cpu_s": own_after - own_before, "harness_cpu_pct": 100 * (own_after - own_before) / window,
            "redis_cpu_s": redis_after - redis_before if redis else None,
            "machine_busy_pct": 100 * busy, "load_before": load[0],
            "azure_requests": len(self.azure.requests) - azure_before,
            "api_errors": sum(1 for c in self.telegram.calls if not c.ok and str(c.chat_id).isdigit()
                              and int(c.chat_id) in current.chats),
            "threads_cpu_s": busiest_threads(threads_before, threads_after, pids[0]),
            "stages_ms": stages, "profiled": profiler is not None, "code": self.code,
            "bot_env": {**self.all_env, **(self.bot_env if setup.bot == "storytune" else {})},
        }

    def start_profiler(self, setup: Setup, chats: int, pid: int, run_dir: Path):
        if self.profile_dir is None:
            return None
        if shutil.which("py-spy") is None:
            print("py-spy not on PATH (pip install py-spy): not profiling", file=sys.stderr)
            return None
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        out = self.profile_dir / f"{setup.name}-{chats}.txt"
        return subprocess.Popen(["py-spy", "record", "--pid", str(pid), "--format", "raw", "--threads", "--subprocesses",
                                 "--rate", os.environ.get("PYSPY_RATE", "100"), "--output", str(out), "--nonblocking"],
                                stdout=(run_dir / "py-spy.log").open("wb"), stderr=subprocess.STDOUT)

    async def drop_pending(self) -> None:
        """Leave no update and no webhook behind for the next configuration."""
        async with ClientSession() as http:
            async with http.post(f"{self.telegram.base_url}{self.telegram.token}/deleteWebhook",
                                 json={"drop_pending_updates": True}) as answer:
                await answer.read()


async def stop_profiler(profiler: subprocess.Popen | None) -> None:
    if profiler is None:
        return
    profiler.send_signal(signal.SIGINT)
    for _ in range(100):
        if profiler.poll() is not None:
            return
        await asyncio.sleep(0.1)
    profiler.kill()


async def stop(process: asyncio.subprocess.Process) -> None:
    """SIGINT (PTB stops cleanly), then SIGKILL after 30 s."""
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()


def busiest_threads(before: dict, after: dict, pid: int, count: int = 12) -> list[list]:
    """The first instance's threads by CPU used in the window: [thread id (main = pid), name, seconds]."""
    used = [[tid, name, round(cpu - before.get(tid, (name, 0.0))[1], 2)] for tid, (name, cpu) in after.items()]
    return sorted(used, key=lambda t: -t[2])[:count]


def stage_times(logs: list[Path], count: int) -> dict[str, list[float]]:
    """Storytune's own per-stage timings of the last ``count`` photos, from its JSON update log lines:
    {stage: [p50 ms, p95 ms]}. Empty when the bot writes no such lines."""
    entries = []
    for log in logs:
        for line in log.read_text(errors="replace").splitlines():
            if "storytune.updates" not in line or '"kind":"photo"' not in line.replace(" ", ""):
                continue
            try:
                entry = json.loads(line[line.index("{"):])
            except ValueError:
                continue
            entries.append((line[:23], entry))  # the log line's timestamp orders the instances' lines
    entries = [entry for _, entry in sorted(entries, key=lambda pair: pair[0])][-count:]
    stages: dict[str, list[float]] = {}
    for entry in entries:
        for stage, ms in {**entry.get("ms", {}), "total": entry.get("total_ms")}.items():
            if isinstance(ms, (int, float)):
                stages.setdefault(stage, []).append(float(ms))
    return {stage: [percentile(sorted(v), 0.5), percentile(sorted(v), 0.95)] for stage, v in stages.items()}


def percentile(values: list[float], q: float) -> float:
    """Nearest rank."""
    if not values:
        return float("nan")
    return values[max(0, math.ceil(q * len(values)) - 1)]


# ---- report ----------------------------------------------------------------------------------

def machine_line() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "?")
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    return (f"{model}, {os.cpu_count()} cores, {memory / 1024 ** 2:.0f} GiB RAM, Python {platform.python_version()}; "
            f"load average before the run {load}; {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")


def code_version() -> str:
    """The commit measured, and whether the work tree differed from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", "bot", "recommender"],
                               cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return f"{head or 'unknown'}{' + uncommitted changes in bot/ or recommender/' if dirty else ''}"


def table(results: list[dict]) -> str:
    head = ("| configuration | chats | answered once | photos/s | p50 s | p95 s | max s | first reply p50/p95 s "
            "| bot CPU s (ms/photo) "
            "| bot peak RSS MB / PSS after | harness CPU % | machine busy % | load before |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        if "not_run" in r:
            lines.append(f"| {r['config']} | {r['chats']} | not run: {r['not_run']} |" + " |" * 10)
            continue
        once = f"{r['answered_once']}/{r['chats']}"
        if r["missing"] or r["duplicated"]:
            once += f" ({r['missing']} not answered, {r.get('apologised', 0)} of them apologised to; " \
                    f"{r['duplicated']} twice)"
        if r["without_azure_caption"]:
            once += f"; {r['without_azure_caption']} without Azure caption"
        redis = f" + redis {r['redis_cpu_s']:.1f}" if r.get("redis_cpu_s") is not None else ""
        lines.append(
            f"| {r['config']}{''.join(f' {k}={v}' for k, v in r['bot_env'].items())}"
            f"{' (profiled)' if r['profiled'] else ''} | {r['chats']} | {once} "
            f"| {r['photos_per_s']:.1f} | {r['p50_s']:.2f} | {r['p95_s']:.2f} | {r['max_s']:.2f} "
            f"| {r['first_reply_p50_s']:.2f} / {r['first_reply_p95_s']:.2f} "
            f"| {r['bot_cpu_s']:.1f}{redis} ({r['bot_cpu_ms_per_photo']:.0f}) | {r['bot_peak_rss_mb']:.0f} / {r['bot_pss_after_mb']:.0f} "
            f"| {r['harness_cpu_pct']:.0f} | {r['machine_busy_pct']:.0f} | {r['load_before']:.2f} |")
    return "\n".join(lines)


def markdown(results: list[dict], machine: str, command: str) -> str:
    return f"""{START_MARKER}
## Load: N chats each send a photo at once

`{command}` — fake Bot API server and fake Azure (every caption after {AZURE_SECONDS * 1000:.0f} ms) in the
harness process, bots as subprocesses, all on 127.0.0.1; N chats each send one photo at once, after
a few warm-up photos. Time to answer runs from a chat's push to the message carrying the song buttons
(Storytune: its status message edited into the answer; reference: its `sendMessage`); first reply is
Storytune's status message; photos/s = answers / (last answer − first push). The reference
(`benchmarks/load/reference_bot.py`) only downloads, captions and replies, with python-telegram-bot's
defaults plus `concurrent_updates(True)`. CPU is user+sys over the measured window, of each bot and its
worker processes (Storytune forks two for the recommender and the image model, bot/compute.py); peak RSS
is the main processes' VmHWM and PSS the memory all of a bot's processes hold after the burst (pages
they share counted once), each summed over instances; harness CPU % is the fake servers' own share of one core (near 100 %
would mean the harness, not the bot, set the pace); machine busy % counts both cores and any other work
on the machine; load before is the 1-minute load average before each configuration.

Machine: {machine}; code {code_line(results)}

{table(results)}
{stage_table(results)}{END_MARKER}"""


def code_line(results: list[dict]) -> str:
    """The code measured; per configuration when it changed during the run."""
    codes = list(dict.fromkeys(r["code"] for r in results if "code" in r))
    if len(codes) <= 1:
        return codes[0] if codes else code_version()
    return "CHANGED DURING THE RUN: " + "; ".join(
        f"{code} for " + ", ".join(f"{r['config']} {r['chats']}" for r in results if r.get("code") == code)
        for code in codes)


def stage_table(results: list[dict]) -> str:
    """Storytune's own account of each photo (its update log), to show where the time to answer goes."""
    rows = [r for r in results if r.get("stages_ms")]
    if not rows:
        return ""
    names = list(dict.fromkeys(stage for r in rows for stage in r["stages_ms"]))
    lines = ["", "Storytune's own stage timings per photo, p50 / p95 ms (from its update log):", "",
             "| configuration | chats | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for r in rows:
        cells = [" / ".join(f"{v:.0f}" for v in r["stages_ms"][n]) if n in r["stages_ms"] else "" for n in names]
        lines.append(f"| {r['config']} | {r['chats']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_benchmarks(section: str) -> None:
    existing = BENCHMARKS_MD.read_text() if BENCHMARKS_MD.exists() else "# Benchmarks\n"
    if START_MARKER in existing and END_MARKER in existing:
        before, rest = existing.split(START_MARKER, 1)
        after = rest.split(END_MARKER, 1)[1]
        BENCHMARKS_MD.write_text(before + section + after)
    else:
        BENCHMARKS_MD.write_text(existing.rstrip("\n") + "\n\n" + section + "\n")


# ---- main ------------------------------------------------------------------------------------------

async def run(args: argparse.Namespace) -> list[dict]:
    setups = [SETUPS[name] for name in args.configs]
    blobs = photo_blobs()
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="storytune-load-") as workdir:
        async with RecordingTelegram() as telegram, AzureVisionServer() as azure:
            azure.default = slow(AZURE_SECONDS, then=success(AZURE_CAPTION))  # every request, not one-shot
            bench = Bench(telegram, azure, blobs, Path(workdir), args.profile, args.bot_env, args.env)
            for chats in args.chats:
                for setup in setups:
                    print(f"-- {setup.name}, {chats} chats", file=sys.stderr, flush=True)
                    try:
                        result = await bench.measure(setup, chats)
                    except NotRun as reason:
                        result = {"config": setup.name, "chats": chats, "not_run": str(reason)}
                    except Exception as error:  # one broken configuration must not lose the others' figures
                        result = {"config": setup.name, "chats": chats,
                                  "not_run": f"harness error {type(error).__name__}: {error}"[:300]}
                    print(json.dumps(result), flush=True)
                    results.append(result)
                    if args.keep_logs:
                        shutil.copytree(workdir, args.keep_logs, dirs_exist_ok=True)
    return results


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--configs", default=",".join(SETUPS),
                        help=f"comma-separated, from: {', '.join(SETUPS)} (default: all)")
    parser.add_argument("--chats", default="200,1000", help="comma-separated chat counts (default 200,1000)")
    parser.add_argument("--quick", action="store_true", help="50 chats only, a smoke run")
    parser.add_argument("--write", action="store_true", help="update the load section of BENCHMARKS.md")
    parser.add_argument("--profile", type=Path, help="py-spy the (first) bot during each push, raw stacks into DIR "
                                                       "(perturbs the figures)")
    parser.add_argument("--keep-logs", type=Path, help="copy the bots' logs into DIR")
    parser.add_argument("--bot-env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for Storytune's processes, e.g. BOT_MESSAGES_PER_SECOND=1000 "
                             "(repeatable; for experiments, the figures then say so)")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for every bot process, the reference's too (repeatable)")
    args = parser.parse_args(argv)
    args.configs = [name.strip() for name in args.configs.split(",") if name.strip()]
    unknown = [name for name in args.configs if name not in SETUPS]
    if unknown:
        parser.error(f"unknown configuration(s): {', '.join(unknown)}")
    args.chats = [50] if args.quick else [int(n) for n in args.chats.split(",")]
    if any("=" not in item for item in args.bot_env + args.env):
        parser.error("--bot-env and --env take NAME=VALUE")
    args.bot_env = dict(item.split("=", 1) for item in args.bot_env)
    args.env = dict(item.split("=", 1) for item in args.env)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    machine = machine_line()
    results = asyncio.run(run(args))
    shown = list(sys.argv[1:] if argv is None else argv)
    if "--keep-logs" in shown:
        del shown[shown.index("--keep-logs"):shown.index("--keep-logs") + 2]
    command = "python -m benchmarks.load.run " + " ".join(a for a in shown if not a.startswith("--keep-logs="))
    section = markdown(results, machine, command.strip())
    print(section)
    if args.write:
        write_benchmarks(section)
        print(f"updated {BENCHMARKS_MD}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
