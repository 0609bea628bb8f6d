"""The composition root: one Application, its services created in post_init, its handlers."""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from ..config import Config
from .flood_control import MessageRateLimiter
from .journal import JournalingQueue, UpdateJournal, take_up_unfinished
from ..handlers import buttons, commands, errors, inline, mood, other, photo, settings, tracing
from ..observability import Metrics
from .ops_server import OpsServer
from .transport import AiohttpRequest
from ..services import SERVICES_KEY, close_services, open_services
from .context import BotContext
from ..views.texts import COMMANDS

log = logging.getLogger(__name__)

IMAGE_FILES = filters.Document.IMAGE | filters.Document.FileExtension("heic") | filters.Document.FileExtension(
    "heif") | filters.Document.FileExtension("webp")


def build_application(config: Config) -> Application:
    """A ready-to-run Application; nothing heavy happens until it is initialised."""
    metrics = Metrics()
    ops = OpsServer(metrics, config.listen, config.ops_port) if config.ops_port is not None else None

    queue = JournalingQueue(until_next_fetch=config.webhook_url is None)
    sweeps: list[asyncio.Task] = []

    async def post_init(application: Application) -> None:
        if ops:
            await ops.start()
        services = application.bot_data[SERVICES_KEY] = await open_services(config, metrics)
        # SQLite belongs to this one process: what it left pending is taken up at once; a shared
        # Redis may hold other instances' updates in flight, so those wait for their lease to end.
        services.journal = queue.journal = UpdateJournal(services.store, config.update_lease_seconds)
        sweeps.append(asyncio.create_task(take_up_unfinished(services.journal, queue, application.bot,
                                                             first_lease=None if config.redis_url else 0.0)))
        for language, commands_list in COMMANDS.items():
            await application.bot.set_my_commands([BotCommand(*c) for c in commands_list],
                                                  language_code=None if language == "en" else language)

    async def post_stop(application: Application) -> None:
        metrics.mark_ready(False)
        await _cancel(sweeps)

    async def post_shutdown(application: Application) -> None:
        metrics.mark_ready(False)
        await _cancel(sweeps)
        if ops:
            await ops.stop()
        if SERVICES_KEY in application.bot_data:
            await close_services(application.bot_data.pop(SERVICES_KEY))

    builder: ApplicationBuilder = (
        Application.builder()
        .application_class(ReadyWhenReceiving, kwargs={"metrics": metrics})
        .token(config.telegram_token)
        .context_types(ContextTypes(context=BotContext))
        .concurrent_updates(config.concurrent_updates)
        .update_queue(queue)
        .rate_limiter(MessageRateLimiter(overall_max_rate=config.messages_per_second, overall_time_period=1,
                                         max_retries=3))
        .request(AiohttpRequest(connection_pool_size=config.concurrent_updates, read_timeout=30, write_timeout=30,
                                pool_timeout=10))
        .get_updates_request(AiohttpRequest(connection_pool_size=1, before_each=queue.settled))
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
    )
    if config.telegram_base_url:
        builder = builder.base_url(config.telegram_base_url)
    if config.telegram_base_file_url:
        builder = builder.base_file_url(config.telegram_base_file_url)
    application = builder.build()
    add_handlers(application)
    return application


class ReadyWhenReceiving(Application):
    """Says "ready" on /healthz only once updates can arrive: PTB registers the webhook before its
    server listens, so readiness marked in post_init would send a load balancer (or Telegram) to a
    closed port."""

    def __init__(self, metrics: Metrics, **kwargs) -> None:
        super().__init__(**kwargs)
        self._readiness = metrics

    async def start(self) -> None:
        await super().start()
        self._readiness.mark_ready(True)


async def _cancel(tasks: list[asyncio.Task]) -> None:
    while tasks:
        task = tasks.pop()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def add_handlers(application: Application) -> None:
    """Most specific first: the first matching handler wins. Edited messages are left alone."""
    new = filters.UpdateType.MESSAGE
    application.add_handler(TypeHandler(Update, tracing.begin), group=-1)
    application.add_handler(TypeHandler(Update, tracing.finish), group=99)

    def on(message_filter, callback) -> None:
        application.add_handler(MessageHandler(new & message_filter, callback))

    for name, callback in (("start", commands.start), ("help", commands.help_command), ("about", commands.about),
                           ("mood", mood.on_mood), ("settings", settings.on_settings)):
        application.add_handler(CommandHandler(name, callback, filters=new))
    on(filters.COMMAND, commands.unknown_command)
    on(filters.PHOTO | filters.ANIMATION | IMAGE_FILES, photo.on_photo)
    on(filters.Document.ALL, other.on_other_file)
    on(filters.Sticker.ALL, other.on_sticker)
    on(filters.VOICE | filters.AUDIO, other.on_voice)
    on(filters.VIDEO | filters.VIDEO_NOTE, other.on_video)
    on(filters.TEXT, other.on_text)
    on(filters.ALL, other.on_anything_else)
    application.add_handler(CallbackQueryHandler(settings.on_setting_button, pattern=r"^set:"))
    application.add_handler(CallbackQueryHandler(buttons.on_button))
    application.add_handler(InlineQueryHandler(inline.on_inline_query))
    application.add_error_handler(errors.on_error)
