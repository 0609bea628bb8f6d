"""The data behind inline buttons: written and parsed here only, and never trusted.

parse_button accepts only what callback_data writes (an action, an 8-character token, maybe a
song id or a steering direction), so a forged or stale press parses to None.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

CALLBACK = re.compile(r"^(more|up|down|why|steer|play|nope):([A-Za-z0-9_-]{8})(?::([A-Za-z0-9_-]{1,40}))?$")
NEEDS_ARGUMENT = {"steer", "play", "nope"}
STEP = 0.5  # one steering press, in the recommender's common (valence, arousal) units


class Steer(enum.Enum):
    """A steering button: its letter in callback data, and one press's move in (valence, arousal)."""

    HAPPIER = "h"
    CALMER = "c"
    MORE_ENERGY = "e"
    MOODIER = "m"

    @property
    def move(self) -> tuple[float, float]:
        return {"h": (STEP, 0.0), "c": (0.0, -STEP), "e": (0.0, STEP), "m": (-STEP, 0.0)}[self.value]


@dataclass(frozen=True)
class ButtonPress:
    action: str
    token: str
    argument: str | None = None


def callback_data(action: str, token: str, argument: str | None = None) -> str:
    """What a button sends back (under Telegram's 64 bytes): "action:token[:argument]"."""
    return f"{action}:{token}" if argument is None else f"{action}:{token}:{argument}"


def parse_button(data: str | None) -> ButtonPress | None:
    """The press a callback's data stands for, or None for anything we did not send."""
    match = CALLBACK.match(data or "")
    if not match:
        return None
    action, token, argument = match.groups()
    if (action in NEEDS_ARGUMENT) != (argument is not None):
        return None
    if action == "steer" and argument not in {steer.value for steer in Steer}:
        return None
    return ButtonPress(action, token, argument)
