"""Nothing fetched is lost when the process dies: every update is kept in the state store before
Telegram learns it arrived, and dropped from there once it has been handled.

Why the update queue: both long polling (PTB's Updater) and the webhook server put each update
into ``Application.update_queue`` — the Updater before it confirms the offset with its next
getUpdates, the webhook before it answers Telegram's POST with 200. Keeping the update inside
``put`` therefore makes it durable before Telegram forgets it, in both modes.

After a crash, the updates still pending are taken up again: at start and then every few seconds,
those whose claim is older than the lease (their process is gone) are claimed anew and handled.
An update Telegram delivers again (its offset was never confirmed) is skipped, as is one already
handled in the last 26 hours, so none is answered twice.
"""

from __future__ import annotations

import asyncio
import json
import logging

from telegram import Bot, Update

from ..state import StateStore

log = logging.getLogger(__name__)

STATUS_FIELD = "storytune_status_message"


class UpdateJournal:
    def __init__(self, store: StateStore, lease_seconds: float):
        self._store = store
        self.lease_seconds = lease_seconds
        self._in_flight: set[int] = set()  # taken by this process: never reclaimed from under it
        self._statuses: dict[int, int] = {}  # update id -> status message a dead process sent for it
        self._kept: dict[int, str] = {}  # update id -> its JSON as kept, for note_status (until done)

    async def keep(self, update: Update) -> bool:
        """False when Telegram delivers again an update that is pending or was already handled."""
        if update.update_id in self._in_flight:
            return False
        raw = json.dumps(update.to_dict(), separators=(",", ":"))
        if not await self._store.keep_update(update.update_id, raw):
            log.info("update %d was delivered again; it is handled once", update.update_id)
            return False
        self._in_flight.add(update.update_id)
        self._kept[update.update_id] = raw
        return True

    async def done(self, update_id: int) -> None:
        await self._store.finish_update(update_id)
        self._in_flight.discard(update_id)
        self._statuses.pop(update_id, None)
        self._kept.pop(update_id, None)

    async def note_status(self, update: Update, message_id: int) -> None:
        """Remember the "working" message sent for `update`, so that if the process dies, the update
        taken up again edits that message instead of leaving it and sending another.

        The update's JSON as keep() wrote it, with the field appended: the same text as serialising it
        again (PTB's to_dict, ~0.1 ms a photo on the event loop), which only updates taken up after a
        crash still need."""
        kept = self._kept.get(update.update_id)
        if kept is None:
            raw = json.dumps({**update.to_dict(), STATUS_FIELD: message_id}, separators=(",", ":"))
        else:
            raw = f'{kept[:-1]},{json.dumps(STATUS_FIELD)}:{int(message_id)}}}'
        await self._store.note_update(update.update_id, raw)

    def status_of(self, update_id: int) -> int | None:
        """The "working" message an earlier, dead process already sent for this update."""
        return self._statuses.get(update_id)

    async def reclaim(self, bot: Bot, lease_seconds: float | None = None) -> list[Update]:
        """Updates a dead process fetched and never finished (claimed longer than the lease ago), now ours."""
        updates = []
        lease = self.lease_seconds if lease_seconds is None else lease_seconds
        for raw in await self._store.reclaim_updates(lease):
            fields = json.loads(raw)
            status = fields.pop(STATUS_FIELD, None)
            update = Update.de_json(fields, bot)
            if update.update_id not in self._in_flight:
                self._in_flight.add(update.update_id)
                updates.append(update)
                if status is not None:
                    self._statuses[update.update_id] = status
        if updates:
            log.warning("taking up %d update(s) fetched before a crash", len(updates))
        return updates


class JournalingQueue(asyncio.Queue):
    """The Application's update queue; journals each update before it is queued once a journal is set.

    With `until_next_fetch` (long polling), `put` returns at once and the update is journalled and
    queued in the background: the next getUpdates, which confirms the offset, first waits for
    `settled()`. The Updater puts a fetched batch one update at a time; waiting out each write in turn
    behind a busy event loop held up to 100 updates back for a second under a burst. In webhook
    mode each POST is answered when `put` returns, so there it waits.
    """

    journal: UpdateJournal | None = None

    def __init__(self, *, until_next_fetch: bool = False) -> None:
        super().__init__()
        self._deferred = until_next_fetch
        self._pending: set[asyncio.Task] = set()

    async def put(self, item: object) -> None:
        if self.journal is None or not isinstance(item, Update):
            await super().put(item)
        elif self._deferred:
            task = asyncio.ensure_future(self._keep_then_queue(item))
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)
        else:
            await self._keep_then_queue(item)

    async def settled(self) -> None:
        """Every update put so far is journalled (or known to be a repeat) and queued."""
        while self._pending:
            await asyncio.gather(*self._pending, return_exceptions=True)

    async def _keep_then_queue(self, update: Update) -> None:
        if await self._kept(update):
            await super().put(update)

    async def _kept(self, update: Update) -> bool:
        """A journal that breaks must not stop updates: the update is then handled unjournalled."""
        try:
            return await self.journal.keep(update)
        except Exception:  # noqa: BLE001
            log.exception("could not journal update %d; handling it anyway", update.update_id)
            return True

    async def put_again(self, update: Update) -> None:
        """An update already journalled (taken up after a crash)."""
        await super().put(update)


async def take_up_unfinished(journal: UpdateJournal, queue: JournalingQueue, bot: Bot, *,
                             first_lease: float | None = None) -> None:
    """Runs for the application's life: every third of a lease, queue what crashed processes left.
    The first sweep may use a shorter lease (0 for a store no other process shares)."""
    lease = first_lease
    while True:
        try:
            for update in await journal.reclaim(bot, lease):
                await queue.put_again(update)
        except Exception:  # noqa: BLE001 - a bad record must not stop the sweeps
            log.exception("could not take up unfinished updates")
        lease = None
        await asyncio.sleep(journal.lease_seconds / 3)
