"""Telegram's flood limits, respected without throttling what the limits don't count.

What Telegram enforces on a bot that replies to its users: about one message a second
per chat, 20 a minute per group, and a 429 with `retry_after` when it wants a pause.
The often-quoted ~30 messages a second overall is for bulk notifications (messaging
many users unprompted), not for replies. So by default the overall cap is off
(`BOT_MESSAGES_PER_SECOND` sets one), groups keep their 20 a minute, and a 429
pauses every request until `retry_after` has passed, then retries: a burst never
turns into a 429 storm. PTB's AIORateLimiter would count every call that names a
chat; here only calls that create messages use the overall and group buckets.
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
