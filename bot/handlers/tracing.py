"""First and last handler of every update: start its trace, then log and count it."""

from telegram import Update

from ..observability import Trace, update_kind
from ..services import BotContext


async def begin(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    context.trace = Trace(chat=context.services.users.of(chat.id) if chat else "-", kind=update_kind(update))


async def finish(update: Update, context: BotContext) -> None:
    context.trace.finish(context.services.metrics)
