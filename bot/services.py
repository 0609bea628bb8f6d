"""The long-lived things the handlers use, created once at start and closed at shutdown."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Collection
from dataclasses import dataclass

import aiohttp
from telegram.ext import CallbackContext, ExtBot

from recommender import AffectHint, Recommender, Suggestion

from .answers import AnswerStore
from .config import Config
from .feedback import FeedbackStore
from .vision import AzureVision

log = logging.getLogger(__name__)


@dataclass
class Services:
    recommender: Recommender
    vision: AzureVision | None
    http: aiohttp.ClientSession
    answers: AnswerStore
    feedback: FeedbackStore

    async def suggest(self, description: str, hint: AffectHint | None = None,
                      exclude: Collection[str] = ()) -> Suggestion:
        """The recommender runs in a worker thread so one slow answer never blocks other chats."""
        return await asyncio.to_thread(self.recommender.suggest, description, affect_hint=hint, exclude=exclude)


async def open_services(config: Config) -> Services:
    started = time.perf_counter()
    recommender = await asyncio.to_thread(Recommender.load, config.data_dir)
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=config.azure_time_budget))
    vision = None
    if config.azure_configured:
        vision = AzureVision(http, config.azure_endpoint, config.azure_key, time_budget=config.azure_time_budget)
    else:
        log.warning("AZURE_VISION_ENDPOINT/AZURE_VISION_KEY not set: photos are read by their colours only")
    services = Services(recommender, vision, http, AnswerStore(), FeedbackStore(config.state_dir))
    log.info("services ready in %.2f s", time.perf_counter() - started)
    return services


async def close_services(services: Services) -> None:
    await services.http.close()
    services.feedback.close()


SERVICES_KEY = "storytune.services"


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """PTB's context with one typed way to reach the services."""

    @property
    def services(self) -> Services:
        return self.bot_data[SERVICES_KEY]
