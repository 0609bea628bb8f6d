"""No secret in any log line: a filter on the log handlers that masks the bot token, the Azure key and the
other secrets wherever they appear — in messages, their arguments, tracebacks and URLs.

Why on the handlers: a handler's filter sees every record it writes, from our loggers and from
PTB's, aiohttp's or asyncio's alike (a logger's filter would miss records its children propagate).
Uncaught exceptions are routed through logging too, so their tracebacks pass the same filter.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from ..config import Config

MASK = "[REDACTED]"
SHORTEST_SECRET = 8  # anything shorter would mask ordinary words


class SecretFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str | None]):
        super().__init__()
        variants = set()
        for secret in filter(None, secrets):
            variants |= {secret, quote(secret, safe=""), quote(secret)}
        self._secrets = sorted((v for v in variants if len(v) >= SHORTEST_SECRET), key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the record once, masked; its traceback too, so no formatter renders the raw one later."""
        record.msg, record.args = self.redact(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def secrets_of(config: Config) -> list[str | None]:
    """The token (and its secret half alone, which error texts sometimes quote), keys, passwords."""
    token = config.telegram_token or ""
    return [token, token.partition(":")[2], config.azure_key, config.webhook_secret, config.user_key,
            urlsplit(config.redis_url).password if config.redis_url else None]


def redact_logs(config: Config) -> SecretFilter:
    """Filter every handler of the root logger, and log uncaught exceptions instead of printing them."""
    secret_filter = SecretFilter(secrets_of(config))
    for handler in logging.getLogger().handlers:
        handler.addFilter(secret_filter)
    crash_log = logging.getLogger("storytune.crash")
    sys.excepthook = lambda kind, error, trace: crash_log.critical("uncaught exception", exc_info=(kind, error, trace))
    threading.excepthook = lambda hook: crash_log.critical(
        "uncaught exception in thread %s", hook.thread.name if hook.thread else "?",
        exc_info=(hook.exc_type, hook.exc_value, hook.exc_traceback))
    logging.captureWarnings(True)
    return secret_filter
