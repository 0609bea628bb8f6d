"""Telegram's flood limits, respected without throttling what the limits don't count.

Telegram asks bots to stay under ~30 new messages a second overall and 20 a
minute per group. PTB's AIORateLimiter counts every call that names a chat,
so a photo answer (chat action, status message, edit) would use three slots
where Telegram counts one. Here only calls that create messages pass through
the overall and group buckets; every call still waits out and retries a 429.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import AIORateLimiter

COUNTED_ENDPOINTS = frozenset({
    "sendMessage", "sendPhoto", "sendAudio", "sendDocument", "sendVideo", "sendAnimation", "sendVoice",
    "sendVideoNote", "sendMediaGroup", "sendLocation", "sendVenue", "sendContact", "sendPoll", "sendDice",
    "sendSticker", "copyMessage", "forwardMessage", "copyMessages", "forwardMessages",
})


class MessageRateLimiter(AIORateLimiter):
    """AIORateLimiter whose overall and group limits apply to new messages only."""

    async def process_request(self, callback, args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: int | None):
        if endpoint not in COUNTED_ENDPOINTS:
            data = {key: value for key, value in data.items() if key != "chat_id"}
        return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
