"""Telegram's length limits, and fitting what we send into them — the user's own words shortened first.

Telegram counts a text after its HTML is parsed; we count UTF-16 code units, which is never less
than what Telegram counts, so a text that fits here fits there.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable

from ..state import AnswerState

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
TOAST_LIMIT = 200  # a callback query's answer
ECHOED_FIELDS = ("user_words", "seen")  # what the answer repeats of the user's caption, /mood words or Azure's
_TAG = re.compile(r"<[^>]*>")


def visible_length(html_text: str) -> int:
    """Length as the user sees it (tags removed, entities decoded), in UTF-16 code units."""
    return len(html.unescape(_TAG.sub("", html_text)).encode("utf-16-le")) // 2


def shortened(words: str, by: int) -> str:
    """`words` at least `by` characters shorter, ending in '…' (just '…' if nothing is left)."""
    return words[: max(0, len(words) - by - 1)].rstrip() + "…"


def fit_answer(render: Callable[[AnswerState], str], state: AnswerState, limit: int = MESSAGE_LIMIT) -> str:
    """`render(state)`, with the echoed words shortened just enough to fit; the moods and songs stay whole.

    Only the rendering is shortened: the state keeps the full words for the next edit.
    """
    rendered = render(state)
    for name in ECHOED_FIELDS:
        over = visible_length(rendered) - limit
        if over <= 0:
            return rendered
        if getattr(state, name):
            state = dataclasses.replace(state, **{name: shortened(getattr(state, name), over)})
            rendered = render(state)
    if visible_length(rendered) <= limit:
        return rendered
    return plain_cut(rendered, limit)


def plain_cut(html_text: str, limit: int) -> str:
    """Last resort: the text without its formatting, cut to `limit`."""
    plain = html.unescape(_TAG.sub("", html_text))
    while len(plain.encode("utf-16-le")) // 2 > limit - 1:
        plain = plain[: -max(1, (len(plain.encode("utf-16-le")) // 2 - limit + 1) // 2)]
    return html.escape(plain + "…", quote=False)
