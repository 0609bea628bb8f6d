"""What operators see: one structured log line per handled update, and Prometheus metrics.

Nothing secret goes in: chats appear as keyed hashes, never ids, tokens, keys or photo bytes.
"""

from __future__ import annotations

import json
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

log = logging.getLogger("storytune.updates")

STAGES = ("download", "caption", "recommend", "reply")


class Metrics:
    """One registry per application, so several apps in one process (tests) never collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates = Counter("storytune_updates_total", "Updates handled, by kind and outcome",
                               ["kind", "outcome"], registry=self.registry)
        self.stage_seconds = Histogram("storytune_stage_seconds", "Time spent per stage of a photo answer",
                                       ["stage"], registry=self.registry,
                                       buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8))
        self.caption_source = Counter("storytune_caption_source_total", "Where descriptions came from",
                                      ["source"], registry=self.registry)
        self.device_readings = Counter("storytune_device_readings_total",
                                       "Photos read by the on-device model instead of Azure, by why",
                                       ["reason"], registry=self.registry)
        self.rate_limited = Counter("storytune_rate_limited_total", "Photos refused by the per-user limit",
                                    registry=self.registry)
        self.store_unavailable = Counter("storytune_store_unavailable_total",
                                         "State store calls that failed or were skipped during an outage",
                                         ["operation"], registry=self.registry)
        self.worker_restarts = Counter("storytune_worker_restarts_total",
                                       "Compute workers forked again after one died", registry=self.registry)
        self.store_up = Gauge("storytune_store_up", "0 while the state store is unreachable", registry=self.registry)
        self.store_up.set(1)
        self._ready = Gauge("storytune_ready", "1 once the model and index are loaded", registry=self.registry)
        self.is_ready = False

    def mark_ready(self, ready: bool) -> None:
        self.is_ready = ready
        self._ready.set(1 if ready else 0)


ANSWERED, REFUSED, APOLOGISED, FAILED = "answered", "refused", "apologised", "failed"


@dataclass
class Trace:
    """Collects one update's facts while handlers run; logged once at the end.

    outcome is how the update really ended: answered; refused (we told the user why not:
    over the limit, not an image, an expired button…, with `reason` the text's key);
    apologised (something broke and the user was told so); failed (something broke and not
    even the apology reached the user). degraded marks an answer given while the state store
    was unreachable (no buttons, no personal settings).
    """

    chat: str
    kind: str
    started: float = field(default_factory=time.perf_counter)
    stages: dict[str, float] = field(default_factory=dict)
    source: str | None = None
    outcome: str = ANSWERED
    reason: str | None = None
    degraded: bool = False
    # For the error handler, which PTB gives a fresh context: whom to tell, in which language.
    language: str | None = None  # the listener's, once known
    status: object | None = None  # the "working…" message that becomes the answer (a telegram.Message)

    def refuse(self, reason: str) -> None:
        self.outcome, self.reason = REFUSED, reason

    def break_down(self, outcome: str, reason: str) -> None:
        """An error ended the update: APOLOGISED or FAILED, `reason` the error's type."""
        self.outcome, self.reason = outcome, reason

    @contextmanager
    def stage(self, name: str):
        began = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - began

    def finish(self, metrics: Metrics) -> None:
        metrics.updates.labels(self.kind, self.outcome).inc()
        for name, seconds in self.stages.items():
            metrics.stage_seconds.labels(name).observe(seconds)
        if self.source:
            metrics.caption_source.labels(self.source).inc()
        log.info(json.dumps({
            "event": "update", "chat": self.chat, "kind": self.kind, "outcome": self.outcome,
            "reason": self.reason, "degraded": self.degraded, "source": self.source, "ms": {k: round(v * 1000, 1) for k, v in self.stages.items()},
            "total_ms": round((time.perf_counter() - self.started) * 1000, 1)}, separators=(",", ":")))


def update_kind(update) -> str:
    """A coarse, non-identifying name for what the user sent."""
    if getattr(update, "callback_query", None):
        return "button"
    if getattr(update, "inline_query", None):
        return "inline"
    message = getattr(update, "effective_message", None)
    if message is None:
        return "other"
    if message.photo or message.animation or (message.document and (message.document.mime_type or "").startswith(
            "image/")):
        return "photo"
    if message.text and message.text.startswith("/"):
        return "command"
    for kind in ("document", "sticker", "voice", "audio", "video", "text"):
        if getattr(message, kind, None):
            return kind
    return "other"
