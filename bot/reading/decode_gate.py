"""Large image decodes, limited in number at once and per user, so a burst of huge images neither
exhausts memory nor holds every CPU worker while other chats wait.

A decode is large when the header says it needs more than LARGE_DECODE_BYTES at once (ordinary
photos, JPEGs read at reduced size, never are). Large ones take one of `at_once` slots, and one
user's large ones go one after another, so a user sending ten waits for their own, not others for
them. After each, freed memory is handed back to the system.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from ..memory import give_back_freed_memory
from .photos import decode_cost

LARGE_DECODE_BYTES = 48_000_000  # e.g. 4000x3000 RGBA; a phone photo read at reduced size is ~6 MB


class DecodeGate:
    def __init__(self, at_once: int = 1):
        self._slots = asyncio.Semaphore(at_once)
        self._users: dict[str, tuple[asyncio.Lock, int]] = {}  # user -> (their turn, how many want it)

    @asynccontextmanager
    async def slot(self, user: str, data: bytes) -> AsyncIterator[None]:
        """Hold while `data` is decoded; waits only if it is a large decode."""
        if decode_cost(data) <= LARGE_DECODE_BYTES:
            yield
            return
        turn, wanting = self._users.get(user, (asyncio.Lock(), 0))
        self._users[user] = (turn, wanting + 1)
        try:
            async with turn, self._slots:
                yield
        finally:
            turn, wanting = self._users[user]
            if wanting == 1:
                del self._users[user]
            else:
                self._users[user] = (turn, wanting - 1)
            await asyncio.to_thread(give_back_freed_memory)
