"""Anonymised feedback as CSV, for evaluating suggestions offline (users appear only as keyed hashes)."""

from __future__ import annotations

import asyncio
import csv
import sys

from .config import Config
from .state.sqlite import SQLiteStore

COLUMNS = ("kind", "answer", "user", "vote", "moods", "song_id", "at")


def export_feedback(config: Config, out: str | None) -> int:
    rows = asyncio.run(_rows(config))
    handle = open(out, "w", newline="", encoding="utf-8") if out else sys.stdout
    try:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    finally:
        if out:
            handle.close()
    return 0


async def _rows(config: Config) -> list[dict]:
    store = SQLiteStore(config.state_dir / "storytune.sqlite3")
    try:
        return await store.export_feedback()
    finally:
        await store.close()
