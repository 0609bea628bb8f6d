"""Anonymised feedback as CSV, for evaluating suggestions offline (users appear only as keyed hashes)."""

from __future__ import annotations

import asyncio
import csv
import sys

from ..config import Config
from ..services import open_store
from ..state import StoreUnavailable

COLUMNS = ("kind", "answer", "user", "vote", "moods", "song_id", "at")


def export_feedback(config: Config, out: str | None) -> int:
    try:
        rows = asyncio.run(_rows(config))
    except StoreUnavailable as error:
        print(f"export-feedback: {error}", file=sys.stderr)
        return 1
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
    """From the store the bot itself uses: Redis when REDIS_URL is set, else the SQLite file."""
    store = open_store(config)
    try:
        return await store.export_feedback()
    finally:
        await store.close()
