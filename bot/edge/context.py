"""PTB's per-update context, with one typed way to reach the services and the update's trace."""

from __future__ import annotations

from telegram.ext import CallbackContext, ExtBot

from ..observability import Trace
from ..services import SERVICES_KEY, Services


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    trace: Trace

    @property
    def services(self) -> Services:
        return self.bot_data[SERVICES_KEY]
