"""The recommender and the image model in worker processes (bot/compute.py), as an operator sees them:
the real `python -m bot`, its workers found as its child processes, photos over the fake Bot API."""

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegramServer
from tests.support.process import bot_env
from tests.support.real_photos import oasis_bytes


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.extend(int(child) for child in task.read_text().split())
    return sorted(found)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


async def until(condition, timeout: float = 60) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.1)


async def start_bot(tmp_path: Path, telegram: FakeTelegramServer, **variables: str):
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, stderr=asyncio.subprocess.PIPE, start_new_session=True,
        env=bot_env(tmp_path, TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                    TELEGRAM_BASE_FILE_URL=telegram.base_file_url, BOT_PHOTOS_PER_MINUTE="100", **variables))
    return process


async def answered_with_songs(telegram: FakeTelegramServer, chat: int, photo: str, timeout: float = 90) -> str:
    telegram.push_photo(chat, oasis_bytes(photo))
    edit = await telegram.wait_for("editMessageText", chat_id=chat, timeout=timeout)
    assert len([row for row in edit.result["reply_markup"]["inline_keyboard"] if "url" in row[0]]) >= 5
    return edit.result["text"]


async def stop(process) -> str:
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    return err.decode()


async def test_two_workers_answer_and_photos_still_get_songs_after_the_workers_are_killed(tmp_path):
    async with FakeTelegramServer() as telegram:
        process = await start_bot(tmp_path, telegram)
        try:
            first = await answered_with_songs(telegram, 1, "Dog 12")
            assert first.startswith("📷 I see (on this device): beagle")
            workers = children(process.pid)
            assert len(workers) == 2, f"the recommender and the image model run in two forked workers: {workers}"
            for worker in workers:
                os.kill(worker, signal.SIGKILL)  # as an out-of-memory kill would
            await until(lambda: not any(alive(worker) for worker in workers))
            again = await asyncio.gather(*(answered_with_songs(telegram, 10 + n, "Dog 12") for n in range(4)))
            assert all(text.startswith("📷 I see (on this device): beagle") for text in again), \
                f"the same reading, computed in the bot's own threads: {[text[:60] for text in again]}"
            await asyncio.sleep(6)  # past the pause between restarts
            await answered_with_songs(telegram, 20, "Beach 1")
            await until(lambda: len([pid for pid in children(process.pid) if alive(pid)]) == 2)
            assert not set(children(process.pid)) & set(workers), "new workers were forked"
            await answered_with_songs(telegram, 21, "Beach 1")
        finally:
            log = await stop(process)
        assert process.returncode == 0, log[-2000:]
        assert "a compute worker died" in log


async def test_workers_never_outlive_a_killed_bot(tmp_path):
    async with FakeTelegramServer() as telegram:
        process = await start_bot(tmp_path, telegram)
        try:
            await answered_with_songs(telegram, 1, "Beach 1")
            workers = children(process.pid)
            assert len(workers) == 2
            process.kill()
            await process.wait()
            await until(lambda: not any(alive(worker) for worker in workers), timeout=30)
        finally:
            await stop(process)


async def test_sigterm_to_the_whole_group_answers_every_photo_in_flight(tmp_path):
    """systemd, Heroku and a Ctrl-C signal every process of the bot, the workers too: they keep
    computing until the bot has answered what it fetched."""
    async with FakeTelegramServer() as telegram:
        process = await start_bot(tmp_path, telegram)
        try:
            await answered_with_songs(telegram, 1, "Beach 1")
            chats = range(100, 112)
            for chat in chats:
                telegram.push_photo(chat, oasis_bytes("Dog 12"))
            await telegram.wait_for("sendMessage", chat_id=chats[-1], timeout=60)  # all fetched and started
            os.killpg(process.pid, signal.SIGTERM)
            _, err = await asyncio.wait_for(process.communicate(), 60)
            log = err.decode()
        finally:
            if process.returncode is None:
                process.kill()
        assert process.returncode == 0, log[-2000:]
        assert "a compute worker died" not in log, "the workers outlast the signal; the bot stops them"
        for chat in chats:
            edits = [call for call in telegram.calls_for("editMessageText", chat)
                     if "inline_keyboard" in str(call.result.get("reply_markup"))]
            assert len(edits) == 1, f"chat {chat}: {len(edits)} answers"
