"""One HTTP call made within a time budget, with one retry for a transient failure.

Shared by the Azure and Deezer clients: a user is waiting, so every call (retry and waits
included) ends by its deadline, and the first attempt leaves half the time for the retry.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Transient(Exception):
    """A failure worth one more try: a timeout, a dropped connection, a 5xx, a busy service."""


@dataclass
class CallBudget:
    """One public call's deadline (time.monotonic()) and the retry it may still spend."""

    deadline: float
    retries: int = 1

    @classmethod
    def of(cls, seconds: float) -> CallBudget:
        return cls(time.monotonic() + seconds)

    async def run(self, attempt: Callable[[float], Awaitable[T | None]], *, what: str,
                  fail: Callable[[str], Exception], min_seconds: float, max_attempts: int = 5) -> T:
        """`attempt(timeout)` until it gives a result. It raises `Transient` to spend the retry,
        or returns None to be tried again at no cost (after a wait it was asked to make, say);
        `fail(problem)` is raised once the retry, the attempts or the time is spent."""
        for _ in range(max_attempts):
            remaining = self.deadline - time.monotonic()
            if remaining < min_seconds:
                break
            try:
                result = await attempt(remaining / 2 if self.retries else remaining)
            except Transient as problem:
                if not self.retries:
                    raise fail(str(problem)) from None
                self.retries -= 1
                log.info("%s failed (%s); retrying once", what, problem)
                continue
            if result is not None:
                return result
        raise fail("time budget spent")
