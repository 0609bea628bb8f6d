"""A bot process and its forked workers (bot/compute.py), measured together from /proc."""

from __future__ import annotations

import os
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """pid and all its living descendants."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue.extend(int(child) for child in task.read_text().split())
            except OSError:
                continue
    return found


def stat_cpu_seconds(stat: Path) -> float:
    """user + system CPU seconds from a /proc stat file (a process's, or one thread's under task/).
    Raises OSError when the process or thread is gone."""
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def tree_cpu_seconds(pid: int) -> float:
    """user + system CPU of pid and its living descendants, all threads."""
    total = 0.0
    for member in process_tree(pid):
        try:
            total += stat_cpu_seconds(Path(f"/proc/{member}/stat"))
        except OSError:
            continue
    return total


def tree_memory_mb(pid: int) -> dict[str, int]:
    """rss: RSS summed over the processes (pages they share counted in each); pss: PSS summed (each
    shared page split between its sharers: the memory the processes really hold together)."""
    totals = {"rss": 0.0, "pss": 0.0}
    for member in process_tree(pid):
        try:
            lines = Path(f"/proc/{member}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            name, _, value = line.partition(":")
            if name in ("Rss", "Pss"):
                totals[name.lower()] += int(value.split()[0]) / 1024
    return {name: round(value) for name, value in totals.items()}
